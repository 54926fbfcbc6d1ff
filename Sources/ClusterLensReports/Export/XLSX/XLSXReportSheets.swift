internal import ClusterLensCore

/// The sheets of the workbook (``XLSXReportExporter``), built from the report model: scores, the wide
/// indicator table and the long data here; coverage, targets, methods, definitions and the report's
/// identity in `XLSXReportSheets+Context.swift`.
struct XLSXReportSheets {
    var model: ReportModel
    var coverage: ReportCoverage

    init(model: ReportModel) {
        self.model = model
        coverage = ReportCoverage(model)
    }

    /// Every sheet, in workbook order; with initiative ledgers, the four shared-value tables before
    /// the methods (``SharedValueTables``).
    var all: [XLSXSheet] {
        [scores, indicators, data, coverageMatrix, coverageByPeriod, targets] + sharedValue
            + [methods, definitions, about]
    }

    /// The shared-value sheets: initiatives, shared value, participants, EEGC scorecard.
    var sharedValue: [XLSXSheet] {
        guard let part = model.sharedValue else { return [] }
        return SharedValueTables(part: part, decimals: model.decimals).all.map { table in
            XLSXSheet(name: table.sheet, header: table.header, rows: table.rows, frozenColumns: 1)
        }
    }

    /// The nodes of the Scores sheet, with their headers.
    private var nodes: [(node: ScoreNode, title: String)] {
        [(.index, "Index")] + Pillar.allCases.map { (.pillar($0), $0.rawValue.capitalized) }
            + TransitionTag.allCases.map { (.transition($0), $0.rawValue.capitalized) }
    }

    /// Cluster × index, pillars, transitions (score and rank of n each), context, coverage, band,
    /// stars, class and why a cluster was screened out.
    var scores: XLSXSheet {
        var header = ["Cluster id", "Cluster"]
        let ranks = RankCounts(model)
        for (node, title) in nodes {
            header += [title + " (0–100)", title + " rank (1 = best, of \(ranks.node(node)))"]
        }
        header += [
            "Context (0–100, not ranked)", "Index coverage (share of weight with data)",
            "Ranked indicators with a value", "Ranked indicators", "Index weight on modelled values",
            "Index 5th percentile", "Index 95th percentile", "Rank 5th percentile", "Rank 95th percentile",
            "Stars (0–3)", "Cluster Mapping class", "Screened out",
        ]
        let ranked = model.performanceIndicators.filter { $0.direction != .none }.map(\.id)
        let rows = model.clusters.map { cluster -> [XLSXCell] in
            var row: [XLSXCell] = [.text(cluster.id), .text(cluster.name)]
            for (node, _) in nodes {
                let score = cluster.score(node)
                row += [.number(score?.value, .decimals(2)), .integer(score?.rank)]
            }
            let index = cluster.score(.index)
            let count = coverage.count(cluster: cluster.id, among: ranked)
            row += [
                .number(cluster.score(.context)?.value, .decimals(2)),
                .number(index.map(\.coverage), .percent), .integer(count.withValue), .integer(count.of),
                .number(index?.modelledShare, .percent), .number(index?.low, .decimals(2)),
                .number(index?.high, .decimals(2)), .number(index?.rankLow, .decimals(1)),
                .number(index?.rankHigh, .decimals(1)), .integer(cluster.stars),
                .text(cluster.mappingClass?.rawValue), .text(cluster.screenedOut),
            ]
            return row
        }
        return XLSXSheet(name: "Scores", header: header, rows: rows, frozenColumns: 2)
    }

    /// The indicators in sheet order: the cluster's own first, then its region and country context.
    var orderedIndicators: [ReportIndicator] { model.performanceIndicators + model.contextIndicators }

    /// Cluster × indicator headline values, wide; each header names the indicator and its unit, and a
    /// context indicator says what it describes.
    var indicators: XLSXSheet {
        let columns = orderedIndicators
        var header = ["Cluster id", "Cluster"]
        for indicator in columns {
            let scope = indicator.scope.isContext ? " [\(indicator.scope.rawValue)]" : ""
            header.append("\(indicator.name) (\(indicator.unit))\(scope)")
        }
        let styles = columns.map { indicator in
            XLSXStyle.number(
                forColumn: model.clusters.compactMap { $0.headline(indicator.id)?.value }, fixed: model.decimals)
        }
        let rows = model.clusters.map { cluster -> [XLSXCell] in
            [.text(cluster.id), .text(cluster.name)]
                + zip(columns, styles).map { indicator, style in
                    .number(cluster.headline(indicator.id)?.value, style)
                }
        }
        return XLSXSheet(name: "Indicators", header: header, rows: rows, frozenColumns: 2)
    }

    /// Every value of every cluster, indicator and period: long.
    var data: XLSXSheet {
        let header = [
            "Cluster id", "Cluster", "Indicator id", "Indicator", "Pillar", "Scope", "Unit", "Period", "Headline",
            "Value", "Status", "Flags", "Reason", "Note", "Direction-adjusted value", "Score (0–100)",
            "Rank (1 = best)",
            "Clusters ranked", "Percentile (100 = best)", "Progress", "Sources",
        ]
        let indicators = Dictionary(model.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ranks = RankCounts(model)
        var rows: [[XLSXCell]] = []
        for cluster in model.clusters {
            for value in cluster.values {
                let indicator = indicators[value.indicator]
                let period: XLSXCell =
                    if let period = value.period, let year = Int(period.lexical) {
                        .integer(year)
                    } else {
                        .text(value.period?.lexical)
                    }
                rows.append([
                    .text(cluster.id), .text(cluster.name), .text(value.indicator), .text(indicator?.name),
                    .text(indicator?.pillar.rawValue), .text(indicator?.scope.rawValue), .text(indicator?.unit), period,
                    .boolean(value.isHeadline),
                    .number(value.value, XLSXStyle.number(for: value.value, fixed: model.decimals)),
                    .text(value.status.rawValue), .text(value.flags.map(\.rawValue).joined(separator: ", ")),
                    .text(value.reason), .text(value.note),
                    .number(
                        value.directionAdjusted, XLSXStyle.number(for: value.directionAdjusted, fixed: model.decimals)),
                    .number(value.score, .decimals(2)), .integer(value.rank),
                    value.rank == nil ? .empty : .integer(ranks.indicator(value.indicator)),
                    .number(value.percentile, .decimals(1)), .text(value.progress?.summary),
                    .text(value.sources.map(\.path).joined(separator: "; ")),
                ])
            }
        }
        var sheet = XLSXSheet(name: "Data", header: header, rows: rows, frozenColumns: 0)
        sheet.fixedWidths = [12: 48, 13: 40, 20: 40]
        return sheet
    }
}
