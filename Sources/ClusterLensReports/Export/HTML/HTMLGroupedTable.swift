/// A table of indicators by group (pillars, context) against columns (clusters, years), as the
/// coverage matrices and the heatmap draw it: a caption, a header row, one row group per group.
enum HTMLGroupedTable {
    /// The table in a scrolling box.
    ///
    /// - Parameters:
    ///   - tableClass: The table's `class`.
    ///   - caption: The caption (HTML).
    ///   - headers: The column headers after "Indicator" (HTML, each a whole `<th>`).
    ///   - groups: The row groups: title and indicators.
    ///   - cells: The cells of an indicator's row after its name (HTML).
    ///   - footer: The `<tfoot>` (HTML), empty for none.
    static func html(
        tableClass: String, caption: String, headers: [String],
        groups: [(title: String, indicators: [ReportIndicator])], cells: (ReportIndicator) -> String,
        footer: String = ""
    ) -> String {
        var html = "<div class=\"scroll\"><table class=\"\(tableClass)\">\n<caption>\(caption)</caption>\n"
        html += "<thead><tr><th scope=\"col\">Indicator</th>" + headers.joined() + "</tr></thead>\n"
        for group in groups {
            html += "<tbody><tr><th class=\"group as-is\" scope=\"rowgroup\" colspan=\"\(headers.count + 1)\">"
            html += "\(HTMLText.escape(group.title))</th></tr>\n"
            for indicator in group.indicators {
                html += "<tr><th scope=\"row\">\(HTMLText.escape(indicator.name))</th>\(cells(indicator))</tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + footer + "</table></div>\n"
    }

    /// The column headers of the report's clusters.
    static func clusterHeaders(_ model: ReportModel) -> [String] {
        model.clusters.map { "<th scope=\"col\" class=\"cluster-col\">\(HTMLText.escape($0.name))</th>" }
    }
}
