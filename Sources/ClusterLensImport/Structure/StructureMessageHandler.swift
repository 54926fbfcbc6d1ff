import ClusterLensCore
import ClusterLensXML

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
    var namespaces: [XMLSymbol: StructureNamespaceKind] = [:]
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
    var component: StructureComponentBuilder?
    var componentOrdinal = 0
    /// 2.0 series-level attributes, completed with the dimension ids when the key family ends.
    var seriesAttributeIndexes: [Int] = []
    var relation = StructureRelationBuilder()
    var group: GroupDescriptor?
    var dataflow: Dataflow?
    var keyFamilyReference = StructureRefAttributes()
    var keyFamilyURN = ""
    var pendingRef: StructureRefAttributes?
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
        // 2.1 `Ref` and `URN` have no namespace, but inherit a default namespace a wrapper declares.
        let isReferenceChild = element == .ref || element == .urn
        if !isReferenceChild && !isSDMX(namespace) {
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
                relation = StructureRelationBuilder()
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
                keyFamilyReference = StructureRefAttributes()
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

    // MARK: - Helpers

    /// The SDMX role of a namespace URI, classified once per distinct URI.
    func namespaceKind(_ symbol: XMLSymbol) -> StructureNamespaceKind {
        if symbol.isNone { return .unqualified }
        if let known = namespaces[symbol] { return known }
        let kind: StructureNamespaceKind =
            SDMXNamespace.classify(symbol.string).map { .sdmx($0.version, $0.role) } ?? .foreign
        namespaces[symbol] = kind
        return kind
    }

    /// Whether a namespace URI is one of SDMX-ML's.
    func isSDMX(_ namespace: XMLSymbol) -> Bool {
        if case .sdmx = namespaceKind(namespace) { return true }
        return false
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
    func beginReference(_ slot: StructureReferenceSlot) -> StructureFrame {
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
    func refAttributes(_ attributes: XMLAttributes) -> StructureRefAttributes {
        var ref = StructureRefAttributes()
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
