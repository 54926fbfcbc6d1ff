import ClusterLensCore

/// Indicators from national accounts by industry, downscaled to the cluster by its regional
/// employment (METHODS ENV-01…03 and ECO-09, level N×R), every value flagged ``modelledFlag``.
///
/// Air-emission and energy accounts are published per country and NACE industry only. For each
/// cell s of the cluster's regional employment (persons employed, count-once rule) the method finds
/// j(s), the finest industry code in the national data that is s or contains it (`C29` for `C29.1`,
/// `C10-C12` for `C11`), and applies that industry's national figure per person employed:
///
/// - estimated cluster total: X̂ = Σ_s (X_j(s),N / E_j(s),N) × E_s,r;
/// - intensity: X̂ / Ŷ × scale, with Ŷ the denominator (value added) estimated the same way, so a
///   one-industry cluster gets its industry's national intensity and a mixed cluster the mean of its
///   industries' intensities weighted by their regional employment.
///
/// N is the country of the cluster's regions (they must lie in one country). A missing national
/// figure for an industry the cluster needs makes the value missing, with the reason; the flags of
/// every input (regional and national) are carried, and a value (not a missing one) is flagged
/// ``modelledFlag``.
public struct DownscaledIndicator: Indicator {
    public let definition: IndicatorDefinition
    private let numerator: [StoreInput]
    private let denominator: [StoreInput]?
    private let nationalEmployment: [StoreInput]
    private let scale: Double
    private let perPerson: Bool

    /// The flag of a value estimated by a model rather than observed.
    public static let modelledFlag = "modelled"

    /// Persons employed by industry, national accounts (`nama_10_a64_e`, thousand persons).
    static let nationalEmployment = [
        StoreInput(dataflow: "nama_10_a64_e", filters: ["na_item": "EMP_DC", "unit": "THS_PER"])
    ]
    /// Gross value added by industry at current prices, € million (`nama_10_a64`).
    static let nationalValueAdded = [
        StoreInput(dataflow: "nama_10_a64", filters: ["na_item": "B1G", "unit": "CP_MEUR"])
    ]
    /// Greenhouse-gas emissions by industry, thousand tonnes CO2 equivalent (`env_ac_ainah_r2`).
    static let nationalGHG = [
        StoreInput(dataflow: "env_ac_ainah_r2", filters: ["airpol": "GHG", "unit": "THS_T"])
    ]
    /// Emission-relevant energy use by industry, all energy products, terajoules (`env_ac_pefasu`).
    static let nationalEnergyUse = [
        StoreInput(dataflow: "env_ac_pefasu", filters: ["stk_flow": "ER_USE", "prod_nrg": "P00", "unit": "TJ"])
    ]

    /// The bundled downscaled indicators: GHG intensity, estimated GHG emissions, energy intensity and
    /// labour productivity.
    public static let all = [
        DownscaledIndicator(
            id: "ghg_intensity", name: "GHG intensity of value added (modelled)",
            description:
                "Greenhouse-gas emissions per € million of value added of the cluster's industries, from national "
                + "air-emission accounts by industry weighted by the cluster's regional employment.",
            unit: "t CO2e per EUR million", numerator: nationalGHG, denominator: nationalValueAdded, scale: 1000,
            method:
                "Σ_s (GHG_j,N / E_j,N) × E_s,r / Σ_s (GVA_j,N / E_j,N) × E_s,r, j = finest national industry "
                + "containing s",
            reference: "Eurostat env_ac_ainah_r2, nama_10_a64, nama_10_a64_e; METHODS ENV-01"),
        DownscaledIndicator(
            id: "ghg_emissions_estimated", name: "Estimated cluster GHG emissions (modelled)",
            description:
                "Greenhouse-gas emissions of the cluster estimated from national emissions per person employed "
                + "in each of its industries, times its regional employment.",
            unit: "t CO2e", numerator: nationalGHG, denominator: nil, scale: 1,
            method: "Σ_s (GHG_j,N / E_j,N) × E_s,r (both in thousands), j = finest national industry containing s",
            reference: "Eurostat env_ac_ainah_r2, nama_10_a64_e; METHODS ENV-02"),
        DownscaledIndicator(
            id: "energy_intensity", name: "Energy intensity of value added (modelled)",
            description:
                "Energy use per € million of value added of the cluster's industries, from national physical "
                + "energy flow accounts by industry weighted by the cluster's regional employment.",
            unit: "TJ per EUR million", numerator: nationalEnergyUse, denominator: nationalValueAdded, scale: 1,
            method:
                "Σ_s (energy_j,N / E_j,N) × E_s,r / Σ_s (GVA_j,N / E_j,N) × E_s,r, j = finest national industry "
                + "containing s",
            reference: "Eurostat env_ac_pefasu, nama_10_a64, nama_10_a64_e; METHODS ENV-03"),
        DownscaledIndicator(
            id: "labour_productivity", name: "Apparent labour productivity (modelled)",
            description:
                "Value added per person employed in the cluster's industries: national value added per person "
                + "employed in each industry, weighted by the cluster's regional employment (regional business "
                + "statistics publish no value added by region and industry).",
            unit: "EUR per person employed", numerator: nationalValueAdded, denominator: nil, scale: 1000,
            method:
                "Σ_s (GVA_j,N / E_j,N) × E_s,r / Σ_s E_s,r (GVA in EUR million, E_j,N in thousands), j = finest "
                + "national industry containing s",
            reference: "Eurostat nama_10_a64, nama_10_a64_e; METHODS ECO-09", pillar: .economic,
            tags: [.resilience], direction: .higher, perPerson: true),
    ]

    /// Creates a downscaled indicator.
    ///
    /// - Parameters:
    ///   - numerator: The national figure by industry (X).
    ///   - denominator: The national denominator by industry (Y) for an intensity; `nil` for the
    ///     estimated total X̂.
    ///   - scale: Multiplies the result (unit conversion).
    ///   - perPerson: Divide the estimated total by the cluster's employment (a figure per person
    ///     employed, such as productivity).
    init(
        id: String, name: String, description: String, unit: String, numerator: [StoreInput],
        denominator: [StoreInput]?, scale: Double, method: String, reference: String, pillar: Pillar = .environmental,
        tags: [TransitionTag] = [.green], direction: Direction = .lower, perPerson: Bool = false
    ) {
        self.numerator = numerator
        self.denominator = denominator
        self.perPerson = perPerson
        self.nationalEmployment = Self.nationalEmployment
        self.scale = scale
        var inputs = [
            IndicatorInput.personsEmployed,
            IndicatorInput(name: "national_employment", storeInputs: Self.nationalEmployment),
        ]
        inputs.append(IndicatorInput(name: "national_numerator", storeInputs: numerator))
        if let denominator { inputs.append(IndicatorInput(name: "national_denominator", storeInputs: denominator)) }
        definition = IndicatorDefinition(
            id: id, name: name, description: description, pillar: pillar, tags: tags, unit: unit,
            direction: direction, inputs: inputs, scope: .cluster, method: method,
            references: [reference, "Downscaling by employment: ClusterLens README, modelled values"])
    }

    public func evaluate(_ request: IndicatorRequest) -> FormulaValue {
        let cluster = request.cluster
        let countries = Set(cluster.regions.codes.compactMap(\.country))
        guard countries.count == 1, let country = countries.first else {
            return .missing("the regions of cluster \(cluster.id) (\(cluster.regions)) do not lie in one country")
        }
        let regional = request.statistics(
            request.engine.inputs("employment", default: StoreInput.personsEmployed), sectors: cluster.sectors,
            regions: cluster.regions, period: request.period)
        guard regional.number != nil else {
            return .missing(regional.missingReason ?? "no regional employment", flags: regional.flags)
        }
        var flags = regional.flags
        let industries = nationalIndustries(
            request, country: country, numerator: request.engine.inputs("national_numerator", default: numerator))
        guard !industries.isEmpty else {
            let bound = request.engine.inputs("national_numerator", default: numerator)
            let dataflows = bound.map(\.dataflow).joined(separator: " or ")
            let loaded = bound.contains { !request.engine.store.periods(dataflow: $0.dataflow).isEmpty }
            return .missing(
                loaded
                    ? "\(dataflows) holds no figure for \(country) in \(request.period.lexical)"
                    : "no data loaded for dataflow \(dataflows) (national accounts by industry)")
        }
        var estimate = (numerator: 0.0, denominator: 0.0)
        for (cell, observation) in zip(regional.provenance.cells, regional.provenance.inputs) {
            guard let employed = observation.value.number else { continue }
            guard let industry = Self.finest(containing: cell.sector, among: industries) else {
                return .missing(
                    "no national figure of \(numerator.first?.dataflow ?? "") for an industry containing "
                        + "\(cell.sector) in \(country) \(request.period.lexical)",
                    flags: flags)
            }
            let sectors = SectorSet([industry])
            let national = RegionSet([country])
            var figures: [Double] = []
            let engine = request.engine
            let bound =
                [
                    engine.inputs("national_numerator", default: numerator),
                    engine.inputs("national_employment", default: nationalEmployment),
                ] + (denominator.map { [engine.inputs("national_denominator", default: $0)] } ?? [])
            for inputs in bound {
                let value = request.statistics(inputs, sectors: sectors, regions: national, period: request.period)
                flags.formUnion(value.flags)
                guard let number = value.number else {
                    return .missing(value.missingReason ?? "missing national figure", flags: flags)
                }
                figures.append(number)
            }
            guard figures[1] != 0 else {
                flags.insert(FormulaValue.divisionByZeroFlag)
                return .missing("national employment of \(industry) in \(country) is zero", flags: flags)
            }
            estimate.numerator += figures[0] / figures[1] * employed
            if figures.count > 2 { estimate.denominator += figures[2] / figures[1] * employed }
        }
        flags.insert(Self.modelledFlag)
        if perPerson {
            guard let employed = regional.number, employed > 0 else {
                flags.insert(FormulaValue.divisionByZeroFlag)
                return .missing("the cluster's employment is zero", flags: flags)
            }
            return FormulaValue(estimate.numerator / employed * scale, flags: flags)
        }
        guard denominator != nil else { return FormulaValue(estimate.numerator * scale, flags: flags) }
        guard estimate.denominator != 0 else {
            flags.insert(FormulaValue.divisionByZeroFlag)
            return .missing("the estimated value added of the cluster is zero", flags: flags)
        }
        return FormulaValue(estimate.numerator / estimate.denominator * scale, flags: flags)
    }

    /// The industry codes the national numerator holds for `country` in the period.
    private func nationalIndustries(
        _ request: IndicatorRequest, country: NUTSCode, numerator: [StoreInput]
    ) -> [NACECode] {
        for input in numerator {
            let codes = request.engine.store.sectorCodes(
                dataflow: input.dataflow, filters: input.filters, region: country, period: request.period)
            if !codes.isEmpty { return codes.sorted() }
        }
        return []
    }

    /// The finest of `industries` that is `sector` or contains it: one that contains no other such code.
    static func finest(containing sector: NACECode, among industries: [NACECode]) -> NACECode? {
        let containing = industries.filter { $0 == sector || $0.contains(sector) }
        return containing.first { candidate in
            !containing.contains { $0 != candidate && candidate.contains($0) }
        }
    }
}
