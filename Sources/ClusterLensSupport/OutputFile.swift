#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileError {
    /// A write error with the system's reason (`errno`).
    static func system(_ path: String, _ action: String) -> FileError {
        FileError(.unwritable, path: path, message: "cannot \(action): \(String(cString: strerror(errno)))")
    }
}

/// A buffered output file that appears at its destination only when complete.
///
/// Bytes go to a temporary file beside the destination (`.NAME.tmp-PID-N`); ``commit()`` renames
/// it into place, so a reader never sees a half-written file and a failed run never replaces a
/// good one. Without a destination (standard output), the temporary file lives in `$TMPDIR` and
/// ``commit()`` copies it to standard output. A file that is never committed is removed.
package final class OutputFile {
    /// The destination path, `nil` for standard output.
    package let destination: String?
    /// The temporary file's path.
    package let temporaryPath: String
    @exclusivity(unchecked) private var descriptor: Int32
    /// The pending bytes; writers that format in place append here, then call ``flushIfNeeded()``.
    /// A flush hands a copy to the background writer and empties it.
    package let storage = ByteStorage(capacity: (1 << 20) + (1 << 16))
    private let writer = BackgroundWriter()
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    @exclusivity(unchecked) private var committed = false
    /// Whether the finished file is renamed onto the destination (a regular file or a new path).
    private let replacesByRename: Bool
    private static let flushThreshold = 1 << 20

    /// Opens a temporary file for `destination` (`nil` or `-` for standard output).
    package init(destination: String?) throws {
        let target = destination == "-" ? nil : destination
        self.destination = target
        // A device, FIFO or other special file (e.g. /dev/null) is written in place at the end,
        // never replaced by a rename.
        var status = stat()
        replacesByRename = target.map { stat($0, &status) != 0 || (status.st_mode & S_IFMT) == S_IFREG } ?? false
        let directory: String
        let name: String
        if let target, replacesByRename {
            if let slash = target.lastIndex(of: "/") {
                directory = String(target[..<slash]).isEmpty ? "/" : String(target[..<slash])
                name = String(target[target.index(after: slash)...])
            } else {
                directory = "."
                name = target
            }
        } else {
            directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
            name = "clusterlens-output"
        }
        var attempt = 0
        var path = ""
        var opened: Int32 = -1
        while opened < 0 && attempt < 100 {
            path = "\(directory)/.\(name).tmp-\(getpid())-\(attempt)"
            // Recorded before it exists, so an interrupt right after `open` still removes it (a name
            // that exists already is this process's own or a dead one's: removing it is harmless).
            TemporaryFiles.register(path)
            opened = open(path, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o644)
            if opened < 0 && errno != EEXIST { break }
            attempt += 1
        }
        guard opened >= 0 else {
            let error = FileError.system(target ?? "standard output", "create a temporary file in \(directory)")
            TemporaryFiles.unregister(path)
            throw error
        }
        temporaryPath = path
        descriptor = opened
    }

    deinit {
        _ = writer.wait()
        if descriptor >= 0 { close(descriptor) }
        if !committed { unlink(temporaryPath) }
        TemporaryFiles.unregister(temporaryPath)
    }

    /// Appends bytes.
    package func write(_ bytes: [UInt8]) throws {
        storage.append(contentsOf: bytes)
        try flushIfNeeded()
    }

    /// Appends a string's UTF-8 bytes.
    package func write(_ text: String) throws {
        storage.append(text)
        try flushIfNeeded()
    }

    /// Formats into a scratch array that is then appended; for paths that are not per-observation hot.
    package func withBuffer<Result>(_ body: (inout [UInt8]) throws -> Result) rethrows -> Result {
        scratch.removeAll(keepingCapacity: true)
        let result = try body(&scratch)
        storage.append(contentsOf: scratch)
        return result
    }

    /// Writes the buffer out when it has grown past the threshold.
    @inline(__always) package func flushIfNeeded() throws {
        if storage.count >= Self.flushThreshold { try flush() }
    }

    /// Starts writing the pending bytes to the temporary file in the background (see
    /// ``BackgroundWriter``); a failure of an earlier write is thrown here.
    package func flush() throws {
        try drain()
        guard storage.count > 0 else { return }
        writer.start(storage, descriptor: descriptor)
        storage.removeAll()
    }

    /// Waits until everything flushed so far is in the file.
    package func drain() throws {
        let failure = writer.wait()
        if failure != 0 {
            errno = failure
            throw FileError.system(destination ?? "standard output", "write")
        }
    }

    /// Flushes and moves the file into place (or copies it to standard output).
    package func commit() throws {
        try flush()
        try drain()
        guard close(descriptor) == 0 else {
            descriptor = -1
            throw FileError.system(destination ?? "standard output", "close")
        }
        descriptor = -1
        if let destination, replacesByRename {
            guard rename(temporaryPath, destination) == 0 else {
                throw FileError.system(destination, "rename into place")
            }
            committed = true
            TemporaryFiles.unregister(temporaryPath)
        } else if let destination {
            let target = open(destination, O_WRONLY)
            guard target >= 0 else { throw FileError.system(destination, "open") }
            defer { close(target) }
            try copy(temporaryPath, toDescriptor: target, named: destination)
        } else {
            try copy(temporaryPath, toDescriptor: 1, named: "standard output")
        }
    }

    /// Copies the finished file to `target`; a write error names `name` (`-o /dev/full` is not
    /// "standard output").
    private func copy(_ path: String, toDescriptor target: Int32, named name: String) throws {
        let source = open(path, O_RDONLY)
        guard source >= 0 else { throw FileError.system(path, "reopen") }
        defer { close(source) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw FileError.system(path, "read back") }
            if count == 0 { break }
            let failure = chunk.withUnsafeBytes {
                POSIX.writeAll(target, UnsafeRawBufferPointer(rebasing: $0[0..<count]))
            }
            if failure != 0 {
                errno = failure
                throw FileError.system(name, "write")
            }
        }
    }
}
