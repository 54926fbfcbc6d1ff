import ClusterLensCore

/// The shift-share components as compiled indicators: `shift_share_national`,
/// `shift_share_industry_mix`, `shift_share_regional`, and the Esteban-Marquillas split
/// `shift_share_competitive` and `shift_share_allocation` (see ``ShiftShare``).
///
/// The cluster's industries are the sector codes of its definition; employment is persons employed
/// (``StoreInput/personsEmployed``) summed over the cluster's regions (count-once rule), the
/// reference area's figures come from the cluster's reference area. t1 is the period computed and
/// t0 the earliest period the persons-employed data hold, so two years of data are enough.
public struct ShiftShareIndicator: Indicator {
    /// Which component.
    public enum Component: String, Sendable, CaseIterable {
        /// National share.
        case national
        /// Industry mix.
        case industryMix = "industry_mix"
        /// Regional (competitive) share.
        case regional
        /// Esteban-Marquillas competitive effect.
        case competitive
        /// Esteban-Marquillas allocation effect.
        case allocation
    }

    /// The component this indicator reports.
    public let component: Component
    public let definition: IndicatorDefinition

    /// The five components.
    public static let all = Component.allCases.map(ShiftShareIndicator.init)

    /// Creates the indicator of one component.
    public init(_ component: Component) {
        self.component = component
        let names: [Component: (String, String)] = [
            .national: ("Shift-share: national share", "NS = Σ E_ir,0 × g_N"),
            .industryMix: ("Shift-share: industry mix", "IM = Σ E_ir,0 × (g_iN − g_N)"),
            .regional: ("Shift-share: regional share", "RS = Σ E_ir,0 × (g_ir − g_iN)"),
            .competitive: (
                "Shift-share: competitive effect (Esteban-Marquillas)",
                "Σ E*_ir × (g_ir − g_iN), E*_ir = E_r,0 × E_iN,0 / E_N,0"
            ),
            .allocation: ("Shift-share: allocation effect (Esteban-Marquillas)", "Σ (E_ir,0 − E*_ir) × (g_ir − g_iN)"),
        ]
        let (name, method) = names[component] ?? ("Shift-share", "")
        definition = IndicatorDefinition(
            id: "shift_share_\(component.rawValue)", name: name,
            description:
                "Part of the cluster's employment change from t0 (the earliest period with data) to the period "
                + "computed, over its industries i in its regions r against the reference area N.",
            pillar: .economic, tags: [.resilience], unit: "persons",
            direction: component == .national ? .none : .higher,
            inputs: [.personsEmployed], scope: .cluster,
            method: method,
            references: ["Dunn (1960)", "Esteban-Marquillas (1972)", "ClusterLens METHODS A2 worked example"])
    }

    public func evaluate(_ request: IndicatorRequest) -> FormulaValue {
        let inputs = request.engine.inputs("employment", default: StoreInput.personsEmployed)
        guard let start = earliestPeriod(request, inputs), start < request.period else {
            return .missing("shift-share needs two periods of persons employed; none before \(request.period.lexical)")
        }
        let cluster = request.cluster
        let reference = RegionSet([cluster.reference])
        var flags: Set<String> = []
        func read(_ sectors: SectorSet?, _ regions: RegionSet, _ period: TimePeriod) -> Result<Double, Missing> {
            let value = request.statistics(inputs, sectors: sectors, regions: regions, period: period)
            flags.formUnion(value.flags)
            guard let number = value.number else { return .failure(Missing(reason: value.missingReason ?? "missing")) }
            return .success(number)
        }
        do {
            var industries: [ShiftShare.Industry] = []
            for code in cluster.sectors.codes {
                let sectors = SectorSet([code])
                industries.append(
                    ShiftShare.Industry(
                        regional: (
                            try read(sectors, cluster.regions, start).get(),
                            try read(sectors, cluster.regions, request.period).get()
                        ),
                        reference: (
                            try read(sectors, reference, start).get(),
                            try read(sectors, reference, request.period).get()
                        )))
            }
            let total = (try read(nil, reference, start).get(), try read(nil, reference, request.period).get())
            let regionTotal =
                component == .competitive || component == .allocation
                ? try read(nil, cluster.regions, start).get() : nil
            guard
                let decomposition = ShiftShare.decompose(
                    industries, referenceTotal: total, regionTotalStart: regionTotal)
            else {
                return .missing(
                    "a start value is zero: growth rates are undefined",
                    flags: flags.union([FormulaValue.divisionByZeroFlag]))
            }
            let number: Double? =
                switch component {
                case .national: decomposition.nationalShare
                case .industryMix: decomposition.industryMix
                case .regional: decomposition.regionalShare
                case .competitive: decomposition.competitiveEffect
                case .allocation: decomposition.allocationEffect
                }
            guard let number else { return .missing("the region's total employment is missing", flags: flags) }
            return FormulaValue(number, flags: flags)
        } catch {
            return .missing("\(error.reason) (shift-share \(start.lexical)–\(request.period.lexical))", flags: flags)
        }
    }

    /// A missing figure, carried through `Result`.
    struct Missing: Error {
        var reason: String
    }

    /// The earliest period of the first persons-employed dataflow that has data.
    private func earliestPeriod(_ request: IndicatorRequest, _ inputs: [StoreInput]) -> TimePeriod? {
        for input in inputs {
            if let earliest = request.engine.store.periods(dataflow: input.dataflow).first { return earliest }
        }
        return nil
    }
}
