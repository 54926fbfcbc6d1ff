public import ClusterLensCore

/// An outcome an initiative measures: on the firms' side (cost savings, revenue from new products,
/// productivity) or the territory's (water, energy, emissions, waste, jobs, training, accidents), with
/// its baseline, target, measured values by year, evidence and method.
///
/// A converted metric (``conversion``) is another metric of the same initiative times a declared
/// factor — water saved in m³ times a tariff is the water bill avoided in EUR — and carries that
/// metric's values, each multiplied by the factor.
public struct OutcomeMetric: Sendable, Equatable {
    /// The id, unique in its initiative.
    public var id: String
    /// What is measured, in words.
    public var name: String
    /// Whose result it is.
    public var side: OutcomeSide
    /// What kind of result it is (cluster totals add metrics of one side, category and unit).
    public var category: OutcomeCategory
    /// The unit (`m³`, `EUR`, `persons`).
    public var unit: String
    /// Which way is better (`higher` or `lower`).
    public var direction: Direction
    /// The value before the initiative, with its year.
    public var baseline: YearValue
    /// The value aimed at, with its year, if one is set.
    public var target: YearValue?
    /// The values measured after the baseline, by year, sorted.
    public var measured: [MeasuredValue]
    /// Where the figures are documented (documents or URLs); never empty.
    public var evidence: [String]
    /// How the metric was measured.
    public var method: String
    /// The metric and factor it is converted from, `nil` for a metric measured directly.
    public var conversion: Conversion?
    /// Where it is declared (its `id:` value).
    public var location: InputLocation

    /// Creates a metric.
    public init(
        id: String, name: String, side: OutcomeSide, category: OutcomeCategory, unit: String, direction: Direction,
        baseline: YearValue, target: YearValue? = nil, measured: [MeasuredValue] = [], evidence: [String],
        method: String, conversion: Conversion? = nil, location: InputLocation = InputLocation(file: "")
    ) {
        self.id = id
        self.name = name
        self.side = side
        self.category = category
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.target = target
        self.measured = measured.sorted { $0.year < $1.year }
        self.evidence = evidence
        self.method = method
        self.conversion = conversion
        self.location = location
    }

    /// The latest measured value, `nil` before the first measurement.
    public var latest: MeasuredValue? { measured.last }
}

/// A metric derived from another by a declared factor.
public struct Conversion: Sendable, Equatable {
    /// The id of the metric converted (same initiative).
    public var metric: String
    /// The factor applied.
    public var factor: ConversionFactor

    /// Creates a conversion.
    public init(metric: String, factor: ConversionFactor) {
        self.metric = metric
        self.factor = factor
    }
}

/// Whose result an outcome metric is.
public enum OutcomeSide: String, Sendable, Hashable, CaseIterable {
    /// The participating firms: their costs, revenue, productivity.
    case firms
    /// The territory: its environment, jobs, skills, safety.
    case territory
}

/// What kind of result an outcome metric is; each belongs to one side, but `other` to either.
public enum OutcomeCategory: String, Sendable, Hashable, CaseIterable {
    /// Costs the firms save (EUR).
    case costSavings = "cost-savings"
    /// Revenue from new products or markets (EUR).
    case revenue
    /// Output per worker or per hour.
    case productivity
    /// Water withdrawn, consumed or discharged.
    case water
    /// Energy used or produced.
    case energy
    /// Greenhouse gas or air pollutant emissions.
    case emissions
    /// Waste generated, recycled or landfilled.
    case waste
    /// Jobs created or kept.
    case jobs
    /// People trained, hours of training.
    case training
    /// Accidents at work.
    case accidents
    /// Anything else (either side).
    case other

    /// The side the category belongs to; `nil` for `other`, which fits both.
    public var side: OutcomeSide? {
        switch self {
        case .costSavings, .revenue, .productivity: .firms
        case .water, .energy, .emissions, .waste, .jobs, .training, .accidents: .territory
        case .other: nil
        }
    }

    /// The categories of one side (with `other`).
    public static func of(_ side: OutcomeSide) -> [OutcomeCategory] {
        allCases.filter { $0.side == side || $0.side == nil }
    }
}

/// A value in a year: a metric's baseline or target.
public struct YearValue: Sendable, Equatable {
    /// The year.
    public var year: Int
    /// The value.
    public var value: Double

    /// Creates a year value.
    public init(year: Int, value: Double) {
        self.year = year
        self.value = value
    }
}

/// A measured value of an outcome metric, with the evidence of that measurement when it has its own.
public struct MeasuredValue: Sendable, Equatable {
    /// The year measured.
    public var year: Int
    /// The value.
    public var value: Double
    /// The document or URL of this measurement; the metric's evidence applies when `nil`.
    public var evidence: String?

    /// Creates a measured value.
    public init(year: Int, value: Double, evidence: String? = nil) {
        self.year = year
        self.value = value
        self.evidence = evidence
    }
}
