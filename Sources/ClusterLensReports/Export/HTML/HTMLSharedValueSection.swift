internal import ClusterLensCore

/// The HTML report's section "Shared value and the EEGC scorecard": an overview of the clusters with
/// initiative ledgers, the scorecard across them (``HTMLScorecardSection``), then per cluster its
/// initiatives — participants, recommendations, investment, the verdict, every outcome with its
/// baseline, latest value, improvement per EUR 1 million invested, progress and evidence, and the
/// participants against the other members — and its totals. Empty when no cluster has a ledger.
enum HTMLSharedValueSection {
    /// The section, or `""`.
    static func section(_ model: ReportModel) -> String {
        guard let part = model.sharedValue else { return "" }
        let e = HTMLText.escape
        let names = Dictionary(model.clusters.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var html = "<section id=\"shared-value\">\n<h2>Shared value and the EEGC scorecard</h2>\n"
        html += "<p class=\"small\">What each cluster does (its initiatives, from the ledger its definition names) "
        html += "and what it changes, for its firms and for its territory. An initiative is shared value only when "
        html += "both sides improved; figures are as the ledgers record them, each with its evidence, and per EUR 1 "
        html += "million of public and private money together. Progress is assessed as for the report's targets.</p>\n"
        html += "<div class=\"scroll\"><table>\n<caption>Clusters with an initiative ledger</caption>\n<thead><tr>"
        html += "<th scope=\"col\">Cluster</th><th scope=\"col\">Initiatives</th><th scope=\"col\">Shared value</th>"
        html += "<th scope=\"col\">Public EUR</th><th scope=\"col\">Private EUR</th><th scope=\"col\">Ledger</th>"
        html += "</tr></thead>\n<tbody>\n"
        for (index, cluster) in part.clusters.enumerated() {
            html +=
                "<tr><th scope=\"row\"><a href=\"#shared-value-\(index)\">\(e(names[cluster.cluster] ?? cluster.cluster))"
            html += "</a></th><td class=\"num\">\(cluster.ledger.initiatives.count)</td>"
            html += "<td class=\"num\">\(cluster.sharedValueCount)</td>"
            html +=
                "<td class=\"num\">\(money(cluster.publicEUR))</td><td class=\"num\">\(money(cluster.privateEUR))</td>"
            html += "<td><code class=\"small\">\(e(cluster.ledger.file.path))</code> <span class=\"small\">SHA-256 "
            html += "\(e(HTMLText.shortDigest(cluster.ledger.file.sha256)))</span></td></tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        html += HTMLScorecardSection.matrix(part, names: names)
        for (index, cluster) in part.clusters.enumerated() {
            html += self.cluster(cluster, number: index, name: names[cluster.cluster] ?? cluster.cluster, part: part)
        }
        return html + "</section>\n"
    }

    /// An amount in EUR, `not given` when unknown.
    static func money(_ value: Double?) -> String {
        value == nil ? "not given" : HTMLText.number(value)
    }

    private static func cluster(_ cluster: ClusterSharedValue, number: Int, name: String, part: SharedValueReport)
        -> String
    {
        let e = HTMLText.escape
        var html = "<section class=\"ledger\" id=\"shared-value-\(number)\">\n<h3>\(e(name)): initiatives</h3>\n"
        if let note = cluster.ledger.note { html += "<p class=\"warning\">\(e(note))</p>\n" }
        if !cluster.ledger.factors.isEmpty {
            html += "<table>\n<caption>Conversion factors declared in the ledger</caption>\n<thead><tr>"
            html += "<th scope=\"col\">Factor</th><th scope=\"col\">Rate</th><th scope=\"col\">Source</th></tr></thead>"
            html += "\n<tbody>\n"
            for factor in cluster.ledger.factors {
                html += "<tr><th scope=\"row\"><code>\(e(factor.id))</code></th><td>\(e(factor.rate))</td>"
                html += "<td class=\"small\">\(e(factor.source))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        html += glance(cluster, name: name)
        for initiative in cluster.ledger.initiatives {
            html += self.initiative(initiative, account: cluster.account(initiative.id), scorecard: part.scorecard)
        }
        html += totals(cluster, name: name)
        html += HTMLScorecardSection.detail(cluster, name: name, scorecard: part.scorecard)
        return html + "</section>\n"
    }

    /// The initiatives at a glance: what the firms and the territory got, side by side, and the verdict.
    private static func glance(_ cluster: ClusterSharedValue, name: String) -> String {
        let e = HTMLText.escape
        var html = "<div class=\"scroll\"><table>\n<caption>\(e(name)): each initiative's results for the firms "
        html += "and for the territory, side by side (improvement since the baseline; per EUR 1 million invested)"
        html += "</caption>\n<thead><tr><th scope=\"col\">Initiative</th><th scope=\"col\">Investment EUR</th>"
        html += "<th scope=\"col\">Firms</th><th scope=\"col\">Territory</th><th scope=\"col\">Shared value</th>"
        html += "</tr></thead>\n<tbody>\n"
        for initiative in cluster.ledger.initiatives {
            guard let account = cluster.account(initiative.id) else { continue }
            func results(_ side: OutcomeSide) -> String {
                let metrics = account.metrics.filter { $0.metric.side == side }
                guard !metrics.isEmpty else { return "no outcome" }
                return "<ul>"
                    + metrics.map { metric in
                        let unit = e(metric.metric.unit)
                        guard let improvement = metric.improvement else {
                            return "<li>\(e(metric.metric.name)): not measured yet</li>"
                        }
                        let perMillion =
                            metric.perEuro.map { " (\(HTMLText.number($0 * 1_000_000)) \(unit) per EUR 1 million)" }
                            ?? ""
                        return "<li>\(e(metric.metric.name)): \(HTMLText.number(improvement)) \(unit)\(perMillion)</li>"
                    }.joined() + "</ul>"
            }
            html += "<tr><th scope=\"row\">\(e(initiative.title))</th>"
            html += "<td class=\"num\">\(money(initiative.investment.totalEUR))</td>"
            html += "<td class=\"small\">\(results(.firms))</td><td class=\"small\">\(results(.territory))</td>"
            html += "<td class=\"\(account.isSharedValue ? "status-ok" : "warning")\">"
            html += account.isSharedValue ? "yes" : account.isMeasured ? "no" : "not yet"
            html += "</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    private static func initiative(
        _ initiative: Initiative, account: InitiativeAccount?, scorecard: RecommendationScorecard
    ) -> String {
        let e = HTMLText.escape
        var html = "<h4>\(e(initiative.title))</h4>\n"
        if let description = initiative.description { html += "<p>\(e(description))</p>\n" }
        html += "<dl class=\"definition\"><dt>Id</dt><dd><code>\(e(initiative.id))</code></dd>"
        let dates = initiative.start.lexical + " – " + (initiative.end?.lexical ?? "ongoing")
        html += "<dt>Dates</dt><dd>\(e(dates))</dd>"
        html += "<dt>Participants</dt><dd>\(initiative.members.count): "
        html += "\(e(initiative.members.joined(separator: ", ")))</dd><dt>Recommendations</dt><dd>"
        html += initiative.recommendations.map { number in
            "\(number) " + e(scorecard.recommendation(number)?.title ?? "")
        }.joined(separator: "; ")
        html += "</dd><dt>Transition</dt><dd>\(e(initiative.transitions.map(\.rawValue).joined(separator: ", ")))</dd>"
        let investment = initiative.investment
        html += "<dt>Investment</dt><dd>public EUR \(money(investment.publicEUR)), private EUR "
        html += "\(money(investment.privateEUR))"
        if let total = investment.totalEUR {
            html += ", total EUR \(HTMLText.number(total))"
            if let share = investment.publicShare { html += " (\(HTMLText.number(share * 100)) % public)" }
        }
        if let evidence = investment.evidence { html += " <span class=\"small\">— \(e(evidence))</span>" }
        html += "</dd></dl>\n"
        guard let account else { return html }
        let verdict =
            account.isSharedValue ? "Shared value" : account.isMeasured ? "Not shared value" : "Not shared value yet"
        let reason = account.verdict.split(separator: ":", maxSplits: 1).last.map(String.init) ?? account.verdict
        html += "<p class=\"\(account.isSharedValue ? "status-ok" : "warning")\"><strong>\(verdict)</strong>:"
        html += "\(e(reason))</p>\n"
        html += outcomes(account, title: initiative.title)
        html += comparisons(account.comparisons, title: initiative.title)
        return html
    }

    private static func outcomes(_ account: InitiativeAccount, title: String) -> String {
        guard !account.metrics.isEmpty else { return "<p class=\"warning\">No outcome metric is recorded.</p>\n" }
        let e = HTMLText.escape
        var html = "<div class=\"scroll\"><table>\n<caption>Outcomes of \(e(title)): baseline, latest measurement, "
        html += "the improvement (the change the right way round) and per EUR 1 million invested</caption>\n<thead><tr>"
        for column in [
            "Side", "Outcome", "Baseline", "Latest", "Improvement", "Per EUR 1 million", "Target", "Progress",
            "Evidence",
        ] {
            html += "<th scope=\"col\">\(column)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for metric in account.metrics {
            let outcome = metric.metric
            let unit = e(outcome.unit)
            html += "<tr><td>\(e(outcome.side.rawValue))<div class=\"small\">\(e(outcome.category.rawValue))</div></td>"
            html += "<th scope=\"row\">\(e(outcome.name))<div class=\"small\"><code>\(e(outcome.id))</code></div></th>"
            html +=
                "<td class=\"num\">\(HTMLText.number(outcome.baseline.value)) \(unit) (\(outcome.baseline.year))</td>"
            if let latest = outcome.latest {
                html += "<td class=\"num\">\(HTMLText.number(latest.value)) \(unit) (\(latest.year))</td>"
                html += "<td class=\"num\">\(HTMLText.number(metric.improvement)) \(unit)</td>"
            } else {
                html += "<td colspan=\"2\" class=\"status-missing\">not measured yet</td>"
            }
            html += "<td class=\"num\">"
            html +=
                metric.perEuro.map { "\(HTMLText.number($0 * 1_000_000)) \(unit)" }
                ?? "<span class=\"small\">\(e(metric.missing ?? ""))</span>"
            html += "</td><td class=\"num\">"
            html += outcome.target.map { "\(HTMLText.number($0.value)) \(unit) (\($0.year))" } ?? "–"
            html += "</td><td class=\"small\">\(e(metric.progress?.summary ?? "–"))</td>"
            html += "<td class=\"small\"><details><summary>method and \(outcome.evidence.count) source(s)</summary>"
            html += "<ul><li>method: \(e(outcome.method))</li>"
            html += outcome.evidence.map { "<li>\(e($0))</li>" }.joined()
            html += outcome.measured.compactMap { value in
                value.evidence.map { "<li>\(value.year): \(e($0))</li>" }
            }.joined()
            html += metric.inputs.map { "<li>\(e($0))</li>" }.joined()
            html += "</ul></details></td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    private static func comparisons(_ comparisons: [ParticipantComparison], title: String) -> String {
        guard !comparisons.isEmpty else { return "" }
        let e = HTMLText.escape
        var html = "<div class=\"scroll\"><table>\n<caption>Participants of \(e(title)) against the cluster's other "
        html += "members (member survey; firms that reported in both years)</caption>\n<thead><tr>"
        html += "<th scope=\"col\">Indicator</th><th scope=\"col\">Years</th><th scope=\"col\">Participants</th>"
        html += "<th scope=\"col\">Other members</th><th scope=\"col\">Difference of the changes</th>"
        html += "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n"
        for comparison in comparisons {
            let unit = e(comparison.unit)
            func group(_ group: GroupChange) -> String {
                "n = \(group.count): \(HTMLText.number(group.before)) → \(HTMLText.number(group.after)) "
                    + "(\(HTMLText.number(group.change)))"
            }
            let years = comparison.beforeYear.flatMap { before in comparison.afterYear.map { "\(before) → \($0)" } }
            html += "<tr><th scope=\"row\">\(e(comparison.name))<div class=\"small\">\(unit)</div></th>"
            html += "<td>\(years ?? "–")</td><td class=\"num\">\(group(comparison.participants))</td>"
            html += "<td class=\"num\">\(group(comparison.rest))</td><td class=\"num\">"
            html += HTMLText.number(comparison.difference)
            if let improvement = comparison.improvement {
                html +=
                    "<div class=\"small\">\(improvement > 0 ? "participants did better" : "participants did not do better")</div>"
            }
            html += "</td><td class=\"small\">"
            html += [comparison.warning, comparison.reason].compactMap { $0.map(e) }.joined(separator: "; ")
            html += "</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    private static func totals(_ cluster: ClusterSharedValue, name: String) -> String {
        guard !cluster.totals.isEmpty else { return "" }
        let e = HTMLText.escape
        var html = "<div class=\"scroll\"><table>\n<caption>\(e(name)): results of all initiatives by side, kind "
        html += "and unit (measured outcomes only)</caption>\n<thead><tr><th scope=\"col\">Side</th>"
        html += "<th scope=\"col\">Kind</th><th scope=\"col\">Improvement</th><th scope=\"col\">Investment EUR</th>"
        html += "<th scope=\"col\">Per EUR 1 million</th><th scope=\"col\">From</th></tr></thead>\n<tbody>\n"
        for total in cluster.totals {
            let unit = e(total.unit)
            html += "<tr><td>\(e(total.side.rawValue))</td><th scope=\"row\">\(e(total.category.rawValue))</th>"
            html += "<td class=\"num\">\(HTMLText.number(total.improvement)) \(unit)</td>"
            html += "<td class=\"num\">\(money(total.investmentEUR))</td><td class=\"num\">"
            html +=
                total.perEuro.map { "\(HTMLText.number($0 * 1_000_000)) \(unit)" }
                ?? "<span class=\"small\">\(e(total.missing ?? ""))</span>"
            html += "</td><td class=\"small\">\(e(total.metrics.joined(separator: ", ")))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }
}
