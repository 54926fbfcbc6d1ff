/// One record of a member survey file: its fields and the line it starts on.
struct MemberSurveyRecord: Sendable, Equatable {
    /// The 1-based line of the file where the record starts.
    var line: Int
    /// The fields, unquoted, not trimmed.
    var fields: [String]
}

/// Splits the text of a member survey file into RFC 4180 records, keeping the line each starts on.
///
/// Like `CSVRecordReader`, but it counts lines (a quoted field may span several) and skips what is not
/// data: a leading UTF-8 byte order mark, comment lines (a `#` as the first character of a record,
/// up to the end of that line, quotes included) and blank lines. Line ends may be LF, CRLF or CR.
struct MemberSurveyRecordScanner {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let hash = UInt8(ascii: "#")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Creates a scanner over the text of `file`.
    init(text: String, file: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        self.file = file
    }

    /// The next record, or `nil` at the end of the text.
    ///
    /// - Throws: ``IndicatorsError`` when a quoted field is still open at the end of the text.
    mutating func next() throws(IndicatorsError) -> MemberSurveyRecord? {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.hash {
                skipLine()
            } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                consumeLineEnd()
            } else {
                return try record()
            }
        }
        return nil
    }

    /// Skips to the start of the next line.
    private mutating func skipLine() {
        while position < bytes.count, bytes[position] != Self.lineFeed, bytes[position] != Self.carriageReturn {
            position += 1
        }
        consumeLineEnd()
    }

    /// Consumes one LF, CRLF or CR at `position`, if there is one, and counts the line.
    private mutating func consumeLineEnd() {
        guard position < bytes.count else { return }
        if bytes[position] == Self.carriageReturn {
            position += 1
            if position < bytes.count, bytes[position] == Self.lineFeed { position += 1 }
            line += 1
        } else if bytes[position] == Self.lineFeed {
            position += 1
            line += 1
        }
    }

    /// Reads one record starting at `position`, up to and including its line end.
    private mutating func record() throws(IndicatorsError) -> MemberSurveyRecord {
        let start = line
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quoteLine = line
        while position < bytes.count {
            let byte = bytes[position]
            if inQuotes {
                if byte == Self.quote {
                    if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                        field.append(Self.quote)
                        position += 2
                    } else {
                        inQuotes = false
                        position += 1
                    }
                } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                    let before = position
                    consumeLineEnd()
                    field.append(contentsOf: bytes[before..<position])
                } else {
                    field.append(byte)
                    position += 1
                }
            } else if byte == Self.quote && field.isEmpty {
                inQuotes = true
                quoteLine = line
                position += 1
            } else if byte == Self.comma {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                position += 1
            } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                consumeLineEnd()
                break
            } else {
                field.append(byte)
                position += 1
            }
        }
        if inQuotes {
            throw IndicatorsError(
                MemberSurveyLoader.errorCode, "a quoted field opened here is not closed before the end of the file",
                file: file, line: quoteLine, column: fields.count + 1)
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return MemberSurveyRecord(line: start, fields: fields)
    }
}
