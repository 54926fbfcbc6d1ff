internal import ClusterLensCore
internal import ClusterLensIndicators
internal import ClusterLensSupport
internal import Foundation

/// The `html` form of a map: one self-contained page that opens fast at any size. The entries are
/// embedded once as compact JSON (codes, reasons and flags interned); a small inline script draws
/// the table of the entries the filters keep (category, country, stars, class, text), sorted by any
/// column, 200 rows at a time, a row's values, flags and reasons on a click, and — with boundaries —
/// a choropleth of the chosen category's stars or location quotient by region. The thresholds per
/// category, the methods and the sources are plain HTML.
enum MapHTMLWriter {
    static func write(
        _ map: ClusterMap, folder: String, name: String, boundaries: MapBoundaries? = nil
    ) throws(ReportError) -> [String] {
        let path = ReportOutputFile.path(folder, name, "html")
        try ReportOutputFile.write(path) { output in
            try output.write(head(map))
            if let boundaries { try output.write(choropleth(map, boundaries)) }
            try output.write(controls(map))
            try output.write("<script type=\"application/json\" id=\"map-data\">")
            try writeData(map, to: output)
            try output.write("</script>\n")
            try output.write(thresholds(map))
            try output.write(footer(map))
        }
        return [path]
    }

    private static func head(_ map: ClusterMap) -> String {
        let e = HTMLText.escape
        let title = "Cluster map: \(map.categories.count) categories in \(map.regions.count) NUTS \(map.level) regions"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="ClusterLens \(e(map.toolVersion))"/>
            <title>\(e(title))</title>
            <style>
            \(HTMLStyle.css)
            \(css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(e(title))</h1>
            <p class="meta"><span>Generated \(e(map.generatedAt.iso8601))</span><span>ClusterLens \(e(map.toolVersion))</span>\
            <span>\(map.entries.count) clusters, \(map.indicators.count) indicators</span></p>
            <p class="small">Stars (European Cluster Observatory, 2008 preset) and classes (U.S. Cluster Mapping) \
            measure each category's regions against one another; the thresholds are below. A missing value is \
            never zero: open a row to see why it is missing and which flags its data carry.</p>
            </header>
            <main>

            """
    }

    private static let css = """
        .controls { display: flex; flex-wrap: wrap; gap: 8px 16px; margin: 12px 0; align-items: end; }
        .controls label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
        table.map th[data-sort] { cursor: pointer; }
        table.map th[aria-sort=ascending]::after { content: " ▲"; }
        table.map th[aria-sort=descending]::after { content: " ▼"; }
        table.map tr.entry { cursor: pointer; }
        table.map tr.detail td { background: var(--band); font-size: 0.85rem; }
        svg.choropleth path { stroke: var(--paper); stroke-width: 0.5; fill: #e5e7eb; }
        svg.choropleth path.s1 { fill: #c7dcf2; } svg.choropleth path.s2 { fill: #6fa8dc; }
        svg.choropleth path.s3 { fill: #0b5cad; } svg.choropleth path.s0 { fill: #f3f4f6; }
        """

    private static func choropleth(_ map: ClusterMap, _ boundaries: MapBoundaries) -> String {
        let (paths, height) = boundaries.paths(for: map.regions.map(\.code.code), width: 800)
        guard !paths.isEmpty else { return "" }
        var html = "<section id=\"choropleth\">\n<h2>Stars by region</h2>\n"
        html += "<svg class=\"choropleth\" viewBox=\"0 0 800 \(String(format: "%.0f", height))\" role=\"img\" "
        html += "aria-label=\"Stars of the chosen category by region\">"
        for (code, data) in paths {
            html +=
                "<path id=\"r-\(HTMLText.escape(code))\" d=\"\(data)\"><title>\(HTMLText.escape(code))</title></path>"
        }
        html += "</svg>\n<p class=\"small\">Colour: stars of the category chosen below (none, 0, 1, 2, 3). "
        html += "\(HTMLText.escape(boundaries.attribution)).</p>\n</section>\n"
        return html
    }

    private static func controls(_ map: ClusterMap) -> String {
        let e = HTMLText.escape
        var html = "<section id=\"entries\">\n<h2>Regions and categories</h2>\n<div class=\"controls\">"
        html += "<label>Category<select id=\"f-category\"><option value=\"\">all</option>"
        for (index, category) in map.categories.enumerated() {
            html += "<option value=\"\(index)\">\(e(category.name))</option>"
        }
        html += "</select></label><label>Country<select id=\"f-country\"><option value=\"\">all</option>"
        for country in Set(map.regions.map(\.country.code)).sorted() {
            html += "<option>\(e(country))</option>"
        }
        html += "</select></label><label>Stars at least<select id=\"f-stars\"><option value=\"\">any</option>"
        html += "<option>1</option><option>2</option><option>3</option></select></label>"
        html += "<label>Class<select id=\"f-class\"><option value=\"\">any</option>"
        for strength in ["strong10", "strong", "significant", "qualifying", "none"] {
            html += "<option>\(strength)</option>"
        }
        html += "</select></label><label>Region or category contains<input id=\"f-text\" type=\"search\"/></label>"
        html += "<span id=\"f-count\" class=\"small\"></span></div>\n"
        html += "<noscript><p>The table needs JavaScript; the CSV and JSON outputs hold every entry.</p></noscript>\n"
        html += "<div class=\"scroll\"><table class=\"map\"><thead><tr>"
        html += "<th data-sort=\"region\">Region</th><th data-sort=\"category\">Category</th>"
        for (index, indicator) in map.indicators.enumerated() {
            html += "<th data-sort=\"v\(index)\" class=\"num\">\(e(indicator.name))<div class=\"small\">"
            html += "\(e(indicator.unit))</div></th>"
        }
        html += "<th data-sort=\"stars\">Stars</th><th data-sort=\"class\">Class</th></tr></thead>"
        html += "<tbody id=\"rows\"></tbody></table></div>\n"
        html += "<p><button id=\"more\" type=\"button\">Show 200 more</button></p>\n</section>\n"
        return html
    }

    /// `{"regions": [[code, name, country]], "categories": [[id, name]], "indicators": [id],
    /// "periods": [...], "flags": [...], "reasons": [...], "classes": [...],
    /// "entries": [[region, category, stars, class, v, period, flags, reason, v, …]]}` with -1 for none.
    private static func writeData(_ map: ClusterMap, to output: OutputFile) throws {
        var periods = Interner<String>()
        var flags = Interner<String>()
        var reasons = Interner<String>()
        let classes = ["none", "qualifying", "significant", "strong", "strong10"]
        var buffer: [UInt8] = []
        func string(_ text: String) {
            // `</` cannot appear inside a script element.
            JSONText.appendString(text.replacingOccurrences(of: "</", with: "<\\/"), to: &buffer)
        }
        func number(_ value: Double?) {
            guard let value, value.isFinite else { return buffer.append(contentsOf: Array("null".utf8)) }
            buffer.append(contentsOf: Array((ReportText.number(value) ?? "null").utf8))
        }
        buffer.append(contentsOf: Array("{\"entries\":[".utf8))
        for (position, entry) in map.entries.enumerated() {
            if position > 0 { buffer.append(UInt8(ascii: ",")) }
            var fields = [entry.region, entry.category, entry.stars ?? -1]
            fields.append(entry.mappingClass.flatMap { classes.firstIndex(of: $0.rawValue) } ?? -1)
            buffer.append(contentsOf: Array(("[" + fields.map(String.init).joined(separator: ",")).utf8))
            for value in entry.values {
                buffer.append(UInt8(ascii: ","))
                number(value.value)
                let references = [
                    value.period.map { Int(periods.number(of: $0.lexical).number) } ?? -1,
                    value.flags.isEmpty
                        ? -1 : Int(flags.number(of: value.flags.map(\.rawValue).joined(separator: " ")).number),
                    value.reason.map { Int(reasons.number(of: $0).number) } ?? -1,
                ]
                buffer.append(contentsOf: Array(("," + references.map(String.init).joined(separator: ",")).utf8))
            }
            buffer.append(UInt8(ascii: "]"))
            if buffer.count > 1 << 16 {
                try output.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer.append(contentsOf: Array("],\"regions\":[".utf8))
        for (index, region) in map.regions.enumerated() {
            buffer.append(contentsOf: Array((index > 0 ? ",[" : "[").utf8))
            string(region.code.code)
            buffer.append(UInt8(ascii: ","))
            string(region.name ?? "")
            buffer.append(UInt8(ascii: ","))
            string(region.country.code)
            buffer.append(UInt8(ascii: "]"))
        }
        buffer.append(contentsOf: Array("],\"categories\":[".utf8))
        for (index, category) in map.categories.enumerated() {
            buffer.append(contentsOf: Array((index > 0 ? ",[" : "[").utf8))
            string(category.id)
            buffer.append(UInt8(ascii: ","))
            string(category.name)
            buffer.append(UInt8(ascii: "]"))
        }
        for (key, list) in [
            ("indicators", map.indicators.map(\.id)), ("periods", periods.values), ("flags", flags.values),
            ("reasons", reasons.values), ("classes", classes),
        ] {
            buffer.append(contentsOf: Array("],\"\(key)\":[".utf8))
            for (index, text) in list.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                string(text)
            }
        }
        buffer.append(contentsOf: Array("]}".utf8))
        try output.write(buffer)
    }

    private static func thresholds(_ map: ClusterMap) -> String {
        let e = HTMLText.escape
        var html = "<section id=\"thresholds\">\n<h2>What each category is measured against</h2>\n"
        html += "<div class=\"scroll\"><table>\n<caption>Percentiles over the category's regions: a size star needs "
        html += "employment ≥ P90, a focus star focus ≥ P90, a specialisation star LQ ≥ 2; classes need employment "
        html += "and local units above P25 and LQ above P25 (qualifying), P50 (significant), P75 and ≥ 1 (strong), "
        html += "P90 (strong10)</caption>\n<thead><tr><th scope=\"col\">Category</th><th scope=\"col\">Sectors</th>"
        html += "<th scope=\"col\">Approximation</th><th scope=\"col\" class=\"num\">Regions with data</th>"
        for label in ["Employment P90", "Employment P25", "Focus P90 (%)", "LQ P25", "LQ P50", "LQ P75", "LQ P90"] {
            html += "<th scope=\"col\" class=\"num\">\(label)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for (category, thresholds) in zip(map.categories, map.thresholds) {
            html += "<tr><th scope=\"row\">\(e(category.name))"
            if let note = category.note { html += "<div class=\"small\">\(e(note))</div>" }
            html += "</th><td>\(e(category.sectors.codes.map(\.dottedNotation).joined(separator: ", ")))</td>"
            html += "<td>\(e(category.approximation ?? "–"))</td><td class=\"num\">\(thresholds.regionsWithData)</td>"
            for value in [
                thresholds.employmentP90, thresholds.employmentP25, thresholds.focusP90, thresholds.quotientP25,
                thresholds.quotientP50, thresholds.quotientP75, thresholds.quotientP90,
            ] {
                html += "<td class=\"num\">\(HTMLText.number(value))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    private static func footer(_ map: ClusterMap) -> String {
        let e = HTMLText.escape
        var html = "<section id=\"methods\">\n<h2>Methods</h2>\n<dl class=\"definition\">"
        for method in map.methods { html += "<dt>\(e(method.name))</dt><dd>\(e(method.description))</dd>" }
        html += "</dl>\n"
        if !map.diagnostics.isEmpty {
            html += "<h3>Data quality</h3>\n<ul class=\"small\">"
            for diagnostic in map.diagnostics { html += "<li>\(e(diagnostic.description))</li>" }
            html += "</ul>\n"
        }
        html += "<h3>Sources</h3>\n<ul class=\"small\">"
        for source in map.sources {
            html += "<li><code>\(e(source.file.path))</code> SHA-256 <code>\(e(source.file.sha256))</code></li>"
        }
        html += "</ul>\n</section>\n</main>\n<script>\n\(MapHTMLScript.source)\n</script>\n</body>\n</html>\n"
        return html
    }
}
