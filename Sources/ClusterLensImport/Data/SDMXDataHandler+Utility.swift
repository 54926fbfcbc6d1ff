import ClusterLensCore
import ClusterLensXML

/// Utility data (2.0): keys and observation values as child elements, attributes as XML attributes.
extension SDMXDataHandler {
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
}
