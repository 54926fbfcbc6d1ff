public import ClusterLensCore

/// A text an SDMX message carries for people: a footer message or an error message.
public struct SDMXMessageNote: Sendable, Hashable, CustomStringConvertible {
    /// The code, e.g. `413` (Eurostat: "the result will be posted at URL") or an error code.
    public var code: String
    /// The severity as written (free text: Eurostat writes `Infomation`).
    public var severity: String
    /// The texts, one per `Text` element, with their languages.
    public var texts: [LocalizedText]

    /// Creates a note.
    public init(code: String, severity: String = "", texts: [LocalizedText] = []) {
        self.code = code
        self.severity = severity
        self.texts = texts
    }

    /// `[413 Infomation] text1 | text2`.
    public var description: String {
        let head = severity.isEmpty ? code : "\(code) \(severity)"
        return "[\(head)] " + texts.map(\.text).joined(separator: " | ")
    }
}

/// What a data set says about itself and how the importer reads it.
public struct DatasetHeader: Sendable {
    /// 0-based position of the data set in the message.
    public var index: Int
    /// The structure id the data set refers to (`structureRef`, 2.0 `KeyFamilyRef`), if any.
    public var structureRef: String?
    /// The full reference from the message header (`AGENCY:ID(VERSION)`), if the header gave one.
    public var structure: StructureReference?
    /// The dimension at observation level: `TIME_PERIOD`, another dimension id or `AllDimensions`.
    public var dimensionAtObservation: String
    /// The data structure used to tell dimensions from attributes, if one was given and matched.
    public var dataStructure: DataStructure?
    /// The `action` (`Replace`, `Append`, `Delete`, `Information`), if given.
    public var action: String?
    /// Data set level attributes.
    public var attributes: [AttributeValue]

    /// The label for SDMX-CSV's `DATAFLOW` column: `AGENCY:ID(VERSION)` when known, else the id.
    public var dataflowLabel: String {
        if let structure { return structure.description }
        if let dataStructure { return dataStructure.identity.reference(artefactClass: "DataStructure").description }
        return structureRef ?? ""
    }
}

/// Receives what the data reader reads, in document order.
///
/// The reader calls ``beginDataset(_:)``, then ``series(_:)`` once per series (also for series
/// with no observations) and ``observation(_:)`` per observation, then ``endDataset()``. An
/// observation handed to the sink may be kept; the reader never changes it afterwards.
public protocol SDMXDataSink: AnyObject {
    /// A data set starts; its header is complete (data set attributes included).
    func beginDataset(_ header: DatasetHeader) throws
    /// A series starts (its key and attributes are resolved).
    func series(_ series: Series) throws
    /// One observation.
    func observation(_ observation: Observation) throws
    /// The current data set ends.
    func endDataset() throws
}

extension SDMXDataSink {
    /// Default: ignore series starts.
    public func series(_ series: Series) throws {}
    /// Default: nothing to do.
    public func endDataset() throws {}
}

/// What the data reader found in one message besides the observations.
public struct DataMessageSummary: Sendable {
    /// The file.
    public var file: String
    /// The SDMX-ML version, from the message namespace.
    public var version: SDMXVersion
    /// The message type: the root element's local name (`GenericData`, `StructureSpecificData`, …).
    public var messageType: String
    /// Wrappers around the message (`SOAP`, `RegistryInterface`), outermost first.
    public var wrappers: [String] = []
    /// The header's message id, if any.
    public var messageID: String?
    /// The header's `Prepared` time, as written.
    public var prepared: String?
    /// The sender id.
    public var sender: String?
    /// The structures the header declares (2.1+: one per `mes:Structure`).
    public var headerStructures: [StructureReference] = []
    /// The number of data sets.
    public var datasets: Int = 0
    /// The number of series elements.
    public var series: Int = 0
    /// The number of group elements.
    public var groups: Int = 0
    /// The number of observations.
    public var observations: Int = 0
    /// Footer messages (`footer:Footer/footer:Message`).
    public var footer: [SDMXMessageNote] = []
    /// The messages of an SDMX `Error` message.
    public var errors: [SDMXMessageNote] = []
    /// Elements the reader does not model and skipped (annotations, vendor elements, …), whole subtrees counted once.
    public var skippedElements: Int = 0
    /// Things worth telling the user that did not stop the import (e.g. a `structureRef` that does not
    /// match the header).
    public var warnings: [String] = []
}
