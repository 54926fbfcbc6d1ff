import Dispatch

/// Runs blocking file work (writing a download, decompressing it, hashing it, parsing it) on a
/// dispatch queue of its own instead of a thread of Swift's cooperative pool.
///
/// The pool has one thread per core (two on the project's machine): a task that blocks one of them
/// for seconds in `read(2)` or `write(2)` stalls every other task. The awaiting task is suspended, not
/// blocked, while the work runs. The work itself is not interrupted by cancellation: callers check
/// `Task.isCancelled` before and after and undo what it did.
package enum BlockingIO {
    private static let queue = DispatchQueue(label: "clusterlens.blocking-io", attributes: .concurrent)

    /// Runs `work` on the blocking-I/O queue and returns what it returns, or throws what it throws.
    package static func run<Value: Sendable, Failure: Error>(
        _ work: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { () throws(Failure) -> Value in try work() }) }
        }
        return try result.get()
    }
}
