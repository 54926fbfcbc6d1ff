import ClusterLensXML

/// What kind of SDMX-ML message a file holds, found by reading only up to its message element.
public struct SDMXMessageKind: Sendable, Hashable {
    /// The broad kind of message.
    public enum Category: String, Sendable, Hashable {
        /// A data message (any version and layout).
        case data
        /// A structure message.
        case structure
        /// An SDMX error message.
        case error
        /// Any other SDMX-ML message (metadata, query, registry).
        case other
    }

    /// The version, from the message namespace.
    public var version: SDMXVersion
    /// The message element's local name.
    public var messageType: String
    /// The category.
    public var category: Category
}

/// Finds the message type of a file without reading it all: the content decides, never the file name.
public enum SDMXMessageSniffer {
    /// The kind of message in `path`.
    /// - Throws: ``ImportError`` (`notSDMX` for HTML and other XML, `malformedXML`, `empty`, …).
    public static func sniff(file path: String) throws -> SDMXMessageKind {
        let handler = SniffHandler(file: path)
        do {
            try XMLStreamParser.parse(file: path, handler: handler)
        } catch is FoundMessage {
            // stopped early on purpose
        } catch let error as XMLError {
            throw ImportError(translating: error, file: path)
        }
        guard let kind = handler.kind else {
            throw ImportError(.notSDMX, "no SDMX-ML message element found: not an SDMX-ML message", file: path)
        }
        return kind
    }

    static func category(of messageType: String) -> SDMXMessageKind.Category {
        if SDMXDataHandler.dataMessageTypes.contains(messageType) { return .data }
        switch messageType {
        case "Structure": return .structure
        case "Error": return .error
        default: return .other
        }
    }
}

private struct FoundMessage: Error {}

/// Walks wrappers (SOAP, RegistryInterface) to the first element in an SDMX message namespace.
private final class SniffHandler: XMLStreamHandler {
    let file: String
    var kind: SDMXMessageKind?
    var depth = 0
    var skipDepth = 0
    var inRegistryInterface = false

    init(file: String) {
        self.file = file
    }

    func prepare(symbols: XMLSymbolTable) {}

    func startElement(_ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, line: Int) throws {
        depth += 1
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        let name = localName.string
        if let (version, role) = SDMXNamespace.classify(namespace.string), role == .message {
            if name == "RegistryInterface" {
                inRegistryInterface = true
                return
            }
            if inRegistryInterface && name == "Header" {
                skipDepth = 1
                return
            }
            if inRegistryInterface && name == "QueryStructureResponse" {
                kind = SDMXMessageKind(version: version, messageType: "RegistryInterface", category: .structure)
                throw FoundMessage()
            }
            let type = inRegistryInterface ? "RegistryInterface" : name
            let category = inRegistryInterface ? .other : SDMXMessageSniffer.category(of: name)
            kind = SDMXMessageKind(version: version, messageType: type, category: category)
            throw FoundMessage()
        }
        let uri = namespace.string
        let isWrapper =
            SDMXDataHandler.soapNamespaces.contains(uri) || name == "RegistryInterface"
            || (depth > 1 && depth < 12)
        if !isWrapper {
            if name.lowercased() == "html" || uri == "http://www.w3.org/1999/xhtml" {
                throw ImportError(
                    .notSDMX, "this is an HTML page, not an SDMX-ML message (a web service error page?)", file: file,
                    line: line)
            }
            let where_ = uri.isEmpty ? "no namespace" : "namespace \(uri)"
            throw ImportError(
                .notSDMX, "root element <\(name)> (\(where_)) is not an SDMX-ML message", file: file, line: line)
        }
    }

    func endElement(_ localName: XMLSymbol, namespace: XMLSymbol) throws {
        depth -= 1
        if skipDepth > 0 { skipDepth -= 1 }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
