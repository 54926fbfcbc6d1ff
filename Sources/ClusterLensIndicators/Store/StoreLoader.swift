import ClusterLensCore

/// Reads one file into a store.
struct StoreLoader {
    var store: ObservationStore
    let explicitDataflow: String?
    var source = DataSource(path: "", sha256: "", format: .tidyCSV)
    var dataflows: Set<String> = []
    var stored = 0
    var skipped = 0

    init(store: ObservationStore, explicitDataflow: String?) {
        self.store = store
        self.explicitDataflow = explicitDataflow.map(ObservationStore.normalisedDataflowID)
    }

    /// Files one observation; `key` holds every dimension but time.
    mutating func add(
        dataflow: String, key: [ComponentValue], period: TimePeriod?, value: ObservationValue,
        status: [ComponentValue]
    ) {
        guard let period else {
            skipped += 1
            return
        }
        let sortedKey = key.sorted { $0.id.lowercased() < $1.id.lowercased() }
        store.insert(
            StoredObservation(
                dataflow: dataflow, key: sortedKey, period: period, value: value, status: status, source: source))
        dataflows.insert(dataflow)
        stored += 1
    }

    /// Whether `id` is the time dimension of `dataflow`: SDMX's `TIME_PERIOD` always, else the role's ids.
    func isTime(_ id: String, dataflow: String) -> Bool {
        id.uppercased() == "TIME_PERIOD"
            || store.roles.candidates(for: .time, dataflow: dataflow).contains { $0.lowercased() == id.lowercased() }
    }
}
