internal import ClusterLensCore
internal import ClusterLensSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What an input file holds, found from its content (never its name): the first step of the
/// importer door.
public enum InputFormat: Sendable, Hashable {
    /// An SDMX-ML message (data, structure, error or other), as ``SDMXMessageSniffer`` classifies it.
    case sdmxML(SDMXMessageKind)
    /// SDMX-CSV: a CSV header whose first column is `DATAFLOW` (1.0) or `STRUCTURE` (2.0), in capitals.
    case sdmxCSV
    /// A member-survey CSV (the template's `firm_id` and `employees` columns).
    case memberSurvey
    /// Any other CSV: a tidy table with a value column.
    case tidyCSV

    /// How many bytes are read to decide.
    static let headSize = 4096

    /// The format of the file at `path`.
    ///
    /// - A file whose first non-blank byte (after a UTF-8 byte-order mark) is `<`, or that starts like
    ///   UTF-16 text (a UTF-16 byte-order mark, or `<` next to a zero byte), is XML: its message element
    ///   decides (``SDMXMessageSniffer``); an HTML page or other XML is an error.
    /// - A file that starts with `{` or `[` is JSON (SDMX-JSON is not read); other bytes with a zero
    ///   among them are binary: not well-formed XML, as libxml2 says of them.
    /// - Otherwise the first line is a CSV header: `DATAFLOW`/`STRUCTURE` first is SDMX-CSV, a header
    ///   with `firm_id` and `employees` is a member survey, any other is a tidy CSV.
    ///
    /// - Throws: ``ImportError`` — `unreadable` (no such file, a folder), `empty` (no bytes, or only
    ///   white space), `notSDMX` (HTML, other XML, JSON), `malformedXML` (binary, broken XML),
    ///   `forbidden` (a DOCTYPE).
    public static func sniff(file path: String) throws(ImportError) -> InputFormat {
        let head = try Self.head(of: path)
        if Self.startsLikeUTF16(head) { return .sdmxML(try Self.sniffXML(path)) }
        var rest = head[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        guard let start = rest.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            throw ImportError(.empty, "the file is empty", file: path)
        }
        let first = rest[start]
        if first == UInt8(ascii: "<") { return .sdmxML(try Self.sniffXML(path)) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            throw ImportError(
                .notSDMX,
                "this looks like JSON, not SDMX-ML or CSV (SDMX-JSON is not read; ask the service for "
                    + "SDMX-ML or SDMX-CSV)", file: path, line: 1)
        }
        if rest.contains(0) {
            throw ImportError(
                .malformedXML, "not well-formed XML: binary data, neither SDMX-ML nor CSV text", file: path)
        }
        let columns = Self.headerColumns(rest[start...])
        if let firstColumn = columns.first, firstColumn == "DATAFLOW" || firstColumn == "STRUCTURE" { return .sdmxCSV }
        let folded = Set(columns.map { $0.lowercased() })
        if folded.contains("firm_id") && folded.contains("employees") { return .memberSurvey }
        return .tidyCSV
    }

    /// The columns of the first line that is not a `#` comment (a member survey may open with
    /// comments, as its loader allows), trimmed of spaces and quotes.
    private static func headerColumns(_ text: ArraySlice<UInt8>) -> [String] {
        var lineStart = text.startIndex
        while true {
            let lineEnd = text[lineStart...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? text.endIndex
            let next = text[lineEnd...].firstIndex { $0 != 0x0A && $0 != 0x0D } ?? text.endIndex
            if text[lineStart] != UInt8(ascii: "#") || next == text.endIndex {
                let header = String(decoding: text[lineStart..<lineEnd], as: UTF8.self)
                return header.split(separator: ",", omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: " \t\"")
                }
            }
            lineStart = next
        }
    }

    /// The message kind of an XML file.
    private static func sniffXML(_ path: String) throws(ImportError) -> SDMXMessageKind {
        do {
            return try SDMXMessageSniffer.sniff(file: path)
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(.unreadable, "cannot read the file: \(error)", file: path, underlying: error)
        }
    }

    /// Whether the bytes start like UTF-16 XML: a byte-order mark (`FF FE`, `FE FF`), or `<` beside
    /// a zero byte (UTF-16 without a mark, which XML allows when the declaration says so).
    static func startsLikeUTF16(_ head: [UInt8]) -> Bool {
        guard head.count >= 2 else { return false }
        let pair = (head[0], head[1])
        return pair == (0xFF, 0xFE) || pair == (0xFE, 0xFF) || pair == (0x3C, 0x00) || pair == (0x00, 0x3C)
    }

    /// The first ``headSize`` bytes of a file.
    private static func head(of path: String) throws(ImportError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw ImportError(
                .unreadable, "cannot read the file: \(reason)", file: path,
                underlying: FileError(.unreadable, path: path, message: reason))
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            throw ImportError(.unreadable, "cannot read the file: it is a folder", file: path)
        }
        var buffer = [UInt8](repeating: 0, count: headSize)
        var filled = 0
        while filled < headSize {
            let count = buffer.withUnsafeMutableBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return read(descriptor, base + filled, headSize - filled)
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                throw ImportError(.unreadable, "cannot read the file: \(String(cString: strerror(errno)))", file: path)
            }
            if count == 0 { break }
            filled += count
        }
        return Array(buffer.prefix(filled))
    }
}

extension Substring {
    /// The text without leading and trailing characters of `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = self
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
