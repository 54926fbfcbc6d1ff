/// The report's shared-value part: the scorecard of recommendations, and per cluster with an initiative
/// ledger, the ledger, its accounts, totals and scorecard (``ReportModel/sharedValue``).
public struct SharedValueReport: Sendable, Equatable {
    /// The recommendations scored (the EEGC's 15 by default).
    public var scorecard: RecommendationScorecard
    /// The fewest firms per group below which a comparison of participants gets a warning.
    public var minimumFirms: Int
    /// The clusters with a ledger, in report order.
    public var clusters: [ClusterSharedValue]

    /// Creates the part.
    public init(scorecard: RecommendationScorecard, minimumFirms: Int, clusters: [ClusterSharedValue]) {
        self.scorecard = scorecard
        self.minimumFirms = minimumFirms
        self.clusters = clusters
    }

    /// The part of one cluster, `nil` when it has no ledger.
    public func cluster(_ id: String) -> ClusterSharedValue? {
        clusters.first { $0.cluster == id }
    }
}

/// One cluster's initiatives and what they achieved.
public struct ClusterSharedValue: Sendable, Equatable {
    /// The cluster id.
    public var cluster: String
    /// The ledger as read.
    public var ledger: InitiativeLedger
    /// One account per initiative, in ledger order.
    public var accounts: [InitiativeAccount]
    /// The totals by side, category and unit.
    public var totals: [SideTotal]
    /// One entry per recommendation.
    public var scorecard: [ScorecardEntry]

    /// Creates a cluster part.
    public init(
        cluster: String, ledger: InitiativeLedger, accounts: [InitiativeAccount], totals: [SideTotal],
        scorecard: [ScorecardEntry]
    ) {
        self.cluster = cluster
        self.ledger = ledger
        self.accounts = accounts
        self.totals = totals
        self.scorecard = scorecard
    }

    /// The account of one initiative.
    public func account(_ initiative: String) -> InitiativeAccount? {
        accounts.first { $0.initiative == initiative }
    }

    /// The initiatives' public money, EUR; `nil` when one of them does not give it.
    public var publicEUR: Double? { sum(\.publicEUR) }
    /// The initiatives' private money, EUR; `nil` when one of them does not give it.
    public var privateEUR: Double? { sum(\.privateEUR) }
    /// The number of initiatives that are shared value.
    public var sharedValueCount: Int { accounts.filter(\.isSharedValue).count }

    private func sum(_ part: KeyPath<Investment, Double?>) -> Double? {
        ledger.initiatives.reduce(Double?(0)) { total, initiative in
            guard let total, let amount = initiative.investment[keyPath: part] else { return nil }
            return total + amount
        }
    }
}
