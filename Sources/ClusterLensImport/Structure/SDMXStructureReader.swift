public import ClusterLensCore
import ClusterLensXML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The artefacts of one SDMX-ML structure message.
public struct StructureMessage: Sendable {
    /// The SDMX-ML version of the message, from its namespace URIs.
    public var version: SDMXVersion
    /// The codelists, concept schemes, data structures and dataflows the message defines, in document order.
    ///
    /// Artefacts the message only refers to (for example the codelists of a data structure sent
    /// without them) are not included: they appear as ``StructureReference``s only.
    public var structures: StructureCollection
    /// How many element subtrees the reader skipped because it does not model them.
    ///
    /// Each skipped subtree counts once, however large: an artefact of a kind not modelled
    /// (hierarchical codelist, category scheme, constraint, VTL scheme, metadata structure, …), an
    /// `Annotations` block, or an element the reader does not know. The message header and
    /// representation details (`TextFormat`, `EnumerationFormat`, `Link`) are read past without
    /// being counted.
    public var skippedElements: Int

    /// Creates a message.
    public init(version: SDMXVersion, structures: StructureCollection, skippedElements: Int = 0) {
        self.version = version
        self.structures = structures
        self.skippedElements = skippedElements
    }
}

/// A streaming reader of SDMX-ML structure messages, versions 2.0, 2.1, 3.0 and 3.1.
///
/// Reads codelists, concept schemes, data structure definitions (2.0 key families) and dataflows
/// through libxml2's SAX2 interface: no document tree is built, so memory grows with the artefacts
/// kept, not with the file. The version comes from the namespace URIs, never from prefixes. The
/// message may be wrapped in a SOAP `Envelope/Body` or, in 2.0, in
/// `RegistryInterface/QueryStructureResponse`. Elements the reader does not model are skipped and
/// counted in ``StructureMessage/skippedElements``.
///
/// Each call to `read` keeps all of its state to itself, so one reader can serve several tasks.
public struct SDMXStructureReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads every codelist, concept scheme, data structure and dataflow of a structure message file.
    /// - Parameter path: the file to read.
    /// - Returns: the message's version and artefacts.
    /// - Throws: ``ImportError`` — `.unreadable`, `.empty`, `.malformedXML`, `.forbidden` for
    ///   unreadable or unsafe XML; `.notSDMX` for documents that are not SDMX-ML (HTML, Atom…);
    ///   `.structure` for a data message; `.sdmxErrorMessage` for an SDMX error message;
    ///   `.unsupportedMessage` for other SDMX messages (queries, metadata, SDMX-ML 1.0).
    public func read(file path: String) throws -> StructureMessage {
        let handler = StructureMessageHandler(name: path)
        do {
            try XMLStreamParser.parse(file: path, handler: handler)
        } catch let error as XMLError {
            throw Self.translate(error, head: { readFileHead(path, count: Self.headSize) })
        }
        return try handler.finish()
    }

    /// Reads every codelist, concept scheme, data structure and dataflow of an in-memory structure message.
    /// - Parameters:
    ///   - bytes: the document.
    ///   - name: the name used in error messages, usually the file or URL it came from.
    /// - Returns: the message's version and artefacts.
    /// - Throws: ``ImportError``, as ``read(file:)``.
    public func read(bytes: [UInt8], name: String) throws -> StructureMessage {
        let handler = StructureMessageHandler(name: name)
        do {
            try XMLStreamParser.parse(bytes: bytes, name: name, handler: handler)
        } catch let error as XMLError {
            throw Self.translate(error, head: { Array(bytes.prefix(Self.headSize)) })
        }
        return try handler.finish()
    }

    /// How many leading bytes are examined to recognise an HTML page that libxml2 refused.
    private static let headSize = 1024

    /// Turns a parser error into the importers' error.
    ///
    /// An HTML error page usually starts with `<!DOCTYPE html>`, which the XML parser refuses for
    /// safety before any element is seen; such a document is reported as "not SDMX", which is
    /// what a user needs to hear, rather than as a forbidden DOCTYPE.
    private static func translate(_ error: XMLError, head: () -> [UInt8]) -> ImportError {
        let code: ImportError.Code
        switch error.code {
        case .io: code = .unreadable
        case .empty: code = .empty
        case .malformed: code = .malformedXML
        case .forbidden:
            if startsLikeHTML(head()) {
                return ImportError(
                    .notSDMX, "the document is an HTML page, not an SDMX-ML message", file: error.file,
                    line: error.line, column: error.column)
            }
            code = .forbidden
        }
        return ImportError(code, error.message, file: error.file, line: error.line, column: error.column)
    }

    /// Whether the bytes hold `<!DOCTYPE html` (any case), the opening of an HTML page.
    private static func startsLikeHTML(_ head: [UInt8]) -> Bool {
        let lowered = String(decoding: head, as: UTF8.self).lowercased()
        return lowered.contains("<!doctype html")
    }
}

/// The first `count` bytes of a file, empty when it cannot be read (a free function: inside the
/// reader, `read` would name its own methods).
private func readFileHead(_ path: String, count: Int) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return [] }
    defer { close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: count)
    let received = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, count) }
    return received > 0 ? Array(buffer.prefix(received)) : []
}
