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
    public var roles: DimensionRoles
    /// The sector code of the all-sector total for every dataflow (a report's `total-sector:`),
    /// overriding each binding's own (``StoreInput/total``); `nil` (the default) keeps the bindings'.
    public var totalSectorOverride: String?
    /// Every file loaded, in load order.
    public private(set) var sources: [DataSource] = []
    /// The NUTS classification that says which regions make up which: an area is summed from its parts
    /// only when all its parts of one version are present. The bundled one by default.
    public var regionClassification: NUTSClassification = Classifications.bundled.regions

    /// The observations, by normalised dataflow id.
    var tables: [String: DataflowTable] = [:]

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
        guard let table = tables[DataflowID.normalised(dataflow)] else { return [] }
        return table.series.flatMap { $0.observations.values.sorted { $0.period < $1.period } }
    }

    /// The NACE codes of the series of a dataflow that have an observation in `period` (codes of any
    /// dimension that parse as NACE codes: in practice the sector dimension).
    func sectorCodes(dataflow: String, period: TimePeriod) -> Set<NACECode> {
        tables[DataflowID.normalised(dataflow)]?.naceCodesByPeriod[period] ?? []
    }

    /// The periods a dataflow holds, sorted.
    ///
    /// - Parameter dataflow: The dataflow, in any form ``DataflowID/normalised(_:)`` accepts.
    public func periods(dataflow: String) -> [TimePeriod] {
        tables[DataflowID.normalised(dataflow)]?.periods.sorted() ?? []
    }

    /// Stores an observation, replacing any with the same dataflow, key and period.
    ///
    /// - Parameter observation: The observation; its dataflow should be normalised.
    /// - Returns: The observation it replaced, if any (``load(file:dataflow:structures:diagnostics:)``
    ///   warns about those whose value or status differ).
    @discardableResult
    public mutating func insert(_ observation: StoredObservation) -> StoredObservation? {
        tables[observation.dataflow, default: DataflowTable()].insert(observation)
    }

    mutating func register(_ source: DataSource) {
        sources.append(source)
    }
}

/// The observations of one dataflow, indexed by series key.
struct DataflowTable: Sendable {
    /// One series: its key and its observations by period.
    struct SeriesRecord: Sendable {
        var key: [ComponentValue]
        /// The key with lower-cased dimension ids, for case-insensitive matching without re-folding.
        var foldedKey: [ComponentValue]
        var observations: [TimePeriod: StoredObservation]
    }

    var series: [SeriesRecord] = []
    /// Series position by key with lower-cased dimension ids.
    var index: [[ComponentValue]: Int] = [:]
    /// Series positions by one dimension value (lower-cased id), ascending.
    var postings: [ComponentValue: [Int]] = [:]
    /// The distinct codes of each dimension (lower-cased id), in order of first appearance.
    var codes: [String: [String]] = [:]
    /// Every period of the table's observations.
    var periods: Set<TimePeriod> = []
    /// The codes of any dimension that parse as NUTS codes, parsed once.
    var nutsCodes: [String: NUTSCode] = [:]
    /// The codes of any dimension that parse as NACE codes, parsed once.
    var naceCodes: [String: NACECode] = [:]
    /// The NACE codes of the series that have an observation in each period.
    var naceCodesByPeriod: [TimePeriod: Set<NACECode>] = [:]
    var count = 0

    mutating func insert(_ observation: StoredObservation) -> StoredObservation? {
        let folded = observation.key.map { ComponentValue(id: $0.id.lowercased(), value: $0.value) }
        let position: Int
        if let existing = index[folded] {
            position = existing
        } else {
            position = series.count
            index[folded] = position
            series.append(SeriesRecord(key: observation.key, foldedKey: folded, observations: [:]))
            for component in folded {
                if postings[component] == nil {
                    codes[component.id, default: []].append(component.value)
                    if nutsCodes[component.value] == nil, let code = try? NUTSCode(component.value) {
                        nutsCodes[component.value] = code
                    }
                    if naceCodes[component.value] == nil, let code = try? NACECode(component.value) {
                        naceCodes[component.value] = code
                    }
                }
                postings[component, default: []].append(position)
            }
        }
        guard let replaced = series[position].observations.updateValue(observation, forKey: observation.period)
        else {
            count += 1
            periods.insert(observation.period)
            for component in folded {
                if let code = naceCodes[component.value] {
                    naceCodesByPeriod[observation.period, default: []].insert(code)
                }
            }
            return nil
        }
        return replaced
    }

    /// The positions of the series whose code under any of `dimensions` (lower-cased ids; the
    /// geography or the sector candidates) passes `isWanted`, ascending.
    func positions(geography dimensions: [String], where isWanted: (String) -> Bool) -> [Int] {
        var positions: Set<Int> = []
        for dimension in dimensions {
            for code in codes[dimension] ?? [] where isWanted(code) {
                positions.formUnion(postings[ComponentValue(id: dimension, value: code)] ?? [])
            }
        }
        return positions.sorted()
    }
}

/// What one call of ``ObservationStore/load(file:dataflow:structures:)`` read.
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
