public import ClusterLensCore

/// One indicator computed for one cluster and period, with what went into it.
public struct IndicatorResult: Sendable {
    /// How the value stands.
    public enum Status: String, Sendable, Codable {
        /// A value computed from inputs without flags.
        case ok
        /// A value computed from flagged inputs (estimated, provisional, confidential, …).
        case flagged
        /// No value; ``IndicatorResult/value`` says why.
        case missing
    }

    /// The indicator's definition.
    public var indicator: IndicatorDefinition
    /// The period computed, `nil` when no period has data.
    public var period: TimePeriod?
    /// The value, or missing with the reason, and the flags of its inputs.
    public var value: FormulaValue
    /// Where every input value came from (sources with SHA-256, series keys, periods).
    public var provenance: [ValueProvenance]
    /// For member-survey inputs: the share of member employment that reported, per input.
    public var memberCoverage: [String: Double]

    /// Creates a result.
    public init(
        indicator: IndicatorDefinition, period: TimePeriod?, value: FormulaValue, provenance: [ValueProvenance],
        memberCoverage: [String: Double] = [:]
    ) {
        self.indicator = indicator
        self.period = period
        self.value = value
        self.provenance = provenance
        self.memberCoverage = memberCoverage
    }

    /// ``Status/missing``, ``Status/flagged`` or ``Status/ok``.
    public var status: Status {
        if value.isMissing { return .missing }
        return value.flags.isEmpty ? .ok : .flagged
    }
}
