internal import ClusterLensCore
internal import ClusterLensScoring

/// The HTML report's comparison section: the clusters side by side.
///
/// - A heatmap of normalised scores (ranked indicators × clusters), each cell with its number.
/// - What the stars and classes are measured against: employment, location quotient and focus of every
///   cluster with the thresholds (percentiles over these clusters), the stars each one earns.
/// - One bar chart per indicator across the clusters, in report order, with the rank "k of n".
enum HTMLComparisonSection {
    /// The section; empty with fewer than two clusters (nothing to compare).
    static func html(_ model: ReportModel) -> String {
        guard model.clusters.count >= 2 else { return "" }
        var html = "<section id=\"comparison\">\n<h2>Comparison</h2>\n"
        html += heatmap(model)
        html += benchmarks(model)
        html += indicatorCharts(model)
        return html + "</section>\n"
    }

    private static func heatmap(_ model: ReportModel) -> String {
        let ranked = model.performanceIndicators.filter { $0.direction != .none }
        guard model.clusters.contains(where: { $0.headlines.contains { $0.score != nil } }) else { return "" }
        let groups = Pillar.allCases.map { pillar in
            (title: pillar.rawValue.capitalized, indicators: ranked.filter { $0.pillar == pillar })
        }.filter { !$0.indicators.isEmpty }
        return "<h3>Scores, indicator by indicator</h3>\n"
            + HTMLGroupedTable.html(
                tableClass: "heatmap",
                caption: "Normalised scores (0 = the weakest of these clusters, 100 = the strongest; darker is "
                    + "better, – no value)",
                headers: HTMLGroupedTable.clusterHeaders(model), groups: groups,
                cells: { indicator in
                    model.clusters.map { cluster in
                        guard let score = cluster.headline(indicator.id)?.score else {
                            return "<td class=\"heat heat-none\">–</td>"
                        }
                        return "<td class=\"heat heat-\(heatLevel(score))\">\(Int(score.rounded()))</td>"
                    }.joined()
                })
    }

    /// The colour step of a score: 0 (0–20) to 4 (80–100).
    static func heatLevel(_ score: Double) -> Int {
        min(4, max(0, Int(score / 20)))
    }

    private static func benchmarks(_ model: ReportModel) -> String {
        let thresholds = ClusterMapBuilder.thresholds(of: model.clusters)
        guard thresholds.regionsWithData > 0 else { return "" }
        let n = model.clusters.count
        var html = "<h3>What the stars and classes are measured against</h3>\n"
        html += "<p class=\"small\">Percentiles are taken over these \(n) clusters (linear interpolation, type 7), "
        html += "not over all of Europe's; a star (★) is earned at the line.</p>\n<div class=\"charts\">"
        // The criteria and thresholds of the stars themselves (PeerBenchmarks.eco2008), drawn as lines.
        for star in PeerBenchmarks.starCounts(ReportBenchmarking.starInputs(of: model.clusters)) {
            let label =
                switch star.criterion.threshold {
                case .absolute: "star"
                case .percentile(let p): "P\(HTMLText.number(p * 100))"
                }
            html += distribution(
                model, indicator: star.criterion.metric, threshold: star.threshold.map { (label, $0) },
                caption: "\(HTMLAtScaleSections.starName(star.criterion)) (\(star.units) of \(n) clusters earn it)")
        }
        html += "</div>\n"
        return html + classTable(thresholds)
    }

    /// The U.S. Cluster Mapping classes' thresholds: the percentiles over the report's clusters.
    static func classTable(_ thresholds: ClusterMap.Thresholds) -> String {
        let classes: [(String, Double?)] = [
            ("strong10: LQ at or above P90", thresholds.quotientP90),
            ("strong: LQ at or above P75 (and at least 1)", thresholds.quotientP75),
            ("significant: LQ above P50", thresholds.quotientP50), ("qualifying: LQ above P25", thresholds.quotientP25),
            ("every class: employment above P25", thresholds.employmentP25),
            ("every class: local units above P25", thresholds.localUnitsP25),
        ]
        var html = "<table class=\"thresholds\">\n<caption>U.S. Cluster Mapping classes: the percentiles over these "
        html += "clusters</caption>\n<thead><tr><th scope=\"col\">Class</th><th scope=\"col\" class=\"num\">Threshold"
        html += "</th></tr></thead>\n<tbody>\n"
        for (name, value) in classes {
            html += "<tr><td>\(HTMLText.escape(name))</td><td class=\"num\">\(HTMLText.number(value))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private static func distribution(
        _ model: ReportModel, indicator id: String, threshold: (String, Double)?, caption: String
    ) -> String {
        guard let indicator = model.indicator(id) else { return "" }
        let rows = model.clusters.map { cluster -> SVGBarChart.Row in
            let value = cluster.headline(id)?.value
            let star = PeerBenchmarks.earns(value, threshold: threshold?.1) ? " ★" : ""
            return SVGBarChart.Row(label: cluster.name, value: value, text: HTMLText.number(value) + star)
        }
        let lines = threshold.map { [SVGBarChart.Threshold(label: "\($0.0) \(HTMLText.number($0.1))", value: $0.1)] }
        let chart = SVGBarChart.values(
            rows, thresholds: lines ?? [], title: "\(indicator.name) of the report's clusters",
            id: "bench-\(id)")
        return "<figure class=\"chart\">\(chart)<figcaption>\(HTMLText.escape(caption)) "
            + "(\(HTMLText.escape(indicator.unit)))</figcaption></figure>"
    }

    private static func indicatorCharts(_ model: ReportModel) -> String {
        let ranks = RankCounts(model)
        var html = "<h3>Each indicator across the clusters</h3>\n"
        html += "<p class=\"small\">The latest value of each cluster (same order in every chart); ranks count the "
        html += "clusters with a value; the scale starts at zero.</p>\n"
        for group in HTMLCoverageSection.groups(model) {
            html += "<h4>\(HTMLText.escape(group.title))</h4>\n<div class=\"smallmultiples\">"
            for indicator in group.indicators { html += chart(indicator, model: model, ranks: ranks) }
            html += "</div>\n"
        }
        return html
    }

    private static func chart(_ indicator: ReportIndicator, model: ReportModel, ranks: RankCounts) -> String {
        let count = ranks.indicator(indicator.id)
        let rows = model.clusters.map { cluster -> SVGBarChart.Row in
            let headline = cluster.headline(indicator.id)
            var text = HTMLText.number(headline?.value)
            if let rank = headline?.rank { text += " · \(rank) of \(count)" }
            return SVGBarChart.Row(label: cluster.name, value: headline?.value, text: text)
        }
        var direction =
            indicator.direction == .none ? "descriptive" : "\(indicator.direction.rawValue) is better"
        switch indicator.scope {
        case .cluster: break
        case .region: direction += "; the figure of each cluster's region, not of the cluster"
        case .country: direction += "; the figure of each cluster's country, not of the cluster"
        }
        let chart = SVGBarChart.values(rows, title: indicator.name, id: "cmp-\(indicator.id)")
        return "<figure class=\"chart\"><figcaption><strong>\(HTMLText.escape(indicator.name))</strong> "
            + "<span class=\"small\">\(HTMLText.escape(indicator.unit)); \(direction)</span></figcaption>"
            + chart + "</figure>"
    }
}
