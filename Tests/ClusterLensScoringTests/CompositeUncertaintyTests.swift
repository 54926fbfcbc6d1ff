import ClusterLensCore
import ClusterLensScoring
import Foundation
import Testing

@Suite("Composite uncertainty and sensitivity")
struct CompositeUncertaintyTests {
    static let input = CompositeInput(
        units: ["A", "B", "C", "D", "E"],
        indicators: [
            CompositeIndicator(id: "e1", pillar: .economic), CompositeIndicator(id: "e2", pillar: .economic),
            CompositeIndicator(id: "s1", pillar: .social),
            CompositeIndicator(id: "n1", direction: .lower, pillar: .environmental),
        ],
        values: [[10, 3, 50, 7], [20, 1, 40, 3], [15, 2, nil, 5], [30, 5, 20, 9], [25, 4, 35, 1]])

    @Test("The generator is reproducible: the same seed gives the same sequence, in [0, 1)")
    func generator() {
        var first = RandomGenerator(seed: 7)
        var second = RandomGenerator(seed: 7)
        let a = (0..<100).map { _ in first.nextUniform() }
        let b = (0..<100).map { _ in second.nextUniform() }
        #expect(a == b)
        #expect(a.allSatisfy { $0 >= 0 && $0 < 1 })
        var other = RandomGenerator(seed: 8)
        #expect(other.nextUniform() != a[0])
    }

    @Test("The same seed gives identical results")
    func reproducible() throws {
        let settings = UncertaintyAnalysis.Settings(
            normalisations: [.minMax(low: 0, high: 100), .percentileRank(scale: 100)],
            aggregations: [.arithmetic, .harmonic],
            weightNoise: 0.2, varyImputation: true, samples: 200, seed: 11)
        var nominal = CompositeSettings()
        nominal.shift = 1
        let first = try UncertaintyAnalysis.run(Self.input, nominal: nominal, settings: settings)
        let second = try UncertaintyAnalysis.run(Self.input, nominal: nominal, settings: settings)
        #expect(first == second)
        #expect(first.runs == 200 * 6)
        #expect(first.assumptions == ["normalisation", "aggregation", "imputation", "weights"])
    }

    @Test("With weight noise only, the 5th and 95th percentiles bracket the nominal score and rank")
    func bracket() throws {
        let settings = UncertaintyAnalysis.Settings(weightNoise: 0.3, samples: 500, seed: 3, sensitivity: false)
        let result = try UncertaintyAnalysis.run(Self.input, nominal: CompositeSettings(), settings: settings)
        #expect(result.runs == 500)
        for unit in result.units {
            let nominal = try #require(unit.nominalScore)
            let low = try #require(unit.lowScore)
            let high = try #require(unit.highScore)
            let median = try #require(unit.medianScore)
            #expect(low <= nominal && nominal <= high, "\(unit.unit): \(low) \(nominal) \(high)")
            #expect(low <= median && median <= high)
            let rank = Double(try #require(unit.nominalRank))
            #expect(try #require(unit.lowRank) <= rank && rank <= (try #require(unit.highRank)))
        }
    }

    @Test("Only weight noise matters: its first-order and total indices are ≈ 1, an inert normaliser choice gets 0")
    func sensitivityToy() throws {
        let settings = UncertaintyAnalysis.Settings(
            normalisations: [.minMax(low: 0, high: 100), .minMax(low: 0, high: 100)], weightNoise: 0.4, samples: 2000,
            seed: 5, target: .score(unit: "A"))
        let result = try UncertaintyAnalysis.run(Self.input, nominal: CompositeSettings(), settings: settings)
        #expect(result.runs == 2000 * 4)
        let normaliser = try #require(result.sensitivity.first { $0.assumption == "normalisation" })
        let weights = try #require(result.sensitivity.first { $0.assumption == "weights" })
        #expect(normaliser.firstOrder == 0 && normaliser.total == 0)
        let first = try #require(weights.firstOrder)
        let total = try #require(weights.total)
        #expect(abs(first - 1) < 0.1, "first-order \(first)")
        #expect(abs(total - 1) < 0.1, "total \(total)")
        #expect(result.targetVariance > 0)
    }

    @Test("Nothing varied is an error")
    func nothingVaried() {
        #expect(throws: CompositeError.self) {
            try UncertaintyAnalysis.run(Self.input, nominal: CompositeSettings(), settings: .init())
        }
    }

    @Test("A small benchmark runs the full design: N(d + 2) = 6 × 20 runs")
    func smallBenchmark() throws {
        let report = try UncertaintyAnalysis.benchmark(units: 20, indicators: 6, replications: 20, seed: 1)
        #expect(report.runs == 120)
        #expect(report.seconds >= 0)
    }
}
