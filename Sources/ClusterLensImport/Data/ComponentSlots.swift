import ClusterLensCore
import ClusterLensXML

/// How a component (named by an XML attribute, an element or an `id=`) is read in one data set.
struct ComponentSlot: Sendable {
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
/// Look-ups by interned name go through a 64-entry direct-mapped cache keyed by the name's
/// pointer (a data set has a few dozen components), then a dictionary.
final class ComponentSlots {
    private static let cacheSize = 64
    @exclusivity(unchecked) private(set) var entries: [ComponentSlot] = []
    /// The direct-mapped cache: interned name pointer and slot index (-1 when empty).
    private let cacheNames = UnsafeMutablePointer<UInt>.allocate(capacity: cacheSize)
    private let cacheSlots = UnsafeMutablePointer<Int>.allocate(capacity: cacheSize)
    /// Per slot: bit 0 time dimension, bit 1 reporting-year start, bit 2 primary measure, bit 3 dimension.
    /// Kept apart from ``entries`` so that hot paths read a byte, not a struct holding a `String`.
    @exclusivity(unchecked) private(set) var flags: [UInt8] = []
    @exclusivity(unchecked) private var bySymbol: [XMLSymbol: Int] = [:]
    @exclusivity(unchecked) private var byID: [String: Int32] = [:]
    @exclusivity(unchecked) private var classifier = ComponentClassifier(dataStructure: nil)

    init() {
        cacheNames.initialize(repeating: 0, count: Self.cacheSize)
        cacheSlots.initialize(repeating: -1, count: Self.cacheSize)
    }

    deinit {
        cacheNames.deallocate()
        cacheSlots.deallocate()
    }

    /// Forgets every slot and classifies new ones with `classifier`.
    func reset(classifier: ComponentClassifier) {
        entries.removeAll()
        flags.removeAll()
        bySymbol.removeAll()
        byID.removeAll()
        cacheNames.update(repeating: 0, count: Self.cacheSize)
        cacheSlots.update(repeating: -1, count: Self.cacheSize)
        self.classifier = classifier
    }

    /// The slot of a component named by an interned XML name, classified by the structure or the rule.
    @inline(__always)
    func index(for name: XMLSymbol) -> Int {
        let key = UInt(bitPattern: name.pointer)
        let line = Int((key >> 3) & UInt(Self.cacheSize - 1))
        if cacheNames[line] == key && cacheSlots[line] >= 0 { return cacheSlots[line] }
        let index: Int
        if let known = bySymbol[name] {
            index = known
        } else {
            index = self.index(forID: name.string, role: nil)
            bySymbol[name] = index
        }
        cacheNames[line] = key
        cacheSlots[line] = index
        return index
    }

    /// The slot of component `id`; `role` overrides the classification (generic data names roles).
    func index(forID id: String, role: ComponentRole?) -> Int {
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
