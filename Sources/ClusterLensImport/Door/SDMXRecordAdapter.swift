internal import ClusterLensCore

/// Turns the SDMX-ML data reader's observations into ``ObservationRecord``s: the dataflow from the
/// header's structure reference, the key without the time dimension, and the status attributes.
///
/// It takes the reader's raw path (``RawObservationSink``): each component's role is worked out once
/// per data set, a series' key and status attributes once per series, so an observation costs its
/// value's and its own attributes' text only, and consecutive records of a series share one key array
/// (the store compares keys by identity first).
///
/// Its state is unchecked for exclusive access, as the data handler's: it is used by the one thread
/// that parses, and the checks cost more than the work on every observation.
final class SDMXRecordAdapter<Sink: ObservationRecordSink>: SDMXDataSink, RawObservationSink {
    let sink: Sink
    let roles: DimensionRoles
    let explicitDataflow: String?
    let path: String
    private(set) var dataflows: Set<String> = []
    @exclusivity(unchecked) private(set) var records = 0
    @exclusivity(unchecked) private(set) var skipped = 0
    @exclusivity(unchecked) private var dataflow = ""
    @exclusivity(unchecked) private var timeIDs: Set<String> = []
    /// The series of the last observation (held, so its identity cannot pass to a new series), its key
    /// without time and its status attributes (original id, upper-cased pair): a series' observations
    /// come one after another, so these are worked out once per series.
    @exclusivity(unchecked) private var lastSeries: Series?
    @exclusivity(unchecked) private var lastSeriesKey: [ComponentValue] = []
    @exclusivity(unchecked) private var lastSeriesStatus: [StatusEntry] = []
    @exclusivity(unchecked) private var lastSeriesStatusOnly: [ComponentValue] = []
    /// What each component slot of the current data set is to a record (raw path).
    @exclusivity(unchecked) private var slotUses: [RecordSlotUse] = []

    /// Whether each dimension id seen is the time dimension.
    @exclusivity(unchecked) private var timeIDsSeen: [String: Bool] = [:]
    /// Each attribute id seen, upper-cased when it is a status attribute, `nil` when it is not.
    @exclusivity(unchecked) private var statusIDs: [String: String?] = [:]

    init(sink: Sink, roles: DimensionRoles, explicitDataflow: String?, path: String) {
        self.sink = sink
        self.roles = roles
        self.explicitDataflow = explicitDataflow
        self.path = path
    }

    func beginDataset(_ header: DatasetHeader) throws {
        let named = header.structure?.id ?? header.dataflowLabel
        dataflow = explicitDataflow ?? DataflowID.normalised(named)
        guard !dataflow.isEmpty else {
            throw ImportError(
                .invalidValue,
                "the data set names no dataflow or structure: pass the dataflow when loading (--dataflow)",
                file: path)
        }
        // SDMX's TIME_PERIOD always, else the time role's candidates of this dataflow.
        timeIDs = Set(roles.candidates(for: .time, dataflow: dataflow).map { $0.lowercased() } + ["time_period"])
        lastSeries = nil
        timeIDsSeen = [:]
        slotUses.removeAll(keepingCapacity: true)
        dataflows.insert(dataflow)
    }

    var wantsPeriods: Bool { true }

    func defineSlot(_ index: Int, slot: ComponentSlot) throws {
        while slotUses.count <= index { slotUses.append(.ignored) }
        switch slot.role {
        case .dimension: slotUses[index] = isTime(slot.id) ? .ignored : .key(slot.id)
        case .attribute: slotUses[index] = statusID(slot.id).map { .status(id: slot.id, upper: $0) } ?? .ignored
        case .measure: slotUses[index] = .measure
        }
    }

    /// The raw path: the same record ``observation(_:)`` makes from the same observation.
    func rawObservation(_ buffer: ObservationBuffer, series: Series, period: TimePeriod?) throws {
        guard let period else {
            skipped += 1
            return
        }
        note(series)
        var key = lastSeriesKey
        var value: String?
        var ownStatus: [StatusEntry] = []
        for index in 0..<buffer.count {
            switch slotUses[Int(buffer[index].slot)] {
            case .key(let id): key.append(ComponentValue(id: id, value: buffer.string(at: index)))
            case .status(let id, let upper):
                ownStatus.append(
                    StatusEntry(id: id, status: ComponentValue(id: upper, value: buffer.string(at: index))))
            case .measure: if index == buffer.valueIndex { value = buffer.string(at: index) }
            case .ignored: break
            }
        }
        try emit(key: key, period: period, value: ObservationValue(lexical: value), ownStatus: ownStatus)
    }

    /// Works out the key without time and the status attributes of `series` when it is not the last one.
    @inline(__always)
    private func note(_ series: Series) {
        if series === lastSeries { return }
        lastSeries = series
        lastSeriesKey = series.key.values.filter { !isTime($0.id) }
        lastSeriesStatus = series.attributes.compactMap { attribute in
            statusID(attribute.id).map {
                StatusEntry(id: attribute.id, status: ComponentValue(id: $0, value: attribute.value))
            }
        }
        lastSeriesStatusOnly = lastSeriesStatus.map(\.status)
    }

    /// The reader's other path (unused while the reader takes the raw one): the same record from an
    /// ``Observation``.
    func observation(_ observation: Observation) throws {
        guard let period = observation.period else {
            skipped += 1
            return
        }
        note(observation.series)
        var key = lastSeriesKey
        for component in observation.dimensions where !isTime(component.id) {
            key.append(component)
        }
        let ownStatus = observation.attributes.compactMap { attribute in
            statusID(attribute.id).map {
                StatusEntry(id: attribute.id, status: ComponentValue(id: $0, value: attribute.value))
            }
        }
        try emit(key: key, period: period, value: observation.value, ownStatus: ownStatus)
    }

    /// Hands on a record: the observation's own status attributes, then the series' not overridden.
    @inline(__always)
    private func emit(
        key: [ComponentValue], period: TimePeriod, value: ObservationValue,
        ownStatus: [StatusEntry]
    ) throws {
        let status: [ComponentValue]
        if ownStatus.isEmpty {
            status = lastSeriesStatusOnly
        } else {
            var merged = ownStatus.map(\.status)
            for entry in lastSeriesStatus where !ownStatus.contains(where: { $0.id == entry.id }) {
                merged.append(entry.status)
            }
            status = merged
        }
        try sink.record(ObservationRecord(dataflow: dataflow, key: key, period: period, value: value, status: status))
        records += 1
    }

    /// The upper-cased id of a status attribute, `nil` for any other attribute.
    private func statusID(_ id: String) -> String? {
        if let known = statusIDs[id] { return known }
        let upper = id.uppercased()
        let result = StatusAttributes.ids.contains(upper) ? upper : nil
        statusIDs[id] = .some(result)
        return result
    }

    /// Whether a dimension id is the time dimension (compared lower-cased, worked out once per id).
    private func isTime(_ id: String) -> Bool {
        if let known = timeIDsSeen[id] { return known }
        let time = timeIDs.contains(id.lowercased())
        timeIDsSeen[id] = time
        return time
    }
}

/// What a component of the data set is to a record (outside the generic adapter, so that using it
/// costs no look-up of generic metadata per observation).
private enum RecordSlotUse {
    /// A dimension of the key (not time), with its id.
    case key(String)
    /// A status attribute: its id as written and upper-cased.
    case status(id: String, upper: String)
    /// A measure: the value when it is the primary measure's component.
    case measure
    /// Time, or an attribute that is not a status.
    case ignored
}

/// A status attribute of an observation or series: its id as written and the pair as recorded.
private struct StatusEntry {
    var id: String
    var status: ComponentValue
}
