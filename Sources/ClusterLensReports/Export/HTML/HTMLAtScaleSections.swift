internal import ClusterLensCore
internal import ClusterLensScoring

/// The sections of the overview page of many clusters (``HTMLLargeReport``) that take the place of
/// the per-cluster matrices and charts, whose size grows with the clusters: one row per indicator
/// (how many clusters have it and the distribution of their values), the thresholds of the stars
/// and classes with how many clusters reach each, and the data-quality notes grouped by kind.
enum HTMLAtScaleSections {
    /// More notes than this are grouped by kind in the data-quality section.
    static let listedDiagnostics = 200

    /// "Each indicator across the clusters": per indicator, the clusters with a value, flagged,
    /// modelled or missing (with the most frequent reason), and the distribution of the headline
    /// values (minimum, P10, median, P90, maximum; type 7).
    static func indicators(_ model: ReportModel, coverage: ReportCoverage) -> String {
        let e = HTMLText.escape
        var states: [String: [ReportCoverage.State: Int]] = [:]
        var reasons: [String: [String: Int]] = [:]
        for cell in coverage.cells {
            states[cell.indicator, default: [:]][cell.state, default: 0] += 1
            if cell.state == .missing, let reason = cell.reason {
                reasons[cell.indicator, default: [:]][reason, default: 0] += 1
            }
        }
        // A region's or a country's figure counts once per place, not once per cluster in it (ten
        // clusters in one country would weigh its figure ten times in the percentiles).
        let scopes = Dictionary(model.indicators.map { ($0.id, $0.scope) }, uniquingKeysWith: { first, _ in first })
        var values: [String: [Double]] = [:]
        var placesSeen: [String: Set<String>] = [:]
        for cluster in model.clusters {
            let regions = cluster.definition.regions.codes
            for value in cluster.values where value.isHeadline {
                guard let number = value.value, number.isFinite else { continue }
                let place: String? =
                    switch scopes[value.indicator] ?? .cluster {
                    case .cluster: nil
                    case .region: regions.map(\.code).joined(separator: "+")
                    case .country: Set(regions.compactMap { $0.country?.code }).sorted().joined(separator: "+")
                    }
                if let place, !placesSeen[value.indicator, default: []].insert(place).inserted { continue }
                values[value.indicator, default: []].append(number)
            }
        }
        let total = model.clusters.count
        let headers = [
            "Unit", "With a value", "Flagged", "Modelled", "Missing (most frequent reason)", "Lowest", "P10",
            "Median", "P90", "Highest",
        ].map { "<th scope=\"col\">\($0)</th>" }
        var html = "<section id=\"indicators-across\">\n<h2>Each indicator across the clusters</h2>\n"
        html += "<p class=\"small\">The headline value of each of the \(total) clusters: how many have one, and how "
        html += "they are spread (percentiles by linear interpolation, type 7, over the clusters with a value; "
        html += "a region's or a country's figure counted once per region or country, not once per cluster in it). "
        html += "Each cluster's own values, ranks and reasons are on its page.</p>\n"
        html +=
            HTMLGroupedTable.html(
                tableClass: "across", caption: "Indicators × \(total) clusters",
                headers: headers, groups: HTMLCoverageSection.groups(model),
                cells: { indicator in
                    let count = states[indicator.id] ?? [:]
                    let flagged = count[.flagged, default: 0]
                    let modelled = count[.modelled, default: 0]
                    let withValue = count[.value, default: 0] + flagged + modelled
                    let missing = count[.missing, default: 0]
                    var reason = ""
                    if let top = reasons[indicator.id]?.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
                        reason = " <span class=\"small\">(\(top.value): \(e(top.key)))</span>"
                    }
                    let sorted = (values[indicator.id] ?? []).sorted()
                    func quantile(_ p: Double) -> String { HTMLText.number(PeerBenchmarks.quantile(sorted, p)) }
                    return
                        "<td>\(e(indicator.unit))</td><td class=\"num\">\(withValue)</td><td class=\"num\">\(flagged)</td>"
                        + "<td class=\"num\">\(modelled)</td><td>\(missing)\(reason)</td>"
                        + "<td class=\"num\">\(HTMLText.number(sorted.first))</td><td class=\"num\">\(quantile(0.1))</td>"
                        + "<td class=\"num\">\(quantile(0.5))</td><td class=\"num\">\(quantile(0.9))</td>"
                        + "<td class=\"num\">\(HTMLText.number(sorted.last))</td>"
                }) + "</section>\n"
        return html
    }

    /// A star's name: what it measures and the threshold's kind ("Size: employment at or above P90").
    static func starName(_ criterion: PeerBenchmarks.StarCriterion) -> String {
        let measure =
            switch criterion.metric {
            case "employment": "Size: employment"
            case "location_quotient": "Specialisation: the location quotient"
            case "cluster_focus": "Focus: the share of the region's jobs"
            default: criterion.metric
            }
        switch criterion.threshold {
        case .absolute(let value): return "\(measure) at or above \(HTMLText.number(value))"
        case .percentile(let p): return "\(measure) at or above P\(HTMLText.number(p * 100))"
        }
    }

    /// What the stars and classes are measured against, and how many clusters reach each.
    static func benchmarks(_ model: ReportModel) -> String {
        let thresholds = ClusterMapBuilder.thresholds(of: model.clusters)
        guard thresholds.regionsWithData > 0 else { return "" }
        let stars = PeerBenchmarks.starCounts(ReportBenchmarking.starInputs(of: model.clusters)).map { entry in
            (starName(entry.criterion), entry.threshold, entry.units)
        }
        var html = "<section id=\"comparison\">\n<h2>What the stars and classes are measured against</h2>\n"
        html += "<p class=\"small\">Percentiles are taken over these \(model.clusters.count) clusters (linear "
        html += "interpolation, type 7), not over all of Europe's.</p>\n"
        html += "<table class=\"thresholds\">\n<caption>European Cluster Observatory stars</caption>\n<thead><tr>"
        html += "<th scope=\"col\">Star</th><th scope=\"col\" class=\"num\">Threshold</th>"
        html += "<th scope=\"col\" class=\"num\">Clusters earning it</th></tr></thead>\n<tbody>\n"
        for (name, value, count) in stars {
            html += "<tr><td>\(HTMLText.escape(name))</td><td class=\"num\">\(HTMLText.number(value))</td>"
            html += "<td class=\"num\">\(count)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n" + HTMLComparisonSection.classTable(thresholds)
        var classes: [String: Int] = [:]
        for cluster in model.clusters { classes[cluster.mappingClass?.rawValue ?? "–", default: 0] += 1 }
        html += "<p class=\"small\">Clusters by class: "
        html += classes.sorted { $0.key < $1.key }.map { "\(HTMLText.escape($0.key)) \($0.value)" }.joined(
            separator: "; ")
        return html + ".</p>\n</section>\n"
    }

    /// The data-quality section: every note when there are few; else one row per kind of note, with
    /// how many there are, how many clusters they concern and the first as an example.
    static func dataQuality(_ model: ReportModel) -> String {
        guard model.diagnostics.count > listedDiagnostics else { return HTMLReportExporter.dataQuality(model) }
        let e = HTMLText.escape
        struct Group {
            var severity: String
            var code: String
            var count = 0
            var clusters: Set<String> = []
            var example: String
        }
        var groups: [String: Group] = [:]
        var order: [String] = []
        for diagnostic in model.diagnostics {
            let key = diagnostic.severity.rawValue + " " + diagnostic.code
            if groups[key] == nil {
                order.append(key)
                groups[key] = Group(
                    severity: diagnostic.severity.rawValue, code: diagnostic.code, example: diagnostic.description)
            }
            groups[key]?.count += 1
            if let cluster = diagnostic.cluster { groups[key]?.clusters.insert(cluster) }
        }
        let warnings = model.diagnostics.filter { $0.severity == .warning }.count
        var html = "<section id=\"data-quality\">\n<h2>Data quality</h2>\n<div class=\"scroll\"><table>\n"
        html += "<caption>\(warnings) warning(s) and \(model.diagnostics.count - warnings) note(s), by kind (each one, "
        html += "with its place, is in the JSON and XML reports)</caption>\n<thead><tr><th scope=\"col\">Kind</th>"
        html += "<th scope=\"col\" class=\"num\">How many</th><th scope=\"col\" class=\"num\">Clusters</th>"
        html += "<th scope=\"col\">The first</th></tr></thead>\n<tbody>\n"
        let sorted = order.compactMap { groups[$0] }.sorted {
            ($0.severity == "warning" ? 0 : 1, -$0.count) < ($1.severity == "warning" ? 0 : 1, -$1.count)
        }
        for group in sorted {
            html += "<tr><td>\(e(group.severity)) <span class=\"small\">\(e(group.code))</span></td>"
            html += "<td class=\"num\">\(group.count)</td><td class=\"num\">\(group.clusters.count)</td>"
            html += "<td class=\"small\">\(e(group.example))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }
}
