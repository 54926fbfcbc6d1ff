public import ClusterLensCore

/// A policy target for one indicator, as a report definition's `targets:` gives it.
public struct IndicatorTarget: Sendable, Equatable {
    /// The indicator id.
    public var indicator: String
    /// The target (value and year); `nil` for a trend assessment without a target.
    public var target: ProgressAssessment.Target?
    /// The base year of the assessment; the series' first year when `nil`.
    public var baseYear: Int?
    /// Which way is progress, overriding the indicator definition's direction; `nil` keeps it.
    public var direction: Direction?

    /// Creates a target.
    public init(
        indicator: String, target: ProgressAssessment.Target?, baseYear: Int? = nil, direction: Direction? = nil
    ) {
        self.indicator = indicator
        self.target = target
        self.baseYear = baseYear
        self.direction = direction
    }
}
