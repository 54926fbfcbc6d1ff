import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one buffer at a time to a file descriptor on a background queue, so that the system
/// call for one buffer overlaps the formatting of the next (2 cores: parse and format on one,
/// `write(2)` on the other).
///
/// Ownership of a buffer passes to the writer with ``start(_:descriptor:)`` and comes back when
/// ``wait()`` returns: the caller must not touch the buffer in between. The semaphore orders every
/// access to ``failure``.
package final class BackgroundWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "clusterlens.output-writer")
    private let idle = DispatchSemaphore(value: 1)
    /// `errno` of the first failed write, 0 when none; read and written only while holding `idle`.
    private var failure: Int32 = 0

    /// Hands `buffer` to the writer; returns at once unless an earlier write is still running.
    package func start(_ buffer: ByteStorage, descriptor: Int32) {
        idle.wait()
        let handoff = Handoff(buffer: buffer)
        queue.async {
            if self.failure == 0 {
                let bytes = handoff.buffer.buffer
                var offset = 0
                while offset < bytes.count {
                    let written = Self.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        self.failure = errno
                        break
                    }
                    offset += written
                }
            }
            self.idle.signal()
        }
    }

    /// Waits until no write is running; returns the `errno` of a failed write, 0 when all succeeded.
    package func wait() -> Int32 {
        idle.wait()
        defer { idle.signal() }
        return failure
    }

    private static func write(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, bytes, count)
        #else
            Darwin.write(descriptor, bytes, count)
        #endif
    }

    /// Carries a buffer to the writer's queue; see the ownership rule above.
    private struct Handoff: @unchecked Sendable {
        let buffer: ByteStorage
    }
}
