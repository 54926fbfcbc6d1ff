import ClusterLensXML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ImportError {
    /// How many leading bytes are examined to recognise an HTML page that libxml2 refused.
    static let headSize = 1024

    /// Turns a libxml2-level error into an import error.
    ///
    /// An HTML error page (which web services return with HTTP 200) usually starts with
    /// `<!DOCTYPE html>`, which the parser refuses for safety, or is not well-formed XML at all;
    /// such a document is reported as "not an SDMX-ML message", which is what the user needs to
    /// hear. `head` gives the document's first bytes, read only when needed.
    init(translating error: XMLError, head: () -> [UInt8]) {
        let code: ImportError.Code
        switch error.code {
        case .io: code = .unreadable
        case .empty: code = .empty
        case .tooDeep: code = .malformedXML
        case .malformed, .forbidden:
            if Self.startsLikeHTML(head()) {
                self.init(
                    .notSDMX, "this is an HTML page, not an SDMX-ML message (a web service error page?)",
                    file: error.file, line: error.line)
                return
            }
            code = error.code == .forbidden ? .forbidden : .malformedXML
        }
        let message = error.code == .malformed ? "not well-formed XML: \(error.message)" : error.message
        self.init(code, message, file: error.file, line: error.line, column: error.column, underlying: error)
    }

    /// Translates an error met while reading the file at `path`.
    init(translating error: XMLError, file path: String) {
        self.init(translating: error, head: { Self.readHead(of: path) })
    }

    /// Whether the bytes hold `<html` or `<!DOCTYPE html` (any case).
    static func startsLikeHTML(_ head: [UInt8]) -> Bool {
        let lowered = String(decoding: head, as: UTF8.self).lowercased()
        return lowered.contains("<!doctype html") || lowered.contains("<html")
    }

    /// The first ``headSize`` bytes of a file, empty when it cannot be read.
    static func readHead(of path: String) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: headSize)
        let received = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, headSize) }
        return received > 0 ? Array(buffer.prefix(received)) : []
    }
}
