internal import ClusterLensCore

extension UncertaintyAnalysis {
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
