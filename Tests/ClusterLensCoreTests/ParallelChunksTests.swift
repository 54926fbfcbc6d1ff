import Testing

@testable import ClusterLensCore

@Suite("Work on every core")
struct ParallelChunksTests {
    @Test("Chunks cover the range once, in order; small work stays in one chunk")
    func chunksCoverTheRangeInOrder() {
        let ranges = ParallelChunks.map(count: 1_000, minimumPerWorker: 10) { $0 }
        #expect(ranges.flatMap { Array($0) } == Array(0..<1_000))
        #expect(ranges.count == min(ParallelChunks.cores, 100))
        #expect(ParallelChunks.map(count: 15, minimumPerWorker: 10) { $0 } == [0..<15])
        #expect(ParallelChunks.map(count: 0, minimumPerWorker: 1) { $0 }.isEmpty)
        // The first failure in index order is the first in the result, whichever chunk ran first.
        let failures = ParallelChunks.map(count: 400, minimumPerWorker: 1) { range in
            range.first { $0 % 150 == 149 }
        }
        #expect(failures.compactMap { $0 }.first == 149)
    }
}
