public import ClusterLensCore

extension ObservationStore {
    /// The sum of a dataflow's cells over a cluster's sectors and regions in one period, each employee
    /// counted once, with flags and provenance.
    ///
    /// ## Cells
    ///
    /// A *cell* is a sector and a region. The observations considered are those of `dataflow` in
    /// `period` whose key matches every filter (dimension ids compared case-insensitively, codes
    /// exactly), whose geography code (see ``DimensionRoles``) is a NUTS code inside `regions`, and
    /// whose sector code is a NACE code inside `sectors`. With `sectors` `nil` (all sectors) only the
    /// total is read — ``totalSectorOverride`` if set, else `total`, else `TOTAL`; a dataflow without a sector dimension
    /// then counts as the total. Codes that are not NUTS or NACE codes are ignored. A cell with two or
    /// more observations (they differ in a dimension no filter fixes, such as the unit) makes the
    /// result missing as ambiguous; add a filter.
    ///
    /// ## Counting each employee once
    ///
    /// A cell's value is *available* when it is a number; `NaN`, empty, `:`, confidential and text
    /// values are missing. The cells added up are ``ClusterDefinition/countedOnce(among:)`` of the
    /// available cells: of the available cells, the coarsest are kept, so a parent total (`C29`) is
    /// preferred to its children (`C291`, `C292`), and the children are used where the parent is
    /// missing; likewise for regions (`ES5` before `ES51`).
    ///
    /// A missing cell is *covered* when an added-up cell overlaps it in both sector and region: a
    /// coarser available code contains it (confidential `C292` under available `C29`), or it contains
    /// added-up finer codes (confidential `C29` whose children `C291` and `C292` are available; as in
    /// ``SectorSet/countedOnce(among:)``, the children the data holds stand for the parent). A covered
    /// missing cell is listed in ``ValueProvenance/coveredMissing`` and does not make the result
    /// missing. Any uncovered missing cell makes the result missing, with a reason naming the cell,
    /// its period and why (`C292@ES52 2021: confidential (OBS_VALUE NaN, CONF_STATUS=C)`), and the
    /// flags of the inputs. Missing is never read as zero.
    ///
    /// Only cells the data holds can be known to be missing: a cell a file leaves out altogether (no
    /// row, no `NaN`) is not detected, and the sum covers the cells present. Eurostat publishes
    /// suppressed cells as confidential rows, so its files are not affected.
    ///
    /// ## Flags and provenance
    ///
    /// The flags of the result are the union of the ``StoredObservation/flags`` of the inputs: the
    /// added-up cells and, for a missing result, the uncovered missing cells. So a sum that includes
    /// an estimated value carries `e`. ``ValueProvenance`` lists those inputs, hence the files with
    /// their SHA-256, the series keys and the periods.
    ///
    /// - Parameters:
    ///   - dataflow: The dataflow, in any form ``DataflowID/normalised(_:)`` accepts.
    ///   - filters: Dimension id → code for the dimensions other than geography and time, such as
    ///     `["indic_sbs": "EMP_LOC_NR"]`. A filter on the sector dimension (`nace_r2=HTC`) makes the
    ///     input regional: its cells count as the total, read by the all-sector scopes.
    ///   - sectors: The cluster's sectors; `nil` for all sectors (the total code).
    ///   - regions: The cluster's regions.
    ///   - period: The period.
    ///   - additive: `false` for a rate, ratio or per-inhabitant level: the value is read only when
    ///     the count-once rule leaves exactly one cell, and is missing (with the cells named) when the
    ///     scope spans several, since such values cannot be added.
    ///   - total: The dataflow's all-sector code (``StoreInput/total``), `nil` for `TOTAL`.
    /// - Returns: The sum, or missing with the reason; never zero for lack of data.
    public func value(
        dataflow: String, filters: [String: String], sectors: SectorSet?, regions: RegionSet, period: TimePeriod,
        additive: Bool = true, total totalCode: String? = nil
    ) -> AggregatedValue {
        let id = tables[dataflow] != nil ? dataflow : DataflowID.normalised(dataflow)
        var provenance = ValueProvenance(dataflow: id)
        guard let table = tables[id] else {
            return AggregatedValue(value: .missing("no data loaded for dataflow \(id)"), provenance: provenance)
        }
        let sectorSet: SectorSet
        if let sectors {
            sectorSet = sectors
        } else {
            let totalSectorCode = totalSectorOverride ?? totalCode ?? "TOTAL"
            guard let total = try? NACECode(totalSectorCode) else {
                return AggregatedValue(
                    value: .missing("the total sector code \(totalSectorCode) is not a NACE code"),
                    provenance: provenance)
            }
            sectorSet = SectorSet([total])
        }
        guard let reference = regions.codes.first else {
            return AggregatedValue(value: .missing("no regions to add up"), provenance: provenance)
        }
        let cluster = ClusterDefinition(id: id, name: id, regions: regions, sectors: sectorSet, reference: reference)
        let total = sectors == nil ? sectorSet.codes.first : nil
        // Written only for a missing value: building it for every query would cost more than the query.
        func scope() -> String {
            "\(id) \(Self.describe(filters)) for sectors [\(sectorSet)] in regions [\(regions)] in \(period)"
        }
        guard let periodNumber = table.period(period) else {
            return AggregatedValue(value: .missing("no observation of \(scope())"), provenance: provenance)
        }
        var cells: [ClusterDefinition.Cell: [Int32]] = [:]
        for (cell, series) in matches(table: table, dataflow: id, filters: filters, cluster: cluster, total: total)
        where table.observation(of: series, period: periodNumber) != nil {
            cells[cell, default: []].append(series)
        }
        guard !cells.isEmpty else {
            return AggregatedValue(value: .missing("no observation of \(scope())"), provenance: provenance)
        }
        let query = TableQuery(table: table, dataflow: id, period: periodNumber, sources: sourceList)
        if let (cell, series) = cells.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            let observations = series.compactMap(query.stored)
            provenance.inputs = observations
            let keys = observations.map(\.seriesKey).joined(separator: "; ")
            return AggregatedValue(
                value: .missing(
                    "ambiguous: cell \(cell) has \(observations.count) observations (\(keys)); add a filter"),
                provenance: provenance)
        }
        var single: [ClusterDefinition.Cell: Int32] = [:]
        for (cell, series) in cells {
            if let first = series.first { single[cell] = first }
        }
        return aggregate(single, query: query, cluster: cluster, provenance: provenance, additive: additive)
    }

    /// The series of `table` whose cell lies in `cluster` and whose key matches `filters`, with their
    /// cell: the series of the cluster's regions (through the postings of their codes), kept when
    /// their sector code is one of the cluster's (or the total) and every filter holds.
    private func matches(
        table: DataflowTable, dataflow: String, filters: [String: String], cluster: ClusterDefinition,
        total: NACECode?
    ) -> [(cell: ClusterDefinition.Cell, series: Int32)] {
        var required: [(dimension: Int, code: Int32)] = []
        for (id, code) in filters {
            guard let dimension = table.dimension(id) ?? table.dimension(id.lowercased()), let number = table.code(code)
            else { return [] }
            required.append((dimension, number))
        }
        let (geography, sectorDimensions) = roleDimensions(of: table, dataflow: dataflow)
        // The sector codes wanted: the total's, or the codes inside the cluster's sectors.
        var wanted: [Int32] = []
        if let total {
            if let number = table.code(total.code) { wanted.append(number) }
            if let number = table.code(total.dottedNotation), !wanted.contains(number) { wanted.append(number) }
        } else {
            wanted = memo.sectorCodes(of: dataflow, in: cluster.sectors) {
                var codes: [Int32] = []
                for dimension in sectorDimensions {
                    for code in table.dimensionCodes[dimension] where !codes.contains(code) {
                        if let sector = table.nace[Int(code)], cluster.sectors.contains(sector) { codes.append(code) }
                    }
                }
                return codes
            }
        }
        let regionCodes = table.codes(in: cluster.regions)
        var seen: Set<Int32> = []
        var result: [(cell: ClusterDefinition.Cell, series: Int32)] = []
        for dimension in geography {
            for code in regionCodes {
                guard let postings = table.postings[dimension][code] else { continue }
                for series in postings {
                    guard required.allSatisfy({ table.code(of: series, in: $0.dimension) == $0.code }) else { continue }
                    // The series' sector: the first sector dimension it has, unless a filter fixes it.
                    var sectorCode: Int32 = -1
                    var sectorDimension = -1
                    for candidate in sectorDimensions {
                        let found = table.code(of: series, in: candidate)
                        if found >= 0 {
                            sectorCode = found
                            sectorDimension = candidate
                            break
                        }
                    }
                    let sector: NACECode
                    if sectorCode >= 0, !required.contains(where: { $0.dimension == sectorDimension }) {
                        guard wanted.contains(sectorCode), let parsed = table.nace[Int(sectorCode)] else { continue }
                        sector = parsed
                    } else if let total {
                        sector = total
                    } else {
                        continue
                    }
                    // The series' region: the first geography dimension it has.
                    var regionCode: Int32 = -1
                    for candidate in geography {
                        regionCode = table.code(of: series, in: candidate)
                        if regionCode >= 0 { break }
                    }
                    guard regionCode >= 0, let region = table.nuts[Int(regionCode)],
                        cluster.contains(sector: sector, region: region)
                    else { continue }
                    if geography.count > 1 { guard seen.insert(series).inserted else { continue } }
                    result.append((ClusterDefinition.Cell(sector: sector, region: region), series))
                }
            }
        }
        return result
    }

    /// The NUTS regions a dataflow has observations for (the codes of its geography dimensions that
    /// are NUTS regions, aggregates of countries left out), sorted.
    ///
    /// - Parameter dataflow: The dataflow, in any form ``DataflowID/normalised(_:)`` accepts.
    public func regions(dataflow: String) -> [NUTSCode] {
        let id = tables[dataflow] != nil ? dataflow : DataflowID.normalised(dataflow)
        guard let table = tables[id] else { return [] }
        var regions: Set<NUTSCode> = []
        for dimension in roleDimensions(of: table, dataflow: id).geography {
            for code in table.dimensionCodes[dimension] {
                if let region = table.nuts[Int(code)], !region.isAggregate { regions.insert(region) }
            }
        }
        return regions.sorted()
    }

    /// The numbers of the table's geography and sector dimensions, in the order of the roles'
    /// candidates (the first a series has is its region or sector), worked out once per dataflow.
    private func roleDimensions(of table: DataflowTable, dataflow: String) -> (geography: [Int], sector: [Int]) {
        memo.roleDimensions(of: dataflow) {
            (
                roles.candidates(for: .geography, dataflow: dataflow).compactMap { table.dimension($0.lowercased()) },
                roles.candidates(for: .sector, dataflow: dataflow).compactMap { table.dimension($0.lowercased()) }
            )
        }
    }

    /// The NACE codes a dataflow holds for one region in `period` among the series matching
    /// `filters` (dimension ids compared case-insensitively), through the region's postings.
    func sectorCodes(
        dataflow: String, filters: [String: String], region: NUTSCode, period: TimePeriod
    ) -> Set<NACECode> {
        let id = DataflowID.normalised(dataflow)
        guard let table = tables[id], let periodNumber = table.period(period), let regionCode = table.code(region.code)
        else { return [] }
        var required: [(dimension: Int, code: Int32)] = []
        for (name, code) in filters {
            guard let dimension = table.dimension(name) ?? table.dimension(name.lowercased()),
                let number = table.code(code)
            else { return [] }
            required.append((dimension, number))
        }
        let (geography, sectors) = roleDimensions(of: table, dataflow: id)
        var codes: Set<NACECode> = []
        for dimension in geography {
            for series in table.postings[dimension][regionCode] ?? [] {
                guard table.observation(of: series, period: periodNumber) != nil,
                    required.allSatisfy({ table.code(of: series, in: $0.dimension) == $0.code }),
                    let sector = sectors.lazy.map({ table.code(of: series, in: $0) }).first(where: { $0 >= 0 }),
                    let parsed = table.nace[Int(sector)]
                else { continue }
                codes.insert(parsed)
            }
        }
        return codes
    }

    /// Applies the count-once rule to one observation per cell (by series) and adds up.
    private func aggregate(
        _ cells: [ClusterDefinition.Cell: Int32], query: TableQuery, cluster: ClusterDefinition,
        provenance: ValueProvenance, additive: Bool
    ) -> AggregatedValue {
        if cells.count == 1, let (cell, series) = cells.first, cluster.regions.codes == [cell.region] {
            return single(cell, series: series, query: query, cluster: cluster, provenance: provenance)
        }
        var provenance = provenance
        // An area is summed only from all its parts, and only from the parts of one NUTS version.
        var cells = cells
        switch areaCover(cluster.regions, cells: cells.keys, dataflow: provenance.dataflow) {
        case .failure(let reason):
            let period = query.table.periods[Int(query.period)].lexical
            return AggregatedValue(value: .missing(reason.text + " in \(period)"), provenance: provenance)
        case .success(let restricted):
            // Inside a region summed from its parts, only the cells of those parts count.
            cells = cells.filter { cell, _ in
                restricted.allSatisfy { region, parts in
                    !region.contains(cell.region) || parts.contains { $0.contains(cell.region) }
                }
            }
        }
        // A sector of the cluster without any observation is left out, named and flagged.
        provenance.absentSectors = cluster.sectors.codes.filter { sector in
            !cells.keys.contains { $0.sector.overlaps(sector) }
        }
        let available = cells.filter { query.number(of: $0.value) != nil }
        let used = cluster.countedOnce(among: available.keys)
        let missing = cells.filter { query.number(of: $0.value) == nil }.sorted { $0.key < $1.key }
        var uncovered: [(cell: ClusterDefinition.Cell, series: Int32)] = []
        for (cell, series) in missing {
            let covered = used.contains { $0.sector.overlaps(cell.sector) && $0.region.overlaps(cell.region) }
            if covered {
                if let observation = query.stored(series) {
                    provenance.coveredMissing.append(Self.explain(cell, observation))
                }
            } else {
                uncovered.append((cell, series))
            }
        }
        let usedSeries = used.compactMap { cells[$0] }
        provenance.cells = used
        provenance.inputs = usedSeries.compactMap(query.stored)
        var flags = usedSeries.reduce(into: Set<String>()) { $0.formUnion(query.flags(of: $1)) }
        if !provenance.absentSectors.isEmpty { flags.insert(ValueFlag.incomplete.rawValue) }
        if let first = uncovered.first, let observation = query.stored(first.series) {
            provenance.inputs += uncovered.compactMap { query.stored($0.series) }
            for entry in uncovered { flags.formUnion(query.flags(of: entry.series)) }
            var reason = Self.explain(first.cell, observation)
            if uncovered.count > 1 { reason += " (and \(uncovered.count - 1) more missing cells)" }
            return AggregatedValue(value: .missing(reason, flags: flags), provenance: provenance)
        }
        if !additive && used.count > 1 {
            let names = used.sorted().map(\.description).joined(separator: ", ")
            return AggregatedValue(
                value: .missing(
                    "\(provenance.dataflow) is a rate or level (not additive) and the scope spans \(used.count) "
                        + "cells (\(names)); it is read for one region only, so bind counts to combine regions",
                    flags: flags),
                provenance: provenance)
        }
        let sum = usedSeries.compactMap(query.number(of:)).reduce(0, +)
        return AggregatedValue(value: FormulaValue(sum, flags: flags), provenance: provenance)
    }

    /// The most common query — one cell, in the one region asked — without the count-once and area
    /// machinery (which give the same result for it).
    private func single(
        _ cell: ClusterDefinition.Cell, series: Int32, query: TableQuery, cluster: ClusterDefinition,
        provenance: ValueProvenance
    ) -> AggregatedValue {
        var provenance = provenance
        provenance.absentSectors = cluster.sectors.codes.filter { !cell.sector.overlaps($0) }
        var flags = query.flags(of: series)
        if !provenance.absentSectors.isEmpty { flags.insert(ValueFlag.incomplete.rawValue) }
        guard let observation = query.stored(series) else {
            return AggregatedValue(value: .missing("no observation of \(cell)"), provenance: provenance)
        }
        provenance.inputs = [observation]
        guard let number = query.number(of: series) else {
            return AggregatedValue(
                value: .missing(Self.explain(cell, observation), flags: flags), provenance: provenance)
        }
        provenance.cells = [cell]
        return AggregatedValue(value: FormulaValue(number, flags: flags), provenance: provenance)
    }

    /// Why an area cannot be summed (a `Result` failure that carries a sentence).
    struct AreaGap: Error {
        var text: String
    }

    /// Whether the regions of a scope can be summed from the cells the data hold, and from which.
    ///
    /// Each region must be covered: by a cell of the region itself or of an area containing it, or — by
    /// the NUTS classification — by cells that make it up completely in one version, which are then the
    /// only cells inside it that are added up (a region no version knows needs at least one cell
    /// inside it). A region covered only in part gives a missing value that names the parts without
    /// data, never a partial sum.
    ///
    /// - Returns: For each region summed from its parts, the parts to add up; or the reason the area
    ///   cannot be summed.
    func areaCover(
        _ regions: RegionSet, cells: some Collection<ClusterDefinition.Cell>, dataflow: String
    ) -> Result<[NUTSCode: [NUTSCode]], AreaGap> {
        let names = regions.codes.map(\.code).joined(separator: ", ")
        var restricted: [NUTSCode: [NUTSCode]] = [:]
        for region in regions.codes where !cells.contains(where: { $0.region.contains(region) }) {
            let inside = Set(cells.lazy.filter { region.contains($0.region) }.map(\.region.code))
            if inside.isEmpty {
                return .failure(
                    AreaGap(
                        text: "no observation of \(dataflow) for \(region.code) or a region inside it, one of the "
                            + "regions [\(names)]: an area is summed only from all its parts"))
            }
            switch regionClassification.cover(of: region.code, available: inside) {
            case .whole, .unknown:
                continue
            case .parts(_, let codes):
                restricted[region] = codes.compactMap { try? NUTSCode($0) }
            case .incomplete(let version, let missing):
                func list(_ codes: some Collection<String>) -> String {
                    codes.prefix(8).joined(separator: ", ") + (codes.count > 8 ? ", …" : "")
                }
                let strangers = inside.filter { !regionClassification.contains($0) }.sorted()
                return .failure(
                    AreaGap(
                        text: "\(region.code) (of the regions [\(names)]) is summed from its parts only when all are "
                            + "present: \(dataflow) has no observation for \(list(missing)) (\(version))"
                            + (strangers.isEmpty ? "" : "; \(list(strangers)) are no NUTS regions")))
            }
        }
        return .success(restricted)
    }

    /// `C292@ES52 2021: confidential (OBS_VALUE NaN, CONF_STATUS=C)`.
    private static func explain(_ cell: ClusterDefinition.Cell, _ observation: StoredObservation) -> String {
        let kind: String
        switch observation.value.kind {
        case .absent: kind = "no OBS_VALUE"
        case .empty: kind = "OBS_VALUE empty"
        case .missingMarker, .numeric: kind = "OBS_VALUE \(observation.value.lexical ?? "")"
        case .text: kind = "OBS_VALUE \"\(observation.value.lexical ?? "")\" is not a number"
        }
        let status = observation.status.map { "\($0.id)=\($0.value)" }
        let what = observation.isConfidential ? "confidential" : "missing"
        return "\(cell) \(observation.period): \(what) (" + ([kind] + status).joined(separator: ", ") + ")"
    }

    /// `indic_sbs=EMP_LOC_NR` for filters, sorted by id; `(no filter)` for none.
    private static func describe(_ filters: [String: String]) -> String {
        filters.isEmpty
            ? "(no filter)" : filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}

/// One period of one table, as a query reads it: the numbers, flags and stored form of the
/// observations of its series.
struct TableQuery {
    let table: DataflowTable
    let dataflow: String
    let period: Int32
    let sources: [DataSource]

    /// The number of the series' observation, `nil` when it is missing (or there is none).
    func number(of series: Int32) -> Double? {
        guard let observation = table.observation(of: series, period: period) else { return nil }
        let number = table.numbers[Int(observation)]
        return number.isNaN ? nil : number
    }

    /// The status flags of the series' observation.
    func flags(of series: Int32) -> Set<String> {
        guard let observation = table.observation(of: series, period: period) else { return [] }
        return table.statusFlags[Int(table.statuses[Int(observation)])]
    }

    /// The series' observation as the store's API gives it.
    func stored(_ series: Int32) -> StoredObservation? {
        guard let observation = table.observation(of: series, period: period) else { return nil }
        return table.stored(observation, series: series, period: period, dataflow: dataflow, sources: sources)
    }
}
