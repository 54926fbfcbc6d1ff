#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One CSV record: its fields and the line of the file it starts on.
package struct CSVRecord: Sendable, Equatable {
    /// The 1-based line where the record starts (a quoted field may span several lines).
    package var line: Int
    /// The fields, unquoted, not trimmed.
    package var fields: [String]
    /// The line of a quoted field still open at the end of the input, `nil` when all are closed.
    package var unterminatedQuoteLine: Int?
}

/// Reads RFC 4180 records from a file or from bytes in memory, streaming, one record at a time.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; line ends may be LF, CRLF or
/// CR; a leading UTF-8 byte order mark is skipped. With `skipsCommentsAndBlankLines`, a record whose
/// first character is `#` (up to the end of that line) and empty lines are skipped. The one CSV
/// reader of ClusterLens: the CSV writer's re-layout, the observation store and the member survey
/// use it.
package final class CSVRecordReader {
    private let descriptor: Int32
    private var buffer: [UInt8]
    private var position = 0
    private var available = 0
    private var atEnd = false
    private var line = 1
    private let skipsCommentsAndBlankLines: Bool

    /// Opens `path`.
    /// - Throws: ``FileError`` (`unreadable`) when the file cannot be opened.
    package init(path: String, skipsCommentsAndBlankLines: Bool = false) throws(FileError) {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw FileError(
                .unreadable, path: path, message: "cannot open the file: \(String(cString: strerror(errno)))")
        }
        buffer = [UInt8](repeating: 0, count: 1 << 16)
        self.skipsCommentsAndBlankLines = skipsCommentsAndBlankLines
        skipByteOrderMark()
    }

    /// Reads records from bytes in memory.
    package init(bytes: [UInt8], skipsCommentsAndBlankLines: Bool = false) {
        descriptor = -1
        buffer = bytes
        available = bytes.count
        atEnd = true
        self.skipsCommentsAndBlankLines = skipsCommentsAndBlankLines
        skipByteOrderMark()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The next record's fields, or `nil` at the end of the input.
    package func next() -> [String]? {
        nextRecord()?.fields
    }

    /// The next record with its line, or `nil` at the end of the input.
    package func nextRecord() -> CSVRecord? {
        while let byte = peekByte() {
            if skipsCommentsAndBlankLines && byte == UInt8(ascii: "#") {
                while let next = peekByte(), next != 0x0A, next != 0x0D { _ = nextByte() }
                consumeLineEnd()
            } else if skipsCommentsAndBlankLines && (byte == 0x0A || byte == 0x0D) {
                consumeLineEnd()
            } else {
                return record()
            }
        }
        return nil
    }

    private func record() -> CSVRecord {
        let start = line
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quoteLine = line
        while let byte = peekByte() {
            if inQuotes {
                if byte == 0x22 {
                    _ = nextByte()
                    if peekByte() == 0x22 {
                        _ = nextByte()
                        field.append(0x22)
                    } else {
                        inQuotes = false
                    }
                } else if byte == 0x0A || byte == 0x0D {
                    field.append(contentsOf: consumeLineEnd())
                } else {
                    field.append(byte)
                    _ = nextByte()
                }
            } else if byte == 0x22 && field.isEmpty {
                _ = nextByte()
                inQuotes = true
                quoteLine = line
            } else if byte == 0x2C {
                _ = nextByte()
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == 0x0A || byte == 0x0D {
                consumeLineEnd()
                break
            } else {
                field.append(byte)
                _ = nextByte()
            }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return CSVRecord(line: start, fields: fields, unterminatedQuoteLine: inQuotes ? quoteLine : nil)
    }

    /// Consumes one LF, CRLF or CR, counts the line, and returns the bytes consumed.
    @discardableResult
    private func consumeLineEnd() -> [UInt8] {
        guard let byte = peekByte() else { return [] }
        if byte == 0x0D {
            _ = nextByte()
            line += 1
            if peekByte() == 0x0A {
                _ = nextByte()
                return [0x0D, 0x0A]
            }
            return [0x0D]
        }
        if byte == 0x0A {
            _ = nextByte()
            line += 1
            return [0x0A]
        }
        return []
    }

    private func skipByteOrderMark() {
        guard peekByte() == 0xEF else { return }
        _ = nextByte()
        if peekByte() == 0xBB {
            _ = nextByte()
            if peekByte() == 0xBF { _ = nextByte() }
        }
    }

    private func nextByte() -> UInt8? {
        guard let byte = peekByte() else { return nil }
        position += 1
        return byte
    }

    private func peekByte() -> UInt8? {
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
        return buffer[position]
    }
}
