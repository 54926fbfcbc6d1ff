internal import ClusterLensCore

/// The charts of a cluster's scores in the HTML report: its pillars and its transitions as two
/// separate bar charts on the 0–100 scale (each bar labelled with its score and "rank k of n"), its
/// index with the Monte Carlo band, and its rank among the report's clusters.
enum HTMLScoreCharts {
    /// Whether the green transition scores exactly what the environmental pillar scores: every ranked
    /// environmental indicator is tagged green and no other ranked indicator is. Then the report shows
    /// environmental only and says so.
    static func greenEqualsEnvironmental(_ model: ReportModel) -> Bool {
        let ranked = model.performanceIndicators.filter { $0.direction != .none }
        let environmental = Set(ranked.filter { $0.pillar == .environmental }.map(\.id))
        let green = Set(ranked.filter { $0.tags.contains(.green) }.map(\.id))
        return !environmental.isEmpty && environmental == green
    }

    /// The transitions a report shows: green is left out when it equals the environmental pillar.
    static func transitions(_ model: ReportModel) -> [TransitionTag] {
        TransitionTag.allCases.filter { $0 != .green || !greenEqualsEnvironmental(model) }
    }

    /// The pillar and transition charts, the index band and the rank strip of one cluster.
    static func charts(
        _ cluster: ReportCluster, model: ReportModel, coverage: ReportCoverage, ranks: RankCounts, label: String
    ) -> String {
        guard !cluster.scores.isEmpty else { return "" }
        var html = "<div class=\"charts\">"
        html += figure(
            Pillar.allCases.map { ScoreNode.pillar($0) }, of: cluster, ranks: ranks, title: "Pillars",
            label: "\(label)-pillars",
            caption: "Pillars, 0–100 (higher is better), each with its rank")
        var caption = "Transitions, 0–100 (higher is better)"
        if greenEqualsEnvironmental(model) {
            caption += "; green is not shown: every environmental indicator is tagged green and no other, so green "
            caption += "equals the environmental pillar"
        }
        html += figure(
            transitions(model).map { ScoreNode.transition($0) }, of: cluster, ranks: ranks, title: "Transitions",
            label: "\(label)-transitions", caption: caption)
        if let index = cluster.score(.index) {
            html += self.index(
                index, of: cluster, model: model, coverage: coverage, count: ranks.node(.index), label: label)
        }
        return html + "</div>\n"
    }

    private static func figure(
        _ nodes: [ScoreNode], of cluster: ReportCluster, ranks: RankCounts, title: String, label: String,
        caption: String
    ) -> String {
        let rows = nodes.map { node -> SVGBarChart.Row in
            let score = cluster.score(node)
            var text = HTMLText.number(score?.value)
            if let rank = score?.rank { text += " · \(rank) of \(ranks.node(node))" }
            return SVGBarChart.Row(label: node.id.capitalized, value: score?.value, text: text)
        }
        let layout = SVGBarChart.Layout(labelWidth: 96, plotWidth: 210, valueWidth: 88, rowHeight: 22)
        let chart = SVGBarChart.scores(rows, title: "\(title) of \(cluster.name)", id: label, layout: layout)
        return "<figure class=\"chart\">\(chart)<figcaption>\(HTMLText.escape(caption))</figcaption></figure>"
    }

    private static func index(
        _ index: ReportScore, of cluster: ReportCluster, model: ReportModel, coverage: ReportCoverage, count: Int,
        label: String
    ) -> String {
        var html = "<figure class=\"chart\">"
        html += SVGChart.indexBand(value: index.value, low: index.low, high: index.high, label: "\(label)-index")
        html += "<figcaption>Index \(HTMLText.number(index.value))"
        if let low = index.low, let high = index.high {
            html += " (90 % of Monte Carlo runs between \(HTMLText.number(low)) and \(HTMLText.number(high)))"
        }
        if let low = index.rankLow, let high = index.rankHigh {
            html +=
                low == high
                ? "; rank \(HTMLText.number(low)) of \(count) in 90 % of runs"
                : "; rank between \(HTMLText.number(low)) and \(HTMLText.number(high)) of \(count) in 90 % of runs"
        }
        let ranked = model.performanceIndicators.filter { $0.direction != .none }.map(\.id)
        let values = coverage.count(cluster: cluster.id, among: ranked)
        html += ". It rests on values for \(values.withValue) of the \(values.of) ranked indicators"
        html += " (\(HTMLText.number(index.coverage * 100)) % of the index's weight has data).</figcaption>"
        if let rank = index.rank {
            html += SVGChart.rankStrip(rank: rank, count: count, label: "\(label)-rank")
        }
        return html + "</figure>"
    }
}
