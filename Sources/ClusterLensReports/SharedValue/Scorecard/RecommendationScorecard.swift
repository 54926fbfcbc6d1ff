public import ClusterLensCore

/// The recommendations a cluster's initiatives are scored against — the EEGC's 15 by default, in three
/// groups (green 1–5, digital 6–10, resilience 11–15), each with a title in ClusterLens's own words and
/// the library indicators that give evidence of it (`Reports/scorecards/eegc.yaml`, read by
/// ``RecommendationScorecardReader``). Initiatives are tied to recommendations by their ledgers'
/// `recommendations:`.
public struct RecommendationScorecard: Sendable, Equatable {
    /// The scorecard file and its SHA-256.
    public var file: FileFingerprint
    /// A short id (`eegc-2021`).
    public var id: String
    /// The title.
    public var title: String
    /// Where the recommendations come from, and how the titles were written.
    public var source: String
    /// The recommendations, by number.
    public var recommendations: [Recommendation]

    /// Creates a scorecard.
    public init(file: FileFingerprint, id: String, title: String, source: String, recommendations: [Recommendation]) {
        self.file = file
        self.id = id
        self.title = title
        self.source = source
        self.recommendations = recommendations.sorted { $0.number < $1.number }
    }

    /// The recommendation numbered `number`.
    public func recommendation(_ number: Int) -> Recommendation? {
        recommendations.first { $0.number == number }
    }
}

/// One recommendation of a scorecard.
public struct Recommendation: Sendable, Equatable {
    /// Its number (1–15).
    public var number: Int
    /// Its group: the transition it belongs to.
    public var group: TransitionTag
    /// A short title in ClusterLens's words.
    public var title: String
    /// The indicator ids (of the library) that give evidence of it.
    public var indicators: [String]
    /// Where each indicator id is written, for errors found when the report is built.
    public var indicatorLocations: [InputLocation]

    /// Creates a recommendation.
    public init(
        number: Int, group: TransitionTag, title: String, indicators: [String],
        indicatorLocations: [InputLocation] = []
    ) {
        self.number = number
        self.group = group
        self.title = title
        self.indicators = indicators
        self.indicatorLocations = indicatorLocations
    }

    /// The group of an EEGC recommendation number: green 1–5, digital 6–10, resilience 11–15.
    public static func eegcGroup(of number: Int) -> TransitionTag? {
        switch number {
        case 1...5: .green
        case 6...10: .digital
        case 11...15: .resilience
        default: nil
        }
    }
}
