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

    func startObservation() {
        summary.observations += 1
        obsLine = line
        obs.reset()
        obsComplexAttributes.removeAll(keepingCapacity: true)
    }

    /// Hands the observation being read to the sink: as raw bytes to a raw sink (the CSV writer's
    /// fast path), else as an ``Observation``.
    func emitObservation() throws {
        let series: Series
        if inSeries {
            series = try materializeSeries()
            if seriesNeedsObservationGroups { addGroupAttributesToObservation(series) }
        } else {
            try beginDatasetIfNeeded()
            series = flatSeries
            if !groups.isEmpty { addGroupAttributesToObservation(series) }
        }
        if let rawSink {
            let period = try period(series: series, returning: rawSink.wantsPeriods)
            for attribute in obsComplexAttributes {
                let index = componentSlots.index(forID: attribute.id, role: .attribute)
                obs.append(slot: index, string: attribute.values.joined(separator: ";"))
            }
            while announcedSlots < componentSlots.entries.count {
                try rawSink.defineSlot(announcedSlots, slot: componentSlots[announcedSlots])
                announcedSlots += 1
            }
            try rawSink.rawObservation(obs, series: series, period: period)
        } else {
            try sink.observation(makeObservation(series: series, period: try period(series: series)))
        }
    }

    /// Builds the model's observation from the buffer.
    func makeObservation(series: Series, period: TimePeriod?) -> Observation {
        var dimensions: [ComponentValue] = []
        var measures: [ComponentValue] = []
        var attributes: [AttributeValue] = []
        var value: String?
        for index in 0..<obs.count {
            let slot = componentSlots[Int(obs[index].slot)]
            let text = obs.string(at: index)
            switch slot.role {
            case .dimension: dimensions.append(ComponentValue(id: slot.id, value: text))
            case .attribute: attributes.append(AttributeValue(id: slot.id, value: text, level: .observation))
            case .measure:
                if index == obs.valueIndex {
                    value = text
                } else {
                    measures.append(ComponentValue(id: slot.id, value: text))
                }
            }
        }
        attributes += obsComplexAttributes
        return Observation(
            series: series, dimensions: dimensions, value: ObservationValue(lexical: value),
            otherMeasures: measures, attributes: attributes, period: period)
    }

    /// Flat data, or groups keyed on observation-level dimensions: group attributes apply to the
    /// observations whose full key (series key and observation dimensions) matches.
    func addGroupAttributesToObservation(_ series: Series) {
        var key = series.key.values
        for index in 0..<obs.count where componentSlots.isDimension(Int(obs[index].slot)) {
            key.append(ComponentValue(id: componentSlots[Int(obs[index].slot)].id, value: obs.string(at: index)))
        }
        for attribute in groups.attributes(matching: SeriesKey(key))
        where !hasObservationAttribute(attribute.id) && !series.attributes.contains(where: { $0.id == attribute.id }) {
            var copy = attribute
            copy.level = .group
            obsComplexAttributes.append(copy)
        }
    }

    func hasObservationAttribute(_ id: String) -> Bool {
        if obsComplexAttributes.contains(where: { $0.id == id }) { return true }
        return obs.all.contains { componentSlots[Int($0.slot)].id == id }
    }

    /// Parses the observation's time period; a malformed one is an error naming the line.
    /// With `returning` false the period is only validated (no copy of it is made): the raw path.
    func period(series: Series, returning: Bool = true) throws -> TimePeriod? {
        var timeIndex = -1
        var startDayIndex = -1
        for index in 0..<obs.count {
            let slot = Int(obs[index].slot)
            if componentSlots.isTime(slot) {
                timeIndex = index
            } else if componentSlots.isReportingYearStart(slot) {
                startDayIndex = index
            }
        }
        var startDay = MonthDay.januaryFirst
        if let startText = startDayIndex >= 0 ? obs.string(at: startDayIndex) : reportingYearStartDay(series: series) {
            if startText != lastStartDayText {
                do {
                    lastStartDay = try MonthDay(parsing: startText)
                    lastStartDayText = startText
                } catch {
                    throw self.error(.invalidValue, "REPORTING_YEAR_START_DAY: \(error.message)", line: obsLine)
                }
            }
            startDay = lastStartDay
        }
        do {
            if timeIndex >= 0 {
                let component = obs[timeIndex]
                let bytes = obs.bytes.slice(Int(component.start), Int(component.count))
                return try periods.period(bytes, startDay: startDay, returning: returning)
            }
            for dimension in series.key.values where classifier.isTimeDimension(dimension.id) {
                var text = dimension.value
                return try text.withUTF8 { bytes throws(CoreError) in
                    try periods.period(bytes, startDay: startDay, returning: returning)
                }
            }
            return nil
        } catch let error as CoreError {
            throw self.error(.invalidValue, error.message, line: obsLine)
        }
    }

    /// The reporting-year start day from observation-level `<Comp>` values or the series' attributes.
    func reportingYearStartDay(series: Series) -> String? {
        if !obsComplexAttributes.isEmpty,
            let value = obsComplexAttributes.first(where: { Self.isReportingYearStart($0.id) })?.value
        {
            return value
        }
        if series !== lastStartDaySeries {
            lastStartDaySeries = series
            lastSeriesStartDay = series.attributes.first { Self.isReportingYearStart($0.id) }?.value
        }
        return lastSeriesStartDay
    }

    static func isReportingYearStart(_ id: String) -> Bool {
        id == "REPORTING_YEAR_START_DAY" || id == "REPYEARSTART"
    }

    /// Adds a component value to the observation being read.
    @inline(__always)
    func addObservationComponent(index: Int, raw: UnsafeBufferPointer<UInt8>) {
        if componentSlots.isPrimaryMeasure(index) && obs.valueIndex < 0 { obs.valueIndex = obs.count }
        obs.append(slot: index, raw: raw)
    }

    /// Adds a component value given as a string.
    func addObservationComponent(index: Int, string: String) {
        if componentSlots.isPrimaryMeasure(index) && obs.valueIndex < 0 { obs.valueIndex = obs.count }
        obs.append(slot: index, string: string)
    }
}
