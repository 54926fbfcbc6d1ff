internal import ClusterLensCore

/// The four tables of the shared-value part as typed rows, which the CSV tables
/// (``SharedValueCSVWriter``) and the workbook's sheets (``XLSXReportSheets``) both write: a number
/// stays a number (a whole number — a year, a count — an integer), a missing one an empty cell.
///
/// - The ledgers: one row per cluster × initiative × outcome × point (the baseline, each measured
///   value, the target).
/// - The accounts: one row per outcome (`level` = `outcome`), per initiative (`initiative`: the
///   verdict) and per cluster total (`cluster-total`).
/// - The participants against the other members: one row per comparison.
/// - The scorecard: one row per cluster × recommendation × evidence indicator.
struct SharedValueTables {
    /// One table: its name (the CSV file's suffix), the workbook sheet's name, header and rows.
    struct Table {
        var name: String
        var sheet: String
        var header: [String]
        var rows: [[XLSXCell]]
    }

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
        "in_report", "value", "period", "score", "progress", "reason",
    ]

    /// The shared-value part.
    var part: SharedValueReport
    /// The report's `decimals:` (how numbers are shown).
    var decimals: Int?

    /// The four tables, in order: initiatives, shared value, participants, scorecard.
    var all: [Table] {
        [
            Table(
                name: "initiatives", sheet: "Initiatives", header: Self.initiativeColumns,
                rows: part.clusters.flatMap(ledgerRows)),
            Table(
                name: "shared-value", sheet: "Shared value", header: Self.accountColumns,
                rows: part.clusters.flatMap(accountRows)),
            Table(
                name: "participants", sheet: "Participants", header: Self.comparisonColumns,
                rows: part.clusters.flatMap(comparisonRows)),
            Table(
                name: "scorecard", sheet: "EEGC scorecard", header: Self.scorecardColumns,
                rows: part.clusters.flatMap { scorecardRows($0) }),
        ]
    }

    private func number(_ value: Double?) -> XLSXCell { .number(value, XLSXStyle.number(for: value, fixed: decimals)) }
    private func list(_ items: [String]) -> XLSXCell { .text(items.joined(separator: ";")) }

    private func ledgerRows(_ cluster: ClusterSharedValue) -> [[XLSXCell]] {
        var rows: [[XLSXCell]] = []
        for initiative in cluster.ledger.initiatives {
            let head: [XLSXCell] = [
                .text(cluster.cluster), .text(initiative.id), .text(initiative.title), year(initiative.start),
                initiative.end.map(year) ?? .empty, list(initiative.members),
                list(initiative.recommendations.map(String.init)), list(initiative.transitions.map(\.rawValue)),
                number(initiative.investment.publicEUR), number(initiative.investment.privateEUR),
                .text(initiative.investment.evidence),
            ]
            for metric in initiative.outcomes {
                let factor = metric.conversion?.factor
                let describe: [XLSXCell] = [
                    .text(metric.id), .text(metric.name), .text(metric.side.rawValue), .text(metric.category.rawValue),
                    .text(metric.unit), .text(metric.direction.rawValue),
                ]
                let tail: [XLSXCell] = [
                    .text(metric.method), .text(metric.conversion?.metric), .text(factor?.id), number(factor?.value),
                    .text(factor?.source),
                ]
                let evidence = metric.evidence.joined(separator: ";")
                var points = [("baseline", metric.baseline.year, metric.baseline.value, evidence)]
                points += metric.measured.map { ("measured", $0.year, $0.value, $0.evidence ?? evidence) }
                if let target = metric.target { points.append(("target", target.year, target.value, "")) }
                for (point, year, value, source) in points {
                    rows.append(head + describe + [.text(point), .integer(year), number(value), .text(source)] + tail)
                }
            }
        }
        return rows
    }

    private func accountRows(_ cluster: ClusterSharedValue) -> [[XLSXCell]] {
        var rows: [[XLSXCell]] = []
        for initiative in cluster.ledger.initiatives {
            guard let account = cluster.account(initiative.id) else { continue }
            for metric in account.metrics {
                let outcome = metric.metric
                rows.append([
                    .text(cluster.cluster), .text("outcome"), .text(initiative.id), .text(outcome.id),
                    .text(outcome.side.rawValue), .text(outcome.category.rawValue), .text(outcome.unit),
                    .text(outcome.direction.rawValue), .integer(outcome.baseline.year), number(outcome.baseline.value),
                    .integer(outcome.latest?.year), number(outcome.latest?.value), number(metric.change),
                    number(metric.improvement), number(initiative.investment.totalEUR), number(metric.perEuro),
                    .integer(outcome.target?.year), number(outcome.target?.value), .text(metric.progress?.summary),
                    .empty, .empty, .text(metric.missing), list(metric.inputs),
                ])
            }
            rows.append(
                [.text(cluster.cluster), .text("initiative"), .text(initiative.id)]
                    + Array(repeating: .empty, count: 11)
                    + [
                        number(initiative.investment.totalEUR), .empty, .empty, .empty, .empty,
                        .boolean(account.isSharedValue), .text(account.verdict),
                        .text(initiative.investment.missingReason), .empty,
                    ])
        }
        for total in cluster.totals {
            rows.append(
                [
                    .text(cluster.cluster), .text("cluster-total"), .empty, .empty, .text(total.side.rawValue),
                    .text(total.category.rawValue), .text(total.unit),
                ] + Array(repeating: .empty, count: 6)
                    + [
                        number(total.improvement), number(total.investmentEUR), number(total.perEuro), .empty, .empty,
                        .empty, .empty, .empty, .text(total.missing), list(total.metrics),
                    ])
        }
        return rows
    }

    private func comparisonRows(_ cluster: ClusterSharedValue) -> [[XLSXCell]] {
        cluster.accounts.flatMap { account in
            account.comparisons.map { comparison -> [XLSXCell] in
                let participants = comparison.participants
                let rest = comparison.rest
                return [
                    .text(cluster.cluster), .text(account.initiative), .text(comparison.indicator),
                    .text(comparison.unit), .text(comparison.direction.rawValue), .integer(comparison.beforeYear),
                    .integer(comparison.afterYear), .integer(participants.count), number(participants.before),
                    number(participants.after), number(participants.change), .integer(rest.count),
                    number(rest.before), number(rest.after), number(rest.change), number(comparison.difference),
                    number(comparison.improvement), .integer(comparison.minimumFirms), .text(comparison.warning),
                    .text(comparison.reason), list(participants.firms), list(rest.firms),
                ]
            }
        }
    }

    private func scorecardRows(_ cluster: ClusterSharedValue) -> [[XLSXCell]] {
        cluster.scorecard.flatMap { entry in
            let recommendation = part.scorecard.recommendation(entry.recommendation)
            let head: [XLSXCell] = [
                .text(cluster.cluster), .integer(entry.recommendation), .text(recommendation?.group.rawValue),
                .text(recommendation?.title), .text(entry.status.rawValue), list(entry.initiatives),
                list(entry.evidence),
            ]
            let indicators = entry.indicators.isEmpty ? [nil] : entry.indicators.map { Optional($0) }
            return indicators.map { indicator -> [XLSXCell] in
                head + [
                    .text(indicator?.id), indicator.map { .boolean($0.inReport) } ?? .empty,
                    number(indicator?.value), .text(indicator?.period), number(indicator?.score),
                    .text(indicator?.progress), .text(indicator?.reason),
                ]
            }
        }
    }

    /// A period as a whole number when it is a year, else as text.
    private func year(_ period: TimePeriod) -> XLSXCell {
        Int(period.lexical).map { .integer($0) } ?? .text(period.lexical)
    }
}
