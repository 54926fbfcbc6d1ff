internal import Dispatch

/// Runs synchronous, blocking work (reading files, computing a report, waiting for a plug-in) on a
/// dispatch queue instead of a thread of Swift's cooperative pool, so a batch of reports never
/// starves the other tasks; the caller awaits the result.
enum BlockingWork {
    /// The result of `work`, computed on a global dispatch queue.
    ///
    /// - Throws: `CancellationError` when the task is cancelled before the work starts; whatever
    ///   `work` throws.
    static func run<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try Task.checkCancellation()
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Swift.Result { try work() })
            }
        }
    }
}
