import ClusterLensCore

/// References: 2.1 `<Ref …/>` children (no namespace), URN text (2.1 `<URN>`, 3.x element text),
/// and plain ids (3.x `DimensionReference`, `Parent`).
extension StructureMessageHandler {
    /// Stores a reference where `slot` says, from the `Ref` child read (if any) or the element's text.
    func resolve(_ slot: StructureReferenceSlot, text: String) {
        let ref = pendingRef
        pendingRef = nil
        switch slot {
        case .conceptIdentity:
            component?.concept = conceptReference(ref, text: text)
        case .enumeration:
            guard
                let reference = ref.map({ artefactReference($0, defaultClass: "Codelist") })
                    ?? artefactReference(text: text, defaultClass: "Codelist")
            else { return }
            // A 2.1 measure dimension is enumerated by a concept scheme, whose `Ref` often omits
            // `class`: keep its enumeration only when it is explicitly a codelist.
            let statedClass = ref.map(\.artefactClass) ?? reference.artefactClass
            if component?.isMeasureDimension == true && statedClass != "Codelist" { return }
            guard reference.artefactClass != "ConceptScheme" else { return }
            if component != nil {
                component?.codelist = reference
            } else {
                concept?.codelist = reference
            }
        case .dataflowStructure:
            dataflow?.structure =
                ref.map { artefactReference($0, defaultClass: "DataStructure") }
                ?? artefactReference(text: text, defaultClass: "DataStructure")
        case .codeParent:
            code?.parentID = localID(ref, text: text)
        case .groupDimension:
            if let id = localID(ref, text: text) { group?.dimensionIDs.append(id) }
        case .relationDimension:
            if let id = localID(ref, text: text) { relation.dimensions.append(id) }
        case .relationGroup:
            if let id = localID(ref, text: text) { relation.group = id }
        case .ignored:
            break
        }
    }

    /// A maintainable artefact from a 2.1 `Ref`.
    func artefactReference(_ ref: StructureRefAttributes, defaultClass: String) -> StructureReference {
        StructureReference(
            agencyID: ref.agencyID, id: ref.id, version: ref.version,
            artefactClass: ref.artefactClass.isEmpty ? defaultClass : ref.artefactClass)
    }

    /// A maintainable artefact from a URN, or from the short form `AGENCY:ID(VERSION)`; `nil` for empty text.
    func artefactReference(text: String, defaultClass: String) -> StructureReference? {
        guard !text.isEmpty else { return nil }
        if text.hasPrefix("urn:") { return StructureReference(urn: text) }
        return StructureReference(urn: "urn:sdmx:org.sdmx.infomodel.\(defaultClass)=\(text)")
    }

    /// A concept: 2.1 `Ref id=CONCEPT maintainableParentID=SCHEME`, or a 3.x URN
    /// `…Concept=AGENCY:SCHEME(VERSION).CONCEPT`. The reference's id is the concept's id; its
    /// version is the scheme's.
    func conceptReference(_ ref: StructureRefAttributes?, text: String) -> StructureReference? {
        if let ref {
            let version = ref.maintainableParentVersion.isEmpty ? ref.version : ref.maintainableParentVersion
            return StructureReference(agencyID: ref.agencyID, id: ref.id, version: version, artefactClass: "Concept")
        }
        guard let scheme = artefactReference(text: text, defaultClass: "Concept") else { return nil }
        let conceptID = Self.itemID(text) ?? scheme.id
        return StructureReference(
            agencyID: scheme.agencyID, id: conceptID, version: scheme.version, artefactClass: "Concept")
    }

    /// An id local to the artefact (a dimension, group or parent code): `Ref id`, or the text,
    /// which may be a plain id or an item URN.
    func localID(_ ref: StructureRefAttributes?, text: String) -> String? {
        if let ref { return ref.id.isEmpty ? nil : ref.id }
        if text.isEmpty { return nil }
        if let item = Self.itemID(text) { return item }
        if text.hasPrefix("urn:"), let dot = text.lastIndex(of: ".") {
            return String(text[text.index(after: dot)...])
        }
        return text
    }

    /// The item id after a maintainable's version in a reference: `FREQ` in `…ECB_CONCEPTS(1.0).FREQ`.
    static func itemID(_ text: String) -> String? {
        guard let close = text.lastIndex(of: ")") else { return nil }
        let rest = text[text.index(after: close)...]
        guard rest.first == ".", rest.count > 1 else { return nil }
        return String(rest.dropFirst())
    }
}
