/// The shared-value account of one initiative: its outcome metrics, what each side (the firms, the
/// territory) shows, whether that makes shared value, and its participants against the other members.
public struct InitiativeAccount: Sendable, Equatable {
    /// The initiative's id.
    public var initiative: String
    /// One account per outcome metric, in ledger order.
    public var metrics: [MetricAccount]
    /// What the firms' side shows.
    public var firms: SideResult
    /// What the territory's side shows.
    public var territory: SideResult
    /// Whether both sides improved: only then is the initiative shared value.
    public var isSharedValue: Bool { firms.status == .improved && territory.status == .improved }
    /// Whether a side is measured after its baseline (improved or not): until then the verdict is
    /// "not shared value yet".
    public var isMeasured: Bool { firms.status.isMeasured || territory.status.isMeasured }
    /// The verdict in words, naming the metrics behind it.
    public var verdict: String
    /// The participants against the other members, one per `compare:` indicator.
    public var comparisons: [ParticipantComparison]

    /// Creates an account.
    public init(
        initiative: String, metrics: [MetricAccount], firms: SideResult, territory: SideResult, verdict: String,
        comparisons: [ParticipantComparison] = []
    ) {
        self.initiative = initiative
        self.metrics = metrics
        self.firms = firms
        self.territory = territory
        self.verdict = verdict
        self.comparisons = comparisons
    }

    /// The result of one side.
    public func side(_ side: OutcomeSide) -> SideResult {
        side == .firms ? firms : territory
    }
}

/// What one side of an initiative shows.
public struct SideResult: Sendable, Equatable {
    /// How the side stands.
    public var status: SideStatus
    /// The side's metric ids.
    public var metrics: [String]
    /// The ids of the metrics that improved.
    public var improved: [String]

    /// Creates a side result.
    public init(status: SideStatus, metrics: [String], improved: [String]) {
        self.status = status
        self.metrics = metrics
        self.improved = improved
    }
}

/// How one side of an initiative stands.
public enum SideStatus: String, Sendable, Hashable, CaseIterable {
    /// At least one of its metrics improved from its baseline.
    case improved
    /// Its metrics are measured, and none improved.
    case notImproved = "not-improved"
    /// It has metrics, none measured after its baseline yet.
    case notMeasured = "not-measured"
    /// It has no metric.
    case absent

    /// Whether the side's metrics are measured after their baseline (improved or not).
    public var isMeasured: Bool { self == .improved || self == .notImproved }
}
