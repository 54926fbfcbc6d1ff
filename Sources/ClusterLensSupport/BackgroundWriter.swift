import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one buffer at a time to a file descriptor on a background queue, so that the system
/// call for one buffer overlaps the formatting of the next (2 cores: parse and format on one,
/// `write(2)` on the other).
///
/// Sendable as the compiler checks it, without `@unchecked`: the caller's ``ByteStorage`` (manual
/// memory, not Sendable) never leaves the caller's thread. ``start(_:descriptor:)`` copies its bytes
/// into a byte array (a value) that travels to the queue through a `Mutex` and comes back, emptied but
/// with its capacity, for the next buffer; so the one cost of the checked hand-off is a `memcpy` per
/// megabyte flushed, and no allocation once the array has grown. The semaphore lets one write run at
/// a time; the `Mutex` guards the array in flight and the first failure.
package final class BackgroundWriter: Sendable {
    private let queue = DispatchQueue(label: "clusterlens.output-writer")
    private let idle = DispatchSemaphore(value: 1)
    private let state = Mutex(State())

    /// What the caller and the queue share.
    private struct State {
        /// The bytes handed to the queue and not yet taken by it.
        var pending: [UInt8] = []
        /// The array of the last finished write, kept for its capacity.
        var spare: [UInt8] = []
        /// `errno` of the first failed write, 0 when none.
        var failure: Int32 = 0
    }

    /// Creates a writer with no write running.
    package init() {}

    /// Copies `buffer`'s bytes and hands them to the writer; returns at once unless an earlier write
    /// is still running. The caller may reuse `buffer` as soon as this returns.
    package func start(_ buffer: ByteStorage, descriptor: Int32) {
        idle.wait()
        var bytes = state.withLock { state in
            var spare: [UInt8] = []
            swap(&spare, &state.spare)
            return spare
        }
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: buffer.buffer)
        state.withLock { swap(&$0.pending, &bytes) }
        queue.async { self.writePending(to: descriptor) }
    }

    /// Waits until no write is running; returns the `errno` of a failed write, 0 when all succeeded.
    package func wait() -> Int32 {
        idle.wait()
        defer { idle.signal() }
        return state.withLock { $0.failure }
    }

    /// On the queue: writes the pending bytes (unless an earlier write failed), keeps the array for
    /// the next buffer, and lets the next write start.
    private func writePending(to descriptor: Int32) {
        var bytes = state.withLock { state in
            var pending: [UInt8] = []
            swap(&pending, &state.pending)
            return pending
        }
        let failed = state.withLock { $0.failure != 0 }
        let failure = failed ? 0 : bytes.withUnsafeBytes { POSIX.writeAll(descriptor, $0) }
        state.withLock { state in
            if state.failure == 0 { state.failure = failure }
            swap(&state.spare, &bytes)
        }
        idle.signal()
    }

}
