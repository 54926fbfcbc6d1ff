import ClusterLensCore
import ClusterLensXML

/// Structure-specific (2.1, 3.x) and compact (1.0, 2.0) data: components are XML attributes of
/// `Series`, `Obs` and group elements; 3.x adds `<Comp>` children for complex attribute values.
extension SDMXDataHandler {
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
}
