import ClusterLensCore
import Testing

@testable import ClusterLensScoring

/// U.S. Cluster Mapping strong-cluster classes with type-7 percentiles, by hand.
@Suite("Benchmark strong clusters")
struct BenchmarkStrongClusterTests {
    private func units(_ rows: [String: (Double, Double, Double)]) -> [String: StrongClusterRule.Input] {
        rows.mapValues { .init(quotient: $0.0, employment: $0.1, establishments: $0.2) }
    }

    /// LQ 0.5, 1.0, 1.5, 2.0, 3.0: P25 1.0, P50 1.5, P75 2.0, P90 2.0 + 0.6 × 1.0 = 2.6; employment P25
    /// 200 and establishments P25 20, so a and b miss the floors; z (E = 0) is outside the population.
    @Test func classesFollowTheDefaultPercentiles() {
        let classes = StrongClusterRule().classify(
            units([
                "a": (0.5, 100, 10), "b": (1.0, 200, 20), "c": (1.5, 300, 30), "d": (2.0, 400, 40),
                "e": (3.0, 500, 50), "z": (2.0, 0, 5),
            ]))
        #expect(classes == ["a": .none, "b": .none, "c": .qualifying, "d": .strong, "e": .strong10])
    }

    /// LQ 0.1, 0.2, 0.4, 0.6, 0.8, 0.9 (n = 6): P25 0.25, P50 0.5, P75 0.75, P90 0.85; employment P25
    /// 150 and establishments P25 15, so f and a miss the floors. 0.8 reaches P75 but not LQ 1, so it is
    /// only significant.
    @Test func strongNeedsALocationQuotientOfAtLeastOne() {
        let input = units([
            "f": (0.1, 100, 10), "a": (0.2, 100, 10), "b": (0.4, 300, 30), "c": (0.6, 300, 30),
            "d": (0.8, 400, 40), "e": (0.9, 500, 50),
        ])
        let classes = StrongClusterRule().classify(input)
        #expect(
            classes == [
                "f": .none, "a": .none, "b": .qualifying, "c": .significant, "d": .significant, "e": .strong10,
            ])
        var lenient = StrongClusterRule()
        lenient.strongMinimumQuotient = 0.5
        lenient.strong10Quotient = 1
        #expect(lenient.classify(input)["d"] == .strong)
        #expect(lenient.classify(input)["c"] == .significant, "0.6 is below P75")
        #expect(lenient.classify(input)["e"] == .strong10, "P100 is the maximum")
    }

    /// LQ 3.0, 1.0, 1.5, 2.0 with employment 100 … 400: by default (E P25 = 175, LQ P25 = 1.375) c is
    /// qualifying; with the employment floor at P75 (325) c misses it while d (2.0 > median 1.75) stays
    /// significant. Floors are strict: a unit at P0 is not above it.
    @Test func theFloorsAreConfigurable() {
        let input = units(["a": (3.0, 100, 10), "b": (1.0, 200, 20), "c": (1.5, 300, 30), "d": (2.0, 400, 40)])
        #expect(StrongClusterRule().classify(input)["c"] == .qualifying)
        #expect(StrongClusterRule().classify(input)["a"] == StrongClusterRule.Strength.none)
        var high = StrongClusterRule()
        high.employmentFloor = 0.75
        #expect(high.classify(input)["c"] == StrongClusterRule.Strength.none)
        #expect(high.classify(input)["d"] == .significant)
        var open = StrongClusterRule()
        open.employmentFloor = 0
        open.establishmentFloor = 0
        #expect(open.classify(input)["a"] == StrongClusterRule.Strength.none, "100 > P0 = 100 fails")
    }

    @Test func unitsWithoutInputsGetNoClassAndStrengthsAreOrdered() {
        let classes = StrongClusterRule().classify([
            "a": .init(quotient: nil, employment: 10, establishments: 1),
            "b": .init(quotient: 2, employment: 10, establishments: 1),
        ])
        #expect(classes["a"] == nil)
        #expect(classes["b"] == StrongClusterRule.Strength.none, "a single unit is not above its own P25")
        #expect(StrongClusterRule.Strength.allCases.sorted() == StrongClusterRule.Strength.allCases)
        #expect(StrongClusterRule.Strength.strong < .strong10 && StrongClusterRule.Strength.none < .qualifying)
    }
}
