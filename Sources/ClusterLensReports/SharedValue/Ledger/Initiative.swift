public import ClusterLensCore

/// One initiative of a cluster's ledger: a project the cluster runs with some of its members, the
/// recommendations it serves, what it costs and the outcomes it measures on the firms' side and on the
/// territory's.
public struct Initiative: Sendable, Equatable {
    /// The id, unique in its ledger (`water-plant`).
    public var id: String
    /// The title.
    public var title: String
    /// What it is, in a sentence or two (optional).
    public var description: String?
    /// The participating members: firm ids of the cluster's member survey (`firm_id`).
    public var members: [String]
    /// When it started (a year, a month or a day in SDMX form: `2022`, `2022-03`, `2022-03-15`).
    public var start: TimePeriod
    /// When it ended, `nil` while it runs.
    public var end: TimePeriod?
    /// The numbers of the recommendations it serves (1–15 in the EEGC scorecard).
    public var recommendations: [Int]
    /// The transitions it advances.
    public var transitions: [TransitionTag]
    /// What it cost, public and private money.
    public var investment: Investment
    /// Member-survey indicator ids (`member_water_intensity`) on which the participants are compared
    /// with the other members (difference in differences).
    public var compare: [String]
    /// The outcome metrics, in file order (converted metrics resolved: their values are filled in).
    public var outcomes: [OutcomeMetric]
    /// Where its parts are in the ledger file, for errors found when the report is built.
    public var locations: Locations

    /// Where an initiative's parts are in its ledger file.
    public struct Locations: Sendable, Equatable {
        /// The initiative (its `id:` value).
        public var initiative: InputLocation
        /// Each member id, in order.
        public var members: [InputLocation]
        /// Each `compare:` id, in order.
        public var compare: [InputLocation]

        /// Creates locations.
        public init(initiative: InputLocation, members: [InputLocation] = [], compare: [InputLocation] = []) {
            self.initiative = initiative
            self.members = members
            self.compare = compare
        }
    }

    /// Creates an initiative.
    public init(
        id: String, title: String, description: String? = nil, members: [String], start: TimePeriod,
        end: TimePeriod? = nil, recommendations: [Int], transitions: [TransitionTag], investment: Investment,
        compare: [String] = [], outcomes: [OutcomeMetric], locations: Locations
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.members = members
        self.start = start
        self.end = end
        self.recommendations = recommendations
        self.transitions = transitions
        self.investment = investment
        self.compare = compare
        self.outcomes = outcomes
        self.locations = locations
    }

    /// The outcome metric with `id`.
    public func outcome(_ id: String) -> OutcomeMetric? {
        outcomes.first { $0.id == id }
    }
}

/// What an initiative cost, in euros: public money (grants, public budgets) and private money (the
/// members' own). An amount not given is unknown, never zero.
public struct Investment: Sendable, Equatable {
    /// Public money, EUR; `nil` when not given.
    public var publicEUR: Double?
    /// Private money, EUR; `nil` when not given.
    public var privateEUR: Double?
    /// Where the amounts are documented (a grant decision, accounts), if said.
    public var evidence: String?

    /// Creates an investment.
    public init(publicEUR: Double? = nil, privateEUR: Double? = nil, evidence: String? = nil) {
        self.publicEUR = publicEUR
        self.privateEUR = privateEUR
        self.evidence = evidence
    }

    /// Public plus private money; `nil` unless both are known.
    public var totalEUR: Double? {
        guard let publicEUR, let privateEUR else { return nil }
        return publicEUR + privateEUR
    }

    /// The public share of the total, 0–1; `nil` without a total or when it is zero.
    public var publicShare: Double? {
        guard let total = totalEUR, total > 0, let publicEUR else { return nil }
        return publicEUR / total
    }

    /// Why there is no total (`private investment not given`), `nil` when there is one.
    public var missingReason: String? {
        switch (publicEUR, privateEUR) {
        case (nil, nil): "investment not given"
        case (nil, _): "public investment not given"
        case (_, nil): "private investment not given"
        default: nil
        }
    }
}
