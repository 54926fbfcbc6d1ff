public import ClusterLensCore

/// An in-memory store of observations from many files, indexed by dataflow and series key, so that
/// one pass over each file serves every cluster and indicator.
///
/// ``load(file:dataflow:structures:)`` reads SDMX-ML (through the importer), SDMX-CSV and tidy CSV,
/// telling them apart by content; ``value(dataflow:filters:sectors:regions:period:)`` adds up the cells
/// of a cluster with the count-once rule and provenance.
///
/// ## Identity of an observation
///
/// An observation is identified by its dataflow (normalised, see ``DataflowID/normalised(_:)``), its
/// key (every dimension but time; dimension ids compared case-insensitively, so Eurostat's `geo` and
/// an SDMX-CSV `GEO` column are the same dimension) and its period (compared as intervals, so `2021`
/// and `2021-A1` are the same). Loading an observation with the identity of one already stored
/// replaces it: the file loaded last wins, as with SDMX's `Replace` action.
///
/// ## Indexes
///
/// Each dataflow keeps its series by key, each series its observations by period, and the series by
/// the code of every dimension. A query reads only the series whose geography code lies in the
/// cluster's regions, so many clusters and indicators can be computed from one loaded store.
///
/// ## Thread safety
///
/// The store is a `Sendable` value with copy-on-write storage. Load files from one task (loading
/// mutates); once loaded, share the value with as many tasks as needed: queries never mutate it.
public struct ObservationStore: Sendable {
    /// Which dimension is geography, sector and time, per dataflow.
    public var roles: DimensionRoles {
        didSet { memo = QueryMemo() }
    }
    /// The sector code of the all-sector total for every dataflow (a report's `total-sector:`),
    /// overriding each binding's own (``StoreInput/total``); `nil` (the default) keeps the bindings'.
    public var totalSectorOverride: String? {
        didSet { memo = QueryMemo() }
    }
    /// Every file loaded, in load order.
    public private(set) var sources: [DataSource] = []
    /// The NUTS classification that says which regions make up which: an area is summed from its parts
    /// only when all its parts of one version are present. The bundled one by default.
    public var regionClassification: NUTSClassification = Classifications.bundled.regions {
        didSet { memo = QueryMemo() }
    }

    /// The observations, by normalised dataflow id.
    var tables: [String: DataflowTable] = [:]
    /// Every file observations came from, numbered (the tables keep the numbers).
    private(set) var sourceList: [DataSource] = []
    private var sourceNumbers: [DataSource: Int32] = [:]
    /// Values of the shared scopes (region, reference, national totals) computed once for all the
    /// clusters that ask for them; replaced by an empty one whenever the store changes.
    private(set) var memo = QueryMemo()

    /// The status attributes the store keeps with each observation (compared upper-cased).
    public static let statusAttributeIDs: Set<String> = [
        "OBS_FLAG", "OBS_STATUS", "CONF_STATUS", "CONF_STATUS_OBS", "OBS_CONF",
    ]

    /// Creates an empty store.
    ///
    /// - Parameters:
    ///   - roles: Which dimension is geography, sector and time; the standard defaults unless given.
    ///   - totalSectorOverride: The all-sector code for every dataflow, overriding the bindings'.
    public init(roles: DimensionRoles = .standard, totalSectorOverride: String? = nil) {
        self.roles = roles
        self.totalSectorOverride = totalSectorOverride
    }

    /// The normalised ids of the dataflows the store holds, sorted.
    public var dataflows: [String] { tables.keys.sorted() }

    /// The number of observations stored.
    public var count: Int { tables.values.reduce(0) { $0 + $1.count } }

    /// Every observation of a dataflow, by series then period.
    ///
    /// - Parameter dataflow: The dataflow, in any form ``DataflowID/normalised(_:)`` accepts.
    public func observations(dataflow: String) -> [StoredObservation] {
        let id = DataflowID.normalised(dataflow)
        return tables[id]?.all(dataflow: id, sources: sourceList) ?? []
    }

    /// The NACE codes of the series of a dataflow that have an observation in `period` (codes of any
    /// dimension that parse as NACE codes: in practice the sector dimension).
    func sectorCodes(dataflow: String, period: TimePeriod) -> Set<NACECode> {
        guard let table = tables[DataflowID.normalised(dataflow)], let number = table.period(period) else { return [] }
        return memo.sectorCodes(of: DataflowID.normalised(dataflow), period: period) { table.sectorCodes(in: number) }
    }

    /// The periods a dataflow holds, sorted.
    ///
    /// - Parameter dataflow: The dataflow, in any form ``DataflowID/normalised(_:)`` accepts.
    public func periods(dataflow: String) -> [TimePeriod] {
        tables[DataflowID.normalised(dataflow)]?.periods.sorted() ?? []
    }

    /// Every period the dataflows hold, sorted, each once (worked out once per set of dataflows).
    ///
    /// - Parameter dataflows: Dataflows in any form ``DataflowID/normalised(_:)`` accepts.
    public func periods(dataflows: [String]) -> [TimePeriod] {
        memo.periods(of: dataflows) {
            var periods: Set<TimePeriod> = []
            for dataflow in dataflows { periods.formUnion(self.periods(dataflow: dataflow)) }
            return periods.sorted()
        }
    }

    /// Stores an observation, replacing any with the same dataflow, key and period.
    ///
    /// - Parameter observation: The observation; its dataflow should be normalised.
    /// - Returns: The observation it replaced, when that one's value or status differed
    ///   (``load(file:dataflow:structures:diagnostics:)`` warns about those).
    @discardableResult
    public mutating func insert(_ observation: StoredObservation) -> StoredObservation? {
        forgetRememberedValues()
        let source = number(of: observation.source)
        guard
            let replaced = tables[observation.dataflow, default: DataflowTable()].insert(
                key: observation.key, period: observation.period, value: observation.value,
                status: observation.status, source: source)
        else { return nil }
        return stored(replaced, dataflow: observation.dataflow)
    }

    /// An observation a load replaced, as the store's API gives it.
    func stored(_ replaced: DataflowTable.Replacement, dataflow: String) -> StoredObservation? {
        guard let table = tables[dataflow] else { return nil }
        let source = Int(replaced.source)
        return StoredObservation(
            dataflow: dataflow, key: table.seriesKeys[Int(replaced.series)],
            seriesKey: table.seriesKeyTexts[Int(replaced.series)], period: table.periods[Int(replaced.period)],
            value: replaced.value, status: table.statusSets[Int(replaced.status)],
            source: sourceList.indices.contains(source)
                ? sourceList[source] : DataSource(path: "", sha256: "", format: .tidyCSV))
    }

    /// Drops the values computed from the data before a change.
    mutating func forgetRememberedValues() {
        if !memo.isEmpty { memo = QueryMemo() }
    }

    /// The number of a file in ``sourceList``, added when new.
    mutating func number(of source: DataSource) -> Int32 {
        if let known = sourceNumbers[source] { return known }
        let number = Int32(sourceList.count)
        sourceList.append(source)
        sourceNumbers[source] = number
        return number
    }

    /// A number for a file being loaded, whose SHA-256 is worked out while it is read:
    /// ``identify(_:as:)`` names it once known. (The same file loaded twice has two numbers naming
    /// equal sources.)
    mutating func provisionalSourceNumber() -> Int32 {
        sourceList.append(DataSource(path: "", sha256: "", format: .tidyCSV))
        return Int32(sourceList.count - 1)
    }

    /// Names the file of a ``provisionalSourceNumber()``.
    mutating func identify(_ number: Int32, as source: DataSource) {
        guard sourceList.indices.contains(Int(number)) else { return }
        sourceList[Int(number)] = source
        if sourceNumbers[source] == nil { sourceNumbers[source] = number }
    }

    /// Records a file as loaded.
    mutating func register(_ source: DataSource) {
        sources.append(source)
    }
}

/// What one call of ``ObservationStore/load(file:dataflow:structures:diagnostics:)`` read.
public struct StoreLoadSummary: Sendable, Hashable {
    /// The file, its SHA-256 and its format.
    public var source: DataSource
    /// The normalised ids of the dataflows the file held, sorted.
    public var dataflows: [String]
    /// The observations stored.
    public var observations: Int
    /// The observations skipped because their period was missing or did not parse.
    public var skipped: Int
}
