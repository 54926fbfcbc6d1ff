internal import ClusterLensCore
internal import ClusterLensSupport

/// Writes a ``ReportModel`` as JSON (`Reports/schema/clusterlens-report.schema.json`): the `json`
/// format, and what external exporter plug-ins read on standard input.
enum ReportJSONWriter {
    /// The version of the JSON layout, written as `schemaVersion`.
    static let schemaVersion = "1.3"

    /// Writes `model` to `output` (not committed: the caller commits).
    static func write(_ model: ReportModel, to output: OutputFile) throws {
        let json = JSONStreamWriter(output: output)
        try json.beginObject()
        try json.field("schemaVersion", schemaVersion)
        try json.field("id", model.id)
        try json.field("title", model.title)
        try json.key("definition")
        if let definition = model.definition {
            try fingerprint(definition, json)
        } else {
            try json.null()
        }
        try json.field("toolVersion", model.toolVersion)
        try json.field("generatedAt", model.generatedAt.iso8601)
        try json.key("sources")
        try json.beginArray()
        for source in model.sources {
            try json.beginObject()
            try json.field("path", source.file.path)
            try json.field("sha256", source.file.sha256)
            try json.field("format", source.format.rawValue)
            try json.field("dataflows", strings: source.dataflows)
            try json.key("observations")
            try json.integer(source.observations)
            try json.endObject()
        }
        try json.endArray()
        try json.key("scoring")
        try json.beginObject()
        try json.field("indicators", model.scoring.indicators.rawValue)
        try json.key("contextScore")
        try json.bool(model.scoring.contextScore)
        try json.endObject()
        try json.key("indicators")
        try json.beginArray()
        for indicator in model.indicators { try self.indicator(indicator, json) }
        try json.endArray()
        try json.key("clusters")
        try json.beginArray()
        for cluster in model.clusters { try self.cluster(cluster, json) }
        try json.endArray()
        try json.key("methods")
        try json.beginArray()
        for method in model.methods {
            try json.beginObject()
            try json.field("name", method.name)
            try json.field("description", method.description)
            try json.endObject()
        }
        try json.endArray()
        try json.key("diagnostics")
        try json.beginArray()
        for diagnostic in model.diagnostics { try self.diagnostic(diagnostic, json) }
        try json.endArray()
        try json.key("codeNames")
        try json.beginArray()
        for entry in model.codeNames {
            try json.beginObject()
            try json.field("dimension", entry.dimension)
            try json.field("code", entry.code)
            try json.field("name", entry.name)
            try json.endObject()
        }
        try json.endArray()
        try json.key("sharedValue")
        try SharedValueJSONWriter.write(model.sharedValue, json)
        try json.endObject()
        try json.finish()
    }

    private static func fingerprint(_ file: FileFingerprint, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.field("path", file.path)
        try json.field("sha256", file.sha256)
        try json.endObject()
    }

    private static func indicator(_ indicator: ReportIndicator, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.field("id", indicator.id)
        try json.field("name", indicator.name)
        try json.field("description", indicator.description)
        try json.field("pillar", indicator.pillar.rawValue)
        try json.field("scope", indicator.scope.rawValue)
        try json.field("tags", strings: indicator.tags.map(\.rawValue))
        try json.field("unit", indicator.unit)
        try json.field("direction", indicator.direction.rawValue)
        try json.field("method", indicator.method)
        try json.field("sources", strings: indicator.bindings.map(\.summary))
        try json.field("references", strings: indicator.references)
        try json.endObject()
    }

    private static func cluster(_ cluster: ReportCluster, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.field("id", cluster.id)
        try json.field("name", cluster.name)
        try json.field("regions", strings: cluster.definition.regions.codes.map(\.code))
        try json.field("sectors", strings: cluster.definition.sectors.codes.map(\.dottedNotation))
        try json.field("reference", cluster.definition.reference.code)
        try json.field("peers", strings: cluster.definition.peers.map(\.code))
        try json.field("members", cluster.definition.membersPath)
        try json.key("stars")
        try json.integer(cluster.stars)
        try json.field("mappingClass", cluster.mappingClass?.rawValue)
        try json.key("similar")
        try json.beginArray()
        for entry in cluster.similar {
            try json.beginObject()
            try json.field("id", entry.id)
            try json.field("distance", number: entry.distance)
            try json.endObject()
        }
        try json.endArray()
        try json.field("strengths", strings: cluster.strengths)
        try json.field("weaknesses", strings: cluster.weaknesses)
        try json.field("screenedOut", cluster.screenedOut)
        try json.key("scores")
        try json.beginArray()
        for score in cluster.scores {
            try json.beginObject()
            try json.field("kind", score.node.kind)
            try json.field("id", score.node.id)
            try json.field("value", number: score.value)
            try json.field("coverage", number: score.coverage)
            try json.key("rank")
            try json.integer(score.rank)
            try json.field("modelledShare", number: score.modelledShare)
            try json.field("median", number: score.median)
            try json.field("low", number: score.low)
            try json.field("high", number: score.high)
            try json.field("rankMedian", number: score.rankMedian)
            try json.field("rankLow", number: score.rankLow)
            try json.field("rankHigh", number: score.rankHigh)
            try json.endObject()
        }
        try json.endArray()
        try json.key("indicators")
        try json.beginArray()
        for value in cluster.values { try self.value(value, json) }
        try json.endArray()
        try json.endObject()
    }

    private static func value(_ value: ReportValue, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.field("id", value.indicator)
        try json.field("period", value.period?.lexical)
        try json.field("value", number: value.value)
        try json.field("status", value.status.rawValue)
        try json.field("flags", strings: value.flags.map(\.rawValue))
        try json.field("reason", value.reason)
        try json.field("note", value.note)
        try json.key("headline")
        try json.bool(value.isHeadline)
        try json.field("directionAdjusted", number: value.directionAdjusted)
        try json.field("score", number: value.score)
        try json.key("rank")
        try json.integer(value.rank)
        try json.field("percentile", number: value.percentile)
        try json.field("progress", value.progress?.summary)
        try json.field("sources", strings: value.sources.map(\.description))
        try json.field("seriesKeys", strings: value.seriesKeys)
        try json.field("periods", strings: value.periods.map(\.lexical))
        try json.key("memberCoverage")
        try json.beginObject()
        for (input, coverage) in value.memberCoverage.sorted(by: { $0.key < $1.key }) {
            try json.field(input, number: coverage)
        }
        try json.endObject()
        try json.endObject()
    }

    private static func diagnostic(_ diagnostic: Diagnostic, _ json: JSONStreamWriter) throws {
        try json.beginObject()
        try json.field("severity", diagnostic.severity.rawValue)
        try json.field("stage", diagnostic.stage.rawValue)
        try json.field("code", diagnostic.code)
        try json.field("message", diagnostic.message)
        try json.field("file", diagnostic.location?.file)
        try json.key("line")
        try json.integer(diagnostic.location.flatMap { $0.line > 0 ? $0.line : nil })
        try json.key("column")
        try json.integer(diagnostic.location.flatMap { $0.column > 0 ? $0.column : nil })
        try json.field("cluster", diagnostic.cluster)
        try json.field("indicator", diagnostic.indicator)
        try json.endObject()
    }
}
