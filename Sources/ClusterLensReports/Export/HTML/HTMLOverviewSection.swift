internal import ClusterLensCore

/// The HTML report's overview: one row per cluster with its index, pillar and transition scores and
/// their ranks, the context score, how many ranked indicators have a value, stars and class.
///
/// A report of a few clusters shows each rank as "k of n" in its cell. A report of many (the
/// overview page of ``HTMLLargeReport``) keeps rows short — about 250 bytes: the rank under the score
/// with "of n" in the column header, no class on a number cell (the table's style aligns them), cells
/// not closed (HTML closes them) — and gives the table an id for the page's sorting and finding
/// script (``HTMLTableScript``), which reads the numbers and the text the cells show.
enum HTMLOverviewSection {
    /// How the overview links each cluster to its details.
    enum Layout {
        /// Every cluster's section in the same page (`#cluster-N`).
        case onePage
        /// The overview page of many clusters: each cluster's page beside it, at the relative link given.
        case overviewPage(links: [String])
    }

    /// The section.
    static func html(_ model: ReportModel, coverage: ReportCoverage, ranks: RankCounts, layout: Layout) -> String {
        let e = HTMLText.escape
        var html = "<section id=\"overview\">\n<h2>Overview</h2>\n"
        let scored = model.clusters.contains { !$0.scores.isEmpty }
        let ranked = model.performanceIndicators.filter { $0.direction != .none }.map(\.id)
        // A score no cluster has (a pillar without indicators in the report) gets no column.
        let nodes: [ScoreNode] =
            ([.index] + Pillar.allCases.map { .pillar($0) } + HTMLScoreCharts.transitions(model).map { .transition($0) })
            .filter { node in model.clusters.contains { $0.score(node)?.value != nil } }
        let context = model.clusters.contains { $0.score(.context) != nil }
        var links: [String]?
        if case .overviewPage(let pages) = layout {
            links = pages
            html += HTMLTableScript.controls(table: "overview-table", total: model.clusters.count)
        }
        let compact = links != nil
        html += "<div class=\"scroll\"><table class=\"overview\(compact ? " compact\" id=\"overview-table" : "")\">\n"
        html += "<caption>\(model.clusters.count) clusters, \(model.indicators.count) indicators"
        if scored {
            html += "; scores 0–100 (higher is better), each with its rank among the clusters that have it (1 = best"
            html += compact ? ", \"of n\" in the column's header)" : ")"
            html += "; values: how many of the \(ranked.count) ranked indicators have a value"
        }
        html += "</caption>\n<thead><tr>"
        html += header("Cluster", sort: compact ? "text" : nil)
        html += header("Regions", sort: compact ? "text" : nil, cellClass: "where")
        html += header("Sectors", sort: compact ? "text" : nil, cellClass: "where")
        if scored {
            for node in nodes {
                let of = compact ? " <span class=\"rank\">rank of \(ranks.node(node))</span>" : ""
                html += header(node.id.capitalized + of, sort: compact ? "number" : nil)
            }
        }
        if context {
            html += header(
                "Context", sort: compact ? "number" : nil, title: "the region and country indicators, not ranked")
        }
        html += header("Values", sort: compact ? "number" : nil, title: "ranked indicators with a value")
        html += header("Stars", sort: compact ? "number" : nil) + header("Class", sort: compact ? "text" : nil)
        html += "</tr></thead>\n<tbody>\n"
        for (index, cluster) in model.clusters.enumerated() {
            let href = links.map { $0[index] } ?? "#cluster-\(index)"
            let regions = cluster.definition.regions.codes.map(\.code).joined(separator: ", ")
            let sectors = cluster.definition.sectors.codes.map(\.dottedNotation).joined(separator: ", ")
            // Cells of the compact table are not closed: the next cell, row or `</tbody>` closes them.
            let close = compact ? "" : "</td>"
            let number = compact ? "<td>" : "<td class=\"num\">"
            html += "<tr><th scope=\"row\"><a href=\"\(e(href))\">\(e(cluster.name))</a></th>"
            html += "<td class=\"where\">\(e(regions))\(close)<td class=\"where\">\(e(sectors))\(close)"
            if scored, cluster.screenedOut != nil {
                html += "<td colspan=\"\(nodes.count)\" class=\"status-missing\">screened out: too few values\(close)"
            } else if scored {
                for node in nodes {
                    let entry = cluster.score(node)
                    let rank = entry?.rank.map {
                        compact ? "<small>\($0)</small>" : "<span class=\"rank\">\($0) of \(ranks.node(node))</span>"
                    }
                    html += number + HTMLText.number(entry?.value) + (rank ?? "") + close
                }
            }
            if context { html += number + HTMLText.number(cluster.score(.context)?.value) + close }
            let values = coverage.count(cluster: cluster.id, among: ranked)
            html += number + "\(values.withValue) of \(values.of)" + close
            html += number + (cluster.stars.map { "\($0) of 3" } ?? "–") + close
            html += "<td>\(e(cluster.mappingClass?.rawValue ?? "–"))\(close)</tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        let screened = model.clusters.filter { $0.screenedOut != nil }
        if !screened.isEmpty {
            html += "<p class=\"warning\">Not scored or ranked (\(screened.count)):</p>\n<ul>"
            for cluster in screened.prefix(compact ? 50 : screened.count) {
                html += "<li>\(e(cluster.name)): \(e(cluster.screenedOut ?? ""))</li>"
            }
            if screened.count > 50 && compact {
                html += "<li>… and \(screened.count - 50) more, each marked in the table</li>"
            }
            html += "</ul>\n"
        }
        if context {
            html += "<p class=\"small\">Context: the cluster's region and country indicators aggregated on their "
            html += "own (0–100); clusters in one place share it, so it is never ranked.</p>\n"
        }
        if scored && HTMLScoreCharts.greenEqualsEnvironmental(model) {
            html += "<p class=\"small\">Green is not shown: every environmental indicator is tagged green and no "
            html += "other, so the green transition equals the environmental pillar.</p>\n"
        }
        return html + "</section>\n"
    }

    private static func header(_ label: String, sort: String?, cellClass: String? = nil, title: String? = nil)
        -> String
    {
        var html = "<th scope=\"col\""
        if let cellClass { html += " class=\"\(cellClass)\"" }
        if let title { html += " title=\"\(HTMLText.escape(title))\"" }
        if let sort { html += " data-sort=\"\(sort)\"" }
        return html + ">\(label)</th>"
    }
}
