internal import ClusterLensCore

/// Monte Carlo uncertainty and variance-based sensitivity analysis of the index over the choices of
/// a composite (COINr `get_sensitivity`, METHODS appendix A5).
///
/// Each varied assumption is a factor sampled uniformly: the normaliser and the aggregator from a
/// list (the aggregator replaces both levels' aggregation), the imputation on or off, and weight
/// noise, a group factor multiplying every weight by 1 + U(−x, x). Two base matrices A and B of
/// N samples are drawn; for sensitivity the design adds, per factor i, the matrix AB_i (A with
/// column i from B), N(d + 2) runs in all. First-order indices use Saltelli's (2010) estimator
/// S_i = mean(y_B (y_ABi − y_A)) / V and total indices Jansen's S_Ti = mean((y_A − y_ABi)²) / (2V),
/// with V the variance of y over A and B; y_B is centred on the mean of y over A and B (unbiased,
/// and much less noisy when the mean is large against the spread). Uncertainty statistics (median, 5th and 95th percentiles,
/// R type 7) use the runs of A (and B when sensitivity is on).
///
/// Stages before aggregation are computed once per (imputation, normaliser) pair; a run only
/// perturbs weights and re-aggregates on preallocated arrays.
public enum UncertaintyAnalysis {
    /// What the sensitivity indices explain.
    public enum Target: Sendable, Equatable {
        /// The mean absolute difference between a run's ranks and the nominal ranks (COINr's default).
        case meanAbsoluteRankShift
        /// One unit's index score.
        case score(unit: String)
    }

    /// The assumptions varied and the design.
    public struct Settings: Sendable, Equatable {
        /// Alternative normalisations (fewer than 2: not varied).
        public var normalisations: [CompositeSettings.Normalisation]
        /// Alternative aggregations (fewer than 2: not varied).
        public var aggregations: [CompositeSettings.Aggregation]
        /// Weight noise as a fraction: 0.25 multiplies each weight by a factor in [0.75, 1.25] (0: not varied).
        public var weightNoise: Double
        /// Whether imputation is switched between the nominal setting and ``imputationAlternative``.
        public var varyImputation: Bool
        /// The imputation used when the nominal has none (and vice versa: none when it has one).
        public var imputationAlternative: CompositeSettings.Imputation
        /// N, the number of base samples.
        public var samples: Int
        /// The seed.
        public var seed: UInt64
        /// Whether to compute sensitivity indices (N(d + 2) runs) or only uncertainty (N runs).
        public var sensitivity: Bool
        /// What the sensitivity indices explain.
        public var target: Target

        /// Creates settings.
        public init(
            normalisations: [CompositeSettings.Normalisation] = [], aggregations: [CompositeSettings.Aggregation] = [],
            weightNoise: Double = 0, varyImputation: Bool = false,
            imputationAlternative: CompositeSettings.Imputation = .mean,
            samples: Int = 1000, seed: UInt64 = 1, sensitivity: Bool = true, target: Target = .meanAbsoluteRankShift
        ) {
            self.normalisations = normalisations
            self.aggregations = aggregations
            self.weightNoise = weightNoise
            self.varyImputation = varyImputation
            self.imputationAlternative = imputationAlternative
            self.samples = samples
            self.seed = seed
            self.sensitivity = sensitivity
            self.target = target
        }
    }

    /// The spread of one unit's index score and rank over the runs.
    public struct UnitSummary: Sendable, Equatable {
        /// The unit id.
        public var unit: String
        /// The index score with the nominal settings.
        public var nominalScore: Double?
        /// The rank with the nominal settings (1 = best, ties share the lowest rank).
        public var nominalRank: Int?
        /// Median, 5th and 95th percentile of the score over the runs with a score.
        public var medianScore: Double?
        /// The 5th percentile of the score.
        public var lowScore: Double?
        /// The 95th percentile of the score.
        public var highScore: Double?
        /// Median of the rank.
        public var medianRank: Double?
        /// The 5th percentile of the rank (the better end).
        public var lowRank: Double?
        /// The 95th percentile of the rank.
        public var highRank: Double?
    }

    /// The sensitivity indices of one assumption.
    public struct Sensitivity: Sendable, Equatable {
        /// `normalisation`, `aggregation`, `weights` or `imputation`.
        public var assumption: String
        /// The first-order index, `nil` when the output does not vary.
        public var firstOrder: Double?
        /// The total index, `nil` when the output does not vary.
        public var total: Double?
    }

    /// The outcome of an analysis.
    public struct Result: Sendable, Equatable {
        /// The varied assumptions, in design order.
        public var assumptions: [String]
        /// The number of index regenerations.
        public var runs: Int
        /// Per unit, in input order.
        public var units: [UnitSummary]
        /// Per assumption (empty without sensitivity).
        public var sensitivity: [Sensitivity]
        /// The variance of the target over the base runs.
        public var targetVariance: Double
    }

    /// A varied assumption: one column of the design matrices.
    enum Factor {
        case normalisation, aggregation, imputation, weights

        /// The name results and methods use.
        var name: String {
            switch self {
            case .normalisation: "normalisation"
            case .aggregation: "aggregation"
            case .imputation: "imputation"
            case .weights: "weights"
            }
        }
    }

    /// Runs the analysis on the values panel imputation gives with the nominal settings
    /// (``CompositeEngine/imputePanel(_:settings:)``), the values ``CompositeEngine`` scores.
    /// - Throws: ``CompositeError`` from the panel imputation or the analysis.
    public static func run(
        _ panel: CompositePanel, nominal: CompositeSettings, settings: Settings
    ) throws(CompositeError) -> Result {
        try run(CompositeEngine.imputePanel(panel, settings: nominal).input, nominal: nominal, settings: settings)
    }

    /// Runs the analysis: the design, the stages before aggregation once per variant, the runs of
    /// the design, then the spread of each unit's score and rank and the sensitivity indices.
    /// - Parameters:
    ///   - input: the data.
    ///   - nominal: the nominal settings (the base of every run).
    ///   - settings: the varied assumptions and the design.
    /// - Returns: per-unit uncertainty and per-assumption sensitivity.
    /// - Throws: ``CompositeError`` from any run, or ``CompositeError/Code/invalidSettings`` when
    ///   nothing varies or N < 2.
    public static func run(
        _ input: CompositeInput, nominal: CompositeSettings, settings: Settings
    ) throws(CompositeError) -> Result {
        let design = try Design(nominal: nominal, settings: settings)
        let nominalResult = try CompositeEngine.run(input, settings: nominal)
        let target = try RunTarget(settings.target, units: input.units, nominal: nominalResult)
        let variants = try Variants(input, nominal: nominal, design: design)
        let samples = Samples(design: design, weightCount: variants.weightCount, seed: settings.seed)
        var runs = Runs(count: design.runs, units: input.units.count)
        var kernel = CompositeKernel(
            framework: variants.framework, unitNames: input.units, indicatorCount: input.indicators.count,
            included: variants.included, shift: nominal.shift, minimumCoverage: nominal.minimumCoverage)
        try runs.simulate(design, variants: variants, samples: samples, target: target, kernel: &kernel)
        let moments = runs.targetMoments(independent: design.independentRuns)
        return Result(
            assumptions: design.factors.map(\.name), runs: design.runs,
            units: runs.summaries(units: input.units, independent: design.independentRuns, nominal: nominalResult),
            sensitivity: design.sensitivity ? runs.indices(design, moments: moments) : [],
            targetVariance: moments.variance)
    }
}
