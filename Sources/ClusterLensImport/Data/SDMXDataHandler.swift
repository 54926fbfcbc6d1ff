import ClusterLensCore
import ClusterLensXML

/// The streaming state machine behind ``SDMXDataReader``: one instance per parse.
///
/// It keeps a stack of contexts (what element it is inside), the header's structures, the
/// current data set, group, series and observation, and hands series and observations to the
/// sink as soon as they are complete. Nothing is kept per observation once it is handed on.
final class SDMXDataHandler: XMLStreamHandler {
    /// The layout of a data set, decided from the message type (and, in a 2.0 MessageGroup, from
    /// the data set's namespace or first child).
    enum Layout {
        case generic, attributeCentric, utility, crossSectional, undecided
    }

    /// What the element being read is.
    enum Context: Equatable {
        case wrapper, message, header, headerText, headerStructure, headerStructureRef, headerRef
        case dataset
        case genericKey(AttachmentLevel), genericAttributes(AttachmentLevel), genericGroup, genericSeries, genericObs
        case genericText
        case group, series, obs, comp, compValue, compText
        case utilityKey, utilityComponent
        case crossGroup, crossSection, crossObs
        case footer, note, noteText
        case ignored
    }

    let file: String
    let sink: any SDMXDataSink
    let structures: StructureCollection?
    var symbols: SDMXSymbols?
    var namespaces = NamespaceCache()
    var summary: DataMessageSummary
    var stack: [Context] = []
    var skipDepth = 0
    var line = 0

    // Message
    var foundMessage = false
    var isErrorMessage = false
    var headerEntries: [(structureID: String, dimensionAtObservation: String, reference: StructureReference?)] = []
    var pendingHeaderEntry: (structureID: String, dimensionAtObservation: String, reference: StructureReference?)?
    var headerTextTarget: XMLSymbol = .none
    var keyFamilyRef: String?
    var currentHeaderReference: StructureReference?

    // Text capture
    var capturing = false
    var textBuffer: [UInt8] = []
    var textLanguage = ""

    // Data set
    var layout: Layout = .undecided
    var datasetNamespace: XMLSymbol = .none
    var datasetStarted = false
    var datasetIndex = -1
    var datasetStructureRef: String?
    var datasetAction: String?
    var datasetAttributes: [AttributeValue] = []
    var datasetKey: [ComponentValue] = []
    var dimensionAtObservation = "TIME_PERIOD"
    var classifier = ComponentClassifier(dataStructure: nil)
    var slots: [(symbol: XMLSymbol, slot: ComponentSlot)] = []
    var groups = GroupIndex()
    var flatSeries = Series.flat

    // Group
    var groupKey: [ComponentValue] = []
    var groupAttributes: [AttributeValue] = []

    // Series
    var seriesKey: [ComponentValue] = []
    var seriesAttributes: [AttributeValue] = []
    var currentSeries: Series?
    var inSeries = false

    // Cross-sectional sections
    var sectionKey: [ComponentValue] = []
    var sectionAttributes: [AttributeValue] = []

    // Observation
    var obsDimensions: [ComponentValue] = []
    var obsValue: String?
    var obsMeasures: [ComponentValue] = []
    var obsAttributes: [AttributeValue] = []
    var obsLine = 0

    // 3.x <Comp> and generic <Value> being read
    var compID = ""
    var compLevel: AttachmentLevel = .observation
    var compValues: [String] = []
    var compTexts: [LocalizedText] = []
    var compTextsAtValueStart = 0
    var componentTarget: AttachmentLevel = .series
    var componentName = ""

    // Reporting-year start day cache
    var lastStartDayText = ""
    var lastStartDay = MonthDay.januaryFirst

    init(file: String, sink: any SDMXDataSink, structures: StructureCollection?) {
        self.file = file
        self.sink = sink
        self.structures = structures
        self.summary = DataMessageSummary(file: file, version: .v2_1, messageType: "")
        stack.reserveCapacity(32)
    }

    func prepare(symbols table: XMLSymbolTable) {
        symbols = SDMXSymbols(table)
    }

    func error(_ code: ImportError.Code, _ message: String, line: Int? = nil) -> ImportError {
        ImportError(code, message, file: file, line: line ?? self.line)
    }

    // MARK: Events

    func startElement(_ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, line: Int) throws {
        self.line = line
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        guard let symbols else { return }
        guard let context = stack.last else {
            try startRoot(localName, namespace: namespace, symbols: symbols)
            return
        }
        switch context {
        case .dataset, .group, .series, .obs, .comp, .compValue, .genericKey, .genericAttributes, .genericGroup,
            .genericSeries, .genericObs, .utilityKey, .crossGroup, .crossSection:
            try startDataElement(localName, namespace: namespace, attributes: attributes, in: context, symbols)
        case .wrapper:
            try startRoot(localName, namespace: namespace, symbols: symbols)
        case .message:
            try startInMessage(localName, namespace: namespace, attributes: attributes, symbols)
        case .header, .headerStructure, .headerStructureRef:
            startInHeader(localName, attributes: attributes, in: context, symbols)
        case .footer, .note:
            startInNote(localName, namespace: namespace, attributes: attributes, in: context, symbols)
        case .headerText, .headerRef, .genericText, .compText, .utilityComponent, .crossObs, .noteText, .ignored:
            skip(count: context != .ignored && context != .headerText && context != .noteText)
        }
    }

    func endElement(_ localName: XMLSymbol, namespace: XMLSymbol) throws {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let context = stack.popLast() else { return }
        switch context {
        case .wrapper, .ignored, .header, .footer, .headerRef:
            break
        case .message:
            try finishMessage()
        case .headerText:
            finishHeaderText()
        case .headerStructure:
            if let entry = pendingHeaderEntry { headerEntries.append(entry) }
            pendingHeaderEntry = nil
        case .headerStructureRef:
            finishHeaderStructureRef()
        case .note, .noteText:
            finishNote(context)
        default:
            try endDataElement(context)
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if capturing { textBuffer.append(contentsOf: text) }
    }

    // MARK: Helpers shared by the layouts

    /// Skips the element being started and its subtree; counts it when it is not something known.
    func skip(count: Bool = true) {
        skipDepth = 1
        if count { summary.skippedElements += 1 }
    }

    func beginCapture() {
        capturing = true
        textBuffer.removeAll(keepingCapacity: true)
    }

    func endCapture() -> String {
        capturing = false
        return textBuffer.withUnsafeBufferPointer { XMLText.trimmed($0) }
    }

    /// The `xml:lang` of an element, empty when absent.
    func language(of attributes: XMLAttributes, _ symbols: SDMXSymbols) -> String {
        guard let index = attributes.index(ofLocalName: symbols.lang) else { return "" }
        return attributes.string(at: index)
    }

    func attribute(_ name: XMLSymbol, in attributes: XMLAttributes) -> String? {
        guard let index = attributes.index(ofLocalName: name) else { return nil }
        return attributes.string(at: index)
    }
}

/// How a component named by an XML attribute or element is read in the current data set.
struct ComponentSlot {
    let id: String
    let role: ComponentRole
    /// Data set metadata (`structureRef`, `action`, …) rather than a component.
    let isMetadata: Bool
}
