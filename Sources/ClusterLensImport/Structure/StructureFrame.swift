import ClusterLensCore

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
    case reference(StructureReferenceSlot)
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
enum StructureReferenceSlot {
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
enum StructureNamespaceKind {
    /// No namespace (2.1 `Ref`, `URN`).
    case unqualified
    /// A namespace that is not SDMX-ML's.
    case foreign
    /// An SDMX-ML namespace.
    case sdmx(SDMXVersion, SDMXNamespaceRole)
}

/// The attributes of a 2.1 `<Ref>` element.
struct StructureRefAttributes {
    var agencyID = ""
    var id = ""
    var version = ""
    var artefactClass = ""
    var maintainableParentID = ""
    var maintainableParentVersion = ""
}

/// A component being read.
struct StructureComponentBuilder {
    enum Kind {
        case dimension
        case timeDimension
        case attribute
        case measure
    }

    var kind: Kind
    /// A 2.1 `MeasureDimension`, whose values are concepts.
    var isMeasureDimension = false
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
struct StructureRelationBuilder {
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
