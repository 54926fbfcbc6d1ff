internal import ClusterLensXML

/// Writes one worksheet part (`xl/worksheets/sheetN.xml`): frozen panes, column widths, the cells row
/// by row (numbers as numbers, text inline, empty cells left out) and an auto-filter over the table.
enum XLSXWorksheet {
    /// Writes `sheet` with libxml2's writer.
    ///
    /// - Parameter selected: Whether this is the sheet the workbook opens on.
    static func write(_ sheet: XLSXSheet, selected: Bool, to xml: XMLWriter) throws(XMLError) {
        try xml.startDocument()
        try xml.startElement("worksheet", namespace: XLSXParts.mainNamespace)
        try xml.attribute("xmlns:r", XLSXParts.relationshipsNamespace)
        try xml.startElement("dimension")
        try xml.attribute("ref", sheet.range)
        try xml.endElement()
        try views(sheet, selected: selected, xml)
        try xml.startElement("sheetFormatPr")
        try xml.attribute("defaultRowHeight", "15")
        try xml.endElement()
        try xml.startElement("cols")
        for (index, width) in sheet.columnWidths.enumerated() {
            try xml.startElement("col")
            try xml.attribute("min", String(index + 1))
            try xml.attribute("max", String(index + 1))
            try xml.attribute("width", String(width))
            try xml.attribute("customWidth", "1")
            try xml.endElement()
        }
        try xml.endElement()
        try xml.startElement("sheetData")
        try row(1, sheet.header.map { XLSXCell.text($0, .header) }, xml)
        for (index, cells) in sheet.rows.enumerated() { try row(index + 2, cells, xml) }
        try xml.endElement()
        if !sheet.rows.isEmpty {
            try xml.startElement("autoFilter")
            try xml.attribute("ref", sheet.range)
            try xml.endElement()
        }
        try xml.endElement()
    }

    /// The sheet view: the header row frozen, and `frozenColumns` columns on the left.
    private static func views(_ sheet: XLSXSheet, selected: Bool, _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("sheetViews")
        try xml.startElement("sheetView")
        if selected { try xml.attribute("tabSelected", "1") }
        try xml.attribute("workbookViewId", "0")
        let pane = sheet.frozenColumns > 0 ? "bottomRight" : "bottomLeft"
        try xml.startElement("pane")
        if sheet.frozenColumns > 0 { try xml.attribute("xSplit", String(sheet.frozenColumns)) }
        try xml.attribute("ySplit", "1")
        try xml.attribute("topLeftCell", XLSXCell.reference(column: sheet.frozenColumns, row: 2))
        try xml.attribute("activePane", pane)
        try xml.attribute("state", "frozen")
        try xml.endElement()
        try xml.startElement("selection")
        try xml.attribute("pane", pane)
        try xml.endElement()
        try xml.endElement()
        try xml.endElement()
    }

    private static func row(_ number: Int, _ cells: [XLSXCell], _ xml: XMLWriter) throws(XMLError) {
        try xml.startElement("row")
        try xml.attribute("r", String(number))
        for (column, cell) in cells.enumerated() {
            let reference = XLSXCell.reference(column: column, row: number)
            switch cell {
            case .empty:
                continue
            case .number(let value, let style):
                try xml.startElement("c")
                try xml.attribute("r", reference)
                if style.index != 0 { try xml.attribute("s", String(style.index)) }
                try xml.element("v", text: ReportText.number(value) ?? "")
                try xml.endElement()
            case .boolean(let value):
                try xml.startElement("c")
                try xml.attribute("r", reference)
                try xml.attribute("t", "b")
                try xml.element("v", text: value ? "1" : "0")
                try xml.endElement()
            case .text(let text, let style):
                try xml.startElement("c")
                try xml.attribute("r", reference)
                if style.index != 0 { try xml.attribute("s", String(style.index)) }
                try xml.attribute("t", "inlineStr")
                try xml.startElement("is")
                try xml.startElement("t")
                let clean = cellText(text)
                if clean.first?.isWhitespace == true || clean.last?.isWhitespace == true {
                    try xml.attribute("xml:space", "preserve")
                }
                try xml.text(clean)
                try xml.endElement()
                try xml.endElement()
                try xml.endElement()
            }
        }
        try xml.endElement()
    }

    /// Text a cell can hold: characters XML 1.0 forbids (controls other than tab and line breaks)
    /// dropped, at most 32 767 characters (Excel's limit).
    static func cellText(_ text: String) -> String {
        var result = String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
        if result.count > 32_767 { result = String(result.prefix(32_766)) + "…" }
        return result
    }
}
