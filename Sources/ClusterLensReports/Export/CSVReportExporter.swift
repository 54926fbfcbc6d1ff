internal import ClusterLensImport
internal import ClusterLensSupport

/// The `csv` format: two tidy RFC 4180 tables, UTF-8 with a header row.
///
/// - `NAME.csv`: one row per cluster, indicator and period — `cluster_id, cluster_name, indicator_id,
///   indicator_name, pillar, scope, tags, unit, direction, period, headline, value, status, flags, reason,
///   note, direction_adjusted, score, rank, percentile, progress, sources, series_keys`. A missing value is
///   an empty field; lists (tags, flags, sources, series keys) are joined with `;`. `scope` is `cluster`,
///   `region` or `country` (the cluster's context).
/// - `NAME-scores.csv`: one row per cluster and composite node — `cluster_id, cluster_name, kind, id,
///   value, coverage, rank, modelled_share, median, low, high, rank_median, rank_low, rank_high`; the
///   `context` node is never ranked.
/// - `NAME-coverage.csv` and `NAME-coverage-years.csv`: which values exist (``CoverageCSV``).
/// - With initiative ledgers, four more tables: `NAME-initiatives.csv`, `NAME-shared-value.csv`,
///   `NAME-participants.csv` and `NAME-scorecard.csv` (``SharedValueCSVWriter``).
///
/// Numbers are rounded for reading (the report's `decimals:`, else ``ReadableNumber``'s rule); JSON and
/// XML keep full precision.
public struct CSVReportExporter: Exporter {
    public let format = "csv"
    public let summary =
        "tidy CSV: NAME.csv (cluster × indicator × period), NAME-scores.csv (pillar and index scores), coverage"

    /// The header of the values table.
    public static let valueColumns = [
        "cluster_id", "cluster_name", "indicator_id", "indicator_name", "pillar", "scope", "tags", "unit",
        "direction", "period", "headline", "value", "status", "flags", "reason", "note", "direction_adjusted",
        "score", "rank", "percentile", "progress", "sources", "series_keys",
    ]
    /// The header of the scores table.
    public static let scoreColumns = [
        "cluster_id", "cluster_name", "kind", "id", "value", "coverage", "rank", "modelled_share", "median", "low",
        "high", "rank_median", "rank_low", "rank_high",
    ]

    /// Creates the exporter.
    public init() {}

    public func export(_ model: ReportModel, folder: String, name: String) throws(ReportError) -> [String] {
        try ReadableNumber.rounding(to: model.decimals) { () throws(ReportError) in
            try writeTables(model, folder: folder, name: name)
                + CoverageCSV.write(ReportCoverage(model), of: model, folder: folder, name: name)
        }
    }

    private func writeTables(_ model: ReportModel, folder: String, name: String) throws(ReportError) -> [String] {
        let valuesPath = ReportOutputFile.path(folder, name, "csv")
        let scoresPath = ReportOutputFile.path(folder, name + "-scores", "csv")
        let indicators = Dictionary(model.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        try ReportOutputFile.write(valuesPath) { output in
            try Self.row(Self.valueColumns, to: output)
            for cluster in model.clusters {
                for value in cluster.values {
                    let indicator = indicators[value.indicator]
                    try Self.row(
                        [
                            cluster.id, cluster.name, value.indicator, indicator?.name ?? "",
                            indicator?.pillar.rawValue ?? "", indicator?.scope.rawValue ?? "",
                            (indicator?.tags ?? []).map(\.rawValue).joined(separator: ";"), indicator?.unit ?? "",
                            indicator?.direction.rawValue ?? "", value.period?.lexical ?? "",
                            value.isHeadline ? "true" : "false", Self.number(value.value), value.status.rawValue,
                            value.flags.map(\.rawValue).joined(separator: ";"), value.reason ?? "", value.note ?? "",
                            Self.number(value.directionAdjusted), Self.number(value.score),
                            value.rank.map(String.init) ?? "", Self.number(value.percentile),
                            value.progress?.summary ?? "", value.sources.map(\.description).joined(separator: ";"),
                            value.seriesKeys.joined(separator: ";"),
                        ], to: output)
                }
            }
        }
        try ReportOutputFile.write(scoresPath) { output in
            try Self.row(Self.scoreColumns, to: output)
            for cluster in model.clusters {
                for score in cluster.scores {
                    try Self.row(
                        [
                            cluster.id, cluster.name, score.node.kind, score.node.id, Self.number(score.value),
                            Self.number(score.coverage), score.rank.map(String.init) ?? "",
                            Self.number(score.modelledShare), Self.number(score.median),
                            Self.number(score.low), Self.number(score.high), Self.number(score.rankMedian),
                            Self.number(score.rankLow), Self.number(score.rankHigh),
                        ], to: output)
                }
            }
        }
        return [valuesPath, scoresPath] + (try SharedValueCSVWriter.write(model, folder: folder, name: name))
    }

    /// A number rounded for reading as ``ReadableNumber`` writes it (the report's `decimals:`); empty
    /// when missing.
    static func number(_ value: Double?) -> String { ReadableNumber.text(value) ?? "" }

    /// Writes one RFC 4180 record, CRLF-terminated.
    static func row(_ fields: [String], to output: OutputFile) throws {
        output.withBuffer { buffer in
            for (index, field) in fields.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                CSVField.append(CSVField.neutralised(field), to: &buffer)
            }
            buffer.append(contentsOf: [13, 10])
        }
        try output.flushIfNeeded()
    }
}
