internal import ClusterLensCore

/// Turns the SDMX-ML data reader's observations into ``ObservationRecord``s: the dataflow from the
/// header's structure reference, the key without the time dimension, and the status attributes.
final class SDMXRecordAdapter<Sink: ObservationRecordSink>: SDMXDataSink {
    let sink: Sink
    let roles: DimensionRoles
    let explicitDataflow: String?
    let path: String
    private(set) var dataflows: Set<String> = []
    private(set) var records = 0
    private(set) var skipped = 0
    private var dataflow = ""
    private var timeIDs: Set<String> = []
    /// The series of the last observation and its key without time: a series' observations come
    /// one after another, so its key is filtered once, not once per observation.
    private var lastSeries: ObjectIdentifier?
    private var lastSeriesKey: [ComponentValue] = []
    /// Whether each dimension id seen is the time dimension.
    private var timeIDsSeen: [String: Bool] = [:]
    /// Each attribute id seen, upper-cased when it is a status attribute, `nil` when it is not.
    private var statusIDs: [String: String?] = [:]

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
        dataflows.insert(dataflow)
    }

    func observation(_ observation: Observation) throws {
        guard let period = observation.period else {
            skipped += 1
            return
        }
        let series = ObjectIdentifier(observation.series)
        if series != lastSeries {
            lastSeries = series
            lastSeriesKey = observation.series.key.values.filter { !isTime($0.id) }
        }
        var key = lastSeriesKey
        for component in observation.dimensions where !isTime(component.id) {
            key.append(component)
        }
        var status: [ComponentValue] = []
        for attribute in observation.resolvedAttributes {
            if let id = statusID(attribute.id) { status.append(ComponentValue(id: id, value: attribute.value)) }
        }
        try sink.record(
            ObservationRecord(
                dataflow: dataflow, key: key, period: period, value: observation.value, status: status))
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
