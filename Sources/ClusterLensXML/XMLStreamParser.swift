import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A streaming XML parser on libxml2's SAX2 push interface.
///
/// Reads a file in fixed-size chunks and reports elements and text to a ``XMLStreamHandler``; no
/// document tree is built and memory does not grow with the file. Safe by construction:
/// - no network access (`XML_PARSE_NONET`), no DTD loading, no entity substitution;
/// - any `<!DOCTYPE …>` stops the parse with ``XMLError/Code/forbidden`` before its internal
///   subset is read, so entity bombs and external entities never run;
/// - libxml2's limits (text node and name sizes) stay on: `XML_PARSE_HUGE` is not set; nesting
///   deeper than ``maximumDepth`` is refused.
/// libxml2 errors never reach standard error: they become an ``XMLError`` with file and line.
public enum XMLStreamParser {
    /// The deepest element nesting accepted (libxml2's own limit, 256, applies only when it builds a
    /// tree; SDMX messages nest about a dozen levels).
    public static let maximumDepth = 256

    /// The size of each read from the file.
    public static let chunkSize = 256 * 1024

    /// Parses the file at `path`, sending every event to `handler`.
    /// - Throws: ``XMLError`` for unreadable or malformed input, or whatever `handler` threw.
    public static func parse(file path: String, handler: some XMLStreamHandler) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw XMLError(.io, "cannot open file: \(String(cString: strerror(errno)))", file: path)
        }
        defer { close(descriptor) }
        try parse(name: path, handler: handler) { buffer in
            while true {
                let count = read(descriptor, buffer.baseAddress, buffer.count)
                if count >= 0 { return count }
                if errno != EINTR { return -1 }
            }
        }
    }

    /// Parses an in-memory document; `name` is used in error messages.
    public static func parse(bytes: [UInt8], name: String, handler: some XMLStreamHandler) throws {
        var offset = 0
        try parse(name: name, handler: handler) { buffer in
            let count = min(buffer.count, bytes.count - offset)
            for index in 0..<count { buffer[index] = Int8(bitPattern: bytes[offset + index]) }
            offset += count
            return count
        }
    }

    /// The core loop: `readChunk` fills the buffer and returns the byte count (0 at the end, -1 on error).
    static func parse(
        name: String,
        handler: some XMLStreamHandler,
        readChunk: (UnsafeMutableBufferPointer<Int8>) -> Int
    ) throws {
        LibXML2Setup.ensureInitialized()
        let session = ParseSession(file: name, handler: handler)
        var sax = makeSAXHandler()
        let buffer = UnsafeMutableBufferPointer<Int8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }

        var count = readChunk(buffer)
        guard count >= 0 else {
            throw XMLError(.io, "cannot read file: \(String(cString: strerror(errno)))", file: name)
        }
        guard count > 0 else {
            throw XMLError(.empty, "the file is empty (0 bytes), expected an XML document", file: name)
        }

        try withExtendedLifetime(session) {
            let userData = Unmanaged.passUnretained(session).toOpaque()
            // The first four bytes let libxml2 detect the encoding (UTF-16, UCS-4, BOMs).
            let head = Int32(min(4, count))
            guard let context = xmlCreatePushParserCtxt(&sax, userData, buffer.baseAddress, head, name) else {
                throw XMLError(.io, "libxml2 could not create a parser", file: name)
            }
            defer { xmlFreeParserCtxt(context) }
            session.context = context
            _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
            handler.prepare(symbols: XMLSymbolTable(dictionary: cl_parser_dict(context)))

            var pending = UnsafeMutableBufferPointer(rebasing: buffer[Int(head)..<count])
            while true {
                if !pending.isEmpty {
                    let status = xmlParseChunk(context, pending.baseAddress, Int32(pending.count), 0)
                    if status != 0 || session.failed { break }
                }
                count = readChunk(buffer)
                if count < 0 {
                    throw XMLError(.io, "cannot read file: \(String(cString: strerror(errno)))", file: name)
                }
                if count == 0 {
                    _ = xmlParseChunk(context, nil, 0, 1)
                    break
                }
                pending = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            }
            if let error = session.handlerError { throw error }
            if let error = session.xmlError { throw error }
            if cl_parser_well_formed(context) == 0 {
                throw XMLError(
                    .malformed, "the document is not well-formed XML", file: name,
                    line: Int(cl_parser_line(context)))
            }
        }
    }

    private static func makeSAXHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = cl_sax2_magic()
        sax.startElementNs = { userData, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let userData else { return }
            Unmanaged<ParseSession>.fromOpaque(userData)._withUnsafeGuaranteedRef { session in
                guard !session.failed else { return }
                session.depth += 1
                if session.depth > XMLStreamParser.maximumDepth {
                    session.stop(
                        xmlError: XMLError(
                            .tooDeep,
                            "elements nested more than \(XMLStreamParser.maximumDepth) levels deep: refused",
                            file: session.file, line: Int(cl_parser_line(session.context))))
                    return
                }
                do {
                    try session.handler.startElement(
                        XMLSymbol(localName), namespace: XMLSymbol(uri),
                        attributes: XMLAttributes(base: attributes, count: Int(attributeCount)),
                        line: Int(cl_parser_line(session.context)))
                } catch {
                    session.stop(handlerError: error)
                }
            }
        }
        sax.endElementNs = { userData, localName, _, uri in
            guard let userData else { return }
            Unmanaged<ParseSession>.fromOpaque(userData)._withUnsafeGuaranteedRef { session in
                guard !session.failed else { return }
                session.depth -= 1
                do {
                    try session.handler.endElement(XMLSymbol(localName), namespace: XMLSymbol(uri))
                } catch {
                    session.stop(handlerError: error)
                }
            }
        }
        sax.characters = { userData, bytes, length in
            guard let userData, let bytes else { return }
            Unmanaged<ParseSession>.fromOpaque(userData)._withUnsafeGuaranteedRef { session in
                let text = UnsafeBufferPointer(start: bytes, count: Int(length))
                if let capture = session.capture {
                    if capture.isActive { capture.append(text) }
                } else if !session.failed {
                    session.handler.characters(text)
                }
            }
        }
        sax.cdataBlock = sax.characters
        sax.internalSubset = { userData, _, _, _ in
            guard let session = ParseSession.from(userData) else { return }
            session.stop(
                xmlError: XMLError(
                    .forbidden,
                    "a <!DOCTYPE> declaration is not allowed: SDMX messages have none, and DTDs and entities are never read",
                    file: session.file, line: Int(cl_parser_line(session.context))))
        }
        sax.entityDecl = { userData, _, _, _, _, _ in
            guard let session = ParseSession.from(userData) else { return }
            session.stop(
                xmlError: XMLError(
                    .forbidden, "entity declarations are not allowed", file: session.file,
                    line: Int(cl_parser_line(session.context))))
        }
        cl_sax_set_structured_error(&sax) { userData, error in
            guard let session = ParseSession.from(userData), let error else { return }
            session.record(libxmlError: error)
        }
        return sax
    }
}

/// One-time global initialisation of libxml2 (thread-safe through `static let`).
enum LibXML2Setup {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static func ensureInitialized() {
        _ = initialized
    }
}

/// The state one parse shares with its C callbacks.
final class ParseSession {
    let file: String
    unowned(unsafe) let handler: any XMLStreamHandler
    let capture: XMLTextCapture?
    @exclusivity(unchecked) var context: xmlParserCtxtPtr?
    @exclusivity(unchecked) var handlerError: (any Error)?
    @exclusivity(unchecked) var xmlError: XMLError?
    @exclusivity(unchecked) var depth = 0
    var failed: Bool { handlerError != nil || xmlError != nil }

    init(file: String, handler: any XMLStreamHandler) {
        self.file = file
        self.handler = handler
        self.capture = handler.textCapture
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> ParseSession? {
        guard let pointer else { return nil }
        return Unmanaged<ParseSession>.fromOpaque(pointer).takeUnretainedValue()
    }

    func stop(handlerError error: any Error) {
        if !failed { handlerError = error }
        if let context { xmlStopParser(context) }
    }

    func stop(xmlError error: XMLError) {
        if !failed { xmlError = error }
        if let context { xmlStopParser(context) }
    }

    func record(libxmlError error: UnsafePointer<xmlError>) {
        let level = error.pointee.level
        guard level == XML_ERR_ERROR || level == XML_ERR_FATAL, !failed else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
        while let last = message.last, last == "\n" || last == " " { message.removeLast() }
        // One line: libxml2 puts details (e.g. the offending bytes) on a second line.
        message = message.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: "; ")
        var code: XMLError.Code = .malformed
        if error.pointee.code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue) {
            // The file has bytes (empty files are caught before parsing), but no element: binary or plain text.
            message = "no XML element found: the file holds binary data, plain text or only comments, not XML"
            code = .malformed
        }
        xmlError = XMLError(
            code, message, file: file, line: Int(error.pointee.line), column: Int(error.pointee.int2))
    }
}
