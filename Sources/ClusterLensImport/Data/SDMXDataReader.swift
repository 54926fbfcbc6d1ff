public import ClusterLensCore
import ClusterLensXML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads SDMX-ML data messages of every version, streaming, and hands observations to a sink.
///
/// Reads SDMX-ML 1.0 CrossSectionalData; 2.0 GenericData, CompactData, UtilityData,
/// CrossSectionalData and MessageGroup; 2.1 GenericData, GenericTimeSeriesData,
/// StructureSpecificData and StructureSpecificTimeSeriesData; 3.0 and 3.1 StructureSpecificData
/// (with `<Comp>` multi-valued and multilingual attributes); wrapped in SOAP or a 2.0
/// RegistryInterface or not. The version comes from the message namespace URI. Memory does not
/// grow with the file: each observation is handed to the sink and forgotten.
///
/// With a data structure (``init(structures:)``), structure-specific and compact data are read
/// exactly: dimensions, attributes and measures as the DSD says, keys in DSD order. Without one,
/// ``ComponentClassifier`` documents the rule used.
public struct SDMXDataReader: Sendable {
    /// Structures (from `--structure` files) used to read structure-specific data exactly.
    public var structures: StructureCollection?

    /// Creates a reader, optionally with structures.
    public init(structures: StructureCollection? = nil) {
        self.structures = structures
    }

    /// Reads the data message in `path`, sending every series and observation to `sink`.
    /// - Returns: what the message holds besides observations (header, counts, footer, errors).
    /// - Throws: ``ImportError`` naming the file and line, or whatever the sink threw.
    @discardableResult
    public func read(file path: String, into sink: some SDMXDataSink) throws -> DataMessageSummary {
        try read(name: path, sink: sink) { handler in try XMLStreamParser.parse(file: path, handler: handler) }
    }

    /// Reads a data message held in memory; `name` stands for the file in errors.
    @discardableResult
    public func read(bytes: [UInt8], name: String, into sink: some SDMXDataSink) throws -> DataMessageSummary {
        try read(name: name, sink: sink) { handler in try XMLStreamParser.parse(bytes: bytes, name: name, handler: handler) }
    }

    private func read(
        name: String, sink: some SDMXDataSink, parse: (SDMXDataHandler) throws -> Void
    ) throws -> DataMessageSummary {
        let handler = SDMXDataHandler(file: name, sink: sink, structures: structures)
        do {
            try parse(handler)
        } catch let error as XMLError {
            throw ImportError(translating: error, file: name)
        }
        guard handler.foundMessage else {
            throw ImportError(.notSDMX, "no SDMX-ML message element found: not an SDMX-ML message", file: name)
        }
        return handler.summary
    }
}

extension ImportError {
    /// Turns a libxml2-level error into an import error, recognising HTML pages.
    init(translating error: XMLError, file: String) {
        switch error.code {
        case .io: self.init(.unreadable, error.message, file: file, line: error.line, column: error.column)
        case .empty: self.init(.empty, error.message, file: file, line: error.line, column: error.column)
        case .forbidden:
            if error.message.contains("<!DOCTYPE html") || Self.looksLikeHTML(file) {
                self.init(.notSDMX, "this is an HTML page, not an SDMX-ML message (a web service error page?)", file: file, line: error.line)
            } else {
                self.init(.forbidden, error.message, file: file, line: error.line, column: error.column)
            }
        case .malformed:
            if Self.looksLikeHTML(file) {
                self.init(.notSDMX, "this is an HTML page, not an SDMX-ML message (a web service error page?)", file: file, line: error.line)
            } else {
                self.init(.malformedXML, "not well-formed XML: \(error.message)", file: file, line: error.line, column: error.column)
            }
        }
    }

    /// Whether the first kilobyte of a file holds `<html` or `<!doctype html` (any case).
    static func looksLikeHTML(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 1024) }
        guard count > 0 else { return false }
        let head = String(decoding: buffer[0..<count], as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html")
    }
}
