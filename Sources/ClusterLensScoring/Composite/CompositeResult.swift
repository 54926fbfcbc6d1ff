public import ClusterLensCore

/// A score of one node of the framework (a pillar, a transition or the index) for one unit.
public struct NodeScore: Sendable, Equatable {
    /// The score, `nil` when the unit has no data in the node, its coverage is below
    /// ``CompositeSettings/minimumCoverage``, or the unit was screened out.
    public var score: Double?
    /// The share of the node's weight whose children have data (0…1).
    public var coverage: Double

    /// Creates a node score.
    public init(score: Double?, coverage: Double) {
        self.score = score
        self.coverage = coverage
    }
}

/// One indicator value of one unit at every stage of the pipeline.
///
/// Stages, in order: raw → imputed (``imputed``) → treated (outliers, in raw orientation, as COINr) →
/// direction-adjusted (× −1 for lower-is-better) → normalised.
public struct IndicatorValue: Sendable, Equatable {
    /// The input value.
    public var raw: Double?
    /// After imputation and outlier treatment, in raw orientation.
    public var treated: Double?
    /// The treated value multiplied by −1 for a lower-is-better indicator.
    public var directionAdjusted: Double?
    /// The normalised value (higher is better).
    public var normalised: Double?
    /// Whether the value was imputed.
    public var imputed: Bool
    /// Whether the value was winsorised.
    public var winsorised: Bool
    /// Whether the indicator was log-transformed (flagged on every value of the indicator).
    public var logTransformed: Bool
    /// How panel imputation obtained ``raw`` (``CompositeEngine/run(_:settings:)`` with a ``CompositePanel``);
    /// `nil` when the input held one value per unit and indicator.
    public var panelOrigin: CompositePanel.Origin?

    /// Creates a value.
    public init(
        raw: Double?, treated: Double?, directionAdjusted: Double?, normalised: Double?, imputed: Bool = false,
        winsorised: Bool = false, logTransformed: Bool = false, panelOrigin: CompositePanel.Origin? = nil
    ) {
        self.panelOrigin = panelOrigin
        self.raw = raw
        self.treated = treated
        self.directionAdjusted = directionAdjusted
        self.normalised = normalised
        self.imputed = imputed
        self.winsorised = winsorised
        self.logTransformed = logTransformed
    }
}

/// One outlier treatment of one value, as COINr records it.
public struct OutlierTreatmentRecord: Sendable, Equatable {
    /// What was done.
    public enum Kind: String, Sendable, Equatable {
        /// Winsorised from above (replaced by the next lower value).
        case winsorisedHigh = "winhi"
        /// Winsorised from below (replaced by the next higher value).
        case winsorisedLow = "winlo"
        /// Log-transformed (every value of the indicator).
        case log
    }

    /// The unit id.
    public var unit: String
    /// The indicator id.
    public var indicator: String
    /// What was done.
    public var kind: Kind

    /// Creates a record.
    public init(unit: String, indicator: String, kind: Kind) {
        self.unit = unit
        self.indicator = indicator
        self.kind = kind
    }
}

/// One step of the method, for a report's "Methods" section.
public struct MethodRecord: Sendable, Equatable {
    /// The step: `screening`, `imputation`, `outliers`, `normalisation`, `weights`, `aggregation`.
    public var step: String
    /// The method and every parameter, in one sentence.
    public var description: String

    /// Creates a record.
    public init(step: String, description: String) {
        self.step = step
        self.description = description
    }
}

/// The results of one unit.
public struct UnitResult: Sendable, Equatable {
    /// The unit id.
    public var unit: String
    /// Whether the unit passed screening; a screened-out unit has values but no scores or ranks.
    public var included: Bool
    /// The share of aggregated indicators with a raw value.
    public var dataAvailability: Double
    /// The values per indicator, in input order.
    public var values: [IndicatorValue]
    /// The pillar scores (every pillar with at least one aggregated indicator).
    public var pillars: [Pillar: NodeScore]
    /// The transition scores (every transition with at least one tagged aggregated indicator).
    public var transitions: [TransitionTag: NodeScore]
    /// The overall index, aggregated from the pillar scores.
    public var index: NodeScore
    /// The rank on the index: 1 is the best; ties share the lowest rank (1, 2, 2, 4); `nil` without
    /// an index score.
    public var rank: Int?
    /// The ranks on each pillar, same convention.
    public var pillarRanks: [Pillar: Int]

    /// Creates a unit result.
    public init(
        unit: String, included: Bool, dataAvailability: Double, values: [IndicatorValue],
        pillars: [Pillar: NodeScore], transitions: [TransitionTag: NodeScore], index: NodeScore, rank: Int?,
        pillarRanks: [Pillar: Int]
    ) {
        self.unit = unit
        self.included = included
        self.dataAvailability = dataAvailability
        self.values = values
        self.pillars = pillars
        self.transitions = transitions
        self.index = index
        self.rank = rank
        self.pillarRanks = pillarRanks
    }
}

/// Everything a composite-score run produced, and how.
public struct CompositeResult: Sendable, Equatable {
    /// The indicator ids, in input order (the order of ``UnitResult/values``).
    public var indicators: [String]
    /// The results per unit, in input order.
    public var units: [UnitResult]
    /// The indicators dropped by screening.
    public var droppedIndicators: [String]
    /// The weight of each aggregated indicator within its pillar (sums to 1 per pillar).
    public var indicatorWeights: [String: Double]
    /// The weight of each pillar in the index (sums to 1).
    public var pillarWeights: [Pillar: Double]
    /// Every outlier treatment, by indicator then unit.
    public var treatments: [OutlierTreatmentRecord]
    /// Every method and parameter used, in pipeline order.
    public var methods: [MethodRecord]
    /// Warnings about the weights (loadings of both signs in a principal component). Indicators dropped
    /// by screening are in ``droppedIndicators``, units screened out have ``UnitResult/included`` false.
    public var messages: [String]

    /// Creates a result.
    public init(
        indicators: [String], units: [UnitResult], droppedIndicators: [String], indicatorWeights: [String: Double],
        pillarWeights: [Pillar: Double], treatments: [OutlierTreatmentRecord], methods: [MethodRecord],
        messages: [String]
    ) {
        self.indicators = indicators
        self.units = units
        self.droppedIndicators = droppedIndicators
        self.indicatorWeights = indicatorWeights
        self.pillarWeights = pillarWeights
        self.treatments = treatments
        self.methods = methods
        self.messages = messages
    }

    /// The result of a unit by id (a walk through the units: for many look-ups, ``unitsByID``).
    public func unit(_ id: String) -> UnitResult? {
        units.first { $0.unit == id }
    }

    /// Every unit's result by id (the first, should an id repeat).
    public var unitsByID: [String: UnitResult] {
        Dictionary(units.map { ($0.unit, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
