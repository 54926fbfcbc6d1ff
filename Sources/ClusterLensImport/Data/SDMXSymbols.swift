import ClusterLensXML

/// The element and attribute names the SDMX readers compare against, interned in one parse's
/// dictionary so that every comparison is a pointer comparison.
struct SDMXSymbols {
    // Message structure
    let header, dataSet, footer, message, text, errorMessage, envelope, body: XMLSymbol
    // Header
    let structure, structureUsage, provisionAgrement, provisionAgreement, ref, urn, id, prepared, sender: XMLSymbol
    let keyFamilyRef, annotations: XMLSymbol
    // Data
    let series, obs, group, seriesKey, groupKey, obsKey, attributes, value, obsDimension, obsValue, time: XMLSymbol
    let comp, key, section: XMLSymbol
    // Attribute names
    let idAttribute, conceptAttribute, valueAttribute, typeAttribute, structureRef, structureID: XMLSymbol
    let dimensionAtObservation, lang, code, severity, agencyID, version, classAttribute, action: XMLSymbol

    init(_ table: XMLSymbolTable) {
        header = table.intern("Header")
        dataSet = table.intern("DataSet")
        footer = table.intern("Footer")
        message = table.intern("Message")
        text = table.intern("Text")
        errorMessage = table.intern("ErrorMessage")
        envelope = table.intern("Envelope")
        body = table.intern("Body")
        structure = table.intern("Structure")
        structureUsage = table.intern("StructureUsage")
        provisionAgrement = table.intern("ProvisionAgrement")
        provisionAgreement = table.intern("ProvisionAgreement")
        ref = table.intern("Ref")
        urn = table.intern("URN")
        id = table.intern("ID")
        prepared = table.intern("Prepared")
        sender = table.intern("Sender")
        keyFamilyRef = table.intern("KeyFamilyRef")
        annotations = table.intern("Annotations")
        series = table.intern("Series")
        obs = table.intern("Obs")
        group = table.intern("Group")
        seriesKey = table.intern("SeriesKey")
        groupKey = table.intern("GroupKey")
        obsKey = table.intern("ObsKey")
        attributes = table.intern("Attributes")
        value = table.intern("Value")
        obsDimension = table.intern("ObsDimension")
        obsValue = table.intern("ObsValue")
        time = table.intern("Time")
        comp = table.intern("Comp")
        key = table.intern("Key")
        section = table.intern("Section")
        idAttribute = table.intern("id")
        conceptAttribute = table.intern("concept")
        valueAttribute = table.intern("value")
        typeAttribute = table.intern("type")
        structureRef = table.intern("structureRef")
        structureID = table.intern("structureID")
        dimensionAtObservation = table.intern("dimensionAtObservation")
        lang = table.intern("lang")
        code = table.intern("code")
        severity = table.intern("severity")
        agencyID = table.intern("agencyID")
        version = table.intern("version")
        classAttribute = table.intern("class")
        action = table.intern("action")
    }
}

/// Caches what each namespace URI (an interned symbol) is, so `SDMXNamespace.classify` runs once per URI.
struct NamespaceCache {
    private var entries: [XMLSymbol: (version: SDMXVersion, role: SDMXNamespaceRole)?] = [:]

    mutating func classify(_ uri: XMLSymbol) -> (version: SDMXVersion, role: SDMXNamespaceRole)? {
        if uri.isNone { return nil }
        if let cached = entries[uri] { return cached }
        let result = SDMXNamespace.classify(uri.string)
        entries[uri] = result
        return result
    }
}
