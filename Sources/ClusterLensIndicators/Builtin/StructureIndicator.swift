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
                method: "Σ_i |E_i,r / E_r − E_i,ref / E_ref| over NACE divisions i",
                references: ["Krugman (1991), Geography and Trade"])
        case .herfindahl:
            definition = IndicatorDefinition(
                id: index.rawValue, name: "Sectoral concentration (Herfindahl)",
                description:
                    "Concentration of the regions' employment across NACE divisions; lower is more diversified.",
                pillar: .economic, tags: [.resilience], unit: "index (0–1)", direction: .lower, inputs: [employment],
                method: "Σ_i (E_i,r / E_r)² over NACE divisions i",
                references: ["Herfindahl (1950); diversification as a resilience proxy"])
        }
    }

    public func evaluate(_ request: IndicatorRequest) -> FormulaValue {
        let inputs = StoreInput.personsEmployed
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
        var sum = 0.0
        for division in divisions {
            let sectors = SectorSet([division])
            let regional = request.statistics(
                inputs, sectors: sectors, regions: cluster.regions, period: request.period)
            guard let share = regional.number.map({ $0 / total }) else {
                flags.insert(Self.incompleteFlag)
                continue
            }
            flags.formUnion(regional.flags)
            switch index {
            case .herfindahl:
                sum += share * share
            case .krugman:
                let value = request.statistics(inputs, sectors: sectors, regions: reference, period: request.period)
                guard let referenceShare = value.number.map({ $0 / referenceTotal }) else {
                    flags.insert(Self.incompleteFlag)
                    continue
                }
                flags.formUnion(value.flags)
                sum += abs(share - referenceShare)
            }
        }
        return FormulaValue(sum, flags: flags)
    }

    /// The NACE divisions the first persons-employed dataflow with data holds in the period.
    private func divisions(_ request: IndicatorRequest, _ inputs: [StoreInput]) -> [NACECode] {
        let store = request.engine.store
        for input in inputs {
            let dataflow = ObservationStore.normalisedDataflowID(input.dataflow)
            let candidates = store.roles.candidates(for: .sector, dataflow: dataflow)
            var codes: Set<NACECode> = []
            for observation in store.observations(dataflow: dataflow) where observation.period == request.period {
                guard let text = candidates.lazy.compactMap({ observation.code($0) }).first,
                    let code = try? NACECode(text), code.level == .division
                else { continue }
                codes.insert(code)
            }
            if !codes.isEmpty { return codes.sorted() }
        }
        return []
    }
}
