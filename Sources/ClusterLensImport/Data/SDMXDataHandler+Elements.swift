import ClusterLensCore
import ClusterLensXML

/// Element dispatch inside a data set, per layout.
extension SDMXDataHandler {
    func startDataElement(
        _ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, in context: Context,
        _ symbols: SDMXSymbols
    ) throws {
        if localName == symbols.annotations {
            skip()
            return
        }
        if layout == .undecided {
            layout = namespaces.classify(namespace)?.role == .genericData ? .generic : .attributeCentric
        }
        switch layout {
        case .generic:
            try startGeneric(localName, attributes: attributes, in: context, symbols)
        case .attributeCentric, .undecided:
            try startAttributeCentric(localName, namespace: namespace, attributes: attributes, in: context, symbols)
        case .utility:
            try startUtility(localName, namespace: namespace, attributes: attributes, in: context, symbols)
        case .crossSectional:
            try startCrossSectional(localName, attributes: attributes, in: context, symbols)
        }
    }

    func endDataElement(_ context: Context) throws {
        switch context {
        case .dataset:
            try endDataset()
        case .series:
            try endSeries()
        case .obs, .crossObs:
            try emitObservation()
        case .group, .genericGroup, .crossGroup:
            finishGroup(context)
        case .crossSection:
            currentSeries = nil
        case .comp:
            finishComp()
        case .compValue:
            let text = endCapture()
            if compTexts.count == compTextsAtValueStart { compValues.append(text) }
        case .compText:
            compTexts.append(LocalizedText(language: textLanguage, text: endCapture()))
        case .genericText:
            finishGenericText()
        case .utilityComponent:
            finishUtilityComponent()
        case .genericKey, .genericAttributes, .genericSeries, .genericObs, .utilityKey:
            if context == .genericSeries { try endSeries() }
            if context == .genericObs { try emitObservation() }
        default:
            break
        }
    }

    // MARK: Groups

    func startGroup(attributes: XMLAttributes, _ symbols: SDMXSymbols, context: Context) throws {
        try beginDatasetIfNeeded()
        summary.groups += 1
        groupKey.removeAll()
        groupAttributes.removeAll()
        for index in 0..<attributes.count where attributes.namespace(at: index).isNone {
            let name = attributes.localName(at: index)
            if name == symbols.typeAttribute && layout == .generic { continue }
            let slot = slot(for: name)
            let value = attributes.string(at: index)
            switch slot.role {
            case .dimension: groupKey.append(ComponentValue(id: slot.id, value: value))
            case .attribute: groupAttributes.append(AttributeValue(id: slot.id, value: value, level: .group))
            case .measure: break
            }
        }
        stack.append(context)
    }

    func finishGroup(_ context: Context) {
        if context == .crossGroup {
            sectionKey.removeAll()
            groupKey.removeAll()
            groupAttributes.removeAll()
            currentSeries = nil
            inSeries = false
            return
        }
        enclosingGroupAttributes.removeAll()
        // A group without key values (2.0 utility) applies only to the series nested in it.
        if !groupKey.isEmpty { groups.add(partialKey: groupKey, attributes: groupAttributes) }
    }

    /// A series nested in a group element (SDMX 2.0): it takes the group's attributes whatever its key.
    func enterNestedSeries() {
        enclosingGroupAttributes = groupAttributes
    }

    // MARK: Generic data (1.0, 2.0, 2.1)

    func startGeneric(_ localName: XMLSymbol, attributes: XMLAttributes, in context: Context, _ symbols: SDMXSymbols)
        throws
    {
        switch context {
        case .dataset:
            if localName == symbols.series {
                try beginDatasetIfNeeded()
                startSeries()
                stack.append(.genericSeries)
            } else if localName == symbols.obs {
                try beginDatasetIfNeeded()
                startObservation()
                stack.append(.genericObs)
            } else if localName == symbols.group {
                try startGroup(attributes: attributes, symbols, context: .genericGroup)
            } else if localName == symbols.attributes {
                stack.append(.genericAttributes(.dataset))
            } else if localName == symbols.keyFamilyRef {
                beginCapture()
                stack.append(.genericText)
            } else {
                skip()
            }
        case .genericSeries:
            if localName == symbols.seriesKey {
                stack.append(.genericKey(.series))
            } else if localName == symbols.attributes {
                stack.append(.genericAttributes(.series))
            } else if localName == symbols.obs {
                try materializeSeries()
                startObservation()
                stack.append(.genericObs)
            } else {
                skip()
            }
        case .genericGroup:
            if localName == symbols.series {
                enterNestedSeries()
                startSeries()
                stack.append(.genericSeries)
            } else if localName == symbols.groupKey {
                stack.append(.genericKey(.group))
            } else if localName == symbols.attributes {
                stack.append(.genericAttributes(.group))
            } else {
                skip()
            }
        case .genericObs:
            if localName == symbols.obsDimension {
                let id = attribute(symbols.idAttribute, in: attributes) ?? obsLevelDimensionID
                addGenericObservationValue(id: id, role: .dimension, attributes: attributes, symbols)
                skip(count: false)
            } else if localName == symbols.time {
                beginCapture()
                stack.append(.genericText)
            } else if localName == symbols.obsValue {
                addGenericObservationValue(id: "OBS_VALUE", role: .measure, attributes: attributes, symbols)
                skip(count: false)
            } else if localName == symbols.obsKey {
                stack.append(.genericKey(.observation))
            } else if localName == symbols.attributes {
                stack.append(.genericAttributes(.observation))
            } else {
                skip()
            }
        case .genericKey(let level):
            guard localName == symbols.value else { return skip() }
            let id =
                attribute(symbols.idAttribute, in: attributes) ?? attribute(symbols.conceptAttribute, in: attributes)
                ?? ""
            if level == .observation {
                addGenericObservationValue(id: id, role: .dimension, attributes: attributes, symbols)
                return skip(count: false)
            }
            let component = ComponentValue(id: id, value: attribute(symbols.valueAttribute, in: attributes) ?? "")
            if level == .series { seriesKey.append(component) } else { groupKey.append(component) }
            skip(count: false)
        case .genericAttributes(let level):
            guard localName == symbols.value else { return skip() }
            let id =
                attribute(symbols.idAttribute, in: attributes) ?? attribute(symbols.conceptAttribute, in: attributes)
                ?? ""
            if level == .observation {
                addGenericObservationValue(id: id, role: .attribute, attributes: attributes, symbols)
                return skip(count: false)
            }
            let value = AttributeValue(
                id: id, value: attribute(symbols.valueAttribute, in: attributes) ?? "", level: level)
            switch level {
            case .dataset: datasetAttributes.append(value)
            case .group: groupAttributes.append(value)
            case .series, .observation: seriesAttributes.append(value)
            }
            skip(count: false)
        default:
            skip()
        }
    }

    /// The id of the dimension at observation level when an `ObsDimension` does not name it.
    var obsLevelDimensionID: String {
        dimensionAtObservation == "AllDimensions" ? classifier.timeDimensionID : dimensionAtObservation
    }

    func finishGenericText() {
        let text = endCapture()
        guard let context = stack.last else { return }
        if context == .genericObs {
            // SDMX 2.0 generic: <Time> text is the time dimension.
            addObservationComponent(
                index: componentSlots.index(forID: classifier.timeDimensionID, role: .dimension), string: text)
        } else if context == .dataset {
            keyFamilyRef = text
            datasetStructureRef = text
            configureStructure()
        }
    }

    // MARK: Structure-specific (2.1, 3.x) and compact (1.0, 2.0) data

    func startAttributeCentric(
        _ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, in context: Context,
        _ symbols: SDMXSymbols
    ) throws {
        switch context {
        case .dataset:
            if localName == symbols.series {
                try startAttributeSeries(attributes, nested: false)
            } else if localName == symbols.obs {
                try beginDatasetIfNeeded()
                startObservation()
                readObservationAttributes(attributes)
                stack.append(.obs)
            } else if localName == symbols.group
                || (summary.version <= .v2_0 && namespace == datasetNamespace && !namespace.isNone)
            {
                // 2.1+: <Group xsi:type="…">; 1.0/2.0 compact: an element named after the group.
                try startGroup(attributes: attributes, symbols, context: .group)
            } else {
                skip()
            }
        case .series:
            if localName == symbols.obs {
                try materializeSeries()
                startObservation()
                readObservationAttributes(attributes)
                stack.append(.obs)
            } else if localName == symbols.comp {
                startComp(attributes: attributes, level: .series, symbols)
            } else {
                skip()
            }
        case .obs:
            if localName == symbols.comp {
                startComp(attributes: attributes, level: .observation, symbols)
            } else {
                skip()
            }
        case .group:
            if localName == symbols.comp {
                startComp(attributes: attributes, level: .group, symbols)
            } else if localName == symbols.series {
                try startAttributeSeries(attributes, nested: true)
            } else {
                skip()
            }
        case .comp:
            if localName == symbols.value {
                compTextsAtValueStart = compTexts.count
                beginCapture()
                stack.append(.compValue)
            } else {
                skip()
            }
        case .compValue:
            if localName == symbols.text {
                capture.cancel()
                textLanguage = language(of: attributes, symbols)
                beginCapture()
                stack.append(.compText)
            } else {
                skip()
            }
        default:
            skip()
        }
    }

    /// A `Series` whose key and attributes are XML attributes (structure-specific, compact, utility).
    func startAttributeSeries(_ attributes: XMLAttributes, nested: Bool) throws {
        try beginDatasetIfNeeded()
        if nested { enterNestedSeries() }
        startSeries()
        readSeriesAttributes(attributes)
        stack.append(.series)
    }

    func readSeriesAttributes(_ attributes: XMLAttributes) {
        for index in 0..<attributes.count where attributes.namespace(at: index).isNone {
            let slot = slot(for: attributes.localName(at: index))
            let value = attributes.string(at: index)
            switch slot.role {
            case .dimension: seriesKey.append(ComponentValue(id: slot.id, value: value))
            case .attribute: seriesAttributes.append(AttributeValue(id: slot.id, value: value, level: .series))
            case .measure: break
            }
        }
    }

    @inline(__always)
    func readObservationAttributes(_ attributes: XMLAttributes) {
        var typeIndex = -1
        for index in 0..<attributes.count {
            guard attributes.namespace(at: index).isNone else {
                if let symbols, attributes.localName(at: index) == symbols.typeAttribute { typeIndex = index }
                continue
            }
            let slot = componentSlots.index(for: attributes.localName(at: index))
            addObservationComponent(index: slot, raw: attributes.rawValue(at: index))
        }
        if typeIndex >= 0, let slot = observationTypeDimensionSlot, !obs.all.contains(where: { Int($0.slot) == slot }) {
            // Structure-specific data whose dimension at observation level is a measure dimension
            // writes its code as the Obs element's type: <Obs xsi:type="ns:LBIRTHST" …>.
            let qualified = attributes.string(at: typeIndex)
            let code = qualified.split(separator: ":").last.map(String.init) ?? qualified
            addObservationComponent(index: slot, string: code)
        }
    }

    /// A generic `ObsDimension`, `ObsValue` or observation-level `Value`: the value is in `value=`.
    func addGenericObservationValue(id: String, role: ComponentRole, attributes: XMLAttributes, _ symbols: SDMXSymbols)
    {
        guard let valueIndex = attributes.index(ofUnqualified: symbols.valueAttribute) else { return }
        addObservationComponent(
            index: componentSlots.index(forID: id, role: role), raw: attributes.rawValue(at: valueIndex))
    }

    func startComp(attributes: XMLAttributes, level: AttachmentLevel, _ symbols: SDMXSymbols) {
        compID = attribute(symbols.idAttribute, in: attributes) ?? ""
        compLevel = level
        compValues.removeAll()
        compTexts.removeAll()
        stack.append(.comp)
    }

    /// A 3.x `<Comp>`: several values or multilingual texts for one attribute (or measure).
    func finishComp() {
        let role = classifier.role(of: compID)
        if role == .measure {
            addObservationComponent(
                index: componentSlots.index(forID: compID, role: .measure), string: compValues.first ?? "")
            return
        }
        let value = AttributeValue(id: compID, values: compValues, texts: compTexts, level: compLevel)
        switch compLevel {
        case .series: seriesAttributes.append(value)
        case .group: groupAttributes.append(value)
        case .observation: obsComplexAttributes.append(value)
        case .dataset: datasetAttributes.append(value)
        }
    }

    // MARK: Utility data (2.0)

    func startUtility(
        _ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, in context: Context,
        _ symbols: SDMXSymbols
    ) throws {
        switch context {
        case .dataset:
            if localName == symbols.series {
                try startAttributeSeries(attributes, nested: false)
            } else if !namespace.isNone && namespace == datasetNamespace || localName == symbols.group {
                try startGroup(attributes: attributes, symbols, context: .group)
            } else {
                skip()
            }
        case .series:
            if localName == symbols.key {
                stack.append(.utilityKey)
            } else if localName == symbols.obs {
                try materializeSeries()
                startObservation()
                readObservationAttributes(attributes)
                stack.append(.obs)
            } else {
                startUtilityComponent(localName, target: .series)
            }
        case .utilityKey:
            startUtilityComponent(localName, target: .dataset)  // .dataset marks "series key" here
        case .obs:
            startUtilityComponent(localName, target: .observation)
        case .group:
            if localName == symbols.series {
                try startAttributeSeries(attributes, nested: true)
            } else {
                startUtilityComponent(localName, target: .group)
            }
        default:
            skip()
        }
    }

    func startUtilityComponent(_ localName: XMLSymbol, target: AttachmentLevel) {
        componentName = slot(for: localName).id
        componentTarget = target
        beginCapture()
        stack.append(.utilityComponent)
    }

    func finishUtilityComponent() {
        let value = endCapture()
        let index = componentSlots.index(forID: componentName, role: nil)
        let slot = componentSlots[index]
        switch componentTarget {
        case .dataset:
            seriesKey.append(ComponentValue(id: slot.id, value: value))
        case .observation:
            addObservationComponent(index: index, string: value)
        case .series:
            if slot.role == .dimension {
                seriesKey.append(ComponentValue(id: slot.id, value: value))
            } else {
                seriesAttributes.append(AttributeValue(id: slot.id, value: value, level: .series))
            }
        case .group:
            if slot.role == .dimension {
                groupKey.append(ComponentValue(id: slot.id, value: value))
            } else {
                groupAttributes.append(AttributeValue(id: slot.id, value: value, level: .group))
            }
        }
    }

    // MARK: Cross-sectional data (1.0, 2.0)

    func startCrossSectional(
        _ localName: XMLSymbol, attributes: XMLAttributes, in context: Context, _ symbols: SDMXSymbols
    )
        throws
    {
        switch context {
        case .dataset:
            try startGroup(attributes: attributes, symbols, context: .crossGroup)
        case .crossGroup:
            if localName == symbols.section {
                startSection(attributes: attributes)
            } else {
                try startCrossObservation(localName, attributes: attributes, symbols)
            }
        case .crossSection:
            try startCrossObservation(localName, attributes: attributes, symbols)
        default:
            skip()
        }
    }

    func startSection(attributes: XMLAttributes) {
        sectionKey.removeAll()
        sectionAttributes.removeAll()
        for index in 0..<attributes.count where attributes.namespace(at: index).isNone {
            let slot = slot(for: attributes.localName(at: index))
            let value = attributes.string(at: index)
            switch slot.role {
            case .dimension: sectionKey.append(ComponentValue(id: slot.id, value: value))
            case .attribute: sectionAttributes.append(AttributeValue(id: slot.id, value: value, level: .series))
            case .measure: break
            }
        }
        currentSeries = nil
        stack.append(.crossSection)
    }

    /// One observation element of a section, named after its measure, with its value in `value=`.
    func startCrossObservation(_ localName: XMLSymbol, attributes: XMLAttributes, _ symbols: SDMXSymbols) throws {
        if currentSeries == nil {
            try beginDatasetIfNeeded()
            let key = SeriesKey(classifier.ordered(datasetKey + groupKey + sectionKey))
            let series = Series(
                key: key, attributes: resolveAttributes(key: key, own: sectionAttributes + groupAttributes))
            currentSeries = series
            try sink.series(series)
        }
        inSeries = true
        startObservation()
        let measure = slot(for: localName).id
        if measure != "OBS_VALUE" {
            addObservationComponent(index: componentSlots.index(forID: "MEASURE", role: .dimension), string: measure)
        }
        for index in 0..<attributes.count where attributes.namespace(at: index).isNone {
            let name = attributes.localName(at: index)
            let slot =
                name == symbols.valueAttribute
                ? componentSlots.index(forID: "OBS_VALUE", role: .measure) : componentSlots.index(for: name)
            addObservationComponent(index: slot, raw: attributes.rawValue(at: index))
        }
        stack.append(.crossObs)
    }
}
