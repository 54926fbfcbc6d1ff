public import ClusterLensCore

/// Fixed reference values of an indicator for goalpost normalisation, in the indicator's raw units.
///
/// For a higher-is-better indicator `low` scores 0 and `high` scores the full scale; for a
/// lower-is-better indicator the goalposts are mirrored: `high` scores 0 and `low` the full scale.
public struct Goalposts: Sendable, Equatable, Codable {
    /// The lower goalpost (dystopia of a higher-is-better indicator).
    public var low: Double
    /// The upper goalpost (utopia of a higher-is-better indicator).
    public var high: Double

    /// Creates goalposts; `low` must be below `high` (checked by the engine).
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}

/// One indicator of a composite: where it sits in the framework and which way is better.
public struct CompositeIndicator: Sendable, Equatable {
    /// The indicator id.
    public var id: String
    /// Which way is better. Indicators with ``Direction/none`` are reported (raw, treated and
    /// normalised as if higher were better) but never aggregated.
    public var direction: Direction
    /// The pillar whose score the indicator feeds.
    public var pillar: Pillar
    /// The transitions whose scores the indicator also feeds.
    public var tags: Set<TransitionTag>
    /// Goalposts, for ``CompositeSettings/Normalisation/goalposts(scale:)``.
    public var goalposts: Goalposts?
    /// A target in raw units, for ``CompositeSettings/Normalisation/distanceToTarget(scale:cap:)``.
    public var target: Double?

    /// Creates an indicator.
    public init(
        id: String, direction: Direction = .higher, pillar: Pillar, tags: Set<TransitionTag> = [],
        goalposts: Goalposts? = nil, target: Double? = nil
    ) {
        self.id = id
        self.direction = direction
        self.pillar = pillar
        self.tags = tags
        self.goalposts = goalposts
        self.target = target
    }

    /// Whether the indicator takes part in aggregation (its direction is not ``Direction/none``).
    public var isAggregated: Bool { direction != .none }
}

/// The data of a composite: units (clusters), indicators and a value per unit and indicator.
public struct CompositeInput: Sendable, Equatable {
    /// The unit (cluster) ids, in output order.
    public var units: [String]
    /// The indicators, in output order.
    public var indicators: [CompositeIndicator]
    /// The values, indexed `[unit][indicator]`; `nil` is missing (never read as zero).
    public var values: [[Double?]]

    /// Creates an input; shapes are checked by ``CompositeEngine/run(_:settings:)``.
    public init(units: [String], indicators: [CompositeIndicator], values: [[Double?]]) {
        self.units = units
        self.indicators = indicators
        self.values = values
    }
}
