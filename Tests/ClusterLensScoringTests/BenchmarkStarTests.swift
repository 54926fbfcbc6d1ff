import ClusterLensCore
import Testing

@testable import ClusterLensScoring

/// European Cluster Observatory stars: METHODS A1 and a ten-cluster population with type-7 percentiles.
@Suite("Benchmark stars")
struct BenchmarkStarTests {
    /// METHODS A1: LQ = (40 000 / 800 000) / (2 400 000 / 200 000 000) = 0.05 / 0.012 = 4.17, focus 5.0 %.
    /// Employment 120 … 40 000: P90 = 9 000 + 0.1 × (40 000 − 9 000) = 12 100 (h = 9 × 0.9 = 8.1);
    /// focus 0.5 … 5.0 %: P90 = 4.2 + 0.1 × 0.8 = 4.28 %. The A1 cluster gets 3 stars; the runner-up
    /// (9 000, LQ 2.0, 4.2 %) only the specialisation star.
    @Test func theWorkedExampleEarnsThreeStarsInItsPopulation() throws {
        let quotient = (40_000.0 / 800_000) / (2_400_000.0 / 200_000_000)
        #expect((quotient * 100).rounded() / 100 == 4.17)
        let employment: [Double] = [120, 300, 450, 800, 1000, 1500, 2200, 4000, 9000, 40_000]
        let focus: [Double] = [0.5, 1, 1.2, 1.8, 2, 2.5, 3, 3.5, 4.2, 5.0]
        let quotients: [Double] = [0.3, 0.5, 0.8, 1.1, 0.9, 1.9, 1.2, 0.7, 2.0, quotient]
        var values: [String: [String: Double]] = [:]
        for index in employment.indices {
            values["c\(index)"] = [
                "employment": employment[index], "cluster_focus": focus[index],
                "location_quotient": quotients[index],
            ]
        }
        #expect(abs(try #require(PeerBenchmarks.quantile(employment, 0.9)) - 12_100) < 1e-9)
        #expect(abs(try #require(PeerBenchmarks.quantile(focus, 0.9)) - 4.28) < 1e-12)
        let stars = PeerBenchmarks.stars(values, criteria: PeerBenchmarks.eco2008)
        #expect(stars["c9"] == 3)
        #expect(stars["c8"] == 1)
        #expect(stars["c5"] == 0, "LQ 1.9 is below 2")
        // Per star: employment ≥ 12 100 only c9; LQ ≥ 2 c8 (2.0, at the threshold) and c9; focus ≥ 4.28 % c9.
        let counts = PeerBenchmarks.starCounts(values)
        #expect(counts.map(\.criterion.metric) == ["employment", "location_quotient", "cluster_focus"])
        #expect(abs((counts[0].threshold ?? 0) - 12_100) < 1e-9)
        #expect(counts[1].threshold == 2)
        #expect(abs((counts[2].threshold ?? 0) - 4.28) < 1e-12)
        #expect(counts.map(\.units) == [1, 2, 1])
        // The counts and the stars are one rule: the stars add up to the counts.
        #expect(stars.values.compactMap { $0 }.reduce(0, +) == counts.map(\.units).reduce(0, +))
    }

    /// A criterion is data: an absolute wage floor and a median criterion give 0–2 stars.
    @Test func criteriaAreConfigurable() {
        let criteria = [
            PeerBenchmarks.StarCriterion(metric: "wage", threshold: .absolute(40_000)),
            PeerBenchmarks.StarCriterion(metric: "employment", threshold: .percentile(0.5)),
        ]
        let stars = PeerBenchmarks.stars(
            [
                "a": ["wage": 45_000, "employment": 300], "b": ["wage": 30_000, "employment": 200],
                "c": ["wage": 40_000, "employment": 100], "d": ["employment": 50],
            ],
            criteria: criteria)
        #expect(stars == ["a": 2, "b": 1, "c": 1, "d": 0], "median employment 150")
        // A wage of exactly 40 000 reaches the floor; d has no wage, so not that star.
        #expect(
            PeerBenchmarks.starCounts(["c": ["wage": 40_000], "d": ["employment": 50]], criteria: criteria).map(\.units)
                == [1, 1])
    }
}
