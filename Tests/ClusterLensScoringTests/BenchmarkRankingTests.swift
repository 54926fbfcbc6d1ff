import ClusterLensCore
import Testing

@testable import ClusterLensScoring

/// Ranks and percentile conventions among peers, by hand.
@Suite("Benchmark ranking")
struct BenchmarkRankingTests {
    private let values: [String: Double?] = ["a": 10, "b": 20, "c": 20, "d": 5, "e": nil, "f": .nan]

    @Test func higherIsBetterRanksTheLargestFirstAndTiesShareTheMinimumRank() {
        #expect(PeerRanking.ranks(values, direction: .higher) == ["b": 1, "c": 1, "a": 3, "d": 4])
        #expect(PeerRanking.ranks(values, direction: .none) == ["b": 1, "c": 1, "a": 3, "d": 4])
    }

    @Test func lowerIsBetterRanksTheSmallestFirst() {
        #expect(PeerRanking.ranks(values, direction: .lower) == ["d": 1, "a": 2, "b": 3, "c": 3])
    }

    /// METHODS A6: n = 179, rank 1 → round(100/179 × 0.5) = 0, rank 179 → round(100/179 × 178.5) = 100.
    @Test func theMappingPositionPutsTheBestAtZero() {
        #expect(PeerRanking.percentile(rank: 1, of: 179, convention: .mappingPosition) == 0)
        #expect(PeerRanking.percentile(rank: 179, of: 179, convention: .mappingPosition) == 100)
        #expect(PeerRanking.percentile(rank: 90, of: 179, convention: .mappingPosition) == 50)
        #expect(PeerRanking.percentile(rank: 1, of: 4, convention: .mappingPosition) == 13, "12.5 rounds up")
    }

    /// (n − rank) / (n − 1) × 100: among 4, ranks 1, 3, 4 → 100, 33.3, 0; a single unit → 100.
    @Test func thePercentileRankPutsTheBestAtOneHundred() throws {
        #expect(PeerRanking.percentile(rank: 1, of: 4, convention: .percentileRank) == 100)
        let third = try #require(PeerRanking.percentile(rank: 3, of: 4, convention: .percentileRank))
        #expect(abs(third - 100.0 / 3) < 1e-12)
        #expect(PeerRanking.percentile(rank: 4, of: 4, convention: .percentileRank) == 0)
        #expect(PeerRanking.percentile(rank: 1, of: 1, convention: .percentileRank) == 100)
        #expect(PeerRanking.percentile(rank: 5, of: 4, convention: .percentileRank) == nil)
        #expect(PeerRanking.percentile(rank: 0, of: 4, convention: .mappingPosition) == nil)
    }

    @Test func positionsCountOnlyUnitsWithAValue() {
        let positions = PeerRanking.positions(values, direction: .higher, convention: .percentileRank)
        #expect(positions.count == 4)
        #expect(positions["b"] == PeerRanking.Position(rank: 1, count: 4, percentile: 100))
        #expect(positions["c"] == PeerRanking.Position(rank: 1, count: 4, percentile: 100))
        #expect(positions["d"] == PeerRanking.Position(rank: 4, count: 4, percentile: 0))
        #expect(positions["e"] == nil && positions["f"] == nil)
        let mapping = PeerRanking.positions(values, direction: .lower, convention: .mappingPosition)
        #expect(mapping["d"]?.percentile == 13 && mapping["b"]?.percentile == 63)
    }
}
