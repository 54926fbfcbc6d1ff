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
    @exclusivity(unchecked) var symbols: SDMXSymbols?
    @exclusivity(unchecked) var namespaces = NamespaceCache()
    @exclusivity(unchecked) var summary: DataMessageSummary
    @exclusivity(unchecked) var stack: [Context] = []
    @exclusivity(unchecked) var skipDepth = 0
    @exclusivity(unchecked) var line = 0

    // Message
    @exclusivity(unchecked) var foundMessage = false
    @exclusivity(unchecked) var isErrorMessage = false
    @exclusivity(unchecked) var headerEntries:
        [(structureID: String, dimensionAtObservation: String, reference: StructureReference?)] = []
    @exclusivity(unchecked) var pendingHeaderEntry:
        (structureID: String, dimensionAtObservation: String, reference: StructureReference?)?
    @exclusivity(unchecked) var headerTextTarget: XMLSymbol = .none
    @exclusivity(unchecked) var keyFamilyRef: String?
    @exclusivity(unchecked) var currentHeaderReference: StructureReference?

    // Text capture
    let capture = XMLTextCapture()
    @exclusivity(unchecked) var textLanguage = ""

    // Data set
    @exclusivity(unchecked) var layout: Layout = .undecided
    @exclusivity(unchecked) var datasetNamespace: XMLSymbol = .none
    @exclusivity(unchecked) var datasetStarted = false
    @exclusivity(unchecked) var datasetIndex = -1
    @exclusivity(unchecked) var datasetStructureRef: String?
    @exclusivity(unchecked) var datasetAction: String?
    @exclusivity(unchecked) var datasetAttributes: [AttributeValue] = []
    @exclusivity(unchecked) var datasetKey: [ComponentValue] = []
    @exclusivity(unchecked) var dimensionAtObservation = "TIME_PERIOD"
    @exclusivity(unchecked) var classifier = ComponentClassifier(dataStructure: nil)
    let componentSlots = ComponentSlots()
    @exclusivity(unchecked) var rawSink: (any RawObservationSink)?
    @exclusivity(unchecked) var announcedSlots = 0
    @exclusivity(unchecked) var groups = GroupIndex()
    @exclusivity(unchecked) var flatSeries = Series.flat

    // Group
    @exclusivity(unchecked) var groupKey: [ComponentValue] = []
    @exclusivity(unchecked) var groupAttributes: [AttributeValue] = []
    /// The attributes of the group element a series is nested in (SDMX 2.0 allows series inside groups).
    @exclusivity(unchecked) var enclosingGroupAttributes: [AttributeValue] = []

    // Series
    @exclusivity(unchecked) var seriesKey: [ComponentValue] = []
    @exclusivity(unchecked) var seriesAttributes: [AttributeValue] = []
    @exclusivity(unchecked) var currentSeries: Series? {
        didSet { currentSeriesReference = Unmanaged.passUnretained(currentSeries ?? Series.flat) }
    }
    /// `currentSeries` without reference counting (valid while `currentSeries` holds it).
    @exclusivity(unchecked) var currentSeriesReference = Unmanaged.passUnretained(Series.flat)
    /// Whether some group's key has dimensions the current series key lacks.
    @exclusivity(unchecked) var seriesNeedsObservationGroups = false
    /// The slot of the dimension at observation level when an `Obs` may carry it as its `xsi:type`.
    @exclusivity(unchecked) var observationTypeDimensionSlot: Int?
    @exclusivity(unchecked) var inSeries = false

    // Cross-sectional sections
    @exclusivity(unchecked) var sectionKey: [ComponentValue] = []
    @exclusivity(unchecked) var sectionAttributes: [AttributeValue] = []

    // Observation
    let obs = ObservationBuffer()
    @exclusivity(unchecked) var obsComplexAttributes: [AttributeValue] = []
    @exclusivity(unchecked) var obsLine = 0

    // 3.x <Comp> and generic <Value> being read
    @exclusivity(unchecked) var compID = ""
    @exclusivity(unchecked) var compLevel: AttachmentLevel = .observation
    @exclusivity(unchecked) var compValues: [String] = []
    @exclusivity(unchecked) var compTexts: [LocalizedText] = []
    @exclusivity(unchecked) var compTextsAtValueStart = 0
    @exclusivity(unchecked) var componentTarget: AttachmentLevel = .series
    @exclusivity(unchecked) var componentName = ""

    // Reporting-year start day cache
    @exclusivity(unchecked) var lastStartDayText = ""
    @exclusivity(unchecked) var lastStartDay = MonthDay.januaryFirst
    @exclusivity(unchecked) var lastStartDaySeries: Series?
    @exclusivity(unchecked) var lastSeriesStartDay: String?
    let periods = PeriodCache()

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
        case .wrapper, .ignored, .header, .footer, .headerRef, .message:
            break
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

    var textCapture: XMLTextCapture? { capture }

    // MARK: Helpers shared by the layouts

    /// Skips the element being started and its subtree; counts it when it is not something known.
    func skip(count: Bool = true) {
        skipDepth = 1
        if count { summary.skippedElements += 1 }
    }

    func beginCapture() {
        capture.begin()
    }

    func endCapture() -> String {
        capture.end()
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
