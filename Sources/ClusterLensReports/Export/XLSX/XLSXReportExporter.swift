internal import ClusterLensCore
internal import Foundation

/// The `xlsx` format: one Excel workbook (`NAME.xlsx`, Office Open XML) that opens in Excel,
/// LibreOffice and every spreadsheet reader.
///
/// Sheets, in order: **Scores** (cluster × index, pillars, transitions, context, each rank "of n",
/// coverage, uncertainty band, stars, class), **Indicators** (cluster × indicator headline values,
/// wide, the unit in each header), **Data** (every value per period with status, flags, reason,
/// score and rank: long), **Coverage** (indicator × cluster: value, flagged, modelled or missing),
/// **Coverage by year** (indicator × year: clusters with a value), **Targets** (progress of each
/// cluster towards each target), with initiative ledgers **Initiatives**, **Shared value**,
/// **Participants** and **EEGC scorecard** (the shared-value tables, ``SharedValueTables``), **Methods** (in plain words, with the parameters), **Definitions**
/// (every indicator) and **About** (the report, its definition and data files with SHA-256).
///
/// Numbers are stored as numbers at full precision and shown with the report's `decimals:` (or the
/// rule of ``ReadableNumber``); a missing value is an empty cell, never 0. Header rows are frozen (and
/// the cluster columns of the wide sheets), each table has an auto-filter, and column widths fit their
/// contents. The XML parts are written with libxml2's writer and zipped with ZIPFoundation into a
/// temporary file renamed into place.
public struct XLSXReportExporter: Exporter {
    public let format = "xlsx"
    public let summary = "an Excel workbook: scores, indicators (wide), data (long), coverage, targets, methods"

    /// Creates the exporter.
    public init() {}

    public func export(_ model: ReportModel, folder: String, name: String) throws(ReportError) -> [String] {
        let path = ReportOutputFile.path(folder, name, "xlsx")
        let sheets = XLSXReportSheets(model: model)
        try Self.checkLimits(sheets.all, path: path)
        let package = XLSXPackage(
            title: model.title, creator: "ClusterLens \(model.toolVersion)",
            created: Date(timeIntervalSince1970: TimeInterval(model.generatedAt.secondsSince1970)),
            sheets: sheets.all)
        try package.write(to: path)
        return [path]
    }

    /// Excel's limits on a worksheet: 1,048,576 rows (the header row included) and 16,384 columns.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    /// Refuses a workbook that a sheet would make larger than Excel opens (Excel refuses such a file or
    /// "repairs" it by dropping rows): the error names the sheet, its size and the formats that hold it.
    static func checkLimits(_ sheets: [XLSXSheet], path: String) throws(ReportError) {
        for sheet in sheets {
            let rows = sheet.rows.count + 1
            let columns = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
            guard rows > maximumRows || columns > maximumColumns else { continue }
            throw ReportError(
                .exporter,
                "the workbook's sheet \(sheet.name) would have \(rows) rows and \(columns) columns, more than Excel's "
                    + "\(maximumRows) rows and \(maximumColumns) columns: leave xlsx out of the formats for a report "
                    + "this large and use csv (the same tables, no limit), or ask for fewer clusters, indicators or "
                    + "periods", file: path)
        }
    }
}
