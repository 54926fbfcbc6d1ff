import ClusterLensCore
import Testing

@testable import ClusterLensScoring

/// Strengths and weaknesses (COINr `get_str_weak`) and the most similar profiles, by hand.
@Suite("Benchmark strengths, weaknesses and similar profiles")
struct BenchmarkStrengthsTests {
    private let scores: [String: [String: Double?]] = [
        "u1": ["i1": 90, "i2": 10, "i3": 50, "i4": nil],
        "u2": ["i1": 95, "i2": 20, "i3": 40, "i4": 70],
        "u3": ["i1": 20, "i2": 30, "i3": 45, "i4": 80],
    ]
    private let indicators = ["i1", "i2", "i3", "i4"]

    @Test func byScoreTheUnitsOwnHighestAndLowestScoresCount() {
        let lists = StrengthsAndWeaknesses.of(scores, indicators: indicators, count: 2)
        #expect(lists["u1"]?.strengths.map(\.indicator) == ["i1", "i3"])
        #expect(lists["u1"]?.weaknesses.map(\.indicator) == ["i2", "i3"])
        #expect(lists["u1"]?.strengths.first == .init(indicator: "i1", score: 90, rank: 2))
    }

    /// u1's ranks: i1 2nd (after 95), i2 3rd, i3 1st, i4 none. u2's ranks i1 1, i2 2, i3 3, i4 2: the
    /// tie at rank 2 goes to the higher score (i4, 70) among strengths and the lower (i2, 20) among weaknesses.
    @Test func byRankThePlaceAmongPeersCounts() {
        let lists = StrengthsAndWeaknesses.of(scores, indicators: indicators, count: 2, basis: .rank)
        #expect(lists["u1"]?.strengths.map(\.indicator) == ["i3", "i1"])
        #expect(lists["u1"]?.weaknesses.map(\.indicator) == ["i2", "i1"])
        #expect(lists["u2"]?.strengths.map(\.indicator) == ["i1", "i4"])
        #expect(lists["u2"]?.weaknesses.map(\.indicator) == ["i3", "i2"])
    }

    @Test func missingScoresAreLeftOutAndACountOfZeroGivesEmptyLists() {
        let lists = StrengthsAndWeaknesses.of(scores, indicators: indicators, count: 10)
        #expect(lists["u1"]?.strengths.count == 3)
        let none = StrengthsAndWeaknesses.of(scores, indicators: indicators, count: 0)
        #expect(none["u2"] == StrengthsAndWeaknesses(strengths: [], weaknesses: []))
    }

    /// a = (0, 0, 0, –), b = (3, 4, –, 0): shared i1, i2 → √((9 + 16) / 2) = 3.536; c = (1, 1, 1, 1):
    /// √(3 / 3) = 1; d shares one indicator only (distance 5).
    @Test func theMostSimilarProfilesUseOnlySharedIndicators() {
        let profiles: [String: [Double?]] = [
            "a": [0, 0, 0, nil], "b": [3, 4, nil, 0], "c": [1, 1, 1, 1], "d": [nil, nil, 5, 5],
        ]
        let nearest = PeerBenchmarks.mostSimilar(to: "a", in: profiles, count: 5, minimumShared: 2)
        #expect(nearest.map(\.unit) == ["c", "b"])
        #expect(abs((nearest.last?.distance ?? 0) - 12.5.squareRoot()) < 1e-12)
        let loose = PeerBenchmarks.mostSimilar(to: "a", in: profiles, count: 5, minimumShared: 1)
        #expect(loose.map(\.unit) == ["c", "b", "d"] && loose.last?.distance == 5)
        #expect(PeerBenchmarks.mostSimilar(to: "a", in: profiles, count: 1, minimumShared: 1).map(\.unit) == ["c"])
        #expect(PeerBenchmarks.mostSimilar(to: "x", in: profiles).isEmpty)
    }
}
