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
    private var dimensionOrder: [String] = []
    private var codes: [String: Set<String>] = [:]
    private var attributeOrder: [String] = []
    private var attributeSeen: Set<String> = []
    private var measureOrder: [String] = ["OBS_VALUE"]
    private var first: TimePeriod?
    private var last: TimePeriod?
    private var kinds: [ObservationValue.Kind: Int] = [:]
    private var dataflows: [String] = []
    private var sawObservation = false
    /// Per slot of the current data set (raw path): what it is, and whether it has been noted.
    private var slots: [(id: String, role: ComponentRole, noted: Bool, isMetadata: Bool)] = []

    /// Creates an inspector.
    public init() {}

    public func beginDataset(_ header: DatasetHeader) throws {
        slots.removeAll()
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
        kinds[observation.value.kind, default: 0] += 1
        note(observation.period)
    }

    var wantsPeriods: Bool { true }

    func defineSlot(_ index: Int, slot: ComponentSlot) throws {
        while slots.count <= index { slots.append(("", .attribute, true, true)) }
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
                if codes[slots[slot].id]?.contains(code) != true {
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
        kinds[ObservationValue(lexical: value).kind, default: 0] += 1
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
        var kindCounts: [String: Int] = [:]
        for (kind, count) in kinds { kindCounts[Self.name(of: kind)] = count }
        return DataInspection(
            dimensions: dimensionOrder.map { DimensionUsage(id: $0, codes: codes[$0]?.count ?? 0) },
            attributes: attributeOrder,
            measures: sawObservation ? measureOrder : [],
            firstPeriod: first?.lexical, lastPeriod: last?.lexical,
            valueKinds: kindCounts, dataflows: dataflows)
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
