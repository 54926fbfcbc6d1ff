import CClusterLensZlib
internal import Foundation

/// Decompresses gzip files with zlib, streaming in fixed-size chunks (constant memory).
public enum GzipDecoder {
    /// Whether `bytes` begin with the gzip magic number (1f 8b).
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }

    /// Decompresses the gzip file at `source` into `destination` (created or truncated).
    ///
    /// - Throws: ``FeedError`` (`decompression`) naming the file when it is not valid gzip.
    public static func decompress(_ source: String, to destination: String) throws(FeedError) {
        guard let input = FileHandle(forReadingAtPath: source) else {
            throw FeedError(.decompression, "cannot open the compressed file", url: source)
        }
        defer { try? input.close() }
        guard FileManager.default.createFile(atPath: destination, contents: nil),
            let output = FileHandle(forWritingAtPath: destination)
        else { throw FeedError(.decompression, "cannot create the decompressed file", url: destination) }
        defer { try? output.close() }
        var stream = z_stream()
        guard cl_inflate_init_gzip(&stream) == Z_OK else {
            throw FeedError(.decompression, "cannot start zlib", url: source)
        }
        defer { inflateEnd(&stream) }
        var outputBuffer = [UInt8](repeating: 0, count: 1 << 16)
        var finished = false
        while !finished {
            let chunk = input.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            var bytes = [UInt8](chunk)
            let status: Int32 = bytes.withUnsafeMutableBufferPointer { inputPointer in
                stream.next_in = inputPointer.baseAddress
                stream.avail_in = UInt32(inputPointer.count)
                var result = Z_OK
                repeat {
                    let produced: Int = outputBuffer.withUnsafeMutableBufferPointer { outputPointer in
                        stream.next_out = outputPointer.baseAddress
                        stream.avail_out = UInt32(outputPointer.count)
                        result = inflate(&stream, Z_NO_FLUSH)
                        return outputPointer.count - Int(stream.avail_out)
                    }
                    if produced > 0 { output.write(Data(outputBuffer[0..<produced])) }
                } while result == Z_OK && stream.avail_out == 0
                return result
            }
            if status == Z_STREAM_END {
                finished = true
            } else if status != Z_OK && status != Z_BUF_ERROR {
                throw FeedError(.decompression, "not valid gzip data (zlib status \(status))", url: source)
            }
        }
        guard finished else { throw FeedError(.decompression, "the gzip data are truncated", url: source) }
    }
}
