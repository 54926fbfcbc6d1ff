internal import ClusterLensCore

/// The HTML report's coverage section: which values exist, at a glance (``ReportCoverage``).
///
/// - Indicator × cluster: each headline value as `✓` (a value), its flags (flagged), `modelled` or
///   `missing` — a word or sign in every cell, colour only a second cue; a missing cell's reason is its
///   tooltip and the grouped reasons follow each cluster's indicator table.
/// - Indicator × year: how many clusters have a value in each year, out of how many.
enum HTMLCoverageSection {
    /// The section, or an empty string for a report without clusters.
    static func html(_ model: ReportModel, coverage: ReportCoverage) -> String {
        guard !model.clusters.isEmpty else { return "" }
        var html = "<section id=\"coverage\">\n<h2>Coverage</h2>\n"
        html += "<p class=\"small legend\"><span class=\"cov cov-value\">✓</span> a value "
        html += "<span class=\"cov cov-flagged\">e p</span> a value with flags (estimated, provisional, …) "
        html += "<span class=\"cov cov-modelled\">modelled</span> national figures by industry, no regional "
        html += "information <span class=\"cov cov-missing\">missing</span> no value (the reason shows on hover "
        html += "and in each cluster's table)</p>\n"
        html += matrix(model, coverage: coverage)
        html += years(model, coverage: coverage)
        return html + "</section>\n"
    }

    /// The indicator groups of both tables: the cluster's own indicators by pillar, then the context.
    static func groups(_ model: ReportModel) -> [(title: String, indicators: [ReportIndicator])] {
        var groups = Pillar.allCases.map { pillar in
            (title: pillar.rawValue.capitalized, indicators: model.performanceIndicators.filter { $0.pillar == pillar })
        }
        groups.append((title: "Region and country (context)", indicators: model.contextIndicators))
        return groups.filter { !$0.indicators.isEmpty }
    }

    private static func matrix(_ model: ReportModel, coverage: ReportCoverage) -> String {
        var footer = "<tfoot><tr><th scope=\"row\">Values (of \(model.indicators.count))</th>"
        for cluster in model.clusters {
            let count = coverage.count(cluster: cluster.id, among: model.indicators.map(\.id))
            footer += "<td class=\"num\">\(count.withValue)</td>"
        }
        return HTMLGroupedTable.html(
            tableClass: "coverage", caption: "Headline values: indicator × cluster",
            headers: HTMLGroupedTable.clusterHeaders(model), groups: groups(model),
            cells: { indicator in
                model.clusters.map { cell(coverage.cell(cluster: $0.id, indicator: indicator.id)) }.joined()
            }, footer: footer + "</tr></tfoot>\n")
    }

    private static func cell(_ cell: ReportCoverage.Cell?) -> String {
        guard let cell else { return "<td></td>" }
        let e = HTMLText.escape
        let period = cell.period.map { " (\($0.lexical))" } ?? ""
        switch cell.state {
        case .value:
            return "<td class=\"cov cov-value\" title=\"a value\(e(period))\">✓</td>"
        case .flagged:
            let flags = cell.flags.map(\.rawValue).joined(separator: " ")
            return "<td class=\"cov cov-flagged\" title=\"flagged\(e(period)): \(e(flags))\">\(e(flags))</td>"
        case .modelled:
            return "<td class=\"cov cov-modelled\" title=\"modelled\(e(period))\">modelled</td>"
        case .missing:
            return "<td class=\"cov cov-missing\" title=\"\(e(cell.reason ?? "missing"))\">missing</td>"
        }
    }

    /// The indicator × year table alone, as the coverage section of the overview page of many clusters.
    static func yearsSection(_ model: ReportModel, coverage: ReportCoverage) -> String {
        let table = years(model, coverage: coverage)
        guard !table.isEmpty else { return "" }
        return "<section id=\"coverage\">\n<h2>Coverage by year</h2>\n" + table + "</section>\n"
    }

    private static func years(_ model: ReportModel, coverage: ReportCoverage) -> String {
        guard coverage.periods.count > 1 else { return "" }
        let e = HTMLText.escape
        let total = model.clusters.count
        let counts = Dictionary(grouping: coverage.byPeriod, by: \.indicator)
        return HTMLGroupedTable.html(
            tableClass: "coverage years", caption: "Clusters with a value, indicator × year (of \(total))",
            headers: coverage.periods.map { "<th scope=\"col\" class=\"num\">\(e($0))</th>" }, groups: groups(model),
            cells: { indicator in
                (counts[indicator.id] ?? []).map { count in
                    let level = count.withValue == 0 ? "none" : count.withValue == total ? "all" : "some"
                    var title = "\(count.withValue) of \(total) clusters"
                    if count.flagged > 0 { title += ", \(count.flagged) flagged" }
                    if count.modelled > 0 { title += ", \(count.modelled) modelled" }
                    return "<td class=\"num years-\(level)\" title=\"\(e(title))\">"
                        + (count.withValue == 0 ? "–" : "\(count.withValue)") + "</td>"
                }.joined()
            })
    }
}
