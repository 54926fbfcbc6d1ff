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
    /// - Throws: ``ReportError`` (`scoring`, naming the definition file, with the
    ///   ``ClusterLensScoring/CompositeError`` under it) when the engine refuses the settings for these
    ///   data, such as a geometric mean over a zero without a shift, goalposts for an indicator the
    ///   composite does not aggregate, or target normalisation of an indicator without a target.
    static func score(
        _ model: inout ReportModel, definitions: [IndicatorDefinition], settings: CompositeSettings,
        uncertainty: UncertaintyAnalysis.Settings?, targets: [IndicatorTarget], file: String, diagnostics: Diagnostics
    ) throws(ReportError) {
        let aggregated = definitions.filter { $0.direction != .none }
        guard model.clusters.count >= 2, !aggregated.isEmpty else {
            let text =
                "no composite scores: they compare clusters, and the report has "
                + "\(model.clusters.count) cluster(s) and \(aggregated.count) indicator(s) with a direction"
            model.methods.append(ReportMethod(name: "composite", description: text))
            diagnostics.report(.note(.scoring, code: "no-composite", text, location: InputLocation(file: file)))
            return
        }
        let panel = CompositePanel(
            units: model.clusters.map(\.id),
            indicators: aggregated.map {
                CompositeIndicator(
                    id: $0.id, direction: $0.direction, pillar: $0.pillar, tags: Set($0.tags),
                    target: target(of: $0.id, in: targets))
            },
            series: model.clusters.map { cluster in aggregated.map { series(of: $0.id, in: cluster) } })
        let result: CompositeResult
        do {
            result = try CompositeEngine.run(panel, settings: settings)
        } catch {
            throw ReportError(.scoring, "composite scores: \(error.message)", file: file, underlying: error)
        }
        apply(result, to: &model)
        report(result, of: model, to: diagnostics, file: file)
        for method in result.methods {
            model.methods.append(ReportMethod(name: method.step, description: method.description))
        }
        if !result.treatments.isEmpty {
            let treated = result.treatments.map { "\($0.indicator) of \($0.unit) (\($0.kind.rawValue))" }
            model.methods.append(ReportMethod(name: "outliers treated", description: treated.joined(separator: "; ")))
        }
        guard let uncertainty else { return }
        do {
            let analysis = try UncertaintyAnalysis.run(panel, nominal: settings, settings: uncertainty)
            apply(analysis, to: &model)
        } catch {
            throw ReportError(.scoring, "uncertainty analysis: \(error.message)", file: file, underlying: error)
        }
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
        for index in model.clusters.indices {
            let id = model.clusters[index].id
            guard let unit = result.unit(id) else { continue }
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
            var scores: [ReportScore] = Pillar.allCases.map { pillar in
                let node = unit.pillars[pillar]
                return ReportScore(
                    node: .pillar(pillar), value: node?.score, coverage: node?.coverage ?? 0,
                    rank: unit.pillarRanks[pillar])
            }
            scores += TransitionTag.allCases.map { tag in
                let node = unit.transitions[tag]
                return ReportScore(
                    node: .transition(tag), value: node?.score, coverage: node?.coverage ?? 0,
                    rank: transitionRanks[tag]?[id])
            }
            scores.append(
                ReportScore(node: .index, value: unit.index.score, coverage: unit.index.coverage, rank: unit.rank))
            model.clusters[index].scores = scores
        }
    }

    /// Tells the diagnostics channel what the composite left out or warned about: each cluster
    /// screened out (with its data availability), indicators dropped by screening, and the weights'
    /// warnings (a principal component with loadings of both signs).
    static func report(_ result: CompositeResult, of model: ReportModel, to diagnostics: Diagnostics, file: String) {
        let location = InputLocation(file: file)
        for unit in result.units where !unit.included {
            let share = (unit.dataAvailability * 1000).rounded() / 10
            diagnostics.report(
                .warning(
                    .scoring, code: "screened-out",
                    "screened out of the composite scores: data for \(ReportText.number(share) ?? "0") % of the "
                        + "aggregated indicators, below the screening threshold; it gets no score and no rank",
                    location: location, cluster: unit.unit))
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
            + "low and high are the 5th and 95th percentiles of each cluster's index score, rankLow and "
            + "rankHigh those of its rank"
        let indices = analysis.sensitivity.map { entry in
            "\(entry.assumption) first-order \(ReportText.number(entry.firstOrder.map { ($0 * 1000).rounded() / 1000 }) ?? "–"), "
                + "total \(ReportText.number(entry.total.map { ($0 * 1000).rounded() / 1000 }) ?? "–")"
        }
        if !indices.isEmpty { text += "; sensitivity of the mean rank shift: " + indices.joined(separator: "; ") }
        model.methods.append(ReportMethod(name: "uncertainty", description: text))
    }
}
