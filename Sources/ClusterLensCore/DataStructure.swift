/// A dimension of a data structure.
public struct DimensionDescriptor: Sendable, Hashable {
    /// The dimension id (the concept id in SDMX 2.0).
    public var id: String
    /// The 1-based position in the series key.
    public var position: Int
    /// The concept it takes its meaning from.
    public var concept: StructureReference?
    /// The codelist of its values, when coded.
    public var codelist: StructureReference?
    /// Whether this is the time dimension.
    public var isTime: Bool

    /// Creates a dimension.
    public init(
        id: String, position: Int, concept: StructureReference? = nil, codelist: StructureReference? = nil,
        isTime: Bool = false
    ) {
        self.id = id
        self.position = position
        self.concept = concept
        self.codelist = codelist
        self.isTime = isTime
    }
}

/// Where an attribute attaches, as the data structure defines it.
public enum AttributeAttachment: Sendable, Hashable {
    /// The dataset (SDMX 2.1 `None`, 2.0 `DataSet`).
    case dataset
    /// The listed dimensions (a series-level attribute when they form the series key).
    case dimensions([String])
    /// A group.
    case group(String)
    /// The observation (2.1 `PrimaryMeasure`, 3.x measures or `Observation`).
    case observation
    /// Not stated.
    case unspecified
}

/// An attribute of a data structure.
public struct AttributeDescriptor: Sendable, Hashable {
    /// The attribute id.
    public var id: String
    /// Where it attaches.
    public var attachment: AttributeAttachment
    /// Whether it is mandatory (`Mandatory` / `Conditional`; 3.x `minOccurs`).
    public var isMandatory: Bool
    /// The concept.
    public var concept: StructureReference?
    /// The codelist of its values, when coded.
    public var codelist: StructureReference?

    /// Creates an attribute.
    public init(
        id: String, attachment: AttributeAttachment = .unspecified, isMandatory: Bool = false,
        concept: StructureReference? = nil, codelist: StructureReference? = nil
    ) {
        self.id = id
        self.attachment = attachment
        self.isMandatory = isMandatory
        self.concept = concept
        self.codelist = codelist
    }
}

/// A measure (2.1 primary measure, 3.x measures).
public struct MeasureDescriptor: Sendable, Hashable {
    /// The measure id, usually `OBS_VALUE`.
    public var id: String
    /// The concept.
    public var concept: StructureReference?

    /// Creates a measure.
    public init(id: String, concept: StructureReference? = nil) {
        self.id = id
        self.concept = concept
    }
}

/// A group of a data structure: a named subset of the dimensions.
public struct GroupDescriptor: Sendable, Hashable {
    /// The group id, e.g. `SiblingGroup`.
    public var id: String
    /// The dimensions that form the group's partial key.
    public var dimensionIDs: [String]

    /// Creates a group.
    public init(id: String, dimensionIDs: [String]) {
        self.id = id
        self.dimensionIDs = dimensionIDs
    }
}

/// A data structure definition (SDMX 2.0 key family).
public struct DataStructure: Sendable, Hashable {
    /// Agency, id, version, names.
    public var identity: ArtefactIdentity
    /// The non-time dimensions, by position.
    public var dimensions: [DimensionDescriptor]
    /// The time dimension, if the structure has one.
    public var timeDimension: DimensionDescriptor?
    /// The attributes.
    public var attributes: [AttributeDescriptor]
    /// The measures (at least `OBS_VALUE` in 2.x).
    public var measures: [MeasureDescriptor]
    /// The groups.
    public var groups: [GroupDescriptor]

    /// Creates a data structure.
    public init(
        identity: ArtefactIdentity, dimensions: [DimensionDescriptor] = [], timeDimension: DimensionDescriptor? = nil,
        attributes: [AttributeDescriptor] = [], measures: [MeasureDescriptor] = [], groups: [GroupDescriptor] = []
    ) {
        self.identity = identity
        self.dimensions = dimensions
        self.timeDimension = timeDimension
        self.attributes = attributes
        self.measures = measures
        self.groups = groups
    }

    /// All dimension ids in key order, the time dimension last.
    public var dimensionIDs: [String] {
        dimensions.sorted { $0.position < $1.position }.map(\.id) + (timeDimension.map { [$0.id] } ?? [])
    }

    /// Whether `id` names a dimension (including time).
    public func isDimension(_ id: String) -> Bool {
        dimensions.contains { $0.id == id } || timeDimension?.id == id
    }

    /// Whether `id` names an attribute.
    public func isAttribute(_ id: String) -> Bool {
        attributes.contains { $0.id == id }
    }

    /// Whether `id` names a measure.
    public func isMeasure(_ id: String) -> Bool {
        measures.contains { $0.id == id }
    }
}

/// A dataflow: a published view of data that a data structure describes.
public struct Dataflow: Sendable, Hashable {
    /// Agency, id, version, names.
    public var identity: ArtefactIdentity
    /// The data structure it uses.
    public var structure: StructureReference?

    /// Creates a dataflow.
    public init(identity: ArtefactIdentity, structure: StructureReference? = nil) {
        self.identity = identity
        self.structure = structure
    }
}

/// The artefacts read from one or more structure messages.
public struct StructureCollection: Sendable {
    /// Codelists.
    public var codelists: [Codelist] = []
    /// Concept schemes.
    public var conceptSchemes: [ConceptScheme] = []
    /// Data structures.
    public var dataStructures: [DataStructure] = []
    /// Dataflows.
    public var dataflows: [Dataflow] = []

    /// An empty collection.
    public init() {}

    /// Adds every artefact of `other`.
    public mutating func merge(_ other: StructureCollection) {
        codelists += other.codelists
        conceptSchemes += other.conceptSchemes
        dataStructures += other.dataStructures
        dataflows += other.dataflows
    }

    /// The data structure `id` refers to: a DSD with that id, or the DSD of a dataflow with that id.
    public func dataStructure(matching id: String) -> DataStructure? {
        if let direct = dataStructures.first(where: { $0.identity.id == id }) { return direct }
        if let flow = dataflows.first(where: { $0.identity.id == id }), let target = flow.structure {
            return dataStructures.first { $0.identity.id == target.id }
        }
        return nil
    }

    /// The codelist a reference points at (by agency and id; version when given).
    public func codelist(_ reference: StructureReference) -> Codelist? {
        codelists.first {
            $0.identity.id == reference.id
                && (reference.agencyID.isEmpty || $0.identity.agencyID == reference.agencyID)
                && (reference.version.isEmpty || $0.identity.version == reference.version)
        }
    }
}
