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
        let id = DataflowID.normalised(dataflow)
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
        let cells = matchingCells(
            table: table, dataflow: id, filters: filters, cluster: cluster, total: total, period: period)
        let scope = "\(id) \(Self.describe(filters)) for sectors [\(sectorSet)] in regions [\(regions)] in \(period)"
        guard !cells.isEmpty else {
            return AggregatedValue(value: .missing("no observation of \(scope)"), provenance: provenance)
        }
        if let (cell, observations) = cells.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            provenance.inputs = observations
            let keys = observations.map(\.seriesKey).joined(separator: "; ")
            return AggregatedValue(
                value: .missing(
                    "ambiguous: cell \(cell) has \(observations.count) observations (\(keys)); add a filter"),
                provenance: provenance)
        }
        var single: [ClusterDefinition.Cell: StoredObservation] = [:]
        for (cell, observations) in cells {
            if let observation = observations.first { single[cell] = observation }
        }
        return aggregate(single, cluster: cluster, provenance: provenance, additive: additive)
    }

    /// The observations of each cell of `cluster` in `table` for `period` matching `filters`.
    private func matchingCells(
        table: DataflowTable, dataflow: String, filters: [String: String], cluster: ClusterDefinition,
        total: NACECode?, period: TimePeriod
    ) -> [ClusterDefinition.Cell: [StoredObservation]] {
        let folded = filters.map { (id: $0.key.lowercased(), code: $0.value) }
        var cells: [ClusterDefinition.Cell: [StoredObservation]] = [:]
        let geographyIDs = roles.candidates(for: .geography, dataflow: dataflow).map { $0.lowercased() }
        var positions = table.positions(geography: geographyIDs) { code in
            table.nutsCodes[code].map { cluster.regions.contains($0) } ?? false
        }
        if total == nil {
            // Only series whose sector code lies in the cluster's sectors can match: intersect with the
            // sector postings, so a one-division query does not walk every series of the region.
            let sectorIDs = roles.candidates(for: .sector, dataflow: dataflow).map { $0.lowercased() }
            let inSectors = Set(
                table.positions(geography: sectorIDs) { code in
                    table.naceCodes[code].map { cluster.sectors.contains($0) } ?? false
                })
            positions = positions.filter { inSectors.contains($0) }
        }
        let sectorIDs = roles.candidates(for: .sector, dataflow: dataflow).map { $0.lowercased() }

        for position in positions {
            let series = table.series[position]
            guard let observation = series.observations[period] else { continue }
            let matches = folded.allSatisfy { filter in
                series.foldedKey.contains { $0.id == filter.id && $0.value == filter.code }
            }
            guard matches else { continue }
            guard let regionCode = Self.code(geographyIDs, in: series.foldedKey)?.value,
                let region = table.nutsCodes[regionCode]
            else { continue }
            let sector: NACECode
            if let (sectorID, sectorCode) = Self.code(sectorIDs, in: series.foldedKey),
                !folded.contains(where: { $0.id == sectorID })
            {
                guard let parsed = table.naceCodes[sectorCode] else { continue }
                sector = parsed
            } else if let total {
                sector = total
            } else {
                continue
            }
            guard cluster.contains(sector: sector, region: region) else { continue }
            cells[ClusterDefinition.Cell(sector: sector, region: region), default: []].append(observation)
        }
        return cells
    }

    /// The code of the first of `candidates` (lower-cased dimension ids, in role order) that a folded
    /// series key has: the first candidate wins, as ``DimensionRoles`` says.
    static func code(_ candidates: [String], in key: [ComponentValue]) -> (id: String, value: String)? {
        for candidate in candidates {
            if let component = key.first(where: { $0.id == candidate }) { return (candidate, component.value) }
        }
        return nil
    }

    /// The NACE codes a dataflow holds for one region in `period` among the series matching
    /// `filters` (dimension ids compared case-insensitively), through the region's postings.
    func sectorCodes(
        dataflow: String, filters: [String: String], region: NUTSCode, period: TimePeriod
    ) -> Set<NACECode> {
        let id = DataflowID.normalised(dataflow)
        guard let table = tables[id] else { return [] }
        let folded = filters.map { (id: $0.key.lowercased(), code: $0.value) }
        let geographyIDs = roles.candidates(for: .geography, dataflow: id).map { $0.lowercased() }
        let sectorIDs = roles.candidates(for: .sector, dataflow: id).map { $0.lowercased() }
        var codes: Set<NACECode> = []
        for position in table.positions(geography: geographyIDs, where: { $0 == region.code }) {
            let series = table.series[position]
            guard series.observations[period] != nil,
                folded.allSatisfy({ filter in
                    series.foldedKey.contains { $0.id == filter.id && $0.value == filter.code }
                }),
                let sector = Self.code(sectorIDs, in: series.foldedKey), let parsed = table.naceCodes[sector.value]
            else { continue }
            codes.insert(parsed)
        }
        return codes
    }

    /// Applies the count-once rule to one observation per cell and adds up.
    private func aggregate(
        _ cells: [ClusterDefinition.Cell: StoredObservation], cluster: ClusterDefinition,
        provenance: ValueProvenance, additive: Bool
    ) -> AggregatedValue {
        var provenance = provenance
        // An area is summed only from all its parts, and only from the parts of one NUTS version.
        var cells = cells
        switch areaCover(cluster.regions, cells: cells.keys, dataflow: provenance.dataflow) {
        case .failure(let reason):
            let period = cells.values.first?.period.lexical ?? ""
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
        let available = cells.filter { $0.value.value.number != nil }
        let used = cluster.countedOnce(among: available.keys)
        let missing = cells.filter { $0.value.value.number == nil }.sorted { $0.key < $1.key }
        var uncovered: [(cell: ClusterDefinition.Cell, observation: StoredObservation)] = []
        for (cell, observation) in missing {
            let covered = used.contains { $0.sector.overlaps(cell.sector) && $0.region.overlaps(cell.region) }
            if covered {
                provenance.coveredMissing.append(Self.explain(cell, observation))
            } else {
                uncovered.append((cell, observation))
            }
        }
        let usedObservations = used.compactMap { cells[$0] }
        provenance.cells = used
        provenance.inputs = usedObservations
        var flags = usedObservations.reduce(into: Set<String>()) { $0.formUnion($1.flags) }
        if !provenance.absentSectors.isEmpty { flags.insert(ValueFlag.incomplete.rawValue) }
        if let first = uncovered.first {
            provenance.inputs += uncovered.map(\.observation)
            for entry in uncovered { flags.formUnion(entry.observation.flags) }
            var reason = Self.explain(first.cell, first.observation)
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
        let sum = usedObservations.compactMap(\.value.number).reduce(0, +)
        return AggregatedValue(value: FormulaValue(sum, flags: flags), provenance: provenance)
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
