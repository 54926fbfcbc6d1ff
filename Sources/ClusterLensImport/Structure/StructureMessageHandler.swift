import ClusterLensCore
import ClusterLensXML

/// What the reader is inside: one frame per open element it acts on.
///
/// Elements it does not act on are not pushed: they are skipped by depth (see
/// ``StructureMessageHandler/skipDepth``).
enum StructureFrame {
    /// Before the message: SOAP `Envelope`, `Body` and operation elements, 2.0 `RegistryInterface`.
    case wrapper
    /// An SDMX `Error` message and everything inside it.
    case errorMessage
    /// The message root: `Structure`, or 2.0 `QueryStructureResponse`.
    case root
    /// 2.1/3.x `Structures`.
    case structures
    /// A list of artefacts: `Codelists`, `Concepts`, `KeyFamilies`, `Dataflows`, …
    case container(StructureContainer)
    case codelist
    case code
    case conceptScheme
    case concept
    /// `CoreRepresentation` (concepts) or `LocalRepresentation` (components).
    case representation
    case dataStructure
    /// `DataStructureComponents` (2.0 `Components`) and the dimension, attribute and measure lists in it.
    case componentList
    /// A dimension, time dimension, attribute or measure.
    case component
    case relationship
    case group
    case groupDimension
    case dataflow
    /// 2.0 `KeyFamilyRef` inside a dataflow.
    case keyFamilyRef
    /// An element whose text is collected.
    case text(StructureTextField)
    /// An element that refers to something, by a `Ref` child (2.1), a URN or id text (3.x).
    case reference(ReferenceSlot)
    /// An element read from its attributes alone (`Ref`, `URN`, `None`, …).
    case leaf
}

/// The kinds of artefact lists.
enum StructureContainer {
    case codelists
    case conceptSchemes
    /// 2.0 `Concepts`: concept schemes and concepts that belong to no scheme.
    case concepts20
    case dataStructures
    case dataflows
    /// A list of artefacts of a kind not modelled: each child is skipped and counted.
    case unmodelled
}

/// What a collected text is for.
enum StructureTextField {
    case name
    case description
    /// 2.0 `Attribute/AttachmentGroup`.
    case attachmentGroup
    /// 2.0 `Group/DimensionRef`.
    case dimensionRef
    case keyFamilyID
    case keyFamilyAgencyID
    case keyFamilyVersion
    case keyFamilyURN
    /// `Error/ErrorMessage/Text`.
    case errorText
}

/// Where a resolved reference goes.
enum ReferenceSlot {
    case conceptIdentity
    case enumeration
    case dataflowStructure
    case codeParent
    case groupDimension
    case relationDimension
    case relationGroup
    /// Read past: the element only matters by its presence (`PrimaryMeasure` in a relationship).
    case ignored
}

/// The SDMX role of a namespace URI, classified once per distinct URI.
enum NamespaceKind {
    /// No namespace (2.1 `Ref`, `URN`).
    case unqualified
    /// A namespace that is not SDMX-ML's.
    case foreign
    /// An SDMX-ML namespace.
    case sdmx(SDMXVersion, SDMXNamespaceRole)
}

/// The attributes of a 2.1 `<Ref>` element.
struct RefAttributes {
    var agencyID = ""
    var id = ""
    var version = ""
    var artefactClass = ""
    var maintainableParentID = ""
    var maintainableParentVersion = ""
}

/// A component being read.
struct ComponentBuilder {
    enum Kind {
        case dimension
        case timeDimension
        case attribute
        case measure
    }

    var kind: Kind
    var id: String?
    /// The stated position, or the document order among the dimensions.
    var position: Int
    var concept: StructureReference?
    var codelist: StructureReference?
    var attachment: AttributeAttachment = .unspecified
    var isMandatory = false
    /// 2.0 `attachmentLevel`.
    var attachmentLevel: String?
    /// 2.0 `AttachmentGroup` texts.
    var attachmentGroups: [String] = []
}

/// The `AttributeRelationship` being read.
struct RelationBuilder {
    var dimensions: [String] = []
    var group: String?
    var isObservation = false
    var isDataset = false

    var attachment: AttributeAttachment {
        if !dimensions.isEmpty { return .dimensions(dimensions) }
        if let group { return .group(group) }
        if isObservation { return .observation }
        if isDataset { return .dataset }
        return .unspecified
    }
}

/// The SAX handler behind ``SDMXStructureReader``: a stack of frames plus the artefacts being built.
///
/// All state lives in one instance per parse.
final class StructureMessageHandler: XMLStreamHandler {
    /// The file name for error messages.
    let name: String
    /// The message's version, set when the message root is found.
    var version: SDMXVersion?
    /// The artefacts read so far.
    var collection = StructureCollection()
    /// Skipped subtrees, see ``StructureMessage/skippedElements``.
    var skippedCount = 0

    // Parse state.
    var elements: [XMLSymbol: StructureElement] = [:]
    var attributeNames = StructureAttributeNames()
    var namespaces: [XMLSymbol: NamespaceKind] = [:]
    var stack: [StructureFrame] = []
    /// The depth inside a skipped subtree, 0 when not skipping.
    var skipDepth = 0
    var line = 0
    var insideSOAP = false

    // Text collection.
    var collecting = false
    var textBytes: [UInt8] = []
    var textLanguage = ""

    // Artefacts being built.
    var codelist: Codelist?
    var code: Code?
    var conceptScheme: ConceptScheme?
    var concept: Concept?
    /// The agency of a 2.0 concept that belongs to no scheme.
    var standaloneAgency = ""
    /// 2.0 concepts that belong to no scheme, by agency in order of appearance.
    var standaloneConcepts: [(agency: String, concepts: [Concept])] = []
    var dataStructure: DataStructure?
    var component: ComponentBuilder?
    var componentOrdinal = 0
    /// 2.0 series-level attributes, completed with the dimension ids when the key family ends.
    var seriesAttributeIndexes: [Int] = []
    var relation = RelationBuilder()
    var group: GroupDescriptor?
    var dataflow: Dataflow?
    var keyFamilyReference = RefAttributes()
    var keyFamilyURN = ""
    var pendingRef: RefAttributes?
    var errorTexts: [String] = []
    var errorCodes: [String] = []

    /// Root names of SDMX data messages, refused with a clear message.
    static let dataMessageRoots: Set<String> = [
        "GenericData", "GenericTimeSeriesData", "StructureSpecificData", "StructureSpecificTimeSeriesData",
        "CompactData", "UtilityData", "CrossSectionalData", "MessageGroup",
    ]

    init(name: String) {
        self.name = name
    }

    var isVersion20: Bool { version == .v2_0 }

    func prepare(symbols: XMLSymbolTable) {
        for element in StructureElement.allCases {
            elements[symbols.intern(element.rawValue)] = element
        }
        attributeNames = StructureAttributeNames(symbols)
    }

    /// The message read, once the parse has ended.
    func finish() throws -> StructureMessage {
        guard let version else {
            throw ImportError(.notSDMX, "the document holds no SDMX-ML message", file: name)
        }
        return StructureMessage(version: version, structures: collection, skippedElements: skippedCount)
    }

    // MARK: - Events

    func startElement(_ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, line: Int) throws {
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        self.line = line
        let element = elements[localName]
        guard let top = stack.last, !isPrologue(top) else {
            try startOutsideMessage(localName, element: element, namespace: namespace)
            return
        }
        let kind = namespaceKind(namespace)
        switch kind {
        case .sdmx: break
        case .unqualified where element == .ref || element == .urn: break
        default:
            skip(element)
            return
        }
        if case .errorMessage = top {
            startInErrorMessage(element, attributes: attributes)
            return
        }
        if let frame = child(of: top, element: element, attributes: attributes) {
            stack.append(frame)
        } else {
            skip(element)
        }
    }

    func endElement(_ localName: XMLSymbol, namespace: XMLSymbol) throws {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let frame = stack.popLast() else { return }
        switch frame {
        case .wrapper, .root, .structures, .componentList, .groupDimension, .representation, .leaf:
            break
        case .errorMessage:
            // The error message's root closes: report it.
            if case .some(.errorMessage) = stack.last { break }
            try throwErrorMessage()
        case .container(let kind):
            if kind == .concepts20 { flushStandaloneConcepts() }
        case .codelist: endCodelist()
        case .code: endCode()
        case .conceptScheme: endConceptScheme()
        case .concept: endConcept()
        case .dataStructure: endDataStructure()
        case .component: endComponent()
        case .relationship: component?.attachment = relation.attachment
        case .group: endGroup()
        case .dataflow: endDataflow()
        case .keyFamilyRef: endKeyFamilyReference()
        case .text(let field): endText(field)
        case .reference(let slot): resolve(slot, text: endCollecting())
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if collecting && skipDepth == 0 {
            textBytes.append(contentsOf: text)
        }
    }

    // MARK: - Dispatch

    /// The frame for a child of `top`, or `nil` to skip it.
    func child(of top: StructureFrame, element: StructureElement?, attributes: XMLAttributes) -> StructureFrame? {
        switch top {
        case .wrapper, .errorMessage, .leaf, .text:
            return nil
        case .root:
            switch element {
            case .structures: return .structures
            case .header, .footer, .statusMessage: return nil
            // 2.0 puts the artefact lists directly under the root.
            default: return .container(containerKind(element))
            }
        case .structures:
            return .container(containerKind(element))
        case .container(let kind):
            return startArtefact(in: kind, element: element, attributes: attributes)
        case .codelist:
            switch element {
            case .name, .description: return beginText(element, attributes: attributes)
            case .code, .geoFeatureSetCode, .geoGridCode: return beginCode(attributes)
            default: return nil
            }
        case .code:
            switch element {
            case .name, .description: return beginText(element, attributes: attributes)
            case .parent: return beginReference(.codeParent)
            default: return nil
            }
        case .conceptScheme:
            switch element {
            case .name, .description: return beginText(element, attributes: attributes)
            case .concept: return beginConcept(attributes, standalone: false)
            default: return nil
            }
        case .concept:
            switch element {
            case .name, .description: return beginText(element, attributes: attributes)
            case .coreRepresentation: return .representation
            default: return nil
            }
        case .representation:
            return element == .enumeration ? beginReference(.enumeration) : nil
        case .dataStructure:
            switch element {
            case .name, .description: return beginText(element, attributes: attributes)
            case .dataStructureComponents, .components: return .componentList
            default: return nil
            }
        case .componentList:
            return startComponent(element, attributes: attributes)
        case .component:
            switch element {
            case .conceptIdentity: return beginReference(.conceptIdentity)
            case .localRepresentation: return .representation
            case .attributeRelationship:
                relation = RelationBuilder()
                return .relationship
            case .attachmentGroup where isVersion20: return beginText(.attachmentGroup)
            default: return nil
            }
        case .relationship:
            return startRelationship(element)
        case .group:
            switch element {
            case .groupDimension: return .groupDimension
            case .dimensionRef20: return beginText(.dimensionRef)
            default: return nil
            }
        case .groupDimension:
            return element == .dimensionReference ? beginReference(.groupDimension) : nil
        case .dataflow:
            switch element {
            case .name, .description: return beginText(element, attributes: attributes)
            case .structure: return beginReference(.dataflowStructure)
            case .keyFamilyRef:
                keyFamilyReference = RefAttributes()
                keyFamilyURN = ""
                return .keyFamilyRef
            default: return nil
            }
        case .keyFamilyRef:
            switch element {
            case .keyFamilyID: return beginText(.keyFamilyID)
            case .keyFamilyAgencyID: return beginText(.keyFamilyAgencyID)
            case .version: return beginText(.keyFamilyVersion)
            case .urn: return beginText(.keyFamilyURN)
            default: return nil
            }
        case .reference:
            switch element {
            case .ref:
                pendingRef = refAttributes(attributes)
                return .leaf
            case .urn: return .leaf
            default: return nil
            }
        }
    }

    /// The kind of an artefact list, from its element name.
    func containerKind(_ element: StructureElement?) -> StructureContainer {
        switch element {
        case .codelists, .codeLists20, .geographicCodelists, .geoGridCodelists: return .codelists
        case .concepts: return isVersion20 ? .concepts20 : .conceptSchemes
        case .conceptSchemes: return .conceptSchemes
        case .dataStructures, .keyFamilies: return .dataStructures
        case .dataflows: return .dataflows
        default: return .unmodelled
        }
    }

    /// The frame for a child of an `AttributeRelationship`.
    func startRelationship(_ element: StructureElement?) -> StructureFrame? {
        switch element {
        case .noRelation, .dataflow:
            relation.isDataset = true
            return beginReference(.ignored)
        case .dimension: return beginReference(.relationDimension)
        case .attachmentGroup: return beginReference(.ignored)
        case .group: return beginReference(.relationGroup)
        case .primaryMeasure, .observation, .measure:
            relation.isObservation = true
            return beginReference(.ignored)
        default: return nil
        }
    }

    // MARK: - Outside the message

    func isPrologue(_ frame: StructureFrame) -> Bool {
        if case .wrapper = frame { return true }
        return false
    }

    /// Finds the message root through wrappers, or refuses the document.
    func startOutsideMessage(_ localName: XMLSymbol, element: StructureElement?, namespace: XMLSymbol) throws {
        let isDocumentRoot = stack.isEmpty
        let kind = namespaceKind(namespace)
        if case .sdmx(let messageVersion, let role) = kind {
            switch (role, element) {
            case (.message, .structure?):
                try beginMessage(messageVersion)
                return
            case (.message, .registryInterface?):
                stack.append(.wrapper)
                return
            case (.message, .error?):
                stack.append(.errorMessage)
                return
            case (.message, .header?) where !isDocumentRoot:
                skip(element)
                return
            case (.other("registry"), .queryStructureResponse?):
                try beginMessage(messageVersion)
                return
            default:
                break
            }
            let rootName = localName.string
            if role == .message && Self.dataMessageRoots.contains(rootName) {
                throw ImportError(
                    .structure, "the document is a data message (\(rootName)), not a structure message", file: name,
                    line: line)
            }
            throw ImportError(
                .unsupportedMessage,
                "the document is an SDMX-ML \(messageVersion.rawValue) \(rootName) message, not a structure message",
                file: name, line: line)
        }
        if namespace == attributeNames.soap11 || namespace == attributeNames.soap12 {
            if element == .envelope || element == .body {
                insideSOAP = true
                stack.append(.wrapper)
            } else {
                skip(counted: false)  // soap:Header, soap:Fault
            }
            return
        }
        if !isDocumentRoot && insideSOAP {
            stack.append(.wrapper)  // the operation elements of a SOAP response
            return
        }
        if isDocumentRoot {
            var message = "the document is not an SDMX-ML message: its root element is <\(localName.string)>"
            if !namespace.isNone { message += " in namespace \(namespace.string)" }
            throw ImportError(.notSDMX, message, file: name, line: line)
        }
        skip(counted: false)
    }

    /// Enters the message root.
    func beginMessage(_ messageVersion: SDMXVersion) throws {
        guard messageVersion >= .v2_0 else {
            throw ImportError(
                .unsupportedMessage, "SDMX-ML \(messageVersion.rawValue) structure messages are not supported",
                file: name, line: line)
        }
        version = messageVersion
        stack.append(.root)
    }

    /// Collects the texts and codes of an SDMX error message.
    func startInErrorMessage(_ element: StructureElement?, attributes: XMLAttributes) {
        if element == .text {
            stack.append(beginText(.errorText))
            return
        }
        if let index = attributes.index(ofUnqualified: attributeNames.code) {
            errorCodes.append(attributes.string(at: index))
        }
        stack.append(.errorMessage)
    }

    func throwErrorMessage() throws {
        var message = "the provider returned an SDMX error message"
        if !errorCodes.isEmpty { message += " (code \(errorCodes.joined(separator: ", ")))" }
        if !errorTexts.isEmpty { message += ": " + errorTexts.joined(separator: "; ") }
        throw ImportError(.sdmxErrorMessage, message, file: name, line: line)
    }

    // MARK: - Helpers

    /// The SDMX role of a namespace URI, classified once per distinct URI.
    func namespaceKind(_ symbol: XMLSymbol) -> NamespaceKind {
        if symbol.isNone { return .unqualified }
        if let known = namespaces[symbol] { return known }
        let kind: NamespaceKind =
            SDMXNamespace.classify(symbol.string).map { .sdmx($0.version, $0.role) } ?? .foreign
        namespaces[symbol] = kind
        return kind
    }

    /// Skips the subtree of the element just started; counts it unless it is a known detail.
    func skip(_ element: StructureElement?) {
        switch element {
        case .header, .footer, .statusMessage, .textFormat, .enumerationFormat, .link: skip(counted: false)
        default: skip(counted: true)
        }
    }

    /// Skips the subtree of the element just started.
    func skip(counted: Bool) {
        skipDepth = 1
        if counted { skippedCount += 1 }
    }

    /// The value of an unqualified attribute.
    func value(_ attributes: XMLAttributes, _ name: XMLSymbol) -> String? {
        attributes.index(ofUnqualified: name).map { attributes.string(at: $0) }
    }

    /// The `xml:lang` of an element, empty when absent.
    func language(_ attributes: XMLAttributes) -> String {
        var index = 0
        while index < attributes.count {
            if attributes.localName(at: index) == attributeNames.lang
                && attributes.namespace(at: index) == attributeNames.xmlNamespace
            {
                return attributes.string(at: index)
            }
            index += 1
        }
        return ""
    }

    /// Starts collecting a `Name` or `Description`.
    func beginText(_ element: StructureElement?, attributes: XMLAttributes) -> StructureFrame {
        let frame = beginText(element == .name ? .name : .description)
        textLanguage = language(attributes)
        return frame
    }

    /// Starts collecting text for `field`.
    func beginText(_ field: StructureTextField) -> StructureFrame {
        textLanguage = ""
        textBytes.removeAll(keepingCapacity: true)
        collecting = true
        return .text(field)
    }

    /// Starts reading a reference.
    func beginReference(_ slot: ReferenceSlot) -> StructureFrame {
        pendingRef = nil
        textBytes.removeAll(keepingCapacity: true)
        collecting = true
        return .reference(slot)
    }

    /// Stops collecting and returns the text, trimmed of XML whitespace.
    func endCollecting() -> String {
        collecting = false
        return textBytes.withUnsafeBufferPointer { XMLText.trimmed($0) }
    }

    /// The attributes of a 2.1 `Ref`.
    func refAttributes(_ attributes: XMLAttributes) -> RefAttributes {
        var ref = RefAttributes()
        let names = attributeNames
        var index = 0
        while index < attributes.count {
            let name = attributes.localName(at: index)
            if name == names.id {
                ref.id = attributes.string(at: index)
            } else if name == names.agencyID {
                ref.agencyID = attributes.string(at: index)
            } else if name == names.version {
                ref.version = attributes.string(at: index)
            } else if name == names.artefactClass {
                ref.artefactClass = attributes.string(at: index)
            } else if name == names.maintainableParentID {
                ref.maintainableParentID = attributes.string(at: index)
            } else if name == names.maintainableParentVersion {
                ref.maintainableParentVersion = attributes.string(at: index)
            }
            index += 1
        }
        return ref
    }
}
