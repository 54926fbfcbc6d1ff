import ClusterLensSupport
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Inputs that cannot be read twice — a pipe (`inspect <(cat file.xml)`), a FIFO, `/dev/stdin` — are
/// copied once, as a stream, into a temporary regular file: a file's format is sniffed from its head
/// and then read from its start, and a pipe read a second time is empty. Messages keep the name the
/// user gave (``named(_:)``); the copies are removed at the end of the run, or when it is interrupted.
enum SpooledInput {
    /// The user's name of each copy, by the copy's path.
    private static let names = Mutex<[String: String]>([:])

    /// The path to read for `path`: a temporary copy of everything it yields when it is a pipe or a
    /// socket, else `path` itself (a regular file, a folder or nothing at all: the readers say what is
    /// wrong). A character device is read as it is: `/dev/zero` or `/dev/urandom` would fill the disk
    /// with a copy, while read directly their first bytes are refused at once as no data file.
    ///
    /// - Throws: ``ClusterLensSupport/FileError`` when it cannot be read or the copy cannot be written.
    static func readable(_ path: String) throws -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return path }
        let type = status.st_mode & S_IFMT
        guard type == S_IFIFO || type == S_IFSOCK else { return path }
        let input = open(path, O_RDONLY)
        guard input >= 0 else {
            throw FileError(.unreadable, path: path, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(input) }
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(folder)/clusterlens-input-XXXXXX".utf8CString)
        let output = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard output >= 0 else {
            throw FileError(
                .unwritable, path: folder, message: "cannot copy \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(output) }
        let copy = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        TemporaryFiles.register(copy)
        names.withLock { $0[copy] = path }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw FileError(.unreadable, path: path, message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            let failure = buffer.withUnsafeBytes {
                POSIX.writeAll(output, UnsafeRawBufferPointer(rebasing: $0[0..<count]))
            }
            guard failure == 0 else {
                throw FileError(
                    .unwritable, path: folder, message: "cannot copy \(path): \(String(cString: strerror(failure)))")
            }
        }
        return copy
    }

    /// `text` with the path of every copy replaced by the name the user gave.
    static func named(_ text: String) -> String {
        names.withLock { names in
            names.reduce(text) { text, entry in text.replacingOccurrences(of: entry.key, with: entry.value) }
        }
    }

    /// The name the user gave for `path` (itself when it is no copy).
    static func name(of path: String) -> String {
        names.withLock { $0[path] } ?? path
    }

    /// Removes every copy.
    static func removeAll() {
        let copies = names.withLock { names in
            defer { names.removeAll() }
            return Array(names.keys)
        }
        for copy in copies { TemporaryFiles.remove(copy) }
    }
}
