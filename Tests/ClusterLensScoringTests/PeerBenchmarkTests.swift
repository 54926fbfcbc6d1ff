import ClusterLensCore
import Testing

@testable import ClusterLensScoring

/// Benchmarks among peers, by hand.
@Suite("Peer benchmarks")
struct PeerBenchmarkTests {
    /// Type 7: for 1…10, h = 9 × 0.9 = 8.1 → 9 + 0.1 × (10 − 9) = 9.1; the median of 1…10 is 5.5.
    @Test func quantilesInterpolateLinearly() {
        let values = (1...10).map(Double.init)
        #expect(abs((PeerBenchmarks.quantile(values, 0.9) ?? 0) - 9.1) < 1e-12)
        #expect(PeerBenchmarks.quantile(values, 0.5) == 5.5)
        #expect(PeerBenchmarks.quantile([], 0.5) == nil)
    }

    /// Ten clusters with employment 1 000 … 10 000 (P90 = 9 100) and focus 1 … 10 % (P90 = 9.1 %);
    /// METHODS A1's LQ of 4.17 earns the specialisation star.
    @Test func starsFollowThe2008Preset() {
        var values: [String: [String: Double]] = [:]
        for index in 1...10 {
            values["c\(index)"] = [
                "employment": Double(index) * 1000, "cluster_focus": Double(index),
                "location_quotient": index == 10 ? 4.17 : (index == 3 ? 2.0 : 0.9),
            ]
        }
        values["empty"] = [:]
        let stars = PeerBenchmarks.stars(values)
        #expect(stars["c10"] == 3)
        #expect(stars["c9"] == 0, "9 000 < 9 100 and 9 % < 9.1 %")
        #expect(stars["c3"] == 1, "LQ 2.0 reaches the threshold")
        #expect(stars["empty"] == .some(nil))
    }

    /// LQ 0.5, 1.0, 1.5, 2.0, 3.0 (P25 1.0, P50 1.5, P75 2.0, P90 2.6); employment and units all above
    /// P25 except the first: classes none, none (LQ 1.0 is not > P25), qualifying, strong, strong10.
    @Test func mappingClassesUseTheirPercentileFloors() {
        let classes = PeerBenchmarks.mappingClasses([
            "a": (0.5, 100, 10), "b": (1.0, 200, 20), "c": (1.5, 300, 30), "d": (2.0, 400, 40), "e": (3.0, 500, 50),
            "z": (2.0, 0, 5),
        ])
        #expect(classes == ["a": "none", "b": "none", "c": "qualifying", "d": "strong", "e": "strong10"])
    }

    @Test func strengthsWeaknessesAndSimilarProfiles() {
        let lists = StrengthsAndWeaknesses.of(
            ["u": ["a": 10, "b": 90, "c": nil, "d": 50, "e": 90]], indicators: ["a", "b", "c", "d", "e"], count: 2)
        #expect(lists["u"]?.strengths.map(\.indicator) == ["b", "e"], "ties in indicator order")
        #expect(lists["u"]?.weaknesses.map(\.indicator) == ["a", "d"], "a missing score is left out, never 0")
        // x vs y: differences 10, 10, 10 over three shared → 10; x vs z: 0, 40 and one missing → two
        // shared, below the minimum of three.
        let nearest = PeerBenchmarks.mostSimilar(
            to: "x", in: ["x": [50, 50, 50], "y": [60, 40, 60], "z": [50, 90, nil]])
        #expect(nearest.map(\.unit) == ["y"])
        #expect(abs((nearest.first?.distance ?? 0) - 10) < 1e-12)
    }

    /// Every unit at once (on all cores) gives each unit's own answer, ties to the unit that sorts
    /// first: w, x and v are all at distance 10 of u (|60 − 50| over three scores, or two and one
    /// missing with a minimum of two); x and w tie, w sorts first.
    @Test func mostSimilarForEveryUnitAtOnce() {
        var profiles: [String: [Double?]] = [
            "u": [50, 50, 50], "x": [60, 40, 60], "w": [40, 60, 40], "v": [60, 60, nil], "t": [90, 90, 90],
        ]
        let nearest = PeerBenchmarks.mostSimilar(to: "u", in: profiles, count: 3, minimumShared: 2)
        #expect(nearest.map(\.unit) == ["v", "w", "x"])
        #expect(nearest.map(\.distance) == [10, 10, 10])
        // 300 more units on a line: each one's nearest are its neighbours, the same one by one and at once.
        for index in 0..<300 { profiles[String(format: "p%03d", index)] = [Double(index), Double(index), 0] }
        let all = PeerBenchmarks.mostSimilar(in: profiles)
        #expect(all.count == 305)
        for unit in ["u", "t", "p000", "p150", "p299"] {
            let one = PeerBenchmarks.mostSimilar(to: unit, in: profiles)
            #expect(all[unit]?.map(\.unit) == one.map(\.unit) && all[unit]?.map(\.distance) == one.map(\.distance))
        }
        #expect(all["p150"]?.map(\.unit) == ["p149", "p151", "p148"])
    }
}
