internal import ClusterLensCore

/// Computes composite scores: screening, imputation, outlier treatment, normalisation, weighting and
/// aggregation into pillar, transition and index scores, as COINr does (see ``CompositeSettings``).
///
/// Pure computation: no I/O, no randomness; the same input and settings give the same result.
public enum CompositeEngine {
    /// Runs the whole pipeline on one value per unit and indicator (panel imputation does not apply:
    /// for annual series, run a ``CompositePanel``).
    /// - Parameters:
    ///   - input: units, indicators and values.
    ///   - settings: every choice (defaults: COINr's).
    /// - Returns: values at every stage, pillar, transition and index scores with coverage, ranks,
    ///   treatments, weights and a record of the methods.
    /// - Throws: ``CompositeError`` for inconsistent input, invalid settings, a missing goalpost or
    ///   target, or a value an aggregation cannot take.
    public static func run(_ input: CompositeInput, settings: CompositeSettings = CompositeSettings())
        throws(CompositeError) -> CompositeResult
    {
        let prepared = try CompositePreparation(input, settings: settings)
        let framework = CompositeFramework(indicators: input.indicators, aggregated: prepared.aggregated)
        let weights = try CompositeWeights(
            settings.weighting, indicators: input.indicators, framework: framework, normalised: prepared.normalised,
            included: prepared.included)
        var kernel = CompositeKernel(
            framework: framework, unitNames: input.units, indicatorCount: input.indicators.count,
            included: prepared.included, shift: settings.shift, minimumCoverage: settings.minimumCoverage)
        try kernel.run(
            normalised: flat(prepared.normalised, units: input.units.count), weights: weights,
            indicatorAggregation: settings.indicatorAggregation, pillarAggregation: settings.pillarAggregation,
            transitions: true)
        return result(input, settings, prepared, framework, weights, kernel)
    }

    /// Normalised columns as one unit-major array, NaN for missing.
    static func flat(_ columns: [[Double?]], units: Int) -> [Double] {
        var values = [Double](repeating: .nan, count: units * columns.count)
        for (column, entries) in columns.enumerated() {
            for (unit, value) in entries.enumerated() { values[unit * columns.count + column] = value ?? .nan }
        }
        return values
    }

    private static func optional(_ value: Double) -> Double? { value.isNaN ? nil : value }

    private static func result(
        _ input: CompositeInput, _ settings: CompositeSettings, _ prepared: CompositePreparation,
        _ framework: CompositeFramework, _ weights: CompositeWeights, _ kernel: CompositeKernel
    ) -> CompositeResult {
        let unitCount = input.units.count
        let pillarCount = framework.pillars.count
        let transitionCount = framework.transitions.count
        let ranks = PeerRanking.ranks(kernel.index.map(optional), direction: .higher)
        var pillarRanks: [[Int?]] = []
        for column in 0..<pillarCount {
            pillarRanks.append(
                PeerRanking.ranks(
                    (0..<unitCount).map { optional(kernel.pillarScores[$0 * pillarCount + column]) },
                    direction: .higher))
        }
        var units: [UnitResult] = []
        for unit in 0..<unitCount {
            let values = input.indicators.indices.map { column in
                let treated = prepared.treated[column][unit]
                let kind = prepared.kinds[column][unit]
                return IndicatorValue(
                    raw: input.values[unit][column], treated: treated,
                    directionAdjusted: treated.map { input.indicators[column].direction == .lower ? -$0 : $0 },
                    normalised: prepared.normalised[column][unit], imputed: prepared.imputed[column][unit],
                    winsorised: kind == .winsorisedHigh || kind == .winsorisedLow, logTransformed: kind == .log)
            }
            var pillars: [Pillar: NodeScore] = [:]
            var unitPillarRanks: [Pillar: Int] = [:]
            for (column, pillar) in framework.pillars.enumerated() {
                let position = unit * pillarCount + column
                pillars[pillar] = NodeScore(
                    score: optional(kernel.pillarScores[position]), coverage: kernel.pillarCoverage[position])
                unitPillarRanks[pillar] = pillarRanks[column][unit]
            }
            var transitions: [TransitionTag: NodeScore] = [:]
            for (column, tag) in framework.transitions.enumerated() {
                let position = unit * transitionCount + column
                transitions[tag] = NodeScore(
                    score: optional(kernel.transitionScores[position]), coverage: kernel.transitionCoverage[position])
            }
            units.append(
                UnitResult(
                    unit: input.units[unit], included: prepared.included[unit],
                    dataAvailability: prepared.availability[unit], values: values, pillars: pillars,
                    transitions: transitions,
                    index: NodeScore(score: optional(kernel.index[unit]), coverage: kernel.indexCoverage[unit]),
                    rank: ranks[unit], pillarRanks: unitPillarRanks))
        }
        var treatments: [OutlierTreatmentRecord] = []
        for (column, indicator) in input.indicators.enumerated() {
            for unit in 0..<unitCount {
                if let kind = prepared.kinds[column][unit] {
                    treatments.append(
                        OutlierTreatmentRecord(unit: input.units[unit], indicator: indicator.id, kind: kind))
                }
            }
        }
        var indicatorWeights: [String: Double] = [:]
        for (position, members) in framework.pillarMembers.enumerated() {
            for (member, weight) in zip(members, weights.pillarMembers[position]) {
                indicatorWeights[input.indicators[member].id] = weight
            }
        }
        let dropped = prepared.dropped.map { input.indicators[$0].id }
        return CompositeResult(
            indicators: input.indicators.map(\.id), units: units, droppedIndicators: dropped,
            indicatorWeights: indicatorWeights,
            pillarWeights: Dictionary(uniqueKeysWithValues: zip(framework.pillars, weights.pillars)),
            treatments: treatments, methods: methods(settings), messages: weights.messages)
    }

    /// The log transform of the outlier treatment, by its COINr name and formula.
    static func describe(_ transform: CompositeSettings.OutlierTreatment.Transform) -> String {
        switch transform {
        case .logCT: "COINr's log_CT, log(x − min + 0.01 × (max − min)),"
        case .logCTPlus:
            "COINr's log_CT_plus, log(x − min + 0.01 × (max − min)) for a positive skew and "
                + "−log(max − x + 0.01 × (max − min)) otherwise,"
        }
    }

    /// The goalposts of the settings, by indicator id, when the normalisation uses them; else nothing.
    static func describe(goalposts settings: CompositeSettings) -> String {
        guard case .goalposts = settings.normalisation, !settings.goalposts.isEmpty else { return "" }
        let entries = settings.goalposts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.low)–\($0.value.high)" }
        return " (" + entries.joined(separator: ", ") + ")"
    }

    /// The "Methods" record of a run's settings.
    static func methods(_ settings: CompositeSettings) -> [MethodRecord] {
        let screening = settings.screening
        let outliers = settings.outliers
        let imputation =
            switch settings.imputation {
            case .none: "none: missing values stay missing and are never read as zero"
            case .mean: "mean of the indicator over all screened units (peer group: all units); imputed values flagged"
            case .median:
                "median of the indicator over all screened units (peer group: all units); imputed values flagged"
            }
        let treatment =
            outliers.enabled
            ? "COINr rule: pass if |skew| < \(outliers.skewThreshold) or kurtosis < \(outliers.kurtosisThreshold) "
                + "(e1071 type 2); else winsorise up to \(outliers.winsorisationLimit) distinct points on the skewed "
                + "side, then \(describe(outliers.transform)) on the original values if still failing"
            : "none"
        let shift = settings.shift.map { "shift \($0) added before and removed after the mean" } ?? "no shift"
        return [
            MethodRecord(
                step: "screening",
                description: "units need data for ≥ \(screening.minimumUnitAvailability) of the aggregated indicators; "
                    + "indicators need data for ≥ \(screening.minimumIndicatorAvailability) of the units"),
            MethodRecord(step: "imputation", description: imputation),
            MethodRecord(step: "outliers", description: treatment),
            MethodRecord(
                step: "normalisation",
                description: Normaliser.describe(settings.normalisation) + describe(goalposts: settings)
                    + "; lower-is-better indicators multiplied by −1 first (goalposts and targets mirrored)"),
            MethodRecord(step: "weights", description: CompositeWeights.describe(settings.weighting)),
            MethodRecord(
                step: "aggregation",
                description:
                    "indicators → pillars and transitions: \(Aggregator.describe(settings.indicatorAggregation)); "
                    + "pillars → index: \(Aggregator.describe(settings.pillarAggregation)); weights renormalised over "
                    + "children with data; \(shift); a node needs coverage ≥ \(settings.minimumCoverage)"),
            MethodRecord(step: "ranks", description: "1 = best; ties share the lowest rank (1, 2, 2, 4)"),
        ]
    }
}
