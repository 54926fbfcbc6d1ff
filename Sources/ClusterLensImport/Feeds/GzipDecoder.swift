import CClusterLensZlib
internal import ClusterLensSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decompresses gzip files with zlib, streaming in fixed-size chunks (constant memory), within a
/// size limit and an expansion limit, writing through ``ClusterLensSupport/OutputFile`` (throwing
/// writes; the result appears only when complete, and a failure leaves nothing behind).
public enum GzipDecoder {
    /// The decompressed bytes below which the expansion limit does not apply (small files of
    /// repeated markup expand a lot, harmlessly).
    public static let expansionFloor = 10 << 20

    /// Whether `bytes` begin with the gzip magic number (1f 8b).
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }

    /// Whether the file at `path` begins with the gzip magic number; `false` when it cannot be read.
    public static func isGzip(file path: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var head: [UInt8] = [0, 0]
        let count = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 2) }
        return count == 2 && isGzip(head)
    }

    /// Decompresses the gzip file at `source` into `destination` (which may be `source` itself: it is
    /// replaced only once the whole file is decompressed).
    ///
    /// - Parameters:
    ///   - url: What errors name (the URL the file came from).
    ///   - limit: The most decompressed bytes.
    ///   - expansion: How many times the compressed bytes read the output may hold, past
    ///     ``expansionFloor``.
    /// - Throws: ``FeedError``: `decompression` for data that are not gzip, `truncated` for gzip
    ///   data that stop early, `tooLarge` past a limit, `cache` when the output cannot be written.
    public static func decompress(
        _ source: String, to destination: String, url: String, limit: Int = 1 << 30, expansion: Int = 250
    ) throws(FeedError) {
        let input = open(source, O_RDONLY)
        guard input >= 0 else {
            throw FeedError(.cache, "cannot open the download: \(String(cString: strerror(errno)))", url: url)
        }
        defer { close(input) }
        let output: OutputFile
        do { output = try OutputFile(destination: destination) } catch {
            throw FeedError(.cache, "cannot decompress the download: \(error)", url: url, underlying: error)
        }
        var stream = z_stream()
        guard cl_inflate_init_gzip(&stream) == Z_OK else {
            throw FeedError(.decompression, "cannot start zlib", url: url)
        }
        defer { inflateEnd(&stream) }
        var inputBuffer = [UInt8](repeating: 0, count: 1 << 16)
        var outputBuffer = [UInt8](repeating: 0, count: 1 << 16)
        var consumed = 0
        var produced = 0
        // Whether the last gzip member read so far ended: the data may stop here, and any byte that
        // follows starts another member (concatenated gzip files are one file), wherever the reads fall.
        var memberEnded = false
        while true {
            let count = inputBuffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FeedError(.cache, "cannot read the download: \(String(cString: strerror(errno)))", url: url)
            }
            if count == 0 { break }
            consumed += count
            try inputBuffer.withUnsafeMutableBufferPointer { (inputPointer) throws(FeedError) in
                stream.next_in = inputPointer.baseAddress
                stream.avail_in = UInt32(count)
                while stream.avail_in > 0 {
                    if memberEnded {
                        guard inflateReset(&stream) == Z_OK else {
                            throw FeedError(.decompression, "cannot restart zlib for the next gzip member", url: url)
                        }
                        memberEnded = false
                    }
                    // Inflates until the member ends or the input is used up (and the output drained).
                    let before = stream.avail_in
                    while true {
                        var status = Z_OK
                        let made: Int = outputBuffer.withUnsafeMutableBufferPointer { outputPointer in
                            stream.next_out = outputPointer.baseAddress
                            stream.avail_out = UInt32(outputPointer.count)
                            status = inflate(&stream, Z_NO_FLUSH)
                            return outputPointer.count - Int(stream.avail_out)
                        }
                        produced += made
                        if produced > limit {
                            throw FeedError(
                                .tooLarge,
                                "the gzip answer expands past the limit of \(ByteCount.description(limit)) "
                                    + "(raise it with --max-body-size)", url: url)
                        }
                        if produced > expansionFloor && produced / max(1, consumed) > expansion {
                            throw FeedError(
                                .tooLarge,
                                "the gzip answer expands more than \(expansion) times "
                                    + "(\(ByteCount.description(consumed)) to over \(ByteCount.description(produced))): "
                                    + "a decompression bomb, not SDMX-ML", url: url)
                        }
                        if made > 0 {
                            do { try output.write(Array(outputBuffer[0..<made])) } catch {
                                throw writeError(error, destination: destination, url: url)
                            }
                        }
                        if status == Z_STREAM_END {
                            memberEnded = true
                            break
                        }
                        // Z_BUF_ERROR only says no progress was possible: with room left for output,
                        // that is the end of this read's input.
                        guard status == Z_OK || status == Z_BUF_ERROR else {
                            throw FeedError(.decompression, "not valid gzip data (zlib status \(status))", url: url)
                        }
                        if stream.avail_out != 0 { break }
                    }
                    if !memberEnded && stream.avail_in > 0 && stream.avail_in == before {
                        throw FeedError(.decompression, "not valid gzip data (zlib makes no progress)", url: url)
                    }
                }
            }
        }
        guard memberEnded else { throw FeedError(.truncated, "the gzip data are cut off", url: url) }
        do { try output.commit() } catch {
            throw writeError(error, destination: destination, url: url)
        }
    }

    /// A write error naming the folder written to (not the temporary file) and the system's reason.
    private static func writeError(_ error: any Error, destination: String, url: String) -> FeedError {
        let folder = destination.lastIndex(of: "/").map { String(destination[..<$0]) } ?? "."
        let reason = (error as? FileError)?.message ?? "\(error)"
        return FeedError(
            .cache, "cannot write the decompressed answer into \(folder): \(reason)", url: url, underlying: error)
    }
}
