import ClusterLensCore

/// Indicators of the region's industrial structure across all NACE Rev. 2 divisions, from persons
/// employed:
/// - `krugman_specialisation`: Σ_i |E_i,r / E_r − E_i,ref / E_ref| (0 = the reference area's
///   structure, 2 = no industry in common);
/// - `herfindahl_concentration`: Σ_i (E_i,r / E_r)² (1 = one industry; lower = more diversified).
///
/// The industries are the divisions the data hold for the cluster's regions in the period. A
/// division whose figure is missing (confidential) is left out of the sum and the result is flagged
/// `incomplete` (the value stays usable, as a lower bound of the full sum). E_r and E_ref are the
/// all-sector totals.
public struct StructureIndicator: Indicator {
    /// Which index.
    public enum Index: String, Sendable, CaseIterable {
        /// Krugman specialisation index.
        case krugman = "krugman_specialisation"
        /// Herfindahl-Hirschman concentration.
        case herfindahl = "herfindahl_concentration"
    }

    /// The index this indicator computes.
    public let index: Index
    public let definition: IndicatorDefinition

    /// Both indices.
    public static let all = Index.allCases.map(StructureIndicator.init)

    /// The flag of a value computed without some confidential divisions.
    public static let incompleteFlag = "incomplete"

    /// Creates the indicator of one index.
    public init(_ index: Index) {
        self.index = index
        let employment = IndicatorInput.personsEmployed
        switch index {
        case .krugman:
            definition = IndicatorDefinition(
                id: index.rawValue, name: "Krugman specialisation index",
                description: "How far the employment structure of the cluster's regions is from the reference area's.",
                pillar: .economic, tags: [.resilience], unit: "index (0–2)", direction: .none, inputs: [employment],
                scope: .region,
                method: "Σ_i |E_i,r / E_r − E_i,ref / E_ref| over NACE divisions i",
                references: ["Krugman (1991), Geography and Trade"])
        case .herfindahl:
            definition = IndicatorDefinition(
                id: index.rawValue, name: "Sectoral concentration (Herfindahl)",
                description:
                    "Concentration of the regions' employment across NACE divisions; lower is more diversified.",
                pillar: .economic, tags: [.resilience], unit: "index (0–1)", direction: .lower, inputs: [employment],
                scope: .region,
                method: "Σ_i (E_i,r / E_r)² over NACE divisions i",
                references: ["Herfindahl (1950); diversification as a resilience proxy"])
        }
    }

    public func evaluate(_ request: IndicatorRequest) -> FormulaValue {
        let inputs = request.engine.inputs("employment", default: StoreInput.personsEmployed)
        let cluster = request.cluster
        let reference = RegionSet([cluster.reference])
        let divisions = self.divisions(request, inputs)
        guard !divisions.isEmpty else {
            return .missing("no employment by NACE division for \(request.period.lexical)")
        }
        let regionTotal = request.statistics(inputs, sectors: nil, regions: cluster.regions, period: request.period)
        guard let total = regionTotal.number, total > 0 else {
            return .missing(
                regionTotal.missingReason ?? "the regions' total employment is zero", flags: regionTotal.flags)
        }
        var flags = regionTotal.flags
        var referenceTotal = 0.0
        if index == .krugman {
            let value = request.statistics(inputs, sectors: nil, regions: reference, period: request.period)
            guard let number = value.number, number > 0 else {
                return .missing(
                    value.missingReason ?? "the reference area's total employment is zero", flags: value.flags)
            }
            flags.formUnion(value.flags)
            referenceTotal = number
        }
        let all = SectorSet(divisions)
        let regional = Self.byDivision(
            request.statistics(inputs, sectors: all, regions: cluster.regions, period: request.period), divisions)
        let referenceShares =
            index == .krugman
            ? Self.byDivision(
                request.statistics(inputs, sectors: all, regions: reference, period: request.period), divisions)
            : [:]
        var sum = 0.0
        var used = 0
        for division in divisions {
            guard let part = regional[division] else {
                flags.insert(Self.incompleteFlag)
                continue
            }
            flags.formUnion(part.flags)
            let share = part.value / total
            switch index {
            case .herfindahl:
                sum += share * share
                used += 1
            case .krugman:
                guard let referencePart = referenceShares[division] else {
                    flags.insert(Self.incompleteFlag)
                    continue
                }
                flags.formUnion(referencePart.flags)
                sum += abs(share - referencePart.value / referenceTotal)
                used += 1
            }
        }
        // No division with a published figure (every one confidential or absent): the sum over nothing
        // would read as a perfectly diversified (or identical) structure, so the value is missing.
        guard used > 0 else {
            return .missing(
                "no NACE division of the regions has a published employment for \(request.period.lexical) "
                    + "(confidential or absent)", flags: flags)
        }
        return FormulaValue(sum, flags: flags)
    }

    /// The employment of each division from one query over all divisions: the cells the count-once
    /// rule added up (a division's own cell, or its children where it is confidential), grouped by
    /// division, with their flags. A division with no cell added up (confidential and not covered)
    /// has no entry.
    private static func byDivision(
        _ value: AggregatedValue, _ divisions: [NACECode]
    ) -> [NACECode: (value: Double, flags: Set<String>)] {
        var parts: [NACECode: (value: Double, flags: Set<String>)] = [:]
        for (cell, observation) in zip(value.provenance.cells, value.provenance.inputs) {
            guard let number = observation.value.number,
                let division = divisions.first(where: { $0 == cell.sector || $0.contains(cell.sector) })
            else { continue }
            let previous = parts[division] ?? (0, [])
            parts[division] = (previous.value + number, previous.flags.union(observation.flags))
        }
        return parts
    }

    /// The NACE divisions the first persons-employed dataflow with data holds in the period.
    private func divisions(_ request: IndicatorRequest, _ inputs: [StoreInput]) -> [NACECode] {
        for input in inputs {
            let codes = request.engine.store.sectorCodes(dataflow: input.dataflow, period: request.period)
            let divisions = codes.filter { $0.level == .division }
            if !divisions.isEmpty { return divisions.sorted() }
        }
        return []
    }
}
