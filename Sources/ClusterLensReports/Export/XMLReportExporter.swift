internal import ClusterLensCore
internal import ClusterLensXML
internal import Foundation

/// The `xml` format: the report in its own namespace (``namespace``), written with libxml2's
/// writer and valid against `Reports/schema/clusterlens-report.xsd`.
///
/// Missing numbers are left out (the attribute is absent), never written as 0 or NaN.
public struct XMLReportExporter: Exporter {
    public let format = "xml"
    public let summary = "XML in the ClusterLens report namespace (Reports/schema/clusterlens-report.xsd)"

    /// The namespace of report documents.
    public static let namespace = "urn:clusterlens:report:1"

    /// Creates the exporter.
    public init() {}

    public func export(_ model: ReportModel, folder: String, name: String) throws(ReportError) -> [String] {
        let path = ReportOutputFile.path(folder, name, "xml")
        try Self.write(path) { writer throws(XMLError) in try Self.write(model, with: writer) }
        return [path]
    }

    /// Writes an XML file atomically with libxml2's writer: `body` writes into a temporary file that is
    /// renamed onto `path` when complete; on failure the temporary file is removed and `path` untouched.
    static func write(_ path: String, _ body: (XMLWriter) throws(XMLError) -> Void) throws(ReportError) {
        let temporary = ReportOutputFile.temporary(beside: path)
        do {
            let writer = try XMLWriter(path: temporary)
            try body(writer)
            try writer.finish()
        } catch {
            unlink(temporary)
            throw ReportError(.output, error.message, file: path)
        }
        try ReportOutputFile.moveIntoPlace(temporary, path)
    }

    static func write(_ model: ReportModel, with xml: XMLWriter) throws(XMLError) {
        try xml.startDocument()
        try xml.startElement("report", namespace: namespace)
        try xml.attribute("schemaVersion", ReportJSONWriter.schemaVersion)
        try xml.attribute("id", model.id)
        try xml.attribute("toolVersion", model.toolVersion)
        try xml.attribute("generatedAt", model.generatedAt.iso8601)
        try xml.element("title", text: model.title)
        if let definition = model.definition { try file("definition", definition, xml) }
        try xml.startElement("sources")
        for source in model.sources {
            try xml.startElement("source")
            try xml.attribute("path", source.file.path)
            try xml.attribute("sha256", source.file.sha256)
            try xml.attribute("format", source.format.rawValue)
            try xml.attribute("observations", String(source.observations))
            for dataflow in source.dataflows { try xml.element("dataflow", text: dataflow) }
            try xml.endElement()
        }
        try xml.endElement()
        try xml.startElement("scoring")
        try xml.attribute("indicators", model.scoring.indicators.rawValue)
        try xml.attribute("contextScore", model.scoring.contextScore ? "true" : "false")
        try xml.endElement()
        try xml.startElement("indicators")
        for indicator in model.indicators { try self.indicator(indicator, xml) }
        try xml.endElement()
        try xml.startElement("clusters")
        for cluster in model.clusters { try self.cluster(cluster, xml) }
        try xml.endElement()
        try xml.startElement("methods")
        for method in model.methods {
            try xml.startElement("method")
            try xml.attribute("name", method.name)
            try xml.text(method.description)
            try xml.endElement()
        }
        try xml.endElement()
        try xml.startElement("diagnostics")
        for diagnostic in model.diagnostics { try self.diagnostic(diagnostic, xml) }
        try xml.endElement()
        try xml.startElement("codeNames")
        for entry in model.codeNames {
            try xml.startElement("codeName")
            try xml.attribute("dimension", entry.dimension)
            try xml.attribute("code", entry.code)
            try xml.text(entry.name)
            try xml.endElement()
        }
        try xml.endElement()
        try SharedValueXMLWriter.write(model.sharedValue, xml)
        try xml.endElement()
    }

    private static func file(_ name: String, _ file: FileFingerprint, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement(name)
        try xml.attribute("path", file.path)
        try xml.attribute("sha256", file.sha256)
        try xml.endElement()
    }

    private static func number(_ name: String, _ value: Double?, _ xml: XMLWriter) throws(XMLError) {
        if let text = ReportText.number(value) { try xml.attribute(name, text) }
    }

    private static func indicator(_ indicator: ReportIndicator, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("indicator")
        try xml.attribute("id", indicator.id)
        try xml.attribute("pillar", indicator.pillar.rawValue)
        try xml.attribute("scope", indicator.scope.rawValue)
        try xml.attribute("unit", indicator.unit)
        try xml.attribute("direction", indicator.direction.rawValue)
        try xml.element("name", text: indicator.name)
        try xml.element("description", text: indicator.description)
        for tag in indicator.tags { try xml.element("tag", text: tag.rawValue) }
        try xml.element("method", text: indicator.method)
        for binding in indicator.bindings { try xml.element("binding", text: binding.summary) }
        for reference in indicator.references { try xml.element("reference", text: reference) }
        try xml.endElement()
    }

    private static func cluster(_ cluster: ReportCluster, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("cluster")
        try xml.attribute("id", cluster.id)
        try xml.attribute("reference", cluster.definition.reference.code)
        if let stars = cluster.stars { try xml.attribute("stars", String(stars)) }
        if let mappingClass = cluster.mappingClass { try xml.attribute("mappingClass", mappingClass.rawValue) }
        try xml.element("name", text: cluster.name)
        for region in cluster.definition.regions.codes { try xml.element("region", text: region.code) }
        for sector in cluster.definition.sectors.codes { try xml.element("sector", text: sector.dottedNotation) }
        for peer in cluster.definition.peers { try xml.element("peer", text: peer.code) }
        if let members = cluster.definition.membersPath { try xml.element("members", text: members) }
        if let reason = cluster.screenedOut { try xml.element("screenedOut", text: reason) }
        try xml.startElement("scores")
        for score in cluster.scores {
            try xml.startElement("score")
            try xml.attribute("kind", score.node.kind)
            try xml.attribute("id", score.node.id)
            try number("value", score.value, xml)
            try number("coverage", score.coverage, xml)
            if let rank = score.rank { try xml.attribute("rank", String(rank)) }
            try number("modelledShare", score.modelledShare, xml)
            try number("median", score.median, xml)
            try number("low", score.low, xml)
            try number("high", score.high, xml)
            try number("rankMedian", score.rankMedian, xml)
            try number("rankLow", score.rankLow, xml)
            try number("rankHigh", score.rankHigh, xml)
            try xml.endElement()
        }
        try xml.endElement()
        for strength in cluster.strengths { try xml.element("strength", text: strength) }
        for weakness in cluster.weaknesses { try xml.element("weakness", text: weakness) }
        for entry in cluster.similar {
            try xml.startElement("similar")
            try xml.attribute("cluster", entry.id)
            try number("distance", entry.distance, xml)
            try xml.endElement()
        }
        try xml.startElement("values")
        for value in cluster.values { try self.value(value, xml) }
        try xml.endElement()
        try xml.endElement()
    }

    private static func value(_ value: ReportValue, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("value")
        try xml.attribute("indicator", value.indicator)
        if let period = value.period { try xml.attribute("period", period.lexical) }
        try number("value", value.value, xml)
        try xml.attribute("status", value.status.rawValue)
        try xml.attribute("headline", value.isHeadline ? "true" : "false")
        try number("directionAdjusted", value.directionAdjusted, xml)
        try number("score", value.score, xml)
        if let rank = value.rank { try xml.attribute("rank", String(rank)) }
        try number("percentile", value.percentile, xml)
        if let progress = value.progress { try xml.attribute("progress", progress.summary) }
        for flag in value.flags { try xml.element("flag", text: flag.rawValue) }
        if let reason = value.reason { try xml.element("reason", text: reason) }
        if let note = value.note { try xml.element("note", text: note) }
        for source in value.sources { try xml.element("source", text: source.description) }
        for key in value.seriesKeys { try xml.element("seriesKey", text: key) }
        for period in value.periods { try xml.element("period", text: period.lexical) }
        for (input, coverage) in value.memberCoverage.sorted(by: { $0.key < $1.key }) {
            try xml.startElement("memberCoverage")
            try xml.attribute("input", input)
            try number("share", coverage, xml)
            try xml.endElement()
        }
        try xml.endElement()
    }

    private static func diagnostic(_ diagnostic: Diagnostic, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("diagnostic")
        try xml.attribute("severity", diagnostic.severity.rawValue)
        try xml.attribute("stage", diagnostic.stage.rawValue)
        try xml.attribute("code", diagnostic.code)
        if let location = diagnostic.location {
            try xml.attribute("file", location.file)
            if location.line > 0 { try xml.attribute("line", String(location.line)) }
            if location.column > 0 { try xml.attribute("column", String(location.column)) }
        }
        if let cluster = diagnostic.cluster { try xml.attribute("cluster", cluster) }
        if let indicator = diagnostic.indicator { try xml.attribute("indicator", indicator) }
        try xml.text(diagnostic.message)
        try xml.endElement()
    }
}
