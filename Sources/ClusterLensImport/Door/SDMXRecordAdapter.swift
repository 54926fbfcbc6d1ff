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
    }

    func observation(_ observation: Observation) throws {
        guard let period = observation.period else {
            skipped += 1
            return
        }
        var key: [ComponentValue] = []
        key.reserveCapacity(observation.series.key.values.count + observation.dimensions.count)
        for component in observation.series.key.values where !timeIDs.contains(component.id.lowercased()) {
            key.append(component)
        }
        for component in observation.dimensions where !timeIDs.contains(component.id.lowercased()) {
            key.append(component)
        }
        var status: [ComponentValue] = []
        for attribute in observation.resolvedAttributes {
            let id = attribute.id.uppercased()
            if StatusAttributes.ids.contains(id) { status.append(ComponentValue(id: id, value: attribute.value)) }
        }
        try sink.record(
            ObservationRecord(
                dataflow: dataflow, key: key, period: period, value: observation.value, status: status))
        dataflows.insert(dataflow)
        records += 1
    }
}
