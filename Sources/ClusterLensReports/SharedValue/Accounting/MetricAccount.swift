public import ClusterLensScoring

/// The account of one outcome metric of an initiative: its change from the baseline to the latest
/// measurement, that change the right way round (an improvement is positive), per euro invested, and
/// its progress towards the target; every figure says what went into it (``inputs``).
public struct MetricAccount: Sendable, Equatable {
    /// The metric as the ledger gives it (values, target, evidence, method, conversion).
    public var metric: OutcomeMetric
    /// Latest measured value − baseline, in the metric's unit; `nil` before the first measurement.
    public var change: Double?
    /// The change with the metric's direction applied (−change when lower is better): positive is an
    /// improvement.
    public var improvement: Double?
    /// ``improvement`` / the initiative's total investment (public + private), in the metric's unit per
    /// EUR; `nil` without an improvement or a known, non-zero investment (``missing`` says why).
    public var perEuro: Double?
    /// The progress from the baseline to the latest measurement towards the target, by the report's
    /// method (Eurostat's SDG method, with the Open SDG score); without a target, the trend. `nil`
    /// before the first measurement.
    public var progress: ProgressAssessment.Result?
    /// Why ``change`` or ``perEuro`` is missing, `nil` when both are there.
    public var missing: String?
    /// What went into the figures: the baseline, the latest measurement with its evidence, the
    /// investment, the factor of a converted metric.
    public var inputs: [String]

    /// Creates an account.
    public init(
        metric: OutcomeMetric, change: Double?, improvement: Double?, perEuro: Double?,
        progress: ProgressAssessment.Result?, missing: String?, inputs: [String]
    ) {
        self.metric = metric
        self.change = change
        self.improvement = improvement
        self.perEuro = perEuro
        self.progress = progress
        self.missing = missing
        self.inputs = inputs
    }

    /// Whether the metric has a measurement after its baseline.
    public var isMeasured: Bool { change != nil }

    /// Whether it improved (a positive direction-adjusted change).
    public var improved: Bool { (improvement ?? 0) > 0 }
}
