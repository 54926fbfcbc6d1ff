import ClusterLensSupport
import Foundation
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    @Test("the digest matches the NIST example vectors")
    func nistVectors() {
        #expect(
            SHA256.hexDigest(of: Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest(of: [UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hexDigest(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("feeding a million bytes in uneven chunks gives the NIST digest of a million a's")
    func chunkedMillion() {
        let hash = SHA256()
        var fed = 0
        var chunk = 1
        while fed < 1_000_000 {
            let size = min(chunk, 1_000_000 - fed)
            hash.update([UInt8](repeating: UInt8(ascii: "a"), count: size))
            fed += size
            chunk = chunk * 3 % 1000 + 1
        }
        #expect(hash.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a 55-, 56- and 64-byte message pads correctly")
    func paddingEdges() {
        #expect(
            SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: 55))
                == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(
            SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: 56))
                == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(
            SHA256.hexDigest(of: [UInt8](repeating: 0x61, count: 64))
                == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }
}

@Suite("SHA-256 of files")
struct SHA256FileTests {
    @Test("a file hashes to the digest of its bytes, read in chunks")
    func fileDigest() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clusterlens-sha-\(UUID().uuidString)")
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        try Data(bytes).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        #expect(
            try SHA256.hexDigest(ofFile: path.path)
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a missing file is a file error that says it cannot be read")
    func missingFile() {
        let error = #expect(throws: FileError.self) { try SHA256.hexDigest(ofFile: "/nonexistent/clusterlens.xml") }
        #expect(error?.code == .unreadable)
        #expect(error?.path == "/nonexistent/clusterlens.xml")
    }
}
