/// A report definition's shared-value settings (`shared-value: {scorecard: FILE, minimum_firms: 5}`).
public struct SharedValueSettings: Sendable, Equatable {
    /// The scorecard file, resolved against the definition's folder; `nil` for the shipped EEGC
    /// scorecard (`Reports/scorecards/eegc.yaml`).
    public var scorecardFile: String?
    /// The fewest firms per group (participants, other members) below which a comparison of
    /// participants against the rest gets a warning.
    public var minimumFirms: Int

    /// The default fewest firms per group.
    public static let defaultMinimumFirms = 5

    /// Creates settings; the defaults use the shipped scorecard and 5 firms.
    public init(scorecardFile: String? = nil, minimumFirms: Int = Self.defaultMinimumFirms) {
        self.scorecardFile = scorecardFile
        self.minimumFirms = minimumFirms
    }
}

extension ReportDefinition {
    /// The shared-value files the report reads: its clusters' initiative ledgers and, when there is one,
    /// the scorecard (for a batch's run record).
    public var sharedValueFiles: [String] {
        let ledgers = clusters.compactMap(\.initiativesPath)
        guard !ledgers.isEmpty, let scorecard = sharedValue.scorecardFile ?? RecommendationScorecardReader.bundledFile
        else { return ledgers }
        return ledgers + [scorecard]
    }
}
