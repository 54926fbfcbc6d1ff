internal import ClusterLensCore
internal import ClusterLensScoring

extension XLSXReportSheets {
    /// Indicator × cluster: `value`, `flagged (e, p)`, `modelled` or `missing` for each headline value,
    /// and how many clusters have one.
    var coverageMatrix: XLSXSheet {
        let header = ["Indicator id", "Indicator", "Scope"] + model.clusters.map(\.name) + ["Clusters with a value"]
        let rows = orderedIndicators.map { indicator -> [XLSXCell] in
            var row: [XLSXCell] = [.text(indicator.id), .text(indicator.name), .text(indicator.scope.rawValue)]
            var present = 0
            for cluster in model.clusters {
                guard let cell = coverage.cell(cluster: cluster.id, indicator: indicator.id) else {
                    row.append(.empty)
                    continue
                }
                if cell.state != .missing { present += 1 }
                let flags = cell.flags.filter { $0 != .modelled }.map(\.rawValue)
                row.append(
                    .text(
                        cell.state.rawValue
                            + (cell.state == .flagged && !flags.isEmpty ? " (\(flags.joined(separator: ", ")))" : "")))
            }
            row.append(.integer(present))
            return row
        }
        return XLSXSheet(name: "Coverage", header: header, rows: rows, frozenColumns: 2)
    }

    /// Indicator × period: how many clusters have a value in each period of the report.
    var coverageByPeriod: XLSXSheet {
        let header =
            ["Indicator id", "Indicator", "Scope"] + coverage.periods.map { "\($0): clusters with a value" }
            + ["Clusters"]
        let counts = Dictionary(grouping: coverage.byPeriod, by: \.indicator)
        let rows = orderedIndicators.map { indicator -> [XLSXCell] in
            [.text(indicator.id), .text(indicator.name), .text(indicator.scope.rawValue)]
                + (counts[indicator.id] ?? []).map { XLSXCell.integer($0.withValue) } + [.integer(model.clusters.count)]
        }
        return XLSXSheet(name: "Coverage by year", header: header, rows: rows, frozenColumns: 2)
    }

    /// Each target and cluster: the target, the years compared, the growth seen and needed, the ratio,
    /// Eurostat's category and the Open SDG score.
    var targets: XLSXSheet {
        let header = [
            "Indicator id", "Indicator", "Unit", "Cluster id", "Cluster", "Target", "Target year", "Base year",
            "Latest year", "Latest value", "Growth per year (observed)", "Growth per year (needed)",
            "Observed / needed", "Eurostat category", "Open SDG score (−5 to +5)", "Open SDG category",
            "Why not assessed",
        ]
        // A later target of the same indicator replaces an earlier one, as in the progress assessment.
        let assessed = model.targets.enumerated().filter { position, target in
            !model.targets[(position + 1)...].contains { $0.indicator == target.indicator }
        }.map(\.element)
        var rows: [[XLSXCell]] = []
        for target in assessed {
            let indicator = model.indicator(target.indicator)
            for cluster in model.clusters {
                let headline = cluster.headline(target.indicator)
                let progress = headline?.progress
                rows.append([
                    .text(target.indicator), .text(indicator?.name), .text(indicator?.unit), .text(cluster.id),
                    .text(cluster.name),
                    .number(target.target?.value, XLSXStyle.number(for: target.target?.value, fixed: model.decimals)),
                    .integer(target.target?.year), .integer(progress?.baseYear), .integer(progress?.latestYear),
                    .number(headline?.value, XLSXStyle.number(for: headline?.value, fixed: model.decimals)),
                    .number(progress?.observedGrowth, .percent), .number(progress?.requiredGrowth, .percent),
                    .number(progress?.ratio, .percent), .text(progress?.eurostat.rawValue),
                    .number(progress?.openSDGScore, .decimals(2)), .text(progress?.openSDG.rawValue),
                    .text(progress?.reason),
                ])
            }
        }
        return XLSXSheet(name: "Targets", header: header, rows: rows, frozenColumns: 2)
    }

    /// The methods: what was done in plain words, with the parameters beside.
    var methods: XLSXSheet {
        let rows = model.methods.map { method -> [XLSXCell] in
            [
                .text(method.name), .text(method.plain ?? method.description, .wrapped),
                .text(method.description, .wrapped),
            ]
        }
        var sheet = XLSXSheet(name: "Methods", header: ["Step", "In plain words", "Parameters"], rows: rows)
        sheet.fixedWidths = [1: 80, 2: 80]
        return sheet
    }

    /// Every indicator: id, name, pillar, scope, transitions, unit, direction, method, bindings, references.
    var definitions: XLSXSheet {
        let header = [
            "Indicator id", "Name", "Pillar", "Scope", "Transitions", "Unit", "Direction", "Description", "Method",
            "Bindings", "References",
        ]
        let rows = orderedIndicators.map { indicator -> [XLSXCell] in
            [
                .text(indicator.id), .text(indicator.name), .text(indicator.pillar.rawValue),
                .text(indicator.scope.rawValue), .text(indicator.tags.map(\.rawValue).joined(separator: ", ")),
                .text(indicator.unit),
                .text(indicator.direction == .none ? "descriptive" : "\(indicator.direction.rawValue) is better"),
                .text(indicator.description, .wrapped), .text(indicator.method, .wrapped),
                .text(indicator.bindings.map(\.summary).joined(separator: "\n"), .wrapped),
                .text(indicator.references.joined(separator: "\n"), .wrapped),
            ]
        }
        var sheet = XLSXSheet(name: "Definitions", header: header, rows: rows, frozenColumns: 1)
        sheet.fixedWidths = [7: 50, 8: 50, 9: 50, 10: 50]
        return sheet
    }

    /// The report itself: id, title, time, tool, definition and every data file with its SHA-256.
    var about: XLSXSheet {
        var rows: [[XLSXCell]] = [
            [.text("Report"), .text(model.id)], [.text("Title"), .text(model.title)],
            [.text("Generated"), .text(model.generatedAt.iso8601)],
            [.text("Tool"), .text("ClusterLens \(model.toolVersion)")],
            [.text("Clusters"), .integer(model.clusters.count)],
            [.text("Indicators"), .integer(model.indicators.count)],
            [
                .text("Numbers shown with"),
                .text(
                    model.decimals.map { "\($0) decimals (stored at full precision)" }
                        ?? "automatic decimals (stored at full precision)"),
            ],
        ]
        if let definition = model.definition {
            rows.append([.text("Definition"), .text(definition.path), .text("sha256:" + definition.sha256)])
        }
        for source in model.sources {
            rows.append([
                .text("Data file"), .text(source.file.path), .text("sha256:" + source.file.sha256),
                .text(source.format.rawValue), .integer(source.observations),
                .text(source.dataflows.joined(separator: ", ")),
            ])
        }
        return XLSXSheet(
            name: "About", header: ["Item", "Value", "SHA-256", "Format", "Observations", "Dataflows"], rows: rows)
    }
}
