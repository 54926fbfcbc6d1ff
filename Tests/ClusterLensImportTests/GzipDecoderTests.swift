import ClusterLensImport
import Foundation
import Testing

/// Concatenated gzip members are one file (RFC 1952 §2.2), wherever the decoder's 64 KiB reads fall.
@Suite("gzip decoder")
struct GzipDecoderTests {
    /// One gzip member holding `data` in a stored (uncompressed) deflate block: 10 header bytes, 5 block
    /// header bytes, the data, CRC-32 and length: `data.count + 23` bytes, so its size is exact.
    private static func storedMember(_ data: [UInt8]) -> [UInt8] {
        precondition(data.count <= 65_535, "one stored block")
        var member: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        let length = UInt16(data.count)
        member += [1, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        member += data
        for value in [crc32(data), UInt32(data.count)] {
            member += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
        }
        return member
    }

    /// CRC-32 (ISO 3309, reflected, polynomial 0xEDB88320), as gzip's trailer holds it.
    private static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func decompress(_ bytes: [UInt8]) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("in.gz").path
        let destination = folder.appendingPathComponent("out.xml").path
        try Data(bytes).write(to: URL(fileURLWithPath: source))
        try GzipDecoder.decompress(source, to: destination, url: "https://example.org/data.gz")
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: destination)))
    }

    @Test("CRC-32 of the check string is 0xCBF43926")
    func checkValue() {
        #expect(Self.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test("A second member that starts exactly at a 64 KiB read is read, not dropped")
    func memberAtReadBoundary() throws {
        let first = [UInt8]((0..<65_513).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) })
        let second = Array("<second member/>\n".utf8)
        let firstMember = Self.storedMember(first)
        #expect(firstMember.count == 65_536, "the first member fills one read exactly")
        #expect(try Self.decompress(firstMember + Self.storedMember(second)) == first + second)
    }

    @Test("Members inside one read, and bytes after the last member that are no gzip, are told apart")
    func membersInsideOneRead() throws {
        let parts = ["<a/>", "<b/>", "<c/>"].map { Array($0.utf8) }
        #expect(try Self.decompress(parts.flatMap(Self.storedMember)) == Array("<a/><b/><c/>".utf8))
        let error = try #require(throws: FeedError.self) {
            try Self.decompress(Self.storedMember(parts[0]) + Array("garbage".utf8))
        }
        #expect(error.code == .decompression)
        let cut = try #require(throws: FeedError.self) {
            try Self.decompress(Array(Self.storedMember(parts[0]).dropLast(3)))
        }
        #expect(cut.code == .truncated)
    }
}
