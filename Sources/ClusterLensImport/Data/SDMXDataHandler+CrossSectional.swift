import ClusterLensCore
import ClusterLensXML

/// Cross-sectional data (1.0, 2.0): `DataSet` → `Group` → `Section` → one element per
/// observation, named after its measure, with the value in `value=`.
extension SDMXDataHandler {
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
        let measure = localName.string  // the measure's name, not a component of its own
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
