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
    /// The header of the ledger table.
    static let initiativeColumns = [
        "cluster_id", "initiative_id", "title", "start", "end", "members", "recommendations", "transitions",
        "public_eur", "private_eur", "investment_evidence", "outcome_id", "outcome_name", "side", "category", "unit",
        "direction", "point", "year", "value", "evidence", "method", "converted_from", "factor_id", "factor_value",
        "factor_source",
    ]
    /// The header of the accounts table.
    static let accountColumns = [
        "cluster_id", "level", "initiative_id", "outcome_id", "side", "category", "unit", "direction", "baseline_year",
        "baseline", "latest_year", "latest", "change", "improvement", "investment_eur", "per_eur", "target_year",
        "target", "progress", "shared_value", "verdict", "missing", "inputs",
    ]
    /// The header of the comparisons table.
    static let comparisonColumns = [
        "cluster_id", "initiative_id", "indicator_id", "unit", "direction", "before_year", "after_year",
        "participants_n", "participants_before", "participants_after", "participants_change", "rest_n", "rest_before",
        "rest_after", "rest_change", "difference", "improvement", "minimum_firms", "warning", "reason",
        "participant_firms", "rest_firms",
    ]
    /// The header of the scorecard table.
    static let scorecardColumns = [
        "cluster_id", "recommendation", "group", "title", "status", "initiatives", "evidence", "indicator_id",
        "in_report", "value", "period", "score", "progress",
    ]

    /// Writes the four tables into `folder`; nothing without a shared-value part.
    ///
    /// - Returns: The paths written.
    static func write(_ model: ReportModel, folder: String, name: String) throws(ReportError) -> [String] {
        guard let part = model.sharedValue else { return [] }
        let paths = ["initiatives", "shared-value", "participants", "scorecard"].map {
            ReportOutputFile.path(folder, name + "-" + $0, "csv")
        }
        try ReportOutputFile.write(paths[0]) { output in
            try CSVReportExporter.row(initiativeColumns, to: output)
            for cluster in part.clusters { try ledgerRows(cluster, output) }
        }
        try ReportOutputFile.write(paths[1]) { output in
            try CSVReportExporter.row(accountColumns, to: output)
            for cluster in part.clusters { try accountRows(cluster, output) }
        }
        try ReportOutputFile.write(paths[2]) { output in
            try CSVReportExporter.row(comparisonColumns, to: output)
            for cluster in part.clusters { try comparisonRows(cluster, output) }
        }
        try ReportOutputFile.write(paths[3]) { output in
            try CSVReportExporter.row(scorecardColumns, to: output)
            for cluster in part.clusters { try scorecardRows(cluster, scorecard: part.scorecard, output) }
        }
        return paths
    }

    private static func number(_ value: Double?) -> String { CSVReportExporter.number(value) }

    private static func ledgerRows(_ cluster: ClusterSharedValue, _ output: OutputFile) throws {
        for initiative in cluster.ledger.initiatives {
            let head = [
                cluster.cluster, initiative.id, initiative.title, initiative.start.lexical,
                initiative.end?.lexical ?? "",
                initiative.members.joined(separator: ";"),
                initiative.recommendations.map(String.init).joined(separator: ";"),
                initiative.transitions.map(\.rawValue).joined(separator: ";"), number(initiative.investment.publicEUR),
                number(initiative.investment.privateEUR), initiative.investment.evidence ?? "",
            ]
            for metric in initiative.outcomes {
                let factor = metric.conversion?.factor
                let describe = [
                    metric.id, metric.name, metric.side.rawValue, metric.category.rawValue, metric.unit,
                    metric.direction.rawValue,
                ]
                let tail = [
                    metric.method, metric.conversion?.metric ?? "", factor?.id ?? "", number(factor?.value),
                    factor?.source ?? "",
                ]
                let evidence = metric.evidence.joined(separator: ";")
                var points = [("baseline", metric.baseline.year, metric.baseline.value, evidence)]
                points += metric.measured.map { ("measured", $0.year, $0.value, $0.evidence ?? evidence) }
                if let target = metric.target { points.append(("target", target.year, target.value, "")) }
                for (point, year, value, source) in points {
                    try CSVReportExporter.row(
                        head + describe + [point, String(year), number(value), source] + tail, to: output)
                }
            }
        }
    }

    private static func accountRows(_ cluster: ClusterSharedValue, _ output: OutputFile) throws {
        for initiative in cluster.ledger.initiatives {
            guard let account = cluster.account(initiative.id) else { continue }
            for metric in account.metrics {
                let outcome = metric.metric
                try CSVReportExporter.row(
                    [
                        cluster.cluster, "outcome", initiative.id, outcome.id, outcome.side.rawValue,
                        outcome.category.rawValue, outcome.unit, outcome.direction.rawValue,
                        String(outcome.baseline.year), number(outcome.baseline.value),
                        outcome.latest.map { String($0.year) } ?? "", number(outcome.latest?.value),
                        number(metric.change),
                        number(metric.improvement), number(initiative.investment.totalEUR), number(metric.perEuro),
                        outcome.target.map { String($0.year) } ?? "", number(outcome.target?.value),
                        metric.progress?.summary ?? "", "", "", metric.missing ?? "",
                        metric.inputs.joined(separator: ";"),
                    ], to: output)
            }
            try CSVReportExporter.row(
                [
                    cluster.cluster, "initiative", initiative.id, "", "", "", "", "", "", "", "", "", "", "",
                    number(initiative.investment.totalEUR), "", "", "", "", account.isSharedValue ? "true" : "false",
                    account.verdict, initiative.investment.missingReason ?? "", "",
                ], to: output)
        }
        for total in cluster.totals {
            try CSVReportExporter.row(
                [
                    cluster.cluster, "cluster-total", "", "", total.side.rawValue, total.category.rawValue, total.unit,
                    "", "", "", "", "", "", number(total.improvement), number(total.investmentEUR),
                    number(total.perEuro), "", "", "", "", "", total.missing ?? "",
                    total.metrics.joined(separator: ";"),
                ], to: output)
        }
    }

    private static func comparisonRows(_ cluster: ClusterSharedValue, _ output: OutputFile) throws {
        for account in cluster.accounts {
            for comparison in account.comparisons {
                let participants = comparison.participants
                let rest = comparison.rest
                try CSVReportExporter.row(
                    [
                        cluster.cluster, account.initiative, comparison.indicator, comparison.unit,
                        comparison.direction.rawValue, comparison.beforeYear.map(String.init) ?? "",
                        comparison.afterYear.map(String.init) ?? "", String(participants.count),
                        number(participants.before), number(participants.after), number(participants.change),
                        String(rest.count), number(rest.before), number(rest.after), number(rest.change),
                        number(comparison.difference), number(comparison.improvement), String(comparison.minimumFirms),
                        comparison.warning ?? "", comparison.reason ?? "", participants.firms.joined(separator: ";"),
                        rest.firms.joined(separator: ";"),
                    ], to: output)
            }
        }
    }

    private static func scorecardRows(
        _ cluster: ClusterSharedValue, scorecard: RecommendationScorecard, _ output: OutputFile
    ) throws {
        for entry in cluster.scorecard {
            let recommendation = scorecard.recommendation(entry.recommendation)
            let head = [
                cluster.cluster, String(entry.recommendation), recommendation?.group.rawValue ?? "",
                recommendation?.title ?? "", entry.status.rawValue, entry.initiatives.joined(separator: ";"),
                entry.evidence.joined(separator: ";"),
            ]
            let indicators = entry.indicators.isEmpty ? [nil] : entry.indicators.map { Optional($0) }
            for indicator in indicators {
                try CSVReportExporter.row(
                    head + [
                        indicator?.id ?? "", indicator.map { $0.inReport ? "true" : "false" } ?? "",
                        number(indicator?.value), indicator?.period ?? "", number(indicator?.score),
                        indicator?.progress ?? "",
                    ], to: output)
            }
        }
    }
}
