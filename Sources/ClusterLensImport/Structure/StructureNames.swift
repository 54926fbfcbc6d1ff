import ClusterLensXML

/// The element local names a structure message reader acts on, across SDMX-ML 2.0 to 3.1.
///
/// Names differ in case between versions (2.0 `CodeList`, 2.1 `Codelist`): each spelling is its
/// own case. The raw value is the local name as it appears in documents.
enum StructureElement: String, CaseIterable {
    // Message roots and wrappers.
    case structure = "Structure"
    case structures = "Structures"
    case header = "Header"
    case footer = "Footer"
    case registryInterface = "RegistryInterface"
    case queryStructureResponse = "QueryStructureResponse"
    case statusMessage = "StatusMessage"
    case envelope = "Envelope"
    case body = "Body"
    case error = "Error"
    case text = "Text"

    // Containers.
    case codelists = "Codelists"
    case codeLists20 = "CodeLists"
    case geographicCodelists = "GeographicCodelists"
    case geoGridCodelists = "GeoGridCodelists"
    case concepts = "Concepts"
    case conceptSchemes = "ConceptSchemes"
    case dataStructures = "DataStructures"
    case keyFamilies = "KeyFamilies"
    case dataflows = "Dataflows"

    // Item schemes and items.
    case codelist = "Codelist"
    case codeList20 = "CodeList"
    case geographicCodelist = "GeographicCodelist"
    case geoGridCodelist = "GeoGridCodelist"
    case code = "Code"
    case geoFeatureSetCode = "GeoFeatureSetCode"
    case geoGridCode = "GeoGridCode"
    case parent = "Parent"
    case conceptScheme = "ConceptScheme"
    case concept = "Concept"
    case coreRepresentation = "CoreRepresentation"
    case name = "Name"
    case description = "Description"

    // Data structures.
    case dataStructure = "DataStructure"
    case keyFamily = "KeyFamily"
    case dataStructureComponents = "DataStructureComponents"
    case components = "Components"
    case dimensionList = "DimensionList"
    case attributeList = "AttributeList"
    case measureList = "MeasureList"
    case dimension = "Dimension"
    case measureDimension = "MeasureDimension"
    case timeDimension = "TimeDimension"
    case attribute = "Attribute"
    case primaryMeasure = "PrimaryMeasure"
    case measure = "Measure"
    case group = "Group"
    case conceptIdentity = "ConceptIdentity"
    case localRepresentation = "LocalRepresentation"
    case enumeration = "Enumeration"
    case attributeRelationship = "AttributeRelationship"
    case noRelation = "None"
    case attachmentGroup = "AttachmentGroup"
    case observation = "Observation"
    case groupDimension = "GroupDimension"
    case dimensionReference = "DimensionReference"
    case dimensionRef20 = "DimensionRef"

    // Dataflows.
    case dataflow = "Dataflow"
    case keyFamilyRef = "KeyFamilyRef"
    case keyFamilyID = "KeyFamilyID"
    case keyFamilyAgencyID = "KeyFamilyAgencyID"
    case version = "Version"

    // References (2.1: unqualified `Ref` and `URN` children).
    case ref = "Ref"
    case urn = "URN"

    // Details read past without being counted as skipped.
    case textFormat = "TextFormat"
    case enumerationFormat = "EnumerationFormat"
    case link = "Link"
}

/// The attribute names a structure message reader looks up, interned once per parse.
struct StructureAttributeNames {
    let id: XMLSymbol
    let agencyID: XMLSymbol
    let agency: XMLSymbol
    let version: XMLSymbol
    let position: XMLSymbol
    let assignmentStatus: XMLSymbol
    let usage: XMLSymbol
    let minOccurs: XMLSymbol
    let value: XMLSymbol
    let parentCode: XMLSymbol
    let conceptRef: XMLSymbol
    let conceptAgency: XMLSymbol
    let conceptVersion: XMLSymbol
    let conceptSchemeAgency: XMLSymbol
    let conceptSchemeVersion: XMLSymbol
    let codelist: XMLSymbol
    let codelistAgency: XMLSymbol
    let codelistVersion: XMLSymbol
    let coreRepresentation: XMLSymbol
    let coreRepresentationAgency: XMLSymbol
    let attachmentLevel: XMLSymbol
    let maintainableParentID: XMLSymbol
    let maintainableParentVersion: XMLSymbol
    let artefactClass: XMLSymbol
    let code: XMLSymbol
    let lang: XMLSymbol
    /// `http://www.w3.org/XML/1998/namespace`, the namespace of `xml:lang`.
    let xmlNamespace: XMLSymbol
    /// SOAP 1.1 and 1.2 envelope namespaces.
    let soap11: XMLSymbol
    let soap12: XMLSymbol

    /// An instance whose symbols are all "no name", before the parse hands out its table.
    init() {
        let none = XMLSymbol.none
        (id, agencyID, agency, version, position, assignmentStatus) = (none, none, none, none, none, none)
        (usage, minOccurs, value, parentCode, conceptRef, conceptAgency) = (none, none, none, none, none, none)
        (conceptVersion, conceptSchemeAgency, conceptSchemeVersion) = (none, none, none)
        (codelist, codelistAgency, codelistVersion) = (none, none, none)
        (coreRepresentation, coreRepresentationAgency, attachmentLevel) = (none, none, none)
        (maintainableParentID, maintainableParentVersion, artefactClass, code) = (none, none, none, none)
        (lang, xmlNamespace, soap11, soap12) = (none, none, none, none)
    }

    /// Interns every name in the parse's table.
    init(_ symbols: XMLSymbolTable) {
        id = symbols.intern("id")
        agencyID = symbols.intern("agencyID")
        agency = symbols.intern("agency")
        version = symbols.intern("version")
        position = symbols.intern("position")
        assignmentStatus = symbols.intern("assignmentStatus")
        usage = symbols.intern("usage")
        minOccurs = symbols.intern("minOccurs")
        value = symbols.intern("value")
        parentCode = symbols.intern("parentCode")
        conceptRef = symbols.intern("conceptRef")
        conceptAgency = symbols.intern("conceptAgency")
        conceptVersion = symbols.intern("conceptVersion")
        conceptSchemeAgency = symbols.intern("conceptSchemeAgency")
        conceptSchemeVersion = symbols.intern("conceptSchemeVersion")
        codelist = symbols.intern("codelist")
        codelistAgency = symbols.intern("codelistAgency")
        codelistVersion = symbols.intern("codelistVersion")
        coreRepresentation = symbols.intern("coreRepresentation")
        coreRepresentationAgency = symbols.intern("coreRepresentationAgency")
        attachmentLevel = symbols.intern("attachmentLevel")
        maintainableParentID = symbols.intern("maintainableParentID")
        maintainableParentVersion = symbols.intern("maintainableParentVersion")
        artefactClass = symbols.intern("class")
        code = symbols.intern("code")
        lang = symbols.intern("lang")
        xmlNamespace = symbols.intern("http://www.w3.org/XML/1998/namespace")
        soap11 = symbols.intern("http://schemas.xmlsoap.org/soap/envelope/")
        soap12 = symbols.intern("http://www.w3.org/2003/05/soap-envelope")
    }
}
