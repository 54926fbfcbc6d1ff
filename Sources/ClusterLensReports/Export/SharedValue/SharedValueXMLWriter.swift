internal import ClusterLensCore
internal import ClusterLensScoring
internal import ClusterLensXML

/// Writes the report's `<sharedValue>` element (absent when no cluster has an initiative ledger):
/// the scorecard, then one `<ledger>` per cluster with its initiatives, accounts, comparisons, totals
/// and scorecard entries (`Reports/schema/clusterlens-report.xsd`). Missing numbers are absent
/// attributes.
enum SharedValueXMLWriter {
    static func write(_ part: SharedValueReport?, _ xml: XMLWriter) throws(XMLError) {
        guard let part else { return }
        try xml.startElement("sharedValue")
        try xml.attribute("minimumFirms", String(part.minimumFirms))
        try scorecard(part.scorecard, xml)
        for cluster in part.clusters { try ledger(cluster, xml) }
        try xml.endElement()
    }

    private static func number(_ name: String, _ value: Double?, _ xml: XMLWriter) throws(XMLError) {
        if let text = ReportText.number(value) { try xml.attribute(name, text) }
    }

    private static func scorecard(_ scorecard: RecommendationScorecard, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("scorecard")
        try xml.attribute("id", scorecard.id)
        try xml.attribute("path", scorecard.file.path)
        try xml.attribute("sha256", scorecard.file.sha256)
        try xml.element("title", text: scorecard.title)
        try xml.element("source", text: scorecard.source)
        for recommendation in scorecard.recommendations {
            try xml.startElement("recommendation")
            try xml.attribute("number", String(recommendation.number))
            try xml.attribute("group", recommendation.group.rawValue)
            try xml.element("title", text: recommendation.title)
            for indicator in recommendation.indicators { try xml.element("indicator", text: indicator) }
            try xml.endElement()
        }
        try xml.endElement()
    }

    private static func ledger(_ cluster: ClusterSharedValue, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("ledger")
        try xml.attribute("cluster", cluster.cluster)
        try xml.attribute("path", cluster.ledger.file.path)
        try xml.attribute("sha256", cluster.ledger.file.sha256)
        try xml.attribute("sharedValueInitiatives", String(cluster.sharedValueCount))
        try number("publicEUR", cluster.publicEUR, xml)
        try number("privateEUR", cluster.privateEUR, xml)
        if let note = cluster.ledger.note { try xml.element("note", text: note) }
        for factor in cluster.ledger.factors {
            try xml.startElement("factor")
            try xml.attribute("id", factor.id)
            try number("value", factor.value, xml)
            try xml.attribute("from", factor.from)
            try xml.attribute("to", factor.to)
            try xml.element("source", text: factor.source)
            try xml.endElement()
        }
        for initiative in cluster.ledger.initiatives {
            try self.initiative(initiative, account: cluster.account(initiative.id), xml)
        }
        for total in cluster.totals { try self.total(total, xml) }
        for entry in cluster.scorecard { try self.entry(entry, xml) }
        try xml.endElement()
    }

    private static func initiative(_ initiative: Initiative, account: InitiativeAccount?, _ xml: XMLWriter)
        throws(XMLError)
    {
        try xml.startElement("initiative")
        try xml.attribute("id", initiative.id)
        try xml.attribute("start", initiative.start.lexical)
        if let end = initiative.end { try xml.attribute("end", end.lexical) }
        try xml.attribute("sharedValue", account?.isSharedValue == true ? "true" : "false")
        try number("publicEUR", initiative.investment.publicEUR, xml)
        try number("privateEUR", initiative.investment.privateEUR, xml)
        try number("totalEUR", initiative.investment.totalEUR, xml)
        try number("publicShare", initiative.investment.publicShare, xml)
        try xml.element("title", text: initiative.title)
        if let description = initiative.description { try xml.element("description", text: description) }
        for member in initiative.members { try xml.element("member", text: member) }
        for number in initiative.recommendations { try xml.element("recommendation", text: String(number)) }
        for transition in initiative.transitions { try xml.element("transition", text: transition.rawValue) }
        if let evidence = initiative.investment.evidence { try xml.element("investmentEvidence", text: evidence) }
        if let missing = initiative.investment.missingReason { try xml.element("investmentMissing", text: missing) }
        if let account {
            try xml.element("verdict", text: account.verdict)
            for side in OutcomeSide.allCases {
                let result = account.side(side)
                try xml.startElement("side")
                try xml.attribute("name", side.rawValue)
                try xml.attribute("status", result.status.rawValue)
                for metric in result.metrics { try xml.element("metric", text: metric) }
                for metric in result.improved { try xml.element("improved", text: metric) }
                try xml.endElement()
            }
            for metric in account.metrics { try outcome(metric, xml) }
            for comparison in account.comparisons { try self.comparison(comparison, xml) }
        }
        try xml.endElement()
    }

    private static func outcome(_ account: MetricAccount, _ xml: XMLWriter) throws(XMLError) {
        let metric = account.metric
        try xml.startElement("outcome")
        try xml.attribute("id", metric.id)
        try xml.attribute("side", metric.side.rawValue)
        try xml.attribute("category", metric.category.rawValue)
        try xml.attribute("unit", metric.unit)
        try xml.attribute("direction", metric.direction.rawValue)
        try number("change", account.change, xml)
        try number("improvement", account.improvement, xml)
        try number("perEuro", account.perEuro, xml)
        try xml.element("name", text: metric.name)
        try yearValue("baseline", metric.baseline, xml)
        if let target = metric.target { try yearValue("target", target, xml) }
        for value in metric.measured {
            try xml.startElement("measured")
            try xml.attribute("year", String(value.year))
            try number("value", value.value, xml)
            if let evidence = value.evidence { try xml.attribute("evidence", evidence) }
            try xml.endElement()
        }
        for evidence in metric.evidence { try xml.element("evidence", text: evidence) }
        try xml.element("method", text: metric.method)
        if let conversion = metric.conversion {
            try xml.startElement("conversion")
            try xml.attribute("metric", conversion.metric)
            try xml.attribute("factor", conversion.factor.id)
            try xml.endElement()
        }
        if let progress = account.progress { try self.progress(progress, xml) }
        if let missing = account.missing { try xml.element("missing", text: missing) }
        for input in account.inputs { try xml.element("input", text: input) }
        try xml.endElement()
    }

    private static func yearValue(_ name: String, _ value: YearValue, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement(name)
        try xml.attribute("year", String(value.year))
        try number("value", value.value, xml)
        try xml.endElement()
    }

    private static func progress(_ result: ProgressAssessment.Result, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("progress")
        try xml.attribute("eurostat", result.eurostat.rawValue)
        try xml.attribute("openSDG", result.openSDG.rawValue)
        try number("openSDGScore", result.openSDGScore, xml)
        try number("ratio", result.ratio, xml)
        try number("observedGrowth", result.observedGrowth, xml)
        try number("requiredGrowth", result.requiredGrowth, xml)
        if let year = result.baseYear { try xml.attribute("baseYear", String(year)) }
        if let year = result.latestYear { try xml.attribute("latestYear", String(year)) }
        try xml.text(result.summary)
        try xml.endElement()
    }

    private static func comparison(_ comparison: ParticipantComparison, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("comparison")
        try xml.attribute("indicator", comparison.indicator)
        try xml.attribute("unit", comparison.unit)
        try xml.attribute("direction", comparison.direction.rawValue)
        if let year = comparison.beforeYear { try xml.attribute("beforeYear", String(year)) }
        if let year = comparison.afterYear { try xml.attribute("afterYear", String(year)) }
        try number("difference", comparison.difference, xml)
        try number("improvement", comparison.improvement, xml)
        try xml.attribute("minimumFirms", String(comparison.minimumFirms))
        try xml.element("name", text: comparison.name)
        for (name, group) in [("participants", comparison.participants), ("rest", comparison.rest)] {
            try xml.startElement("group")
            try xml.attribute("name", name)
            try xml.attribute("n", String(group.count))
            try number("before", group.before, xml)
            try number("after", group.after, xml)
            try number("change", group.change, xml)
            for firm in group.firms { try xml.element("firm", text: firm) }
            if let reason = group.reason { try xml.element("reason", text: reason) }
            try xml.endElement()
        }
        if let warning = comparison.warning { try xml.element("warning", text: warning) }
        if let reason = comparison.reason { try xml.element("reason", text: reason) }
        try xml.endElement()
    }

    private static func total(_ total: SideTotal, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("total")
        try xml.attribute("side", total.side.rawValue)
        try xml.attribute("category", total.category.rawValue)
        try xml.attribute("unit", total.unit)
        try number("improvement", total.improvement, xml)
        try number("investmentEUR", total.investmentEUR, xml)
        try number("perEuro", total.perEuro, xml)
        for metric in total.metrics { try xml.element("metric", text: metric) }
        if let missing = total.missing { try xml.element("missing", text: missing) }
        try xml.endElement()
    }

    private static func entry(_ entry: ScorecardEntry, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("entry")
        try xml.attribute("recommendation", String(entry.recommendation))
        try xml.attribute("status", entry.status.rawValue)
        for initiative in entry.initiatives { try xml.element("initiative", text: initiative) }
        for evidence in entry.evidence { try xml.element("evidence", text: evidence) }
        for indicator in entry.indicators {
            try xml.startElement("indicator")
            try xml.attribute("id", indicator.id)
            try xml.attribute("inReport", indicator.inReport ? "true" : "false")
            try number("value", indicator.value, xml)
            if let period = indicator.period { try xml.attribute("period", period) }
            try number("score", indicator.score, xml)
            if let reason = indicator.reason { try xml.attribute("reason", reason) }
            if let progress = indicator.progress { try xml.text(progress) }
            try xml.endElement()
        }
        try xml.endElement()
    }
}
