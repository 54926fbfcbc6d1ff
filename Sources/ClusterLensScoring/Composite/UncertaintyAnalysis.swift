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

    private enum Factor {
        case normalisation, aggregation, imputation, weights

        var name: String {
            switch self {
            case .normalisation: "normalisation"
            case .aggregation: "aggregation"
            case .imputation: "imputation"
            case .weights: "weights"
            }
        }
    }

    /// Runs the analysis.
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
        let normalisations = settings.normalisations.count > 1 ? settings.normalisations : [nominal.normalisation]
        let aggregations = settings.aggregations.count > 1 ? settings.aggregations : [nominal.indicatorAggregation]
        let imputations: [CompositeSettings.Imputation] =
            settings.varyImputation
            ? [nominal.imputation, nominal.imputation == .none ? settings.imputationAlternative : .none]
            : [nominal.imputation]
        var factors: [Factor] = []
        if normalisations.count > 1 { factors.append(.normalisation) }
        if aggregations.count > 1 { factors.append(.aggregation) }
        if imputations.count > 1 { factors.append(.imputation) }
        if settings.weightNoise > 0 { factors.append(.weights) }
        guard !factors.isEmpty else { throw CompositeError(.invalidSettings, "no assumption varies") }
        guard settings.samples >= 2 else { throw CompositeError(.invalidSettings, "at least 2 samples are needed") }
        guard settings.weightNoise.isFinite, settings.weightNoise < 1 else {
            throw CompositeError(.invalidSettings, "weight noise must be below 1 (100 %)")
        }

        let nominalResult = try CompositeEngine.run(input, settings: nominal)
        let nominalRanks = nominalResult.units.map(\.rank)
        let targetUnit: Int?
        if case .score(let id) = settings.target {
            guard let position = input.units.firstIndex(of: id) else {
                throw CompositeError(.invalidSettings, "sensitivity target: unknown unit \(id)")
            }
            targetUnit = position
        } else {
            targetUnit = nil
        }

        // Stages before aggregation, once per (imputation, normaliser).
        var variants: [(normalised: [Double], weights: CompositeWeights)] = []
        var framework: CompositeFramework?
        var included: [Bool] = []
        for imputation in imputations {
            for normalisation in normalisations {
                var variant = nominal
                variant.imputation = imputation
                variant.normalisation = normalisation
                let prepared = try CompositePreparation(input, settings: variant)
                let nodes = CompositeFramework(indicators: input.indicators, aggregated: prepared.aggregated)
                let weights = try CompositeWeights(
                    nominal.weighting, indicators: input.indicators, framework: nodes, normalised: prepared.normalised,
                    included: prepared.included)
                variants.append((CompositeEngine.flat(prepared.normalised, units: input.units.count), weights))
                framework = nodes
                included = prepared.included
            }
        }
        guard let framework else { throw CompositeError(.invalidSettings, "no variant") }
        var kernel = CompositeKernel(
            framework: framework, unitNames: input.units, indicatorCount: input.indicators.count, included: included,
            shift: nominal.shift, minimumCoverage: nominal.minimumCoverage)

        // The design: uniform samples per factor; weight noise is a group of one uniform per weight.
        let n = settings.samples
        let weightCount = framework.pillarMembers.reduce(0) { $0 + $1.count } + framework.pillars.count
        var generator = RandomGenerator(seed: settings.seed)
        func matrix(_ count: Int) -> [Double] { (0..<count).map { _ in generator.nextUniform() } }
        let a = matrix(n * factors.count)
        let b = matrix(n * factors.count)
        let noiseA = factors.contains(.weights) ? matrix(n * weightCount) : []
        let noiseB = factors.contains(.weights) ? matrix(n * weightCount) : []

        let blocks = settings.sensitivity ? factors.count + 2 : 1
        let runs = n * blocks
        let unitCount = input.units.count
        var scores = [Double](repeating: .nan, count: runs * unitCount)
        var ranks = [Double](repeating: .nan, count: runs * unitCount)
        var target = [Double](repeating: .nan, count: runs)
        var order = Array(0..<unitCount)
        var noisy = variants[0].weights

        for block in 0..<blocks {
            for sample in 0..<n {
                // Block 0: A; block 1: B; block 2 + i: A with factor i from B.
                func uniform(_ factor: Int) -> Double {
                    let fromB = block == 1 || block == factor + 2
                    return (fromB ? b : a)[sample * factors.count + factor]
                }
                var normalisation = 0
                var aggregation = 0
                var imputation = 0
                var noiseFromB = false
                for (position, factor) in factors.enumerated() {
                    let u = uniform(position)
                    switch factor {
                    case .normalisation:
                        normalisation = min(Int(u * Double(normalisations.count)), normalisations.count - 1)
                    case .aggregation: aggregation = min(Int(u * Double(aggregations.count)), aggregations.count - 1)
                    case .imputation: imputation = min(Int(u * Double(imputations.count)), imputations.count - 1)
                    case .weights: noiseFromB = block == 1 || block == position + 2
                    }
                }
                let variant = variants[imputation * normalisations.count + normalisation]
                if factors.contains(.weights) {
                    let noise = noiseFromB ? noiseB : noiseA
                    var offset = sample * weightCount
                    let spread = settings.weightNoise
                    noisy = variant.weights
                    for node in noisy.pillarMembers.indices {
                        for member in noisy.pillarMembers[node].indices {
                            noisy.pillarMembers[node][member] *= 1 + spread * (2 * noise[offset] - 1)
                            offset += 1
                        }
                    }
                    for pillar in noisy.pillars.indices {
                        noisy.pillars[pillar] *= 1 + spread * (2 * noise[offset] - 1)
                        offset += 1
                    }
                } else {
                    noisy = variant.weights
                }
                let method = aggregations[aggregation]
                try kernel.run(
                    normalised: variant.normalised, weights: noisy, indicatorAggregation: method,
                    pillarAggregation: method, transitions: false)
                let run = block * n + sample
                let base = run * unitCount
                for unit in 0..<unitCount { scores[base + unit] = kernel.index[unit] }
                PeerRanking.competitionRanks(
                    kernel.index, direction: .higher, order: &order, into: &ranks, at: base)
                if let targetUnit {
                    target[run] = kernel.index[targetUnit]
                } else {
                    var sum = 0.0
                    var count = 0
                    for unit in 0..<unitCount {
                        guard let nominalRank = nominalRanks[unit], !ranks[base + unit].isNaN else { continue }
                        sum += abs(ranks[base + unit] - Double(nominalRank))
                        count += 1
                    }
                    target[run] = count > 0 ? sum / Double(count) : .nan
                }
            }
        }

        // Uncertainty over the independent runs (A, and B with sensitivity).
        let independent = settings.sensitivity ? 2 * n : n
        var summaries: [UnitSummary] = []
        var column = [Double]()
        column.reserveCapacity(independent)
        for unit in 0..<unitCount {
            func spread(_ values: [Double]) -> (Double?, Double?, Double?) {
                column.removeAll(keepingCapacity: true)
                for run in 0..<independent where !values[run * unitCount + unit].isNaN {
                    column.append(values[run * unitCount + unit])
                }
                column.sort()
                return (
                    CompositeStatistics.quantile(column, 0.5), CompositeStatistics.quantile(column, 0.05),
                    CompositeStatistics.quantile(column, 0.95)
                )
            }
            let score = spread(scores)
            let place = spread(ranks)
            summaries.append(
                UnitSummary(
                    unit: input.units[unit], nominalScore: nominalResult.units[unit].index.score,
                    nominalRank: nominalRanks[unit], medianScore: score.0, lowScore: score.1, highScore: score.2,
                    medianRank: place.0, lowRank: place.1, highRank: place.2))
        }

        // Sensitivity indices.
        var sensitivity: [Sensitivity] = []
        var variance = 0.0
        var centre = 0.0
        let baseTargets = (0..<(settings.sensitivity ? 2 * n : n)).map { target[$0] }.filter { !$0.isNaN }
        if let mean = CompositeStatistics.mean(baseTargets) {
            centre = mean
            variance = baseTargets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(baseTargets.count)
        }
        if settings.sensitivity {
            for (position, factor) in factors.enumerated() {
                var first = 0.0
                var total = 0.0
                var count = 0
                for sample in 0..<n {
                    let yA = target[sample]
                    let yB = target[n + sample]
                    let yAB = target[(position + 2) * n + sample]
                    guard !yA.isNaN, !yB.isNaN, !yAB.isNaN else { continue }
                    first += (yB - centre) * (yAB - yA)
                    total += (yA - yAB) * (yA - yAB)
                    count += 1
                }
                let valid = variance > 1e-300 && count > 0
                sensitivity.append(
                    Sensitivity(
                        assumption: factor.name,
                        firstOrder: valid ? first / Double(count) / variance : nil,
                        total: valid ? total / Double(count) / (2 * variance) : nil))
            }
        }
        return Result(
            assumptions: factors.map(\.name), runs: runs, units: summaries, sensitivity: sensitivity,
            targetVariance: variance)
    }

    /// What ``benchmark(units:indicators:replications:seed:)`` measured.
    public struct BenchmarkReport: Sendable, Equatable {
        /// Wall-clock seconds of the analysis (data generation excluded).
        public var seconds: Double
        /// The number of index regenerations.
        public var runs: Int
        /// Units and indicators of the synthetic data.
        public var units: Int
        /// The number of indicators.
        public var indicators: Int
    }

    /// Times a full sensitivity analysis on synthetic data: skewed values with 5 % missing, four
    /// normalisers, arithmetic or geometric mean (shift 1), ±25 % weight noise, imputation on/off:
    /// N(d + 2) = 6 × `replications` runs.
    /// - Throws: ``CompositeError`` (not expected on the synthetic data).
    public static func benchmark(
        units: Int = 300, indicators: Int = 50, replications: Int = 1000, seed: UInt64 = 42
    ) throws(CompositeError) -> BenchmarkReport {
        var generator = RandomGenerator(seed: seed)
        let pillars = Pillar.allCases
        let tags = TransitionTag.allCases
        let definitions = (0..<indicators).map { index in
            CompositeIndicator(
                id: "i\(index)", direction: index % 4 == 3 ? .lower : .higher, pillar: pillars[index % pillars.count],
                tags: [tags[index % tags.count]])
        }
        let values: [[Double?]] = (0..<units).map { _ in
            (0..<indicators).map { _ in
                if generator.nextUniform() < 0.05 { return nil }
                let u = generator.nextUniform()
                return u * u * u * 100
            }
        }
        let input = CompositeInput(units: (0..<units).map { "u\($0)" }, indicators: definitions, values: values)
        var nominal = CompositeSettings()
        nominal.shift = 1
        let settings = Settings(
            normalisations: [
                .minMax(low: 0, high: 100), .minMax(low: 1, high: 100), .distanceToBest(scale: 100),
                .percentileRank(scale: 100),
            ], aggregations: [.arithmetic, .geometric], weightNoise: 0.25, varyImputation: true,
            samples: replications, seed: seed)
        let clock = ContinuousClock()
        let start = clock.now
        let result = try run(input, nominal: nominal, settings: settings)
        let elapsed = start.duration(to: clock.now).components
        return BenchmarkReport(
            seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18, runs: result.runs, units: units,
            indicators: indicators)
    }
}
