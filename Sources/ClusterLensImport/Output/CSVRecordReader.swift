#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads RFC 4180 records from a file, streaming, one record at a time.
///
/// Quoted fields may hold commas, doubled quotes and line breaks. Used to re-lay out a CSV file
/// that ClusterLens wrote itself, and by tests to check CSV output.
public final class CSVRecordReader {
    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var position = 0
    private var available = 0
    private var atEnd = false

    /// Opens `path`.
    public init(path: String) throws {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw OutputError.system(path, "open") }
    }

    /// Reads records from bytes in memory.
    public init(bytes: [UInt8]) {
        descriptor = -1
        buffer = bytes
        available = bytes.count
        atEnd = true
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    private func nextByte() -> UInt8? {
        if position == available {
            guard !atEnd else { return nil }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                atEnd = true
                return nil
            }
            available = count
            position = 0
        }
        defer { position += 1 }
        return buffer[position]
    }

    private func peekByte() -> UInt8? {
        guard let byte = nextByte() else { return nil }
        position -= 1
        return byte
    }

    /// The next record's fields, or `nil` at the end of the file.
    public func next() -> [String]? {
        guard var byte = nextByte() else { return nil }
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        while true {
            if inQuotes {
                if byte == 0x22 {
                    if peekByte() == 0x22 {
                        _ = nextByte()
                        field.append(0x22)
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22 {
                inQuotes = true
            } else if byte == 0x2C {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D && peekByte() == 0x0A { _ = nextByte() }
                break
            } else {
                field.append(byte)
            }
            guard let following = nextByte() else { break }
            byte = following
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
