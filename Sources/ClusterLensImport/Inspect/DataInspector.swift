public import ClusterLensCore

/// A dimension and how many distinct codes it takes in a message.
public struct DimensionUsage: Sendable, Hashable, Codable {
    /// The dimension id.
    public var id: String
    /// The number of distinct codes.
    public var codes: Int
}

/// What ``DataInspector`` learnt about a data message.
public struct DataInspection: Sendable {
    /// Dimensions in order of first appearance (series key first), with distinct code counts.
    public var dimensions: [DimensionUsage]
    /// Attribute ids in order of first appearance.
    public var attributes: [String]
    /// Measure ids seen (`OBS_VALUE` and 3.x named measures).
    public var measures: [String]
    /// The earliest and latest time periods (by start, then end), lexical.
    public var firstPeriod: String?
    /// The latest time period, lexical.
    public var lastPeriod: String?
    /// Observations by value kind (`numeric`, `missingMarker`, `empty`, `absent`, `text`).
    public var valueKinds: [String: Int]
    /// The data sets' `DATAFLOW` labels, in order.
    public var dataflows: [String]
    /// Every dimension's codes and how many observations carry each, in the order of ``dimensions``.
    public var codes: [DimensionCodes]
    /// The data structures the reader matched to the data sets (from the structures it was given),
    /// each once, in order.
    public var dataStructures: [DataStructure]
}

/// A sink that summarises a data message: dimensions and their distinct codes with the observations
/// of each, attributes, periods.
///
/// Memory grows with the number of distinct codes, not with observations: a series' observations are
/// counted once for its key's codes when the next series starts.
public final class DataInspector: SDMXDataSink, RawObservationSink {
    @exclusivity(unchecked) private var tally = CodeTally()
    @exclusivity(unchecked) private var attributeOrder: [String] = []
    @exclusivity(unchecked) private var attributeSeen: Set<String> = []
    @exclusivity(unchecked) private var measureOrder: [String] = ["OBS_VALUE"]
    @exclusivity(unchecked) private var first: TimePeriod?
    @exclusivity(unchecked) private var last: TimePeriod?
    /// Observations per value kind, indexed by ``kindIndex(_:)``.
    @exclusivity(unchecked) private var kindCounts = [Int](repeating: 0, count: 5)
    @exclusivity(unchecked) private var dataflows: [String] = []
    @exclusivity(unchecked) private var dataStructures: [DataStructure] = []
    @exclusivity(unchecked) private var sawObservation = false
    /// Per slot of the current data set (raw path): what it is, and whether it has been noted.
    @exclusivity(unchecked) private var slots: [(id: String, role: ComponentRole, noted: Bool, isMetadata: Bool)] = []
    /// Per slot of the current data set (raw path): observations per code of a dimension.
    @exclusivity(unchecked) private var slotCounts: [[String: Int]] = []
    /// The series whose observations are being counted, and how many it has had so far.
    @exclusivity(unchecked) private var countedSeries: Series?
    @exclusivity(unchecked) private var countedObservations = 0

    /// Creates an inspector.
    public init() {}

    public func beginDataset(_ header: DatasetHeader) throws {
        flush()
        slots.removeAll()
        slotCounts.removeAll()
        dataflows.append(header.dataflowLabel)
        if let structure = header.dataStructure, !dataStructures.contains(structure) {
            dataStructures.append(structure)
        }
        for attribute in header.attributes { noteAttribute(attribute.id) }
    }

    public func series(_ series: Series) throws {
        for value in series.key.values { tally.add(value.id, value.value, observations: 0) }
        for attribute in series.attributes { noteAttribute(attribute.id) }
    }

    public func endDataset() throws {
        flush()
    }

    public func observation(_ observation: Observation) throws {
        sawObservation = true
        count(observation.series)
        for value in observation.dimensions { tally.add(value.id, value.value, observations: 1) }
        for attribute in observation.attributes where !attributeSeen.contains(attribute.id) {
            noteAttribute(attribute.id)
        }
        for measure in observation.otherMeasures where !measureOrder.contains(measure.id) {
            measureOrder.append(measure.id)
        }
        kindCounts[Self.kindIndex(observation.value.kind)] += 1
        note(observation.period)
    }

    var wantsPeriods: Bool { true }

    func defineSlot(_ index: Int, slot: ComponentSlot) throws {
        while slots.count <= index {
            slots.append(("", .attribute, true, true))
            slotCounts.append([:])
        }
        slots[index] = (slot.id, slot.role, false, slot.isMetadata)
    }

    func rawObservation(_ buffer: ObservationBuffer, series: Series, period: TimePeriod?) throws {
        sawObservation = true
        count(series)
        var value: String?
        for index in 0..<buffer.count {
            let component = buffer[index]
            let slot = Int(component.slot)
            if slots[slot].isMetadata { continue }
            switch slots[slot].role {
            case .dimension:
                let code = buffer.string(at: index)
                slotCounts[slot][code, default: 0] += 1
                if !slots[slot].noted {
                    // Keeps the dimension's place in the order of first appearance; counts follow at the flush.
                    slots[slot].noted = true
                    tally.add(slots[slot].id, code, observations: 0)
                }
            case .attribute:
                if !slots[slot].noted {
                    slots[slot].noted = true
                    noteAttribute(slots[slot].id)
                }
            case .measure:
                if index == buffer.valueIndex {
                    value = buffer.string(at: index)
                } else if !slots[slot].noted {
                    slots[slot].noted = true
                    if !measureOrder.contains(slots[slot].id) { measureOrder.append(slots[slot].id) }
                }
            }
        }
        kindCounts[Self.kindIndex(ObservationValue(lexical: value).kind)] += 1
        note(period)
    }

    private func note(_ period: TimePeriod?) {
        guard let period else { return }
        if first.map({ period < $0 }) ?? true { first = period }
        if last.map({ period > $0 }) ?? true { last = period }
    }

    /// Counts one observation of `series` (its key's codes are credited at the next flush).
    @inline(__always)
    private func count(_ series: Series) {
        if series !== countedSeries {
            flushSeries()
            countedSeries = series
        }
        countedObservations += 1
    }

    /// Credits the observations of the series being counted to its key's codes.
    private func flushSeries() {
        if let countedSeries, countedObservations > 0 {
            for value in countedSeries.key.values {
                tally.add(value.id, value.value, observations: countedObservations)
            }
        }
        countedSeries = nil
        countedObservations = 0
    }

    /// Credits everything counted but not yet in `tally`: the current series, and the raw path's
    /// observation-level codes of the current data set.
    private func flush() {
        flushSeries()
        for slot in slotCounts.indices where !slotCounts[slot].isEmpty {
            for (code, observations) in slotCounts[slot] {
                tally.add(slots[slot].id, code, observations: observations)
            }
            slotCounts[slot].removeAll(keepingCapacity: true)
        }
    }

    private func noteAttribute(_ id: String) {
        if attributeSeen.insert(id).inserted { attributeOrder.append(id) }
    }

    /// The summary so far.
    public var inspection: DataInspection {
        flush()
        var counts: [String: Int] = [:]
        for kind in [ObservationValue.Kind.absent, .empty, .missingMarker, .numeric, .text]
        where kindCounts[Self.kindIndex(kind)] > 0 {
            counts[Self.name(of: kind)] = kindCounts[Self.kindIndex(kind)]
        }
        return DataInspection(
            dimensions: tally.usages, attributes: attributeOrder, measures: sawObservation ? measureOrder : [],
            firstPeriod: first?.lexical, lastPeriod: last?.lexical, valueKinds: counts, dataflows: dataflows,
            codes: tally.codes, dataStructures: dataStructures)
    }

    static func kindIndex(_ kind: ObservationValue.Kind) -> Int {
        switch kind {
        case .absent: return 0
        case .empty: return 1
        case .missingMarker: return 2
        case .numeric: return 3
        case .text: return 4
        }
    }

    static func name(of kind: ObservationValue.Kind) -> String {
        switch kind {
        case .absent: return "absent"
        case .empty: return "empty"
        case .missingMarker: return "missingMarker"
        case .numeric: return "numeric"
        case .text: return "text"
        }
    }
}
