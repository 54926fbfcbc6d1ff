internal import Dispatch
internal import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Work over `0..<count` on every core: the range split into contiguous chunks, one per worker, run
/// side by side, the results in chunk order (so whatever the work finds first, in index order, is
/// first in the result).
public enum ParallelChunks {
    /// The cores this process may run on.
    public static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// `body` of each chunk of `0..<count`: at most one chunk per core, none of fewer than
    /// `minimumPerWorker` elements (small work stays on one core); the results in chunk order.
    public static func map<Result: Sendable>(
        count: Int, minimumPerWorker: Int, _ body: @Sendable (Range<Int>) -> Result
    ) -> [Result] {
        guard count > 0 else { return [] }
        let workers = max(1, min(cores, count / max(1, minimumPerWorker)))
        let chunk = (count + workers - 1) / workers
        let results = Mutex<[Int: Result]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = worker * chunk..<min(count, (worker + 1) * chunk)
            guard !range.isEmpty else { return }
            let result = body(range)
            results.withLock { $0[worker] = result }
        }
        let done = results.withLock { $0 }
        return (0..<workers).compactMap { done[$0] }
    }
}
