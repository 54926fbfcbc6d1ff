internal import ClusterLensCore
internal import ClusterLensScoring

/// Writes the report's `sharedValue` member (`null` when no cluster has an initiative ledger): the
/// scorecard, and per cluster its ledger, accounts, comparisons, totals and scorecard entries
/// (`Reports/schema/clusterlens-report.schema.json`, `$defs/sharedValue`). Every key is always
/// written; a missing number is `null`.
enum SharedValueJSONWriter {
    static func write(_ part: SharedValueReport?, _ json: JSONStreamWriter) throws {
        guard let part else { return try json.null() }
        try json.beginObject()
        try json.key("scorecard")
        try scorecard(part.scorecard, json)
        try json.key("minimumFirms")
        try json.integer(part.minimumFirms)
        try json.key("clusters")
        try json.beginArray()
        for cluster in part.clusters { try self.cluster(cluster, json) }
        try json.endArray()
        try json.endObject()
    }

    private static func scorecard(_ scorecard: RecommendationScorecard, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.field("id", scorecard.id)
        try json.field("title", scorecard.title)
        try json.field("source", scorecard.source)
        try file(scorecard.file, json)
        try json.key("recommendations")
        try json.beginArray()
        for recommendation in scorecard.recommendations {
            try json.beginObject()
            try json.key("number")
            try json.integer(recommendation.number)
            try json.field("group", recommendation.group.rawValue)
            try json.field("title", recommendation.title)
            try json.field("indicators", strings: recommendation.indicators)
            try json.endObject()
        }
        try json.endArray()
        try json.endObject()
    }

    private static func file(_ file: FileFingerprint, _ json: JSONStreamWriter) throws {
        try json.key("file")
        try json.beginObject()
        try json.field("path", file.path)
        try json.field("sha256", file.sha256)
        try json.endObject()
    }

    private static func cluster(_ cluster: ClusterSharedValue, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.field("cluster", cluster.cluster)
        try file(cluster.ledger.file, json)
        try json.field("note", cluster.ledger.note)
        try json.field("publicEUR", number: cluster.publicEUR)
        try json.field("privateEUR", number: cluster.privateEUR)
        try json.key("sharedValueInitiatives")
        try json.integer(cluster.sharedValueCount)
        try json.key("factors")
        try json.beginArray()
        for factor in cluster.ledger.factors {
            try json.beginObject()
            try json.field("id", factor.id)
            try json.field("value", number: factor.value)
            try json.field("from", factor.from)
            try json.field("to", factor.to)
            try json.field("source", factor.source)
            try json.endObject()
        }
        try json.endArray()
        try json.key("initiatives")
        try json.beginArray()
        for initiative in cluster.ledger.initiatives {
            try self.initiative(initiative, account: cluster.account(initiative.id), json)
        }
        try json.endArray()
        try json.key("totals")
        try json.beginArray()
        for total in cluster.totals { try self.total(total, json) }
        try json.endArray()
        try json.key("scorecard")
        try json.beginArray()
        for entry in cluster.scorecard { try self.entry(entry, json) }
        try json.endArray()
        try json.endObject()
    }

    private static func initiative(_ initiative: Initiative, account: InitiativeAccount?, _ json: JSONStreamWriter)
        throws
    {
        try json.beginObject()
        try json.field("id", initiative.id)
        try json.field("title", initiative.title)
        try json.field("description", initiative.description)
        try json.field("members", strings: initiative.members)
        try json.field("start", initiative.start.lexical)
        try json.field("end", initiative.end?.lexical)
        try json.key("recommendations")
        try json.beginArray()
        for number in initiative.recommendations { try json.integer(number) }
        try json.endArray()
        try json.field("transitions", strings: initiative.transitions.map(\.rawValue))
        try json.key("investment")
        try json.beginObject()
        try json.field("publicEUR", number: initiative.investment.publicEUR)
        try json.field("privateEUR", number: initiative.investment.privateEUR)
        try json.field("totalEUR", number: initiative.investment.totalEUR)
        try json.field("publicShare", number: initiative.investment.publicShare)
        try json.field("evidence", initiative.investment.evidence)
        try json.field("missing", initiative.investment.missingReason)
        try json.endObject()
        try json.key("isSharedValue")
        try json.bool(account?.isSharedValue ?? false)
        try json.field("verdict", account?.verdict)
        for side in OutcomeSide.allCases {
            try json.key(side.rawValue)
            try json.beginObject()
            let result = account?.side(side)
            try json.field("status", result?.status.rawValue)
            try json.field("metrics", strings: result?.metrics ?? [])
            try json.field("improved", strings: result?.improved ?? [])
            try json.endObject()
        }
        try json.key("outcomes")
        try json.beginArray()
        for metric in account?.metrics ?? [] { try outcome(metric, json) }
        try json.endArray()
        try json.key("comparisons")
        try json.beginArray()
        for comparison in account?.comparisons ?? [] { try self.comparison(comparison, json) }
        try json.endArray()
        try json.endObject()
    }

    private static func outcome(_ account: MetricAccount, _ json: JSONStreamWriter) throws {
        let metric = account.metric
        try json.beginObject()
        try json.field("id", metric.id)
        try json.field("name", metric.name)
        try json.field("side", metric.side.rawValue)
        try json.field("category", metric.category.rawValue)
        try json.field("unit", metric.unit)
        try json.field("direction", metric.direction.rawValue)
        try json.key("baseline")
        try yearValue(metric.baseline, json)
        try json.key("target")
        if let target = metric.target { try yearValue(target, json) } else { try json.null() }
        try json.key("measured")
        try json.beginArray()
        for value in metric.measured {
            try json.beginObject()
            try json.key("year")
            try json.integer(value.year)
            try json.field("value", number: value.value)
            try json.field("evidence", value.evidence)
            try json.endObject()
        }
        try json.endArray()
        try json.field("evidence", strings: metric.evidence)
        try json.field("method", metric.method)
        try json.key("conversion")
        if let conversion = metric.conversion {
            try json.beginObject()
            try json.field("metric", conversion.metric)
            try json.field("factor", conversion.factor.id)
            try json.endObject()
        } else {
            try json.null()
        }
        try json.field("change", number: account.change)
        try json.field("improvement", number: account.improvement)
        try json.field("perEuro", number: account.perEuro)
        try json.key("progress")
        try progress(account.progress, json)
        try json.field("missing", account.missing)
        try json.field("inputs", strings: account.inputs)
        try json.endObject()
    }

    private static func yearValue(_ value: YearValue, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.key("year")
        try json.integer(value.year)
        try json.field("value", number: value.value)
        try json.endObject()
    }

    /// A progress assessment as an object, or `null`.
    static func progress(_ result: ProgressAssessment.Result?, _ json: JSONStreamWriter) throws {
        guard let result else { return try json.null() }
        try json.beginObject()
        try json.field("eurostat", result.eurostat.rawValue)
        try json.field("openSDG", result.openSDG.rawValue)
        try json.field("openSDGScore", number: result.openSDGScore)
        try json.field("ratio", number: result.ratio)
        try json.field("observedGrowth", number: result.observedGrowth)
        try json.field("requiredGrowth", number: result.requiredGrowth)
        try json.key("baseYear")
        try json.integer(result.baseYear)
        try json.key("latestYear")
        try json.integer(result.latestYear)
        try json.field("summary", result.summary)
        try json.endObject()
    }

    private static func comparison(_ comparison: ParticipantComparison, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.field("indicator", comparison.indicator)
        try json.field("name", comparison.name)
        try json.field("unit", comparison.unit)
        try json.field("direction", comparison.direction.rawValue)
        try json.key("beforeYear")
        try json.integer(comparison.beforeYear)
        try json.key("afterYear")
        try json.integer(comparison.afterYear)
        for (name, group) in [("participants", comparison.participants), ("rest", comparison.rest)] {
            try json.key(name)
            try json.beginObject()
            try json.key("n")
            try json.integer(group.count)
            try json.field("firms", strings: group.firms)
            try json.field("before", number: group.before)
            try json.field("after", number: group.after)
            try json.field("change", number: group.change)
            try json.field("reason", group.reason)
            try json.endObject()
        }
        try json.field("difference", number: comparison.difference)
        try json.field("improvement", number: comparison.improvement)
        try json.key("minimumFirms")
        try json.integer(comparison.minimumFirms)
        try json.field("warning", comparison.warning)
        try json.field("reason", comparison.reason)
        try json.endObject()
    }

    private static func total(_ total: SideTotal, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.field("side", total.side.rawValue)
        try json.field("category", total.category.rawValue)
        try json.field("unit", total.unit)
        try json.field("improvement", number: total.improvement)
        try json.field("investmentEUR", number: total.investmentEUR)
        try json.field("perEuro", number: total.perEuro)
        try json.field("missing", total.missing)
        try json.field("metrics", strings: total.metrics)
        try json.endObject()
    }

    private static func entry(_ entry: ScorecardEntry, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.key("recommendation")
        try json.integer(entry.recommendation)
        try json.field("status", entry.status.rawValue)
        try json.field("initiatives", strings: entry.initiatives)
        try json.field("evidence", strings: entry.evidence)
        try json.key("indicators")
        try json.beginArray()
        for indicator in entry.indicators {
            try json.beginObject()
            try json.field("id", indicator.id)
            try json.key("inReport")
            try json.bool(indicator.inReport)
            try json.field("value", number: indicator.value)
            try json.field("period", indicator.period)
            try json.field("score", number: indicator.score)
            try json.field("progress", indicator.progress)
            try json.field("reason", indicator.reason)
            try json.endObject()
        }
        try json.endArray()
        try json.endObject()
    }
}
