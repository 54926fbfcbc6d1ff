internal import ClusterLensSupport

/// The coverage tables of the `csv` format (``ReportCoverage``), tidy RFC 4180 UTF-8 with a header:
///
/// - `NAME-coverage.csv`: one row per cluster and indicator — `cluster_id, cluster_name, indicator_id,
///   indicator_name, scope, state, period, flags, reason, periods_with_value, periods_asked`; `state` is
///   `value`, `flagged`, `modelled` or `missing`; a missing value has no period.
/// - `NAME-coverage-years.csv`: one row per indicator and period — `indicator_id, indicator_name, scope,
///   period, with_value, flagged, modelled, missing`, counts of clusters (flagged and modelled values are
///   among those with a value).
enum CoverageCSV {
    /// The header of the cluster × indicator table.
    static let cellColumns = [
        "cluster_id", "cluster_name", "indicator_id", "indicator_name", "scope", "state", "period", "flags",
        "reason", "periods_with_value", "periods_asked",
    ]
    /// The header of the indicator × period table.
    static let periodColumns = [
        "indicator_id", "indicator_name", "scope", "period", "with_value", "flagged", "modelled", "missing",
    ]

    /// Writes both tables atomically beside the report's other CSV files.
    ///
    /// - Returns: The two paths.
    static func write(
        _ coverage: ReportCoverage, of model: ReportModel, folder: String, name: String
    ) throws(ReportError) -> [String] {
        let cellsPath = ReportOutputFile.path(folder, name + "-coverage", "csv")
        let periodsPath = ReportOutputFile.path(folder, name + "-coverage-years", "csv")
        let indicators = Dictionary(model.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let clusters = Dictionary(model.clusters.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        try ReportOutputFile.write(cellsPath) { output in
            try CSVReportExporter.row(cellColumns, to: output)
            for cell in coverage.cells {
                let indicator = indicators[cell.indicator]
                try CSVReportExporter.row(
                    [
                        cell.cluster, clusters[cell.cluster] ?? "", cell.indicator, indicator?.name ?? "",
                        indicator?.scope.rawValue ?? "", cell.state.rawValue, cell.period?.lexical ?? "",
                        cell.flags.map(\.rawValue).joined(separator: ";"), cell.reason ?? "",
                        String(cell.periodsWithValue), String(cell.periodsAsked),
                    ], to: output)
            }
        }
        try ReportOutputFile.write(periodsPath) { output in
            try CSVReportExporter.row(periodColumns, to: output)
            for count in coverage.byPeriod {
                let indicator = indicators[count.indicator]
                try CSVReportExporter.row(
                    [
                        count.indicator, indicator?.name ?? "", indicator?.scope.rawValue ?? "", count.period,
                        String(count.withValue), String(count.flagged), String(count.modelled), String(count.missing),
                    ], to: output)
            }
        }
        return [cellsPath, periodsPath]
    }
}
