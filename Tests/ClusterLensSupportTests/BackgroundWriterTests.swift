import ClusterLensTestSupport
import Foundation
import Testing

@testable import ClusterLensSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Background writer")
struct BackgroundWriterTests {
    /// The bytes of buffer `index`: 300 000 bytes counting up from `index`, so an out-of-order or
    /// reused-too-early buffer shows.
    private static func chunk(_ index: Int) -> [UInt8] {
        (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &+ index &* 7) }
    }

    @Test("buffers arrive whole and in order, and the caller may refill its buffer at once")
    func buffersArriveInOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("out.bin")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        let writer = BackgroundWriter()
        let buffer = ByteStorage(capacity: 1 << 16)
        var expected: [UInt8] = []
        for index in 0..<12 {
            buffer.removeAll()
            buffer.append(contentsOf: Self.chunk(index))
            writer.start(buffer, descriptor: descriptor)
            buffer.removeAll()
            buffer.append(contentsOf: [UInt8](repeating: 0xEE, count: 1000))  // scribbles over the hand-off
            expected += Self.chunk(index)
        }
        #expect(writer.wait() == 0)
        close(descriptor)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written.count == 12 * 300_000)
        #expect(written == expected)
    }

    @Test("the first failed write's errno is kept and later buffers are not written")
    func aFailureIsReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("read-only.bin")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let writer = BackgroundWriter()
        let buffer = ByteStorage(capacity: 64)
        buffer.append(contentsOf: Self.chunk(1))
        writer.start(buffer, descriptor: descriptor)
        writer.start(buffer, descriptor: descriptor)
        #expect(writer.wait() == EBADF)
        #expect(writer.wait() == EBADF, "waiting again keeps the failure")
    }
}

@Suite("Blocking I/O queue")
struct BlockingIOTests {
    @Test("the work's value, or its typed error, comes back to the awaiting task")
    func valueAndTypedError() async throws {
        let value = await BlockingIO.run { () -> Int in 6 * 7 }
        #expect(value == 42)
        let error = await #expect(throws: FileError.self) {
            try await BlockingIO.run { () throws(FileError) -> Int in
                throw FileError(.unreadable, path: "/nowhere", message: "no such file")
            }
        }
        #expect(error?.path == "/nowhere")
        #expect(error?.code == .unreadable)
    }
}
