internal import ClusterLensXML

/// The XML parts of a workbook (SpreadsheetML, ECMA-376), each written with libxml2's writer
/// (``ClusterLensXML/XMLWriter``), which escapes text and attributes.
enum XLSXParts {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// `[Content_Types].xml`: the type of every part.
    static func contentTypes(sheets: Int, to xml: XMLWriter) throws(XMLError) {
        try xml.startDocument()
        try xml.startElement("Types", namespace: "http://schemas.openxmlformats.org/package/2006/content-types")
        for (fileExtension, type) in [
            ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml"),
        ] {
            try xml.startElement("Default")
            try xml.attribute("Extension", fileExtension)
            try xml.attribute("ContentType", type)
            try xml.endElement()
        }
        let office = "application/vnd.openxmlformats-officedocument"
        var overrides = [
            ("/xl/workbook.xml", "\(office).spreadsheetml.sheet.main+xml"),
            ("/xl/styles.xml", "\(office).spreadsheetml.styles+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "\(office).extended-properties+xml"),
        ]
        for sheet in 1...max(1, sheets) {
            overrides.append(("/xl/worksheets/sheet\(sheet).xml", "\(office).spreadsheetml.worksheet+xml"))
        }
        for (part, type) in overrides {
            try xml.startElement("Override")
            try xml.attribute("PartName", part)
            try xml.attribute("ContentType", type)
            try xml.endElement()
        }
        try xml.endElement()
    }

    /// A relationships part: (id, type, target) each.
    static func relationships(_ entries: [(String, String, String)], to xml: XMLWriter) throws(XMLError) {
        try xml.startDocument()
        try xml.startElement("Relationships", namespace: packageNamespace)
        for (id, type, target) in entries {
            try xml.startElement("Relationship")
            try xml.attribute("Id", id)
            try xml.attribute("Type", type)
            try xml.attribute("Target", target)
            try xml.endElement()
        }
        try xml.endElement()
    }

    /// `_rels/.rels`: the workbook and the document properties.
    static func packageRelationships(to xml: XMLWriter) throws(XMLError) {
        try relationships(
            [
                ("rId1", relationshipsNamespace + "/officeDocument", "xl/workbook.xml"),
                ("rId2", packageNamespace + "/metadata/core-properties", "docProps/core.xml"),
                ("rId3", relationshipsNamespace + "/extended-properties", "docProps/app.xml"),
            ], to: xml)
    }

    /// `xl/_rels/workbook.xml.rels`: the sheets and the styles.
    static func workbookRelationships(sheets: Int, to xml: XMLWriter) throws(XMLError) {
        var entries = (1...max(1, sheets)).map {
            ("rId\($0)", relationshipsNamespace + "/worksheet", "worksheets/sheet\($0).xml")
        }
        entries.append(("rId\(sheets + 1)", relationshipsNamespace + "/styles", "styles.xml"))
        try relationships(entries, to: xml)
    }

    /// `xl/workbook.xml`: the sheets in order, and each table's filter range.
    static func workbook(_ sheets: [XLSXSheet], to xml: XMLWriter) throws(XMLError) {
        try xml.startDocument()
        try xml.startElement("workbook", namespace: mainNamespace)
        try xml.attribute("xmlns:r", relationshipsNamespace)
        try xml.startElement("bookViews")
        try xml.startElement("workbookView")
        try xml.attribute("activeTab", "0")
        try xml.endElement()
        try xml.endElement()
        try xml.startElement("sheets")
        for (index, sheet) in sheets.enumerated() {
            try xml.startElement("sheet")
            try xml.attribute("name", sheet.name)
            try xml.attribute("sheetId", String(index + 1))
            try xml.attribute("r:id", "rId\(index + 1)")
            try xml.endElement()
        }
        try xml.endElement()
        try xml.startElement("definedNames")
        for (index, sheet) in sheets.enumerated() where !sheet.rows.isEmpty {
            try xml.startElement("definedName")
            try xml.attribute("name", "_xlnm._FilterDatabase")
            try xml.attribute("localSheetId", String(index))
            try xml.attribute("hidden", "1")
            let absolute = sheet.range.split(separator: ":").map { reference in
                "$" + reference.prefix { $0.isLetter } + "$" + reference.drop { $0.isLetter }
            }
            try xml.text("'\(sheet.name.replacingOccurrences(of: "'", with: "''"))'!" + absolute.joined(separator: ":"))
            try xml.endElement()
        }
        try xml.endElement()
        try xml.endElement()
    }

    /// `xl/styles.xml`: the fonts, fills, borders and number formats of ``XLSXStyle``.
    static func styles(to xml: XMLWriter) throws(XMLError) {
        try xml.startDocument()
        try xml.startElement("styleSheet", namespace: mainNamespace)
        try xml.startElement("numFmts")
        try xml.attribute("count", "12")
        for places in 0...10 { try numberFormat(164 + places, XLSXStyle.decimalsFormat(places), xml) }
        try numberFormat(175, "0.0%", xml)
        try xml.endElement()
        try xml.startElement("fonts")
        try xml.attribute("count", "2")
        for bold in [false, true] {
            try xml.startElement("font")
            if bold {
                try xml.startElement("b")
                try xml.endElement()
            }
            try value("sz", "11", xml)
            try value("name", "Calibri", xml)
            try value("family", "2", xml)
            try xml.endElement()
        }
        try xml.endElement()
        try xml.startElement("fills")
        try xml.attribute("count", "3")
        for pattern in ["none", "gray125"] {
            try xml.startElement("fill")
            try xml.startElement("patternFill")
            try xml.attribute("patternType", pattern)
            try xml.endElement()
            try xml.endElement()
        }
        try xml.startElement("fill")
        try xml.startElement("patternFill")
        try xml.attribute("patternType", "solid")
        try xml.startElement("fgColor")
        try xml.attribute("rgb", "FFDDE7F3")
        try xml.endElement()
        try xml.endElement()
        try xml.endElement()
        try xml.endElement()
        try xml.startElement("borders")
        try xml.attribute("count", "2")
        for rule in [false, true] {
            try xml.startElement("border")
            for side in ["left", "right", "top", "bottom", "diagonal"] {
                try xml.startElement(side)
                if rule && side == "bottom" {
                    try xml.attribute("style", "thin")
                    try xml.startElement("color")
                    try xml.attribute("rgb", "FF7F8C99")
                    try xml.endElement()
                }
                try xml.endElement()
            }
            try xml.endElement()
        }
        try xml.endElement()
        try xml.startElement("cellStyleXfs")
        try xml.attribute("count", "1")
        try format(numberFormat: 0, font: 0, fill: 0, border: 0, wrap: false, xml, master: false)
        try xml.endElement()
        try xml.startElement("cellXfs")
        try xml.attribute("count", "16")
        try format(numberFormat: 0, font: 0, fill: 0, border: 0, wrap: false, xml)
        try format(numberFormat: 0, font: 1, fill: 2, border: 1, wrap: true, xml)
        try format(numberFormat: 0, font: 0, fill: 0, border: 0, wrap: true, xml)
        try format(numberFormat: 1, font: 0, fill: 0, border: 0, wrap: false, xml)
        for places in 0...10 { try format(numberFormat: 164 + places, font: 0, fill: 0, border: 0, wrap: false, xml) }
        try format(numberFormat: 175, font: 0, fill: 0, border: 0, wrap: false, xml)
        try xml.endElement()
        try xml.startElement("cellStyles")
        try xml.attribute("count", "1")
        try xml.startElement("cellStyle")
        try xml.attribute("name", "Normal")
        try xml.attribute("xfId", "0")
        try xml.attribute("builtinId", "0")
        try xml.endElement()
        try xml.endElement()
        try xml.endElement()
    }

    private static func numberFormat(_ id: Int, _ code: String, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("numFmt")
        try xml.attribute("numFmtId", String(id))
        try xml.attribute("formatCode", code)
        try xml.endElement()
    }

    private static func value(_ name: String, _ value: String, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement(name)
        try xml.attribute("val", value)
        try xml.endElement()
    }

    private static func format(
        numberFormat: Int, font: Int, fill: Int, border: Int, wrap: Bool, _ xml: XMLWriter, master: Bool = true
    ) throws(XMLError) {
        try xml.startElement("xf")
        try xml.attribute("numFmtId", String(numberFormat))
        try xml.attribute("fontId", String(font))
        try xml.attribute("fillId", String(fill))
        try xml.attribute("borderId", String(border))
        if master {
            try xml.attribute("xfId", "0")
            if numberFormat != 0 { try xml.attribute("applyNumberFormat", "1") }
            if font != 0 { try xml.attribute("applyFont", "1") }
            if fill != 0 { try xml.attribute("applyFill", "1") }
            if border != 0 { try xml.attribute("applyBorder", "1") }
        }
        if wrap {
            try xml.attribute("applyAlignment", "1")
            try xml.startElement("alignment")
            try xml.attribute("vertical", "top")
            try xml.attribute("wrapText", "1")
            try xml.endElement()
        }
        try xml.endElement()
    }

    /// `docProps/core.xml` and `docProps/app.xml`: title, creator and creation time; the application.
    static func coreProperties(title: String, creator: String, created: String, to xml: XMLWriter) throws(XMLError) {
        try xml.startDocument()
        try xml.startElement("cp:coreProperties")
        try xml.attribute("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
        try xml.attribute("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        try xml.attribute("xmlns:dcterms", "http://purl.org/dc/terms/")
        try xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        try xml.element("dc:title", text: title)
        try xml.element("dc:creator", text: creator)
        try xml.startElement("dcterms:created")
        try xml.attribute("xsi:type", "dcterms:W3CDTF")
        try xml.text(created)
        try xml.endElement()
        try xml.endElement()
    }

    /// `docProps/app.xml`.
    static func appProperties(to xml: XMLWriter) throws(XMLError) {
        try xml.startDocument()
        try xml.startElement(
            "Properties", namespace: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
        try xml.element("Application", text: "ClusterLens")
        try xml.endElement()
    }
}
