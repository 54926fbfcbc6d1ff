/// One recommendation of the scorecard for one cluster: which initiatives address it, what evidence of
/// results they have, the statistics that bear on it, and its status.
public struct ScorecardEntry: Sendable, Equatable {
    /// The recommendation's number.
    public var recommendation: Int
    /// Its status for the cluster.
    public var status: ScorecardStatus
    /// The ids of the cluster's initiatives that serve it.
    public var initiatives: [String]
    /// The outcome metrics of those initiatives measured after their baseline, as `initiative/metric`:
    /// the evidence that makes the status "addressed with evidence".
    public var evidence: [String]
    /// The scorecard's evidence indicators for it, with the cluster's headline values.
    public var indicators: [EvidenceIndicator]

    /// Creates an entry.
    public init(
        recommendation: Int, status: ScorecardStatus, initiatives: [String], evidence: [String],
        indicators: [EvidenceIndicator]
    ) {
        self.recommendation = recommendation
        self.status = status
        self.initiatives = initiatives
        self.evidence = evidence
        self.indicators = indicators
    }
}

/// Whether a cluster addresses a recommendation, and with what evidence.
public enum ScorecardStatus: String, Sendable, Hashable, CaseIterable {
    /// An initiative serves it and has an outcome measured after its baseline, with its evidence.
    case addressedWithEvidence = "addressed-with-evidence"
    /// Initiatives serve it, but none has measured an outcome yet.
    case addressedWithoutEvidence = "addressed-without-evidence"
    /// No initiative of the ledger serves it.
    case notAddressed = "not-addressed"

    /// `addressed with evidence`, for reading.
    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// An evidence indicator of a recommendation with the cluster's headline value, as the report holds it.
public struct EvidenceIndicator: Sendable, Equatable {
    /// The indicator id.
    public var id: String
    /// Whether the report computes it (a report may select fewer indicators than the scorecard names).
    public var inReport: Bool
    /// The headline value, `nil` when missing or not computed.
    public var value: Double?
    /// The period of the headline value.
    public var period: String?
    /// The normalised score among the report's clusters, when scored.
    public var score: Double?
    /// The progress towards the report's target for it, when one is set (`moderate progress (…)`).
    public var progress: String?
    /// Why there is no value, `nil` when there is one: not among the report's indicators, no headline
    /// value for the cluster, or the reason the headline value is missing.
    public var reason: String?

    /// Creates an entry.
    public init(
        id: String, inReport: Bool, value: Double? = nil, period: String? = nil, score: Double? = nil,
        progress: String? = nil, reason: String? = nil
    ) {
        self.id = id
        self.inReport = inReport
        self.value = value
        self.period = period
        self.score = score
        self.progress = progress
        self.reason = reason
    }
}
