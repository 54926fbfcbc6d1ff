/// Identification shared by maintainable artefacts (codelists, concept schemes, DSDs, dataflows).
public struct ArtefactIdentity: Sendable, Hashable {
    /// The maintenance agency.
    public var agencyID: String
    /// The id.
    public var id: String
    /// The version ("1.0" when the file gives none, as SDMX 2.x defaults).
    public var version: String
    /// The names, one per language.
    public var names: [LocalizedText]
    /// The descriptions, one per language.
    public var descriptions: [LocalizedText]

    /// Creates an identity.
    public init(
        agencyID: String, id: String, version: String, names: [LocalizedText] = [], descriptions: [LocalizedText] = []
    ) {
        self.agencyID = agencyID
        self.id = id
        self.version = version
        self.names = names
        self.descriptions = descriptions
    }

    /// A reference to this artefact.
    public func reference(artefactClass: String) -> StructureReference {
        StructureReference(agencyID: agencyID, id: id, version: version, artefactClass: artefactClass)
    }
}

/// One code of a codelist, e.g. `ES51` "Cataluña" with parent `ES5`.
public struct Code: Sendable, Hashable {
    /// The code id.
    public var id: String
    /// Its names by language (SDMX 2.0 `Description`, 2.1+ `Name`).
    public var names: [LocalizedText]
    /// Its descriptions by language, when distinct from the names.
    public var descriptions: [LocalizedText]
    /// The parent code's id in the codelist's hierarchy, if any.
    public var parentID: String?

    /// Creates a code.
    public init(id: String, names: [LocalizedText] = [], descriptions: [LocalizedText] = [], parentID: String? = nil) {
        self.id = id
        self.names = names
        self.descriptions = descriptions
        self.parentID = parentID
    }
}

/// A codelist: the allowed codes of a coded dimension or attribute, with their hierarchy.
public struct Codelist: Sendable, Hashable {
    /// Agency, id, version, names.
    public var identity: ArtefactIdentity
    /// The codes in document order.
    public var codes: [Code]

    /// Creates a codelist.
    public init(identity: ArtefactIdentity, codes: [Code] = []) {
        self.identity = identity
        self.codes = codes
    }

    /// The code with this id.
    public func code(_ id: String) -> Code? {
        codes.first { $0.id == id }
    }

    /// The children of `parentID` (the top-level codes for `nil`), in document order.
    public func children(of parentID: String?) -> [Code] {
        codes.filter { $0.parentID == parentID }
    }

    /// The ancestors of a code, nearest first; stops at a cycle.
    public func ancestors(of id: String) -> [String] {
        var result: [String] = []
        var current = code(id)?.parentID
        while let parent = current, !result.contains(parent), parent != id {
            result.append(parent)
            current = code(parent)?.parentID
        }
        return result
    }
}

/// A concept, e.g. `OBS_STATUS` "Observation status".
public struct Concept: Sendable, Hashable {
    /// The concept id.
    public var id: String
    /// Names by language.
    public var names: [LocalizedText]
    /// Descriptions by language.
    public var descriptions: [LocalizedText]
    /// The codelist of its core representation, if coded.
    public var codelist: StructureReference?

    /// Creates a concept.
    public init(
        id: String, names: [LocalizedText] = [], descriptions: [LocalizedText] = [],
        codelist: StructureReference? = nil
    ) {
        self.id = id
        self.names = names
        self.descriptions = descriptions
        self.codelist = codelist
    }
}

/// A concept scheme.
public struct ConceptScheme: Sendable, Hashable {
    /// Agency, id, version, names.
    public var identity: ArtefactIdentity
    /// The concepts in document order.
    public var concepts: [Concept]

    /// Creates a scheme.
    public init(identity: ArtefactIdentity, concepts: [Concept] = []) {
        self.identity = identity
        self.concepts = concepts
    }
}
