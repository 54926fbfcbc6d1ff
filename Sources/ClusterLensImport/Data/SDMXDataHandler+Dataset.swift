import ClusterLensCore
import ClusterLensXML

/// Data sets, groups, series and observations, for every layout.
extension SDMXDataHandler {
    /// `DataSet` attributes that describe the data set rather than being one of its components.
    static let datasetMetadataNames: Set<String> = [
        "structureRef", "setID", "action", "reportingBeginDate", "reportingEndDate", "validFromDate",
        "validToDate", "publicationYear", "publicationPeriod", "dataScope", "keyFamilyURI", "datasetID",
        "dataProviderSchemeAgencyId", "dataProviderSchemeId", "dataProviderID", "dataflowAgencyID", "dataflowID",
    ]

    // MARK: Data set

    func startDataset(namespace: XMLSymbol, attributes: XMLAttributes, _ symbols: SDMXSymbols) throws {
        datasetIndex += 1
        summary.datasets += 1
        datasetStarted = false
        datasetNamespace = namespace
        datasetAttributes.removeAll()
        datasetKey.removeAll()
        groups.removeAll()
        datasetStructureRef = nil
        datasetAction = nil
        layout = layout(forDatasetIn: namespace)

        // Metadata first: the structure reference decides how components are classified.
        for index in 0..<attributes.count {
            let name = attributes.localName(at: index)
            if name == symbols.structureRef {
                datasetStructureRef = attributes.string(at: index)
            } else if name == symbols.action {
                datasetAction = attributes.string(at: index)
            }
        }
        configureStructure()
        if layout != .generic {
            for index in 0..<attributes.count where attributes.namespace(at: index).isNone {
                let slot = slot(for: attributes.localName(at: index))
                if slot.isMetadata { continue }
                let value = attributes.string(at: index)
                // DataSet components are data set attributes unless the structure says otherwise
                // (only cross-sectional data may put a dimension there, and then a DSD tells).
                let role = classifier.dataStructure != nil ? slot.role : .attribute
                switch role {
                case .dimension: datasetKey.append(ComponentValue(id: slot.id, value: value))
                case .attribute: datasetAttributes.append(AttributeValue(id: slot.id, value: value, level: .dataset))
                case .measure: break
                }
            }
        }
        stack.append(.dataset)
    }

    func layout(forDatasetIn namespace: XMLSymbol) -> Layout {
        switch summary.messageType {
        case "GenericData", "GenericTimeSeriesData": return .generic
        case "StructureSpecificData", "StructureSpecificTimeSeriesData", "CompactData": return .attributeCentric
        case "UtilityData": return .utility
        case "CrossSectionalData": return .crossSectional
        default:
            switch namespaces.classify(namespace)?.role {
            case .genericData: return .generic
            case .compactData, .structureSpecificData: return .attributeCentric
            case .utilityData: return .utility
            case .crossSectionalData: return .crossSectional
            case .none: return .attributeCentric  // a DSD-specific namespace: 2.0 compact style
            default: return .undecided  // message namespace in a MessageGroup: decided by the first child
            }
        }
    }

    /// Picks the header structure and the data structure this data set uses.
    func configureStructure() {
        var entry = headerEntries.first { $0.structureID == datasetStructureRef }
        if entry == nil, let reference = datasetStructureRef, !headerEntries.isEmpty {
            if headerEntries.count == 1 {
                entry = headerEntries[0]
                summary.warnings.append(
                    "data set \(datasetIndex + 1): structureRef \"\(reference)\" does not match the header's "
                        + "structureID \"\(headerEntries[0].structureID)\"; used the header's only structure")
            } else {
                summary.warnings.append(
                    "data set \(datasetIndex + 1): structureRef \"\(reference)\" matches none of the header's "
                        + "\(headerEntries.count) structures")
            }
        } else if entry == nil && headerEntries.count == 1 {
            entry = headerEntries[0]
        }
        dimensionAtObservation = entry?.dimensionAtObservation ?? "TIME_PERIOD"
        var dataStructure: DataStructure?
        if let structures {
            let candidates = [entry?.reference?.id, entry?.structureID, datasetStructureRef, keyFamilyRef]
            for case let id? in candidates where dataStructure == nil {
                dataStructure = structures.dataStructure(matching: id)
            }
            if dataStructure == nil && structures.dataStructures.count == 1 {
                dataStructure = structures.dataStructures[0]
                let name = dataStructure.map { $0.identity.id } ?? ""
                summary.warnings.append(
                    "data set \(datasetIndex + 1): no structure in the given structure file matches its reference; "
                        + "used its only data structure \(name)")
            } else if dataStructure == nil {
                summary.warnings.append(
                    "data set \(datasetIndex + 1): none of the given data structures matches its reference; "
                        + "dimensions and attributes were told apart by the documented rule")
            }
        }
        classifier = ComponentClassifier(dataStructure: dataStructure)
        componentSlots.reset(classifier: classifier)
        let observationDimension = dimensionAtObservation
        observationTypeDimensionSlot =
            observationDimension == "AllDimensions" || classifier.isTimeDimension(observationDimension)
            ? nil : componentSlots.index(forID: observationDimension, role: .dimension)
        announcedSlots = 0
        currentHeaderReference = entry?.reference
    }

    /// Sends the data set header to the sink, once, before its first group, series or observation.
    func beginDatasetIfNeeded() throws {
        guard !datasetStarted else { return }
        datasetStarted = true
        if datasetStructureRef == nil, let keyFamilyRef { datasetStructureRef = keyFamilyRef }
        var structure = currentHeaderReference
        if structure == nil, let keyFamilyRef, !keyFamilyRef.isEmpty {
            structure = StructureReference(id: keyFamilyRef, artefactClass: "KeyFamily")
        }
        let header = DatasetHeader(
            index: datasetIndex, structureRef: datasetStructureRef, structure: structure,
            dimensionAtObservation: dimensionAtObservation, dataStructure: classifier.dataStructure,
            action: datasetAction, attributes: datasetAttributes)
        flatSeries = Series(key: SeriesKey(datasetKey), attributes: datasetAttributes)
        rawSink = sink as? any RawObservationSink
        try sink.beginDataset(header)
    }

    func endDataset() throws {
        try beginDatasetIfNeeded()
        try sink.endDataset()
    }

    /// The slot (id, role) of a component named by an XML attribute or element, cached per data set.
    func slot(for name: XMLSymbol) -> ComponentSlot {
        let index = componentSlots.index(for: name)
        return componentSlots[index]
    }

    // MARK: Series and observations shared by all layouts

    func startSeries() {
        summary.series += 1
        inSeries = true
        currentSeries = nil
        seriesKey.removeAll(keepingCapacity: true)
        seriesKey.append(contentsOf: datasetKey)
        seriesAttributes.removeAll(keepingCapacity: true)
    }

    /// Builds the series object (once): key in structure order, data set, group and series attributes.
    @discardableResult
    func materializeSeries() throws -> Series {
        if let currentSeries { return currentSeries }
        try beginDatasetIfNeeded()
        let key = SeriesKey(classifier.ordered(seriesKey))
        let series = Series(key: key, attributes: resolveAttributes(key: key, own: seriesAttributes))
        // Groups keyed on the dimension at observation level (cross-sectional data) can only be
        // matched observation by observation.
        seriesNeedsObservationGroups = !groups.isEmpty && groups.hasGroups(beyond: key)
        currentSeries = series
        try sink.series(series)
        return series
    }

    /// Series attributes, then matching group attributes, then data set attributes; each id once.
    func resolveAttributes(key: SeriesKey, own: [AttributeValue]) -> [AttributeValue] {
        var result = own
        let matched = groups.isEmpty ? [] : groups.attributes(matching: key)
        let inherited = enclosingGroupAttributes + matched + datasetAttributes
        for attribute in inherited where !result.contains(where: { $0.id == attribute.id }) {
            result.append(attribute)
        }
        return result
    }

    func endSeries() throws {
        try materializeSeries()
        inSeries = false
        currentSeries = nil
    }
}
