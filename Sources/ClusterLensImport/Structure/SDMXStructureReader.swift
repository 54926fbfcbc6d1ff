public import ClusterLensCore
import ClusterLensXML

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
            throw ImportError(translating: error, file: path)
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
            throw ImportError(translating: error, head: { Array(bytes.prefix(ImportError.headSize)) })
        }
        return try handler.finish()
    }
}
