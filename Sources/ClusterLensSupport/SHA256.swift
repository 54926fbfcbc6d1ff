internal import CLibCrypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SHA-256 (FIPS 180-4) through the system's libcrypto (OpenSSL), streaming, so provenance can name the
/// exact bytes of a source file and the feed cache can check what it serves.
///
/// Feed bytes with ``update(_:)`` in chunks of any size, then read ``hexDigest()`` once. A hash is
/// one computation owned by one task (not `Sendable`); ``hexDigest(ofFile:)`` reads a file in 1 MiB
/// chunks, so memory does not grow with the file.
package final class SHA256 {
    private let context: OpaquePointer

    /// Creates a hash of no bytes yet.
    package init() {
        // EVP_MD_CTX_new fails only when memory is exhausted, which Swift treats as fatal anyway.
        guard let context = EVP_MD_CTX_new() else { preconditionFailure("libcrypto: EVP_MD_CTX_new failed") }
        self.context = context
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds bytes.
    package func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    /// Adds bytes.
    package func update(_ bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// The digest of every byte added, 64 lower-case hexadecimal digits; call once.
    package func hexDigest() -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        digest.withUnsafeMutableBufferPointer { buffer in
            _ = EVP_DigestFinal_ex(context, buffer.baseAddress, &length)
        }
        let hexDigits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(Int(length) * 2)
        for byte in digest.prefix(Int(length)) {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The hexadecimal SHA-256 of `bytes`.
    package static func hexDigest(of bytes: some Sequence<UInt8>) -> String {
        let hash = SHA256()
        hash.update(bytes)
        return hash.hexDigest()
    }

    /// The hexadecimal SHA-256 of a file, read in chunks.
    ///
    /// - Throws: ``FileError`` (`unreadable`) when the file cannot be opened or read.
    package static func hexDigest(ofFile path: String) throws(FileError) -> String {
        // Never nil: reading stops early only when `continuing` says so, and it never does here.
        try hexDigest(ofFile: path, while: { true }) ?? ""
    }

    /// The hexadecimal SHA-256 of a file, read in chunks while `continuing` says so.
    ///
    /// - Returns: The digest, or `nil` when `continuing` said stop before the end of the file.
    /// - Throws: ``FileError`` (`unreadable`) when the file cannot be opened or read.
    package static func hexDigest(ofFile path: String, while continuing: () -> Bool) throws(FileError) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw FileError(
                .unreadable, path: path, message: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let hash = SHA256()
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = read(descriptor, chunk.baseAddress, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(
                    .unreadable, path: path, message: "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            guard continuing() else { return nil }
            hash.update(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
        return hash.hexDigest()
    }
}
