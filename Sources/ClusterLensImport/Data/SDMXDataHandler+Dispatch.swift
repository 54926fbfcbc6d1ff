import ClusterLensCore
import ClusterLensXML

/// Element dispatch inside a data set, per layout, and the groups all layouts share.
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
}
