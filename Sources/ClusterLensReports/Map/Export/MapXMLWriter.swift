internal import ClusterLensCore
internal import ClusterLensXML

/// The `xml` form of a map, written with libxml2's writer as it goes, in the namespace ``namespace``:
/// `<map level="2">` with `<source>`, `<indicator>`, `<category>` (sectors and `<thresholds>`),
/// `<region>`, then one `<entry region="ES51" category="automotive" stars="2" mappingClass="strong">`
/// per region and category holding a `<value indicator="…" value="…" period="…" status="…">` per
/// indicator (flags and reason as children); missing numbers are absent attributes.
enum MapXMLWriter {
    /// The namespace of map documents.
    static let namespace = "urn:clusterlens:map:1"

    static func write(_ map: ClusterMap, folder: String, name: String) throws(ReportError) -> [String] {
        let path = ReportOutputFile.path(folder, name, "xml")
        try XMLReportExporter.write(path) { writer throws(XMLError) in try document(map, writer) }
        return [path]
    }

    private static func number(_ name: String, _ value: Double?, _ xml: XMLWriter) throws(XMLError) {
        if let text = ReportText.number(value) { try xml.attribute(name, text) }
    }

    private static func document(_ map: ClusterMap, _ xml: XMLWriter) throws(XMLError) {
        try xml.startDocument()
        try xml.startElement("map", namespace: namespace)
        try xml.attribute("schemaVersion", MapJSONWriter.schemaVersion)
        try xml.attribute("level", String(map.level))
        try xml.attribute("toolVersion", map.toolVersion)
        try xml.attribute("generatedAt", map.generatedAt.iso8601)
        for source in map.sources {
            try xml.startElement("source")
            try xml.attribute("path", source.file.path)
            try xml.attribute("sha256", source.file.sha256)
            try xml.endElement()
        }
        for indicator in map.indicators {
            try xml.startElement("indicator")
            try xml.attribute("id", indicator.id)
            try xml.attribute("unit", indicator.unit)
            try xml.attribute("scope", indicator.scope.rawValue)
            try xml.text(indicator.name)
            try xml.endElement()
        }
        for (category, thresholds) in zip(map.categories, map.thresholds) {
            try xml.startElement("category")
            try xml.attribute("id", category.id)
            if let grade = category.approximation { try xml.attribute("approximation", grade) }
            try xml.element("name", text: category.name)
            for sector in category.sectors.codes { try xml.element("sector", text: sector.dottedNotation) }
            if let note = category.note { try xml.element("note", text: note) }
            try xml.startElement("thresholds")
            try xml.attribute("regionsWithData", String(thresholds.regionsWithData))
            for (name, value) in thresholds.named { try number(name, value, xml) }
            try xml.endElement()
            try xml.endElement()
        }
        for region in map.regions {
            try xml.startElement("region")
            try xml.attribute("code", region.code.code)
            try xml.attribute("country", region.country.code)
            if let name = region.name { try xml.text(name) }
            try xml.endElement()
        }
        for entry in map.entries { try self.entry(entry, of: map, xml) }
        for method in map.methods {
            try xml.startElement("method")
            try xml.attribute("name", method.name)
            try xml.text(method.description)
            try xml.endElement()
        }
        for diagnostic in map.diagnostics { try xml.element("diagnostic", text: diagnostic.description) }
        try xml.endElement()
    }

    private static func entry(_ entry: ClusterMap.Entry, of map: ClusterMap, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("entry")
        try xml.attribute("region", map.regions[entry.region].code.code)
        try xml.attribute("category", map.categories[entry.category].id)
        if let stars = entry.stars { try xml.attribute("stars", String(stars)) }
        if let strength = entry.mappingClass { try xml.attribute("mappingClass", strength.rawValue) }
        for value in entry.values {
            try xml.startElement("value")
            try xml.attribute("indicator", value.indicator)
            try number("value", value.value, xml)
            if let period = value.period { try xml.attribute("period", period.lexical) }
            try xml.attribute("status", value.status.rawValue)
            for flag in value.flags { try xml.element("flag", text: flag.rawValue) }
            if let reason = value.reason { try xml.element("reason", text: reason) }
            try xml.endElement()
        }
        try xml.endElement()
    }
}
