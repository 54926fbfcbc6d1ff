import ClusterLensCore
import ClusterLensXML

/// How a component (named by an XML attribute, an element or an `id=`) is read in one data set.
struct ComponentSlot {
    /// The component id.
    let id: String
    /// Dimension, attribute or measure.
    let role: ComponentRole
    /// `DataSet` metadata (`structureRef`, `action`, …) rather than a component.
    let isMetadata: Bool
    /// The time dimension.
    let isTime: Bool
    /// `REPORTING_YEAR_START_DAY` (or `REPYEARSTART`).
    let isReportingYearStart: Bool
    /// The primary measure (`OBS_VALUE`, or the structure's first measure).
    let isPrimaryMeasure: Bool
}

/// The components of one data set, numbered in order of first appearance.
///
/// Look-ups by interned name are a short linear scan over pointers (a data set has a few dozen
/// components at most), falling back to a dictionary past 64 names.
struct ComponentSlots {
    private(set) var entries: [ComponentSlot] = []
    /// Per slot: bit 0 time dimension, bit 1 reporting-year start, bit 2 primary measure, bit 3 dimension.
    /// Kept apart from ``entries`` so that hot paths read a byte, not a struct holding a `String`.
    private(set) var flags: [UInt8] = []
    private var bySymbol: [(symbol: XMLSymbol, index: Int32)] = []
    private var bySymbolOverflow: [XMLSymbol: Int32] = [:]
    private var byID: [String: Int32] = [:]
    private var classifier = ComponentClassifier(dataStructure: nil)

    /// Forgets every slot and classifies new ones with `classifier`.
    mutating func reset(classifier: ComponentClassifier) {
        entries.removeAll()
        flags.removeAll()
        bySymbol.removeAll()
        bySymbolOverflow.removeAll()
        byID.removeAll()
        self.classifier = classifier
    }

    /// The slot of a component named by an interned XML name, classified by the structure or the rule.
    @inline(__always)
    mutating func index(for name: XMLSymbol) -> Int {
        for entry in bySymbol where entry.symbol == name { return Int(entry.index) }
        if let index = bySymbolOverflow[name] { return Int(index) }
        let index = index(forID: name.string, role: nil)
        if bySymbol.count < 64 {
            bySymbol.append((name, Int32(index)))
        } else {
            bySymbolOverflow[name] = Int32(index)
        }
        return index
    }

    /// The slot of component `id`; `role` overrides the classification (generic data names roles).
    mutating func index(forID id: String, role: ComponentRole?) -> Int {
        if let index = byID[id] { return Int(index) }
        let resolvedRole = role ?? classifier.role(of: id)
        let primaryMeasure =
            resolvedRole == .measure
            && (id == "OBS_VALUE" || classifier.dataStructure?.measures.first?.id == id)
        let slot = ComponentSlot(
            id: id, role: resolvedRole, isMetadata: SDMXDataHandler.datasetMetadataNames.contains(id),
            isTime: resolvedRole == .dimension && classifier.isTimeDimension(id),
            isReportingYearStart: id == "REPORTING_YEAR_START_DAY" || id == "REPYEARSTART",
            isPrimaryMeasure: primaryMeasure)
        entries.append(slot)
        flags.append(
            (slot.isTime ? 1 : 0) | (slot.isReportingYearStart ? 2 : 0) | (slot.isPrimaryMeasure ? 4 : 0)
                | (slot.role == .dimension ? 8 : 0))
        byID[id] = Int32(entries.count - 1)
        return entries.count - 1
    }

    subscript(index: Int) -> ComponentSlot { entries[index] }

    /// Whether slot `index` is the time dimension.
    @inline(__always) func isTime(_ index: Int) -> Bool { flags[index] & 1 != 0 }
    /// Whether slot `index` is `REPORTING_YEAR_START_DAY`.
    @inline(__always) func isReportingYearStart(_ index: Int) -> Bool { flags[index] & 2 != 0 }
    /// Whether slot `index` is the primary measure.
    @inline(__always) func isPrimaryMeasure(_ index: Int) -> Bool { flags[index] & 4 != 0 }
    /// Whether slot `index` is a dimension.
    @inline(__always) func isDimension(_ index: Int) -> Bool { flags[index] & 8 != 0 }
}
