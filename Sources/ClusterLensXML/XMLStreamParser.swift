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
        let locate = { (offset: Int) in lineOfByte(at: offset, inFile: path) }
        try parse(name: path, handler: handler, locate: locate) { buffer in
            while true {
                let count = read(descriptor, buffer.baseAddress, buffer.count)
                if count >= 0 { return count }
                if errno != EINTR { return -1 }
            }
        }
    }

    /// Reads the file at `path` to its end without interpreting it.
    /// - Throws: ``XMLError`` for unreadable or malformed input; ``XMLError/endsEarly`` says when the
    ///   document is only cut off.
    public static func checkWellFormed(file path: String) throws(XMLError) {
        do {
            try parse(file: path, handler: WellFormednessCheck())
        } catch let error as XMLError {
            throw error
        } catch {
            throw XMLError(.malformed, "\(error)", file: path)
        }
    }

    /// Parses an in-memory document; `name` is used in error messages.
    public static func parse(bytes: [UInt8], name: String, handler: some XMLStreamHandler) throws {
        var offset = 0
        let locate = { (offset: Int) in lineOfByte(at: offset, in: bytes[...]) }
        try parse(name: name, handler: handler, locate: locate) { buffer in
            let count = min(buffer.count, bytes.count - offset)
            for index in 0..<count { buffer[index] = Int8(bitPattern: bytes[offset + index]) }
            offset += count
            return count
        }
    }

    /// The core loop: `readChunk` fills the buffer and returns the byte count (0 at the end, -1 on error);
    /// `locate` gives the line of a byte offset, for the errors libxml2 reports without a position.
    static func parse(
        name: String,
        handler: some XMLStreamHandler,
        locate: (Int) -> Int,
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
            // Errors libxml2 raises without the parser's context (a byte sequence the declared
            // encoding cannot convert) go to this thread's handlers: record them, print nothing.
            let savedHandlers = cl_capture_thread_errors(userData) { userData, error in
                guard let session = ParseSession.from(userData), let error else { return }
                session.record(libxmlError: error)
            }
            defer { cl_restore_thread_errors(savedHandlers) }
            // The first four bytes let libxml2 detect the encoding (UTF-16, UCS-4, BOMs).
            let head = Int32(min(4, count))
            session.bytesPushed = Int(head)
            guard let context = xmlCreatePushParserCtxt(&sax, userData, buffer.baseAddress, head, name) else {
                throw XMLError(.io, "libxml2 could not create a parser", file: name)
            }
            defer { xmlFreeParserCtxt(context) }
            session.context = context
            _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
            handler.prepare(symbols: XMLSymbolTable(dictionary: cl_parser_dict(context)))

            var pending = UnsafeMutableBufferPointer(rebasing: buffer[Int(head)..<count])
            // libxml2's status of the last chunk: any value but 0 is an error, even one it reported
            // nowhere else (an encoding error ends the parse without touching `wellFormed`).
            var status: Int32 = 0
            // Whether the last call was the one that ends the input: an error there means the bytes,
            // well-formed so far, stop before the document does.
            var terminating = false
            while true {
                if !pending.isEmpty {
                    session.bytesPushed += pending.count
                    status = xmlParseChunk(context, pending.baseAddress, Int32(pending.count), 0)
                    if status != 0 || session.failed { break }
                }
                count = readChunk(buffer)
                if count < 0 {
                    throw XMLError(.io, "cannot read file: \(String(cString: strerror(errno)))", file: name)
                }
                if count == 0 {
                    terminating = true
                    status = xmlParseChunk(context, nil, 0, 1)
                    break
                }
                pending = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            }
            if let error = session.handlerError { throw error }
            if var error = session.xmlError {
                if let offset = session.encodingErrorOffset { error.line = locate(offset) }
                error.endsEarly = terminating && error.code == .malformed
                throw error
            }
            if status != 0 {
                var error = XMLError(
                    .malformed, "the parser stopped with libxml2 error \(status) before the end of the document",
                    file: name, line: Int(cl_parser_line(context)))
                error.endsEarly = terminating
                throw error
            }
            if cl_parser_well_formed(context) == 0 {
                var error = XMLError(
                    .malformed, "the document is not well-formed XML", file: name,
                    line: Int(cl_parser_line(context)))
                error.endsEarly = terminating
                throw error
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
    /// The bytes handed to libxml2 so far.
    @exclusivity(unchecked) var bytesPushed = 0
    /// The file offset of a byte sequence the declared encoding could not convert.
    @exclusivity(unchecked) var encodingErrorOffset: Int?
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
        if error.pointee.domain == Int32(XML_FROM_I18N.rawValue) {
            // "input conversion failed due to input error, bytes 0x81 0x20 0x0A 0x20"
            message = "a byte sequence that is not valid in the document's encoding: " + message
            let unconverted = cl_parser_unconverted_bytes(context)
            if unconverted >= 0 { encodingErrorOffset = max(0, bytesPushed - unconverted) }
        }
        // One line: libxml2 puts details (e.g. the offending bytes) on a second line.
        message = message.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: "; ")
        var code: XMLError.Code = .malformed
        if error.pointee.code == Int32(XML_ERR_DOCUMENT_EMPTY.rawValue) {
            // The file has bytes (empty files are caught before parsing), but no element: binary or plain text.
            message = "no XML element found: the file holds binary data, plain text or only comments, not XML"
            code = .malformed
        }
        // An error raised without the parser's context (encoding) has no position: take the parser's.
        let line = error.pointee.line > 0 ? Int(error.pointee.line) : Int(cl_parser_line(context))
        let column = error.pointee.line > 0 ? Int(error.pointee.int2) : 0
        xmlError = XMLError(code, message, file: file, line: line, column: column)
    }
}

/// The 1-based line of the byte at `offset` in the file at `path` (read again in chunks, on an error
/// path only).
func lineOfByte(at offset: Int, inFile path: String) -> Int {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return 0 }
    defer { close(descriptor) }
    var counter = LineCounter()
    var chunk = [UInt8](repeating: 0, count: XMLStreamParser.chunkSize)
    var remaining = offset
    while remaining > 0 {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, min($0.count, remaining)) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        counter.count(chunk[0..<count])
        remaining -= count
    }
    return counter.line
}

/// The 1-based line of the byte at `offset` in `bytes`.
func lineOfByte(at offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
    var counter = LineCounter()
    counter.count(bytes.prefix(offset))
    return counter.line
}

/// Counts line feeds in a document's bytes, fed in order: as bytes, or as 16-bit units when the
/// document starts like UTF-16 (a byte-order mark, or `<` next to a zero byte).
struct LineCounter {
    private enum Width { case bytes, littleEndian, bigEndian }
    private var width: Width?
    private var first: UInt8 = 0
    private var previous: UInt8 = 0
    private var position = 0
    private var feeds = 0

    /// The line of the next byte.
    var line: Int { 1 + feeds + (width == nil && position == 1 && first == 0x0A ? 1 : 0) }

    mutating func count(_ bytes: ArraySlice<UInt8>) {
        for byte in bytes {
            switch width {
            case nil where position == 0:
                first = byte
            case nil:
                switch (first, byte) {
                case (0xFF, 0xFE), (0x3C, 0): width = .littleEndian
                case (0xFE, 0xFF), (0, 0x3C): width = .bigEndian
                default:
                    width = .bytes
                    feeds += (first == 0x0A ? 1 : 0) + (byte == 0x0A ? 1 : 0)
                }
            case .bytes?:
                if byte == 0x0A { feeds += 1 }
            case .littleEndian?:
                if position % 2 == 1 && previous == 0x0A && byte == 0 { feeds += 1 }
            case .bigEndian?:
                if position % 2 == 1 && previous == 0 && byte == 0x0A { feeds += 1 }
            }
            previous = byte
            position += 1
        }
    }
}

/// A handler that does nothing: the parse only checks that the document is well-formed.
final class WellFormednessCheck: XMLStreamHandler {
    func prepare(symbols: XMLSymbolTable) {}
    func startElement(_ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, line: Int) throws {}
    func endElement(_ localName: XMLSymbol, namespace: XMLSymbol) throws {}
}
