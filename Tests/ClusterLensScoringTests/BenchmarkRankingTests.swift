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

    @Test func theArrayFormRanksInInputOrderAndLeavesNonFiniteValuesUnranked() {
        let values: [Double?] = [10, 20, 20, 5, nil, .nan, .infinity]
        #expect(PeerRanking.ranks(values, direction: .higher) == [3, 1, 1, 4, nil, nil, nil])
        #expect(PeerRanking.ranks(values, direction: .lower) == [2, 3, 3, 1, nil, nil, nil])
        #expect(PeerRanking.ranks([], direction: .higher) == [])
        #expect(PeerRanking.ranks([7, 7, 7], direction: .lower) == [1, 1, 1])
    }

    /// The buffer form writes at an offset and leaves the rest of the output alone; rank 1 of 0 and
    /// −0 together (they are equal).
    @Test func theBufferFormWritesAtItsOffsetAndReusesItsScratch() {
        var order = [Int](repeating: 99, count: 4)
        var ranks = [Double](repeating: -1, count: 6)
        PeerRanking.competitionRanks([0, -0.0, .nan, -3], direction: .higher, order: &order, into: &ranks, at: 2)
        #expect(ranks[0] == -1 && ranks[1] == -1)
        #expect(ranks[2] == 1 && ranks[3] == 1 && ranks[4].isNaN && ranks[5] == 3)
        PeerRanking.competitionRanks([4, 3, 2, 1], direction: .lower, order: &order, into: &ranks, at: 0)
        #expect(ranks[0..<4] == [4, 3, 2, 1])
    }

    /// Against the definition, rank = 1 + the number of strictly better values, on 2 000 random
    /// columns of up to 60 values drawn from few levels (many ties) with missing values.
    @Test func theHeapSortedRanksMatchTheDefinitionOnRandomColumns() {
        var generator = RandomGenerator(seed: 3)
        for _ in 0..<2000 {
            let count = Int(generator.nextUniform() * 60)
            let values: [Double?] = (0..<count).map { _ in
                generator.nextUniform() < 0.1 ? nil : (generator.nextUniform() * 8).rounded(.down)
            }
            for direction in [Direction.higher, .lower] {
                let expected: [Int?] = values.map { value in
                    value.map { x in
                        1 + values.compactMap { $0 }.filter { direction == .lower ? $0 < x : $0 > x }.count
                    }
                }
                #expect(PeerRanking.ranks(values, direction: direction) == expected)
            }
        }
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
