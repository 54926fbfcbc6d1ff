internal import ClusterLensCore
internal import ClusterLensSupport

/// The CSV tables of the shared-value part, written beside `NAME.csv` and `NAME-scores.csv` when a
/// cluster has an initiative ledger (RFC 4180, UTF-8, a header row; a missing number is an empty
/// field; lists are joined with `;`):
///
/// - `NAME-initiatives.csv`: the ledgers, one row per cluster × initiative × outcome × point (the
///   baseline, each measured value, the target).
/// - `NAME-shared-value.csv`: the accounts, one row per outcome (`level` = `outcome`), per initiative
///   (`initiative`: the verdict) and per cluster total (`cluster-total`).
/// - `NAME-participants.csv`: the participants against the other members, one row per comparison.
/// - `NAME-scorecard.csv`: one row per cluster × recommendation × evidence indicator.
enum SharedValueCSVWriter {
    /// Writes the four tables into `folder`; nothing without a shared-value part.
    ///
    /// - Returns: The paths written.
    static func write(_ model: ReportModel, folder: String, name: String) throws(ReportError) -> [String] {
        guard let part = model.sharedValue else { return [] }
        return try SharedValueTables(part: part, decimals: model.decimals).all.map { table throws(ReportError) in
            let path = ReportOutputFile.path(folder, name + "-" + table.name, "csv")
            try ReportOutputFile.write(path) { output in
                try CSVReportExporter.row(table.header, to: output)
                for row in table.rows { try CSVReportExporter.row(row.map(\.csvText), to: output) }
            }
            return path
        }
    }
}

extension XLSXCell {
    /// The cell as a CSV field: a number rounded for reading (``ReadableNumber``), a whole number
    /// without decimals, `true` or `false`, and an empty field for an empty cell.
    var csvText: String {
        switch self {
        case .empty: ""
        case .text(let text, _): text
        case .boolean(let value): value ? "true" : "false"
        case .number(let value, let style):
            style == .integer && value.magnitude < 1e15 ? String(Int(value)) : CSVReportExporter.number(value)
        }
    }
}
