internal import ClusterLensCore

/// The scorecard parts of the HTML report's shared-value section: the recommendations against the
/// clusters with a ledger (a status in words in each cell, never colour alone), and per cluster the
/// recommendations with their initiatives, evidence and the evidence indicators' headline values.
enum HTMLScorecardSection {
    /// The table of every recommendation × cluster status.
    static func matrix(_ part: SharedValueReport, names: [String: String]) -> String {
        let e = HTMLText.escape
        var html = "<div class=\"scroll\"><table>\n<caption>\(e(part.scorecard.title)): status per cluster "
        html += "(addressed with evidence: an initiative serving it has measured an outcome)</caption>\n<thead><tr>"
        html += "<th scope=\"col\">No.</th><th scope=\"col\">Group</th><th scope=\"col\">Recommendation</th>"
        for cluster in part.clusters {
            html += "<th scope=\"col\">\(e(names[cluster.cluster] ?? cluster.cluster))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for recommendation in part.scorecard.recommendations {
            html += "<tr><td class=\"num\">\(recommendation.number)</td><td>\(e(recommendation.group.rawValue))</td>"
            html += "<th scope=\"row\">\(e(recommendation.title))</th>"
            for cluster in part.clusters {
                let entry = cluster.scorecard.first { $0.recommendation == recommendation.number }
                html += entry.map(cell) ?? "<td>–</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n<p class=\"small\">\(e(part.scorecard.source)).</p>\n"
    }

    /// A status cell: the status in words, with the initiatives serving it.
    private static func cell(_ entry: ScorecardEntry) -> String {
        let style: String
        switch entry.status {
        case .addressedWithEvidence: style = "status-ok"
        case .addressedWithoutEvidence: style = ""
        case .notAddressed: style = "small"
        }
        var html = "<td class=\"\(style)\">\(HTMLText.escape(entry.status.label))"
        if !entry.initiatives.isEmpty {
            html += "<div class=\"small\">\(HTMLText.escape(entry.initiatives.joined(separator: ", ")))</div>"
        }
        return html + "</td>"
    }

    /// One cluster's recommendations in detail.
    static func detail(_ cluster: ClusterSharedValue, name: String, scorecard: RecommendationScorecard) -> String {
        let e = HTMLText.escape
        var html = "<div class=\"scroll\"><table>\n<caption>\(e(name)): recommendation by recommendation — "
        html += "initiatives, their measured outcomes and the statistics that bear on it (headline value, score "
        html += "0–100, progress)</caption>\n<thead><tr><th scope=\"col\">No.</th><th scope=\"col\">Recommendation</th>"
        html += "<th scope=\"col\">Status</th><th scope=\"col\">Initiatives and measured outcomes</th>"
        html += "<th scope=\"col\">Evidence indicators</th></tr></thead>\n<tbody>\n"
        for entry in cluster.scorecard {
            let recommendation = scorecard.recommendation(entry.recommendation)
            html += "<tr><td class=\"num\">\(entry.recommendation)</td>"
            html += "<th scope=\"row\">\(e(recommendation?.title ?? ""))<div class=\"small\">"
            html += "\(e(recommendation?.group.rawValue ?? ""))</div></th>\(cell(entry))<td class=\"small\">"
            html += entry.initiatives.isEmpty ? "–" : e(entry.initiatives.joined(separator: ", "))
            if !entry.evidence.isEmpty { html += "<div>measured: \(e(entry.evidence.joined(separator: ", ")))</div>" }
            html += "</td><td class=\"small\"><ul>"
            for indicator in entry.indicators {
                html += "<li><code>\(e(indicator.id))</code>: "
                if !indicator.inReport {
                    html += "not computed in this report"
                } else if let value = indicator.value {
                    html += "\(HTMLText.number(value)) (\(e(indicator.period ?? "")))"
                    if let score = indicator.score { html += ", score \(HTMLText.number(score))" }
                    if let progress = indicator.progress { html += "; \(e(progress))" }
                } else {
                    html += "missing: \(e(indicator.reason ?? "no reason given"))"
                }
                html += "</li>"
            }
            html += "</ul></td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }
}
