#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@inline(__always)
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}

/// An error writing output.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path being written.
    public var path: String
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    static func system(_ path: String, _ action: String) -> OutputError {
        OutputError(path: path, message: "cannot \(action): \(String(cString: strerror(errno)))")
    }
}

/// A buffered output file that appears at its destination only when complete.
///
/// Bytes go to a temporary file beside the destination (`.NAME.tmp-PID-N`); ``commit()`` renames
/// it into place, so a reader never sees a half-written file and a failed run never replaces a
/// good one. Without a destination (standard output), the temporary file lives in `$TMPDIR` and
/// ``commit()`` copies it to standard output. A file that is never committed is removed.
public final class OutputFile {
    /// The destination path, `nil` for standard output.
    public let destination: String?
    /// The temporary file's path.
    public let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var committed = false
    private static let flushThreshold = 1 << 20

    /// Opens a temporary file for `destination` (`nil` or `-` for standard output).
    public init(destination: String?) throws {
        let target = destination == "-" ? nil : destination
        self.destination = target
        let directory: String
        let name: String
        if let target {
            if let slash = target.lastIndex(of: "/") {
                directory = String(target[..<slash]).isEmpty ? "/" : String(target[..<slash])
                name = String(target[target.index(after: slash)...])
            } else {
                directory = "."
                name = target
            }
        } else {
            directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
            name = "clusterlens-stdout"
        }
        var attempt = 0
        var path = ""
        var opened: Int32 = -1
        while opened < 0 && attempt < 100 {
            path = "\(directory)/.\(name).tmp-\(getpid())-\(attempt)"
            opened = open(path, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o644)
            if opened < 0 && errno != EEXIST { break }
            attempt += 1
        }
        guard opened >= 0 else {
            throw OutputError.system(target ?? "standard output", "create a temporary file in \(directory)")
        }
        temporaryPath = path
        descriptor = opened
        buffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if !committed { unlink(temporaryPath) }
    }

    /// Appends bytes.
    @inline(__always) public func write(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Appends a string's UTF-8 bytes.
    @inline(__always) public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Appends one byte.
    @inline(__always) public func write(byte: UInt8) {
        buffer.append(byte)
    }

    /// Direct access to the pending buffer, for writers that format in place; call ``flushIfNeeded()`` after.
    public func withBuffer<Result>(_ body: (inout [UInt8]) throws -> Result) rethrows -> Result {
        try body(&buffer)
    }

    /// Writes the buffer out when it has grown past the threshold.
    @inline(__always) public func flushIfNeeded() throws {
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Writes the pending buffer to the temporary file.
    public func flush() throws {
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = posixWrite(descriptor, raw.baseAddress?.advanced(by: offset), raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.system(destination ?? "standard output", "write")
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Throws away everything written so far (the file restarts empty).
    public func truncate() throws {
        buffer.removeAll(keepingCapacity: true)
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw OutputError.system(temporaryPath, "truncate")
        }
    }

    /// Flushes and moves the file into place (or copies it to standard output).
    public func commit() throws {
        try flush()
        guard close(descriptor) == 0 else {
            descriptor = -1
            throw OutputError.system(destination ?? "standard output", "close")
        }
        descriptor = -1
        if let destination {
            guard rename(temporaryPath, destination) == 0 else { throw OutputError.system(destination, "rename into place") }
            committed = true
        } else {
            try copy(temporaryPath, toDescriptor: 1)
        }
    }

    private func copy(_ path: String, toDescriptor target: Int32) throws {
        let source = open(path, O_RDONLY)
        guard source >= 0 else { throw OutputError.system(path, "reopen") }
        defer { close(source) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw OutputError.system(path, "read back") }
            if count == 0 { break }
            var offset = 0
            while offset < count {
                let written = chunk.withUnsafeBytes { posixWrite(target, $0.baseAddress?.advanced(by: offset), count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.system("standard output", "write")
                }
                offset += written
            }
        }
    }
}
