internal import ClusterLensCore

/// The indicator tables of a cluster's section in the HTML report: the cluster's own indicators by
/// pillar (scored and ranked), and its context (region and country indicators, never ranked).
enum HTMLIndicatorTable {
    /// The table of the cluster's own indicators, grouped by pillar.
    static func performance(_ cluster: ReportCluster, model: ReportModel, ranks: RankCounts, label: String) -> String {
        let e = HTMLText.escape
        let rows = model.performanceIndicators
        let scored = cluster.values.contains { $0.score != nil }
        var html = "<div class=\"scroll\"><table class=\"indicators\">\n"
        html += "<caption>Indicators of \(e(cluster.name)): headline value (latest period with a value)"
        html +=
            scored
            ? "; raw, direction-adjusted and normalised (0–100) values side by side, with the rank among the report's clusters"
            : ""
        html +=
            "</caption>\n<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Value</th><th scope=\"col\">Period</th>"
        html += "<th scope=\"col\">Status</th>"
        if scored {
            html += "<th scope=\"col\" class=\"adjusted\" title=\"the value with lower-is-better indicators negated\">"
            html += "Adjusted</th><th scope=\"col\">Score</th>"
            html +=
                "<th scope=\"col\" title=\"among the clusters with a value; 100 = best\">Rank of n (percentile)</th>"
        }
        html += "<th scope=\"col\">Trend (range)</th></tr></thead>\n"
        let columns = scored ? 8 : 5
        for pillar in Pillar.allCases {
            let group = rows.filter { $0.pillar == pillar }
            guard !group.isEmpty else { continue }
            html += "<tbody><tr><th class=\"group\" scope=\"rowgroup\" colspan=\"\(columns)\">\(pillar)</th></tr>\n"
            let (present, missing) = split(group, of: cluster)
            for indicator in present {
                html += row(
                    indicator, of: cluster, model: model, ranks: ranks, label: label, scored: scored, context: false)
            }
            html += missingRows(missing, columns: columns)
            html += "</tbody>\n"
        }
        return html + "</table></div>\n"
    }

    /// The section on the cluster's region and country: the context indicators with what they
    /// describe, and the unranked context score; empty without context indicators.
    static func context(_ cluster: ReportCluster, model: ReportModel, ranks: RankCounts, label: String) -> String {
        let rows = model.contextIndicators
        guard !rows.isEmpty else { return "" }
        let e = HTMLText.escape
        var html = "<h3>The cluster's region and country</h3>\n<p class=\"small\">These indicators describe where "
        html += "the cluster is, all sectors together: every cluster in the same region (or country) has the same "
        html +=
            "values. They are context for reading the cluster's own figures and are not part of its scores or ranks."
        if let score = cluster.score(.context) {
            html += " Context score \(HTMLText.number(score.value)) of 100 (coverage "
            html += "\(HTMLText.number(score.coverage * 100)) %), not ranked."
        }
        html += "</p>\n<div class=\"scroll\"><table class=\"indicators\">\n"
        html += "<caption>Context of \(e(cluster.name)): headline value (latest period with a value)"
        html += "</caption>\n<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Describes</th>"
        html += "<th scope=\"col\">Value</th><th scope=\"col\">Period</th><th scope=\"col\">Status</th>"
        html += "<th scope=\"col\">Trend (range)</th></tr></thead>\n<tbody>\n"
        let (present, missing) = split(rows, of: cluster)
        for indicator in present {
            html += row(indicator, of: cluster, model: model, ranks: ranks, label: label, scored: false, context: true)
        }
        html += missingRows(missing, columns: 6)
        return html + "</tbody>\n</table></div>\n"
    }

    /// The indicators of `group` with a headline value, and those without any value in the report's
    /// periods (shown grouped by reason, not one row each).
    static func split(_ group: [ReportIndicator], of cluster: ReportCluster) -> (
        present: [ReportIndicator], missing: [(ReportIndicator, String)]
    ) {
        var present: [ReportIndicator] = []
        var missing: [(ReportIndicator, String)] = []
        for indicator in group {
            let values = cluster.values.filter { $0.indicator == indicator.id }
            if values.contains(where: { $0.value != nil }) || values.isEmpty {
                present.append(indicator)
            } else {
                let headline = values.first(where: \.isHeadline) ?? values.last
                missing.append((indicator, headline?.reason ?? "no value"))
            }
        }
        return (present, missing)
    }

    /// One row per distinct reason: "Missing (12): names — reason", without a period (there is no value).
    static func missingRows(_ missing: [(ReportIndicator, String)], columns: Int) -> String {
        guard !missing.isEmpty else { return "" }
        let e = HTMLText.escape
        var reasons: [String] = []
        var byReason: [String: [ReportIndicator]] = [:]
        for (indicator, reason) in missing {
            if byReason[reason] == nil { reasons.append(reason) }
            byReason[reason, default: []].append(indicator)
        }
        var html = ""
        for reason in reasons {
            let indicators = byReason[reason] ?? []
            html += "<tr class=\"missing-group\"><th scope=\"row\" colspan=\"\(columns)\">"
            html += "<span class=\"status-missing\">Missing (\(indicators.count))</span>: "
            html += indicators.map { "<span title=\"\(e($0.id))\">\(e($0.name))</span>" }.joined(separator: ", ")
            html += "<div class=\"reason\">\(e(reason))</div></th></tr>\n"
        }
        return html
    }

    /// What a context indicator describes for `cluster`: its regions, or its country.
    static func describes(_ scope: IndicatorScope, _ cluster: ReportCluster, model: ReportModel) -> String {
        let regions = cluster.definition.regions.codes
        switch scope {
        case .cluster:
            return "the cluster"
        case .region:
            return "region "
                + regions.map { code in
                    let name = model.codeNames.first { $0.dimension == "geo" && $0.code == code.code }?.name
                    return code.code + (name.map { " \($0)" } ?? "")
                }.joined(separator: ", ")
        case .country:
            let countries = Array(Set(regions.compactMap { $0.country?.code })).sorted()
            return "country " + countries.joined(separator: ", ")
        }
    }

    private static func row(
        _ indicator: ReportIndicator, of cluster: ReportCluster, model: ReportModel, ranks: RankCounts, label: String,
        scored: Bool, context: Bool
    ) -> String {
        let e = HTMLText.escape
        let values = cluster.values.filter { $0.indicator == indicator.id }
        guard let headline = values.first(where: \.isHeadline) ?? values.last else { return "" }
        var html =
            "<tr><th scope=\"row\">\(e(indicator.name)) <span class=\"small\"><code>\(e(indicator.id))</code></span>"
        if !context && indicator.scope.isContext {
            html += " <span class=\"flag\" title=\"describes the cluster's \(indicator.scope.rawValue)\">"
            html += "\(indicator.scope.rawValue)</span>"
        }
        if let reason = headline.reason { html += "<div class=\"reason\">\(e(reason))</div>" }
        if !headline.sources.isEmpty {
            html += "<details><summary class=\"small\">sources</summary><ul class=\"small\">"
            for source in headline.sources {
                let file = source.path.split(separator: "/").last.map(String.init) ?? source.path
                html += "<li><code>\(e(file))</code> \(e(HTMLText.shortDigest(source.sha256)))</li>"
            }
            html += "</ul></details>"
        }
        html += "</th>"
        if context { html += "<td>\(e(describes(indicator.scope, cluster, model: model)))</td>" }
        html +=
            "<td class=\"num\">\(HTMLText.number(headline.value)) <span class=\"small unit\">\(e(indicator.unit))</span>"
        if let note = headline.note {
            // The long note of a modelled value once in the tooltip; its gist in the cell.
            let short = note == ReportValue.modelledNote ? "modelled: no regional information" : note
            html += "<div class=\"note\" title=\"\(e(note))\">\(e(short))</div>"
        }
        html += "</td><td>\(e(headline.value == nil ? "–" : headline.period?.lexical ?? "–"))</td>"
        html +=
            "<td class=\"status-\(headline.status.rawValue)\">\(headline.status.rawValue) "
            + "\(HTMLReportExporter.badges(headline.flags.map(\.rawValue)))</td>"
        if scored {
            html += "<td class=\"num adjusted\">\(HTMLText.number(headline.directionAdjusted))</td>"
            html += "<td class=\"num\">\(HTMLText.number(headline.score))</td>"
            let percentile =
                headline.percentile.map { "<span class=\"rank\">percentile \(HTMLText.number($0))</span>" } ?? ""
            let rank = ReportModel.rankText(headline.rank, of: ranks.indicator(indicator.id))
            html += "<td class=\"num\">\(rank)\(headline.rank == nil ? "" : percentile)</td>"
        }
        let spark = SVGChart.sparkline(
            values.map(\.value), periods: values.map { $0.period?.lexical ?? "" }, label: "\(label)-\(indicator.id)")
        return html + "<td>\(spark ?? "")</td></tr>\n"
    }
}
