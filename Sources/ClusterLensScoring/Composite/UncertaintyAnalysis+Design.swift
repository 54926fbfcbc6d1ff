internal import ClusterLensCore

extension UncertaintyAnalysis {
    /// The alternatives of each varied assumption and the shape of the design: blocks A, B and,
    /// with sensitivity, one block AB_i per factor, N runs each.
    struct Design {
        /// The normalisations drawn from (the nominal one alone when not varied).
        let normalisations: [CompositeSettings.Normalisation]
        /// The aggregations drawn from (the nominal indicator aggregation alone when not varied).
        let aggregations: [CompositeSettings.Aggregation]
        /// The imputations drawn from (the nominal one, then its alternative when varied).
        let imputations: [CompositeSettings.Imputation]
        /// The varied assumptions, in design order.
        let factors: [Factor]
        /// N, the number of base samples.
        let samples: Int
        /// The weight noise as a fraction.
        let weightNoise: Double
        /// Whether the AB_i blocks and the sensitivity indices are computed.
        let sensitivity: Bool

        /// The design of `settings` around `nominal`.
        /// - Throws: ``CompositeError/Code/invalidSettings`` when nothing varies, N < 2 or the weight
        ///   noise is not below 1.
        init(nominal: CompositeSettings, settings: Settings) throws(CompositeError) {
            normalisations = settings.normalisations.count > 1 ? settings.normalisations : [nominal.normalisation]
            aggregations = settings.aggregations.count > 1 ? settings.aggregations : [nominal.indicatorAggregation]
            imputations =
                settings.varyImputation
                ? [nominal.imputation, nominal.imputation == .none ? settings.imputationAlternative : .none]
                : [nominal.imputation]
            var factors: [Factor] = []
            if normalisations.count > 1 { factors.append(.normalisation) }
            if aggregations.count > 1 { factors.append(.aggregation) }
            if imputations.count > 1 { factors.append(.imputation) }
            if settings.weightNoise > 0 { factors.append(.weights) }
            guard !factors.isEmpty else { throw CompositeError(.invalidSettings, "no assumption varies") }
            guard settings.samples >= 2 else {
                throw CompositeError(.invalidSettings, "at least 2 samples are needed")
            }
            guard settings.weightNoise.isFinite, settings.weightNoise < 1 else {
                throw CompositeError(.invalidSettings, "weight noise must be below 1 (100 %)")
            }
            self.factors = factors
            samples = settings.samples
            weightNoise = settings.weightNoise
            sensitivity = settings.sensitivity
        }

        /// The number of blocks of N runs: A, B and one per factor with sensitivity; A alone without.
        var blocks: Int { sensitivity ? factors.count + 2 : 1 }
        /// The number of runs, N × blocks.
        var runs: Int { samples * blocks }
        /// The runs whose samples are independent (A, and B with sensitivity): the uncertainty statistics.
        var independentRuns: Int { sensitivity ? 2 * samples : samples }

        /// The alternatives one run uses.
        struct Choice {
            /// The index of the (imputation, normalisation) variant.
            let variant: Int
            /// The index of the aggregation.
            let aggregation: Int
            /// Whether the weight noise comes from B (else from A).
            let noiseFromB: Bool
        }

        /// The alternatives of `sample` in `block`: block 0 is A, block 1 is B, block 2 + i is A with
        /// factor i from B; a uniform u picks alternative ⌊u × count⌋.
        func choice(block: Int, sample: Int, samples draws: Samples) -> Choice {
            var normalisation = 0
            var aggregation = 0
            var imputation = 0
            var noiseFromB = false
            for (position, factor) in factors.enumerated() {
                let fromB = block == 1 || block == position + 2
                let u = (fromB ? draws.b : draws.a)[sample * factors.count + position]
                switch factor {
                case .normalisation: normalisation = Self.pick(u, normalisations.count)
                case .aggregation: aggregation = Self.pick(u, aggregations.count)
                case .imputation: imputation = Self.pick(u, imputations.count)
                case .weights: noiseFromB = fromB
                }
            }
            return Choice(
                variant: imputation * normalisations.count + normalisation, aggregation: aggregation,
                noiseFromB: noiseFromB)
        }

        /// The alternative a uniform `u` picks among `count`.
        private static func pick(_ u: Double, _ count: Int) -> Int {
            min(Int(u * Double(count)), count - 1)
        }
    }

    /// The stages before aggregation, once per (imputation, normalisation) pair, imputation-major.
    struct Variants {
        /// Normalised values of each variant, unit-major, NaN for missing.
        let normalised: [[Double]]
        /// Weights of each variant (PCA weights depend on the normalisation).
        let weights: [CompositeWeights]
        /// The framework (the same for every variant).
        let framework: CompositeFramework
        /// Whether each unit passed screening (the same for every variant).
        let included: [Bool]

        /// Prepares every variant of `design`.
        /// - Throws: ``CompositeError`` from the preparation or the weights of a variant.
        init(_ input: CompositeInput, nominal: CompositeSettings, design: Design) throws(CompositeError) {
            var normalised: [[Double]] = []
            var weights: [CompositeWeights] = []
            var last: (framework: CompositeFramework, included: [Bool])?
            for imputation in design.imputations {
                for normalisation in design.normalisations {
                    var variant = nominal
                    variant.imputation = imputation
                    variant.normalisation = normalisation
                    let prepared = try CompositePreparation(input, settings: variant)
                    let framework = CompositeFramework(indicators: input.indicators, aggregated: prepared.aggregated)
                    weights.append(
                        try CompositeWeights(
                            nominal.weighting, indicators: input.indicators, framework: framework,
                            normalised: prepared.normalised, included: prepared.included))
                    normalised.append(CompositeEngine.flat(prepared.normalised, units: input.units.count))
                    last = (framework, prepared.included)
                }
            }
            guard let last else { throw CompositeError(.invalidSettings, "no variant") }
            self.normalised = normalised
            self.weights = weights
            framework = last.framework
            included = last.included
        }

        /// The number of weights the noise perturbs: every indicator in a pillar, and every pillar.
        var weightCount: Int { framework.pillarMembers.reduce(0) { $0 + $1.count } + framework.pillars.count }
    }

    /// The uniform draws of the design, in the order they are drawn from the seed: A and B (N ×
    /// factors each), then, with weight noise, one uniform per weight and sample for A and for B.
    struct Samples {
        /// Base matrix A, sample-major.
        let a: [Double]
        /// Base matrix B, sample-major.
        let b: [Double]
        /// The weight noise of A, sample-major (empty without weight noise).
        let noiseA: [Double]
        /// The weight noise of B.
        let noiseB: [Double]
        /// The number of weights per sample.
        let weightCount: Int

        /// Draws the samples of `design` from `seed`.
        init(design: Design, weightCount: Int, seed: UInt64) {
            var generator = RandomGenerator(seed: seed)
            func matrix(_ count: Int) -> [Double] { (0..<count).map { _ in generator.nextUniform() } }
            let noisy = design.factors.contains(.weights)
            a = matrix(design.samples * design.factors.count)
            b = matrix(design.samples * design.factors.count)
            noiseA = noisy ? matrix(design.samples * weightCount) : []
            noiseB = noisy ? matrix(design.samples * weightCount) : []
            self.weightCount = weightCount
        }

        /// Writes `base` into `noisy` with each weight multiplied by 1 + `spread` × (2u − 1), u the
        /// noise of `sample` (from B or A): pillar members node by node, then the pillars.
        func perturb(
            _ base: CompositeWeights, sample: Int, fromB: Bool, spread: Double, into noisy: inout CompositeWeights
        ) {
            let noise = fromB ? noiseB : noiseA
            var offset = sample * weightCount
            noisy = base
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
        }
    }
}
