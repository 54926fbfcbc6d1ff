public import ClusterLensCore
import ClusterLensXML

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
        try read(name: path, sink: sink, head: { ImportError.readHead(of: path) }) { handler in
            try XMLStreamParser.parse(file: path, handler: handler)
        }
    }

    /// Reads a data message held in memory; `name` stands for the file in errors.
    @discardableResult
    public func read(bytes: [UInt8], name: String, into sink: some SDMXDataSink) throws -> DataMessageSummary {
        try read(name: name, sink: sink, head: { Array(bytes.prefix(ImportError.headSize)) }) { handler in
            try XMLStreamParser.parse(bytes: bytes, name: name, handler: handler)
        }
    }

    private func read(
        name: String, sink: some SDMXDataSink, head: () -> [UInt8], parse: (SDMXDataHandler) throws -> Void
    ) throws -> DataMessageSummary {
        let handler = SDMXDataHandler(file: name, sink: sink, structures: structures)
        do {
            try parse(handler)
        } catch let error as XMLError {
            throw ImportError(translating: error, head: head)
        }
        guard handler.foundMessage else {
            throw ImportError(.notSDMX, "no SDMX-ML message element found: not an SDMX-ML message", file: name)
        }
        return handler.summary
    }
}
