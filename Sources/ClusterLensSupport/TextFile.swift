import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading the text input files of ClusterLens (definitions, indicator files, member surveys).
package enum TextFile {
    /// The text of a UTF-8 file.
    ///
    /// - Throws: ``FileError`` — `unreadable` when the file does not exist, is a folder or cannot be
    ///   read; `notText` when its bytes are not UTF-8.
    package static func read(_ path: String) throws(FileError) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw FileError(.unreadable, path: path, message: "cannot read the file: no such file")
        }
        guard !isFolder.boolValue else {
            throw FileError(.unreadable, path: path, message: "cannot read the file: it is a folder")
        }
        // read(2), not Data(contentsOf:): Foundation's reader leaks its buffer on an empty file
        // (found by the yaml fuzz target under AddressSanitizer).
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw FileError(
                .unreadable, path: path, message: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { POSIX.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw FileError(
                    .unreadable, path: path, message: "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FileError(.notText, path: path, message: "the file is not UTF-8 text")
        }
        return text
    }
}
