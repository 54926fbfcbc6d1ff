internal import ClusterLensCore
internal import ClusterLensIndicators
internal import ClusterLensScoring

/// Adds composite scores, ranks and uncertainty to a report model (the composite issue's part of
/// the report): the annual and headline values of the aggregated indicators (direction higher or
/// lower) of all the report's clusters go through ``ClusterLensScoring/CompositeEngine``, panel
/// imputation included.
enum ReportScoring {
    /// Scores `model` in place with `settings`; a report with fewer than two clusters is not scored
    /// (normalisation compares clusters), and the methods section says so. Each indicator's target
    /// for distance-to-target normalisation is the value of its first target in `targets`; goalposts
    /// come from the settings.
    ///
    /// Only the indicators `scope` ranks enter the composite (the cluster's own by default); the
    /// context indicators (region and country) get their own unranked context score when `scope`
    /// asks for it. Goalposts and indicator weights are split between the two runs.
    ///
    /// - Throws: ``ReportError`` (`scoring`, naming the definition file, with the
    ///   ``ClusterLensScoring/CompositeError`` under it) when the engine refuses the settings for these
    ///   data, such as a geometric mean over a zero without a shift, goalposts for an indicator the
    ///   composite does not aggregate, or target normalisation of an indicator without a target.
    static func score(
        _ model: inout ReportModel, definitions: [IndicatorDefinition], settings: CompositeSettings,
        scope: ScoringScope = ScoringScope(), uncertainty: UncertaintyAnalysis.Settings?, targets: [IndicatorTarget],
        file: String, diagnostics: Diagnostics
    ) throws(ReportError) {
        model.scoring = scope
        let directed = definitions.filter { $0.direction != .none }
        let aggregated = directed.filter { scope.ranks($0.scope) }
        let context = directed.filter { scope.scoresAsContext($0.scope) }
        model.methods.append(scopeMethod(scope, ranked: aggregated, context: directed.filter { $0.scope.isContext }))
        guard model.clusters.count >= 2, !aggregated.isEmpty else {
            let text =
                "no composite scores: they compare clusters, and the report has "
                + "\(model.clusters.count) cluster(s) and \(aggregated.count) ranked indicator(s) with a direction"
            model.methods.append(ReportMethod(name: "composite", description: text))
            diagnostics.report(.note(.scoring, code: "no-composite", text, location: InputLocation(file: file)))
            return
        }
        let contextIDs = Set(context.map(\.id))
        let panel = self.panel(of: aggregated, in: model, targets: targets)
        let nominal = settings.without(indicators: contextIDs)
        let result: CompositeResult
        do {
            result = try CompositeEngine.run(panel, settings: nominal)
        } catch {
            throw ReportError(.scoring, "composite scores: \(error.message)", file: file, underlying: error)
        }
        apply(result, to: &model)
        report(result, of: &model, to: diagnostics, settings: nominal, file: file)
        for method in result.methods {
            model.methods.append(ReportMethod(name: method.step, description: method.description))
        }
        if !result.treatments.isEmpty {
            model.methods.append(
                ReportMethod(name: "outliers treated", description: Self.treatedText(result.treatments)))
        }
        if !context.isEmpty {
            let contextSettings = settings.without(indicators: Set(aggregated.map(\.id)))
            scoreContext(
                &model, panel: self.panel(of: context, in: model, targets: targets), settings: contextSettings,
                file: file, diagnostics: diagnostics)
        }
        guard let uncertainty else { return }
        do {
            let analysis = try UncertaintyAnalysis.run(panel, nominal: nominal, settings: uncertainty)
            apply(analysis, to: &model)
        } catch {
            throw ReportError(.scoring, "uncertainty analysis: \(error.message)", file: file, underlying: error)
        }
    }

    /// The composite's panel: the annual and headline values of `indicators` for every cluster.
    static func panel(
        of indicators: [IndicatorDefinition], in model: ReportModel, targets: [IndicatorTarget]
    ) -> CompositePanel {
        CompositePanel(
            units: model.clusters.map(\.id),
            indicators: indicators.map {
                CompositeIndicator(
                    id: $0.id, direction: $0.direction, pillar: $0.pillar, tags: Set($0.tags),
                    target: target(of: $0.id, in: targets))
            },
            series: model.clusters.map { cluster in indicators.map { series(of: $0.id, in: cluster) } })
    }

    /// The methods entry that says which indicators were ranked and what was left to the context.
    static func scopeMethod(
        _ scope: ScoringScope, ranked: [IndicatorDefinition], context: [IndicatorDefinition]
    ) -> ReportMethod {
        let listed = context.map { "\($0.id) (\($0.scope.rawValue))" }.joined(separator: ", ")
        let text: String
        switch scope.indicators {
        case _ where context.isEmpty:
            text = "the composite and the benchmarks score the \(ranked.count) cluster-scope indicator(s)"
        case .cluster:
            text =
                "the composite and the benchmarks score the \(ranked.count) cluster-scope indicator(s) only; the "
                + "\(context.count) context indicator(s) describe the cluster's region or country, which clusters "
                + "in one place share, and are shown apart, never ranked"
                + (scope.contextScore ? ", with an unranked context score" : "") + ": " + listed
        case .all:
            text =
                "scope: all — the composite and the benchmarks mix the cluster's own indicators with "
                + "\(context.count) region and country context indicator(s) (\(listed)): clusters in one region "
                + "share these values, so their scores and ranks partly reflect where they are"
        }
        return ReportMethod(name: "scope", description: text)
    }

    /// The value of the first target with a value for `indicator`, `nil` without one.
    static func target(of indicator: String, in targets: [IndicatorTarget]) -> Double? {
        targets.first { $0.indicator == indicator && $0.target != nil }?.target?.value
    }

    /// The annual values of `indicator` in `cluster` (values of a calendar-year period, `2021`, as the
    /// builder computes them for `periods: 2015-2023`) and its headline value, for the engine's panel
    /// imputation.
    static func series(of indicator: String, in cluster: ReportCluster) -> CompositePanel.Series {
        let values = cluster.values.filter { $0.indicator == indicator }
        let points = values.compactMap { value -> CompositePanel.Point? in
            guard let number = value.value, let year = value.period?.calendarYear else { return nil }
            return CompositePanel.Point(year: year, value: number)
        }
        return CompositePanel.Series(points: points, headline: values.first(where: \.isHeadline)?.value)
    }

    /// Copies scores, ranks and treatment flags into the clusters.
    static func apply(_ result: CompositeResult, to model: inout ReportModel) {
        let positions = Dictionary(
            result.indicators.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var ranks: [String: [String: Int]] = [:]
        for (position, indicator) in result.indicators.enumerated() {
            let scores = Dictionary(
                result.units.map { ($0.unit, $0.values[position].normalised) }, uniquingKeysWith: { first, _ in first })
            ranks[indicator] = PeerRanking.ranks(scores, direction: .higher)
        }
        var transitionRanks: [TransitionTag: [String: Int]] = [:]
        for tag in TransitionTag.allCases {
            let scores = Dictionary(
                result.units.map { ($0.unit, $0.transitions[tag]?.score) }, uniquingKeysWith: { first, _ in first })
            transitionRanks[tag] = PeerRanking.ranks(scores, direction: .higher)
        }
        let pillars = Dictionary(model.indicators.map { ($0.id, $0.pillar) }, uniquingKeysWith: { first, _ in first })
        let units = result.unitsByID
        for index in model.clusters.indices {
            let id = model.clusters[index].id
            guard let unit = units[id] else { continue }
            for valueIndex in model.clusters[index].values.indices
            where model.clusters[index].values[valueIndex].isHeadline {
                let indicator = model.clusters[index].values[valueIndex].indicator
                guard let position = positions[indicator] else { continue }
                let scored = unit.values[position]
                model.clusters[index].values[valueIndex].directionAdjusted = scored.directionAdjusted
                model.clusters[index].values[valueIndex].score = scored.normalised
                model.clusters[index].values[valueIndex].rank = ranks[indicator]?[id]
                model.clusters[index].values[valueIndex].percentile = ranks[indicator]?[id].flatMap { rank in
                    PeerRanking.percentile(rank: rank, of: ranks[indicator]?.count ?? 1, convention: .percentileRank)
                }
                switch scored.panelOrigin {
                case .carriedForward: model.clusters[index].values[valueIndex].flag(.carriedForward)
                case .interpolated: model.clusters[index].values[valueIndex].flag(.interpolated)
                default: break
                }
                if scored.imputed { model.clusters[index].values[valueIndex].flag(.imputed) }
                if scored.winsorised { model.clusters[index].values[valueIndex].flag(.winsorised) }
                if scored.logTransformed { model.clusters[index].values[valueIndex].flag(.logTransformed) }
            }
            let modelled = modelledShares(of: unit, in: result, cluster: model.clusters[index], pillars: pillars)
            var scores: [ReportScore] = Pillar.allCases.map { pillar in
                let node = unit.pillars[pillar]
                var score = ReportScore(
                    node: .pillar(pillar), value: node?.score, coverage: node?.coverage ?? 0,
                    rank: unit.pillarRanks[pillar])
                score.modelledShare = modelled.pillars[pillar]
                return score
            }
            scores += TransitionTag.allCases.map { tag in
                let node = unit.transitions[tag]
                return ReportScore(
                    node: .transition(tag), value: node?.score, coverage: node?.coverage ?? 0,
                    rank: transitionRanks[tag]?[id])
            }
            var overall = ReportScore(
                node: .index, value: unit.index.score, coverage: unit.index.coverage, rank: unit.rank)
            overall.modelledShare = modelled.index
            scores.append(overall)
            model.clusters[index].scores = scores
        }
    }

    /// Tells the diagnostics channel, and the screened-out clusters, what the composite left out or
    /// warned about: each cluster screened out (with its data availability), indicators dropped by
    /// screening, and the weights' warnings (a principal component with loadings of both signs).
    static func report(
        _ result: CompositeResult, of model: inout ReportModel, to diagnostics: Diagnostics,
        settings: CompositeSettings, file: String
    ) {
        let location = InputLocation(file: file)
        let threshold = ReportText.number((settings.screening.minimumUnitAvailability * 1000).rounded() / 10) ?? "0"
        for unit in result.units where !unit.included {
            let share = ReportText.number((unit.dataAvailability * 1000).rounded() / 10) ?? "0"
            let reason =
                "screened out of the composite scores: data for \(share) % of the \(result.indicators.count) "
                + "ranked indicators, below the screening threshold of \(threshold) %; it gets no score and no rank"
            if let index = model.clusters.firstIndex(where: { $0.id == unit.unit }) {
                model.clusters[index].screenedOut = reason
            }
            diagnostics.report(.warning(.scoring, code: "screened-out", reason, location: location, cluster: unit.unit))
        }
        for indicator in result.droppedIndicators {
            diagnostics.report(
                .warning(
                    .scoring, code: "indicator-dropped",
                    "dropped from the composite scores by screening: too few clusters have a value",
                    location: location, indicator: indicator))
        }
        for message in result.messages {
            diagnostics.report(.warning(.scoring, code: "weights", message, location: location))
        }
    }

    /// Copies the Monte Carlo spread of each cluster's index score into its `index` score, and the
    /// design and sensitivity indices into the methods.
    static func apply(_ analysis: UncertaintyAnalysis.Result, to model: inout ReportModel) {
        for summary in analysis.units {
            guard let index = model.clusters.firstIndex(where: { $0.id == summary.unit }),
                let scoreIndex = model.clusters[index].scores.firstIndex(where: { $0.node == .index })
            else { continue }
            model.clusters[index].scores[scoreIndex].median = summary.medianScore
            model.clusters[index].scores[scoreIndex].low = summary.lowScore
            model.clusters[index].scores[scoreIndex].high = summary.highScore
            model.clusters[index].scores[scoreIndex].rankMedian = summary.medianRank
            model.clusters[index].scores[scoreIndex].rankLow = summary.lowRank
            model.clusters[index].scores[scoreIndex].rankHigh = summary.highRank
        }
        var text =
            "Monte Carlo over \(analysis.assumptions.joined(separator: ", ")): \(analysis.runs) runs; "
            + "low and high are the 5th and 95th percentiles of each cluster's index score, and of its rank"
        let indices = analysis.sensitivity.map { entry in
            "\(entry.assumption) first-order \(ReportText.number(entry.firstOrder.map { ($0 * 1000).rounded() / 1000 }) ?? "–"), "
                + "total \(ReportText.number(entry.total.map { ($0 * 1000).rounded() / 1000 }) ?? "–")"
        }
        if !indices.isEmpty { text += "; sensitivity of the mean rank shift: " + indices.joined(separator: "; ") }
        model.methods.append(ReportMethod(name: "uncertainty", description: text))
    }

    /// Up to this many treated values the methods name each; beyond, a count per indicator and kind
    /// (each value says it with its flag: a list of thousands would fill the methods).
    static let treatedListed = 20

    /// `employment of es51 (winhi); …`, or `local_units: 11900 values (log); …` past ``treatedListed``.
    static func treatedText(_ treatments: [OutlierTreatmentRecord]) -> String {
        guard treatments.count > treatedListed else {
            return treatments.map { "\($0.indicator) of \($0.unit) (\($0.kind.rawValue))" }.joined(separator: "; ")
        }
        var order: [String] = []
        var counts: [String: (indicator: String, kind: String, count: Int)] = [:]
        for treatment in treatments {
            let key = treatment.indicator + " " + treatment.kind.rawValue
            if counts[key] == nil {
                order.append(key)
                counts[key] = (treatment.indicator, treatment.kind.rawValue, 0)
            }
            counts[key]?.count += 1
        }
        return order.compactMap { counts[$0] }.map { "\($0.indicator): \($0.count) values (\($0.kind))" }
            .joined(separator: "; ")
    }
}
