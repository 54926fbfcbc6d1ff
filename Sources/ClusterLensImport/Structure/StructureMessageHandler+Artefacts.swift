import ClusterLensCore
import ClusterLensXML

/// Starting and completing codelists, concept schemes, data structures and dataflows.
extension StructureMessageHandler {
    /// The id 2.0 concepts outside any scheme are gathered under, one scheme per agency (the name
    /// SDMX 2.0 → 2.1 converters such as SdmxSource give it).
    static let standaloneSchemeID = "STANDALONE_CONCEPT_SCHEME"

    /// The frame for an artefact in a list, or `nil` to skip it.
    func startArtefact(
        in container: StructureContainer, element: StructureElement?, attributes: XMLAttributes
    ) -> StructureFrame? {
        switch (container, element) {
        case (.codelists, .codelist?), (.codelists, .codeList20?), (.codelists, .geographicCodelist?),
            (.codelists, .geoGridCodelist?):
            codelist = Codelist(identity: identity(attributes))
            return .codelist
        case (.conceptSchemes, .conceptScheme?), (.concepts20, .conceptScheme?):
            conceptScheme = ConceptScheme(identity: identity(attributes))
            return .conceptScheme
        case (.concepts20, .concept?):
            return beginConcept(attributes, standalone: true)
        case (.dataStructures, .dataStructure?), (.dataStructures, .keyFamily?):
            dataStructure = DataStructure(identity: identity(attributes))
            componentOrdinal = 0
            seriesAttributeIndexes = []
            return .dataStructure
        case (.dataflows, .dataflow?):
            dataflow = Dataflow(identity: identity(attributes))
            return .dataflow
        default:
            return nil
        }
    }

    /// Agency, id and version of a maintainable artefact; the version defaults to "1.0" as in SDMX 2.x.
    func identity(_ attributes: XMLAttributes) -> ArtefactIdentity {
        let names = attributeNames
        return ArtefactIdentity(
            agencyID: value(attributes, names.agencyID) ?? value(attributes, names.agency) ?? "",
            id: value(attributes, names.id) ?? "",
            version: value(attributes, names.version) ?? "1.0")
    }

    // MARK: - Codelists

    func beginCode(_ attributes: XMLAttributes) -> StructureFrame {
        let names = attributeNames
        // 2.0 codes are identified by `value` and name their parent in `parentCode`.
        let id = value(attributes, names.id) ?? value(attributes, names.value) ?? ""
        let parent = value(attributes, names.parentCode).flatMap { $0.isEmpty ? nil : $0 }
        code = Code(id: id, parentID: parent)
        return .code
    }

    func endCode() {
        guard let code else { return }
        codelist?.codes.append(code)
        self.code = nil
    }

    func endCodelist() {
        guard let codelist else { return }
        collection.codelists.append(codelist)
        self.codelist = nil
    }

    // MARK: - Concepts

    func beginConcept(_ attributes: XMLAttributes, standalone: Bool) -> StructureFrame {
        let names = attributeNames
        var concept = Concept(id: value(attributes, names.id) ?? "")
        if isVersion20 {
            let agency = value(attributes, names.agencyID) ?? value(attributes, names.agency) ?? ""
            if standalone { standaloneAgency = agency }
            if let codelistID = value(attributes, names.coreRepresentation) {
                concept.codelist = StructureReference(
                    agencyID: value(attributes, names.coreRepresentationAgency) ?? "", id: codelistID,
                    artefactClass: "Codelist")
            }
        }
        self.concept = concept
        return .concept
    }

    func endConcept() {
        guard let concept else { return }
        self.concept = nil
        if case .some(.conceptScheme) = stack.last {
            conceptScheme?.concepts.append(concept)
            return
        }
        if let index = standaloneConcepts.firstIndex(where: { $0.agency == standaloneAgency }) {
            standaloneConcepts[index].concepts.append(concept)
        } else {
            standaloneConcepts.append((standaloneAgency, [concept]))
        }
    }

    func endConceptScheme() {
        guard let conceptScheme else { return }
        collection.conceptSchemes.append(conceptScheme)
        self.conceptScheme = nil
    }

    /// Gathers the 2.0 concepts of a `Concepts` list that belong to no scheme into one scheme per agency.
    func flushStandaloneConcepts() {
        for (agency, concepts) in standaloneConcepts {
            let identity = ArtefactIdentity(agencyID: agency, id: Self.standaloneSchemeID, version: "1.0")
            collection.conceptSchemes.append(ConceptScheme(identity: identity, concepts: concepts))
        }
        standaloneConcepts = []
    }

    // MARK: - Data structures

    /// The frame for a child of a component list, or `nil` to skip it.
    func startComponent(_ element: StructureElement?, attributes: XMLAttributes) -> StructureFrame? {
        let kind: StructureComponentBuilder.Kind
        switch element {
        case .dimensionList, .attributeList, .measureList:
            return .componentList
        case .group:
            group = GroupDescriptor(id: value(attributes, attributeNames.id) ?? "", dimensionIDs: [])
            return .group
        case .dimension, .measureDimension: kind = .dimension
        case .timeDimension: kind = .timeDimension
        case .attribute: kind = .attribute
        case .primaryMeasure, .measure: kind = .measure
        default: return nil
        }
        let names = attributeNames
        var position = 0
        if kind == .dimension || kind == .timeDimension {
            componentOrdinal += 1
            position = componentOrdinal
        }
        var builder = StructureComponentBuilder(kind: kind, id: value(attributes, names.id), position: position)
        builder.isMeasureDimension = element == .measureDimension
        if let stated = value(attributes, names.position).flatMap({ Int($0) }) {
            builder.position = stated
        }
        if let usage = value(attributes, names.usage) {
            builder.isMandatory = usage.lowercased() == "mandatory"
        } else if let status = value(attributes, names.assignmentStatus) {
            builder.isMandatory = status.lowercased() == "mandatory"
        } else if let minOccurs = value(attributes, names.minOccurs).flatMap({ Int($0) }) {
            builder.isMandatory = minOccurs >= 1
        }
        if isVersion20 {
            readComponent20(attributes, into: &builder)
        }
        component = builder
        return .component
    }

    /// SDMX 2.0 components name their concept and codelist in attributes.
    func readComponent20(_ attributes: XMLAttributes, into builder: inout StructureComponentBuilder) {
        let names = attributeNames
        if let conceptID = value(attributes, names.conceptRef) {
            builder.id = builder.id ?? conceptID
            builder.concept = StructureReference(
                agencyID: value(attributes, names.conceptAgency) ?? value(attributes, names.conceptSchemeAgency) ?? "",
                id: conceptID,
                version: value(attributes, names.conceptVersion) ?? value(attributes, names.conceptSchemeVersion) ?? "",
                artefactClass: "Concept")
        }
        if let codelistID = value(attributes, names.codelist) {
            builder.codelist = StructureReference(
                agencyID: value(attributes, names.codelistAgency) ?? "", id: codelistID,
                version: value(attributes, names.codelistVersion) ?? "", artefactClass: "Codelist")
        }
        builder.attachmentLevel = value(attributes, names.attachmentLevel)
    }

    func endComponent() {
        guard let builder = component else { return }
        component = nil
        // 2.1 lets a component omit its id: it is then its concept's id.
        let id = builder.id ?? builder.concept?.id ?? ""
        switch builder.kind {
        case .dimension:
            let dimension = DimensionDescriptor(
                id: id, position: builder.position, concept: builder.concept, codelist: builder.codelist)
            dataStructure?.dimensions.append(dimension)
        case .timeDimension:
            dataStructure?.timeDimension = DimensionDescriptor(
                id: id, position: builder.position, concept: builder.concept, codelist: builder.codelist, isTime: true)
        case .measure:
            dataStructure?.measures.append(MeasureDescriptor(id: id, concept: builder.concept))
        case .attribute:
            var attachment = builder.attachment
            if let level = builder.attachmentLevel {
                switch level.lowercased() {
                case "dataset": attachment = .dataset
                case "group": attachment = .group(builder.attachmentGroups.first ?? "")
                case "series":
                    // Completed with the dimension ids when the key family ends.
                    attachment = .dimensions([])
                    seriesAttributeIndexes.append(dataStructure?.attributes.count ?? 0)
                case "observation": attachment = .observation
                default: break
                }
            }
            let attribute = AttributeDescriptor(
                id: id, attachment: attachment, isMandatory: builder.isMandatory, concept: builder.concept,
                codelist: builder.codelist)
            dataStructure?.attributes.append(attribute)
        }
    }

    func endGroup() {
        guard let group else { return }
        dataStructure?.groups.append(group)
        self.group = nil
    }

    func endDataStructure() {
        guard var structure = dataStructure else { return }
        dataStructure = nil
        // Stable sort: dimensions with equal positions keep their document order.
        structure.dimensions = structure.dimensions.enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map(\.element)
        let seriesKey = structure.dimensions.map(\.id)
        for index in seriesAttributeIndexes where structure.attributes.indices.contains(index) {
            structure.attributes[index].attachment = .dimensions(seriesKey)
        }
        seriesAttributeIndexes = []
        collection.dataStructures.append(structure)
    }

    // MARK: - Dataflows

    func endDataflow() {
        guard let dataflow else { return }
        collection.dataflows.append(dataflow)
        self.dataflow = nil
    }

    /// Completes a 2.0 `KeyFamilyRef`: by its URN, else by its id, agency and version.
    func endKeyFamilyReference() {
        if let reference = artefactReference(text: keyFamilyURN, defaultClass: "DataStructure") {
            dataflow?.structure = reference
        } else if !keyFamilyReference.id.isEmpty {
            dataflow?.structure = StructureReference(
                agencyID: keyFamilyReference.agencyID, id: keyFamilyReference.id,
                version: keyFamilyReference.version, artefactClass: "DataStructure")
        }
    }

    // MARK: - Texts

    func endText(_ field: StructureTextField) {
        let text = endCollecting()
        switch field {
        case .name, .description:
            addLabel(LocalizedText(language: textLanguage, text: text), isName: field == .name)
        case .attachmentGroup: component?.attachmentGroups.append(text)
        case .dimensionRef: group?.dimensionIDs.append(text)
        case .keyFamilyID: keyFamilyReference.id = text
        case .keyFamilyAgencyID: keyFamilyReference.agencyID = text
        case .keyFamilyVersion: keyFamilyReference.version = text
        case .keyFamilyURN: keyFamilyURN = text
        case .errorText: if !text.isEmpty { errorTexts.append(text) }
        }
    }

    /// Adds a name or description to the artefact or item whose frame is on top of the stack.
    func addLabel(_ label: LocalizedText, isName: Bool) {
        guard let owner = stack.last else { return }
        switch owner {
        case .codelist:
            if isName { codelist?.identity.names.append(label) } else { codelist?.identity.descriptions.append(label) }
        case .code:
            // SDMX 2.0 codes have no Name: their Description elements are their labels.
            if isName || isVersion20 { code?.names.append(label) } else { code?.descriptions.append(label) }
        case .conceptScheme:
            if isName {
                conceptScheme?.identity.names.append(label)
            } else {
                conceptScheme?.identity.descriptions.append(label)
            }
        case .concept:
            if isName { concept?.names.append(label) } else { concept?.descriptions.append(label) }
        case .dataStructure:
            if isName {
                dataStructure?.identity.names.append(label)
            } else {
                dataStructure?.identity.descriptions.append(label)
            }
        case .dataflow:
            if isName { dataflow?.identity.names.append(label) } else { dataflow?.identity.descriptions.append(label) }
        default:
            break
        }
    }
}
