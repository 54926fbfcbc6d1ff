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
}

/// A sink that summarises a data message: dimensions and distinct codes, attributes, periods.
///
/// Memory grows with the number of distinct codes, not with observations.
public final class DataInspector: SDMXDataSink, RawObservationSink {
    @exclusivity(unchecked) private var dimensionOrder: [String] = []
    @exclusivity(unchecked) private var codes: [String: Set<String>] = [:]
    @exclusivity(unchecked) private var attributeOrder: [String] = []
    @exclusivity(unchecked) private var attributeSeen: Set<String> = []
    @exclusivity(unchecked) private var measureOrder: [String] = ["OBS_VALUE"]
    @exclusivity(unchecked) private var first: TimePeriod?
    @exclusivity(unchecked) private var last: TimePeriod?
    /// Observations per value kind, indexed by ``kindIndex(_:)``.
    @exclusivity(unchecked) private var kindCounts = [Int](repeating: 0, count: 5)
    @exclusivity(unchecked) private var dataflows: [String] = []
    @exclusivity(unchecked) private var sawObservation = false
    /// Per slot of the current data set (raw path): what it is, and whether it has been noted.
    @exclusivity(unchecked) private var slots: [(id: String, role: ComponentRole, noted: Bool, isMetadata: Bool)] = []
    /// Per slot: the codes already seen (so that a repeated code costs one set look-up).
    @exclusivity(unchecked) private var slotCodes: [Set<String>] = []

    /// Creates an inspector.
    public init() {}

    public func beginDataset(_ header: DatasetHeader) throws {
        slots.removeAll()
        slotCodes.removeAll()
        dataflows.append(header.dataflowLabel)
        for attribute in header.attributes { noteAttribute(attribute.id) }
    }

    public func series(_ series: Series) throws {
        for value in series.key.values { noteCode(value) }
        for attribute in series.attributes { noteAttribute(attribute.id) }
    }

    public func observation(_ observation: Observation) throws {
        sawObservation = true
        for value in observation.dimensions { noteCode(value) }
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
            slotCodes.append([])
        }
        slots[index] = (slot.id, slot.role, false, slot.isMetadata)
    }

    func rawObservation(_ buffer: ObservationBuffer, series: Series, period: TimePeriod?) throws {
        sawObservation = true
        var value: String?
        for index in 0..<buffer.count {
            let component = buffer[index]
            let slot = Int(component.slot)
            if slots[slot].isMetadata { continue }
            switch slots[slot].role {
            case .dimension:
                let code = buffer.string(at: index)
                if slotCodes[slot].insert(code).inserted {
                    noteCode(ComponentValue(id: slots[slot].id, value: code))
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

    private func noteCode(_ value: ComponentValue) {
        if codes[value.id] == nil {
            dimensionOrder.append(value.id)
            codes[value.id] = [value.value]
        } else {
            codes[value.id]?.insert(value.value)
        }
    }

    private func noteAttribute(_ id: String) {
        if attributeSeen.insert(id).inserted { attributeOrder.append(id) }
    }

    /// The summary so far.
    public var inspection: DataInspection {
        var counts: [String: Int] = [:]
        for kind in [ObservationValue.Kind.absent, .empty, .missingMarker, .numeric, .text]
        where kindCounts[Self.kindIndex(kind)] > 0 {
            counts[Self.name(of: kind)] = kindCounts[Self.kindIndex(kind)]
        }
        return DataInspection(
            dimensions: dimensionOrder.map { DimensionUsage(id: $0, codes: codes[$0]?.count ?? 0) },
            attributes: attributeOrder,
            measures: sawObservation ? measureOrder : [],
            firstPeriod: first?.lexical, lastPeriod: last?.lexical,
            valueKinds: counts, dataflows: dataflows)
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
