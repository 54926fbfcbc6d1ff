import ClusterLensCore
import ClusterLensXML

/// Generic data (SDMX-ML 1.0, 2.0 and 2.1): every component is named by an `id`/`concept` and
/// its role is given by the element it sits in (`SeriesKey`, `Attributes`, `ObsDimension`, …).
extension SDMXDataHandler {
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
}
