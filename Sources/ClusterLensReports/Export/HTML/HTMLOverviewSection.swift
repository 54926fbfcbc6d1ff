internal import ClusterLensCore

/// The HTML report's overview: one row per cluster with its index, pillar and transition scores and
/// their ranks, the context score, how many ranked indicators have a value, stars and class.
///
/// A report of a few clusters shows each rank as "k of n" in its cell. A report of many (the
/// overview page of ``HTMLLargeReport``) keeps rows short — the rank beside the score, "of n" in the
/// column header — and marks the table for the page's sorting and filtering script
/// (``HTMLTableScript``): each cell carries the number it sorts by, each row the text it is found by.
enum HTMLOverviewSection {
    /// How the overview links each cluster to its details.
    enum Layout {
        /// Every cluster's section in the same page (`#cluster-N`).
        case onePage
        /// The overview page of many clusters: each cluster's page beside it, at the relative link given.
        case overviewPage(links: [String])
    }

    /// The section.
    static func html(_ model: ReportModel, coverage: ReportCoverage, layout: Layout) -> String {
        let e = HTMLText.escape
        var html = "<section id=\"overview\">\n<h2>Overview</h2>\n"
        let scored = model.clusters.contains { !$0.scores.isEmpty }
        let ranked = model.performanceIndicators.filter { $0.direction != .none }.map(\.id)
        let nodes: [ScoreNode] =
            [.index] + Pillar.allCases.map { .pillar($0) } + HTMLScoreCharts.transitions(model).map { .transition($0) }
        let counts = Dictionary(
            nodes.map { ($0, model.rankedCount(node: $0)) }, uniquingKeysWith: { first, _ in first })
        let context = model.clusters.contains { $0.score(.context) != nil }
        var links: [String]?
        if case .overviewPage(let pages) = layout {
            links = pages
            html += HTMLTableScript.controls(table: "overview-table", total: model.clusters.count)
        }
        let compact = links != nil
        html += "<div class=\"scroll\"><table class=\"overview\"\(compact ? " id=\"overview-table\"" : "")>\n"
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
                let of = compact ? " <span class=\"rank\">rank of \(counts[node] ?? 0)</span>" : ""
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
            if compact {
                let search = [cluster.name, cluster.id, regions, sectors].joined(separator: " ").lowercased()
                html += "<tr data-find=\"\(e(search))\">"
            } else {
                html += "<tr>"
            }
            html += "<th scope=\"row\"><a href=\"\(e(href))\">\(e(cluster.name))</a></th>"
            html += "<td class=\"where\">\(e(regions))</td><td class=\"where\">\(e(sectors))</td>"
            if scored, cluster.screenedOut != nil {
                html += "<td colspan=\"\(nodes.count)\" class=\"status-missing\">screened out: too few values</td>"
            } else if scored {
                for node in nodes {
                    let entry = cluster.score(node)
                    let rank = entry?.rank.map {
                        "<span class=\"rank\">\($0)\(compact ? "" : " of \(counts[node] ?? 0)")</span>"
                    }
                    html += numberCell(
                        entry?.value, compact: compact, text: HTMLText.number(entry?.value) + (rank ?? ""))
                }
            }
            if context {
                let value = cluster.score(.context)?.value
                html += numberCell(value, compact: compact, text: HTMLText.number(value))
            }
            let values = coverage.count(cluster: cluster.id, among: ranked)
            html += numberCell(Double(values.withValue), compact: compact, text: "\(values.withValue) of \(values.of)")
            html += numberCell(
                cluster.stars.map(Double.init), compact: compact, text: cluster.stars.map { "\($0) of 3" } ?? "–")
            html += "<td>\(e(cluster.mappingClass?.rawValue ?? "–"))</td></tr>\n"
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

    /// A numeric cell; on the overview page of many clusters it carries the number it sorts by.
    private static func numberCell(_ value: Double?, compact: Bool, text: String) -> String {
        guard compact else { return "<td class=\"num\">\(text)</td>" }
        let key = value.map { $0.isFinite ? "\($0)" : "" } ?? ""
        return "<td class=\"num\" data-v=\"\(key)\">\(text)</td>"
    }
}
