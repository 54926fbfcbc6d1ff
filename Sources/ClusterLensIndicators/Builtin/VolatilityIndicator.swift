import ClusterLensCore

/// `employment_volatility` (METHODS ECO-24): the sample standard deviation of the cluster's annual
/// employment growth rates over a window, in percentage points; lower is steadier (a resilience
/// signal).
///
/// For the period t computed and a window of n years, the growth rates are
/// g_k = (E_k / E_k−1 − 1) × 100 for k = t−n+1 … t, E being persons employed in the cluster
/// (``StoreInput/personsEmployed``, count-once rule). The result is
/// sqrt(Σ (g_k − ḡ)² / (m − 1)) over the m growth rates that can be computed.
///
/// - A growth rate needs both its years: a missing (confidential) year removes the rates next to
///   it, and the result is flagged `incomplete` (``StructureIndicator/incompleteFlag``).
/// - Fewer than ``minimumRates`` rates give a missing value, with the reason.
/// - A window whose years come from different dataflows (`sbs_r_nuts06_r2` up to 2020,
///   `sbs_r_nuts2021` from 2021) is flagged ``FormulaValue/seriesBreakFlag`` (`b`) by the engine.
/// - A year with zero employment gives a missing rate with ``FormulaValue/divisionByZeroFlag``.
public struct VolatilityIndicator: Indicator {
    public let definition: IndicatorDefinition
    /// The number of annual growth rates in the window.
    public let window: Int
    /// The fewest growth rates a value needs.
    public let minimumRates: Int

    /// The bundled indicator: a five-year window, at least three rates.
    public static let all = [VolatilityIndicator(window: 5, minimumRates: 3)]

    /// Creates the indicator.
    ///
    /// - Parameters:
    ///   - window: Growth rates in the window (5 reads six years).
    ///   - minimumRates: The fewest rates a value needs (at least 2).
    public init(window: Int, minimumRates: Int) {
        self.window = max(2, window)
        self.minimumRates = max(2, min(minimumRates, self.window))
        definition = IndicatorDefinition(
            id: "employment_volatility", name: "Employment volatility",
            description:
                "Standard deviation of the cluster's annual employment growth rates over the last \(self.window) "
                + "years; lower is steadier.",
            pillar: .economic, tags: [.resilience], unit: "percentage points", direction: .lower,
            inputs: [.personsEmployed], scope: .cluster,
            method:
                "sample standard deviation of g_k = (E_k / E_k−1 − 1) × 100 for the \(self.window) years to t "
                + "(at least \(self.minimumRates) rates)",
            references: ["ClusterLens METHODS ECO-24", "Martin (2012), regional economic resilience"])
    }

    public func evaluate(_ request: IndicatorRequest) -> FormulaValue {
        let cluster = request.cluster
        var levels: [(value: AggregatedValue, period: TimePeriod)] = []
        for offset in -window...0 {
            guard let period = PeriodArithmetic.shift(request.period, by: offset) else {
                return .missing("no period \(offset) from \(request.period.lexical)")
            }
            let value = request.statistics(
                request.engine.inputs("employment", default: StoreInput.personsEmployed), sectors: cluster.sectors,
                regions: cluster.regions, period: period)
            levels.append((value, period))
        }
        var rates: [Double] = []
        var flags: Set<String> = []
        var reasons: [String] = []
        for (previous, current) in zip(levels, levels.dropFirst()) {
            guard let start = previous.value.number, let end = current.value.number else {
                let missing = previous.value.isMissing ? previous : current
                reasons.append("\(missing.period.lexical): \(missing.value.missingReason ?? "missing")")
                continue
            }
            guard start != 0 else {
                flags.insert(FormulaValue.divisionByZeroFlag)
                reasons.append("\(previous.period.lexical): employment is zero")
                continue
            }
            flags.formUnion(previous.value.flags)
            flags.formUnion(current.value.flags)
            rates.append((end / start - 1) * 100)
        }
        guard rates.count >= minimumRates else {
            let why = reasons.first.map { "; first gap \($0)" } ?? ""
            return .missing(
                "only \(rates.count) of \(window) annual growth rates (at least \(minimumRates) needed)\(why)",
                flags: flags)
        }
        if rates.count < window { flags.insert(StructureIndicator.incompleteFlag) }
        let mean = rates.reduce(0, +) / Double(rates.count)
        let squares = rates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return FormulaValue((squares / Double(rates.count - 1)).squareRoot(), flags: flags)
    }
}
