internal import ClusterLensIndicators
internal import ClusterLensScoring

/// Adds benchmarks among the report's clusters (stars, U.S. Cluster Mapping classes, strengths and
/// weaknesses, similar clusters) and progress towards targets to a scored report model.
enum ReportBenchmarking {
    /// Benchmarks the clusters against each other (two or more clusters).
    static func benchmark(_ model: inout ReportModel) {
        guard model.clusters.count >= 2 else { return }
        let (stars, classes) = starsAndClasses(of: model.clusters)
        let scored = model.indicators.map(\.id)
        var profiles: [String: [Double?]] = [:]
        for cluster in model.clusters {
            let scores = Dictionary(
                cluster.headlines.map { ($0.indicator, $0.score) }, uniquingKeysWith: { first, _ in first })
            profiles[cluster.id] = scored.map { scores[$0] ?? nil }
        }
        let lists = StrengthsAndWeaknesses.of(
            profiles.mapValues { row in Dictionary(zip(scored, row), uniquingKeysWith: { first, _ in first }) },
            indicators: scored)
        let similar = PeerBenchmarks.mostSimilar(in: profiles)
        for index in model.clusters.indices {
            let id = model.clusters[index].id
            model.clusters[index].stars = stars[id] ?? nil
            model.clusters[index].mappingClass = classes[id]
            model.clusters[index].strengths = lists[id]?.strengths.map(\.indicator) ?? []
            model.clusters[index].weaknesses = lists[id]?.weaknesses.map(\.indicator) ?? []
            model.clusters[index].similar = (similar[id] ?? []).map {
                SimilarCluster(id: $0.unit, distance: $0.distance)
            }
        }
        model.methods.append(
            ReportMethod(
                name: "benchmarks",
                description:
                    "the population is the report's \(model.clusters.count) clusters; percentiles by linear "
                    + "interpolation (type 7); European Cluster Observatory stars (2008 preset): employment ≥ P90, "
                    + "location quotient ≥ 2, focus ≥ P90; U.S. Cluster Mapping classes over clusters with "
                    + "employment > 0: strong10 LQ ≥ P90, strong LQ ≥ P75 and ≥ 1, significant LQ > P50, "
                    + "qualifying LQ > P25, each with employment and local units above P25; strengths and "
                    + "weaknesses: the three highest and lowest normalised scores of the ranked indicators; similar clusters: root mean "
                    + "squared difference of normalised scores over at least three shared indicators"))
    }

    /// European Cluster Observatory stars (2008 preset) and U.S. Cluster Mapping classes of `clusters`,
    /// measured against one another: the percentiles are taken over these clusters.
    static func starsAndClasses(
        of clusters: [ReportCluster]
    ) -> (stars: [String: Int?], classes: [String: StrongClusterRule.Strength]) {
        var classInputs: [String: StrongClusterRule.Input] = [:]
        for cluster in clusters {
            let value = { (id: String) in cluster.headline(id)?.value }
            classInputs[cluster.id] = StrongClusterRule.Input(
                quotient: value("location_quotient"), employment: value("employment"),
                establishments: value("local_units"))
        }
        return (PeerBenchmarks.stars(starInputs(of: clusters)), StrongClusterRule().classify(classInputs))
    }

    /// The headline values of the star criteria (``ClusterLensScoring/PeerBenchmarks/eco2008``) by
    /// cluster id: what the stars, their counts and their charts are measured on.
    static func starInputs(of clusters: [ReportCluster]) -> [String: [String: Double]] {
        var inputs: [String: [String: Double]] = [:]
        for cluster in clusters {
            var metrics: [String: Double] = [:]
            for criterion in PeerBenchmarks.eco2008 {
                if let number = cluster.headline(criterion.metric)?.value { metrics[criterion.metric] = number }
            }
            inputs[cluster.id] = metrics
        }
        return inputs
    }

    /// Assesses progress towards each target for every cluster, on the values of its indicator over
    /// the report's periods (annual periods; one value per year).
    static func progress(
        _ model: inout ReportModel, targets: [IndicatorTarget], definitions: [IndicatorDefinition]
    ) {
        guard !targets.isEmpty else { return }
        let directions = Dictionary(definitions.map { ($0.id, $0.direction) }, uniquingKeysWith: { first, _ in first })
        for target in targets {
            let direction = target.direction ?? directions[target.indicator] ?? .higher
            for index in model.clusters.indices {
                let points = model.clusters[index].values.compactMap { value -> (year: Int, value: Double)? in
                    guard value.indicator == target.indicator, let number = value.value,
                        let year = value.period?.calendarYear
                    else { return nil }
                    return (year, number)
                }
                let result = ProgressAssessment.assess(
                    points, target: target.target, direction: direction, baseYear: target.baseYear)
                if let headline = model.clusters[index].values.firstIndex(where: {
                    $0.indicator == target.indicator && $0.isHeadline
                }) {
                    model.clusters[index].values[headline].progress = result
                }
            }
        }
        let listed = targets.map { target in
            target.target.map { "\(target.indicator) \(ReportText.number($0.value) ?? "") by \($0.year)" }
                ?? "\(target.indicator) (trend, no target)"
        }
        model.methods.append(
            ReportMethod(
                name: "progress towards targets",
                description:
                    "Eurostat's SDG method: observed CAGR against the CAGR needed to reach the target (≥ 95 % "
                    + "significant, 60–95 % moderate, 0–60 % insufficient progress, < 0 movement away); without "
                    + "a target, the direction-adjusted CAGR (> 1 %/yr significant progress … < −1 % significant "
                    + "movement away); with the Open SDG score (−5…+5). Targets: " + listed.joined(separator: "; ")))
    }
}
