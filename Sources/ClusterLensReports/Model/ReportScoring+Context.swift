internal import ClusterLensCore
internal import ClusterLensScoring

extension ReportScoring {
    /// Adds each cluster's context score: the context indicators (region and country) normalised,
    /// weighted and aggregated as the composite is, over the report's clusters, never ranked. Settings
    /// the context indicators cannot take (a target normalisation without targets) leave the score
    /// out with a warning: the context score is an aid to reading, not the report's result.
    static func scoreContext(
        _ model: inout ReportModel, panel: CompositePanel, settings: CompositeSettings, file: String,
        diagnostics: Diagnostics
    ) {
        let location = InputLocation(file: file)
        let result: CompositeResult
        do {
            result = try CompositeEngine.run(panel, settings: settings)
        } catch {
            diagnostics.report(
                .warning(
                    .scoring, code: "no-context-score",
                    "no context score: the composite settings do not suit the context indicators: \(error.message)",
                    location: location))
            return
        }
        let units = result.unitsByID
        for index in model.clusters.indices {
            let unit = units[model.clusters[index].id]
            if let unit, !unit.included {
                diagnostics.report(
                    .note(
                        .scoring, code: "no-context-score",
                        "no context score: data for \(ReportText.number((unit.dataAvailability * 1000).rounded() / 10) ?? "0") % "
                            + "of the context indicators, below the screening threshold",
                        location: location, cluster: unit.unit))
            }
            model.clusters[index].scores.append(
                ReportScore(node: .context, value: unit?.index.score, coverage: unit?.index.coverage ?? 0))
        }
        model.methods.append(
            ReportMethod(
                name: "context score",
                description:
                    "the \(result.indicators.count) context indicator(s) (\(result.indicators.joined(separator: ", "))) "
                    + "normalised, weighted and aggregated with the composite's settings over the report's clusters; "
                    + "it describes the cluster's region and country, which clusters in one place share, and is "
                    + "never ranked"))
    }

    /// The share of each pillar's weight with data, and of the index's, that rests on modelled values
    /// (``ClusterLensCore/ValueFlag/modelled``): Σ w of the modelled indicators with a score over Σ w
    /// of the indicators with a score, the pillars weighed by their weights in the index.
    static func modelledShares(
        of unit: UnitResult, in result: CompositeResult, cluster: ReportCluster, pillars: [String: Pillar]
    ) -> (pillars: [Pillar: Double], index: Double?) {
        var weighed: [Pillar: (all: Double, modelled: Double)] = [:]
        for (position, indicator) in result.indicators.enumerated() {
            guard unit.values[position].normalised != nil, let pillar = pillars[indicator] else { continue }
            let weight = result.indicatorWeights[indicator] ?? 0
            let modelled = cluster.headline(indicator)?.flags.contains(.modelled) == true
            weighed[pillar, default: (0, 0)].all += weight
            if modelled { weighed[pillar, default: (0, 0)].modelled += weight }
        }
        var shares: [Pillar: Double] = [:]
        for (pillar, weights) in weighed where weights.all > 0 && unit.pillars[pillar]?.score != nil {
            shares[pillar] = weights.modelled / weights.all
        }
        var total = 0.0
        var modelled = 0.0
        for (pillar, share) in shares {
            let weight = result.pillarWeights[pillar] ?? 0
            total += weight
            modelled += weight * share
        }
        return (shares, total > 0 ? modelled / total : nil)
    }
}

extension CompositeSettings {
    /// The settings without the goalposts and indicator weights of `indicators` (scored in another
    /// run: the context indicators apart from the composite's).
    func without(indicators: Set<String>) -> CompositeSettings {
        var settings = self
        settings.goalposts = goalposts.filter { !indicators.contains($0.key) }
        switch weighting {
        case .explicit(let weights, let pillars):
            settings.weighting = .explicit(
                indicators: weights.filter { !indicators.contains($0.key) }, pillars: pillars)
        case .importance(let weights, let pillars):
            settings.weighting = .importance(
                indicators: weights.filter { !indicators.contains($0.key) }, pillars: pillars)
        case .equal, .principalComponent:
            break
        }
        return settings
    }
}
