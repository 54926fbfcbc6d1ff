internal import ClusterLensCore
internal import ClusterLensImport

/// The `html` format: one self-contained page (inline style sheet and SVG charts; no scripts, fonts
/// or images to fetch) that reads on screen and in print.
///
/// The page holds a header (title, generation time, tool version, definition and its SHA-256, the
/// legend of flags), an overview table of the clusters' index, pillar and transition scores with
/// stars and classes, then per cluster: its definition, a radar of its pillar and transition scores
/// (bars when fewer than three have a value), its index on 0–100 with the Monte Carlo band, its
/// rank among the report's clusters on a strip, strengths, weaknesses, similar clusters, progress
/// towards targets, and the indicator table by pillar (headline value with unit and period, status
/// and flags as labelled badges, normalised score, rank, a sparkline of the period values, the
/// reason of a missing value, sources with short SHA-256 in a collapsible list); finally the methods,
/// the indicator definitions and the data sources. Written section by section to an atomic file.
public struct HTMLReportExporter: Exporter {
    public let format = "html"
    public let summary = "one self-contained HTML page with SVG charts (screen and print)"

    /// What each flag means, for the legend and the badges' titles.
    static let flagMeanings: [(String, String)] = [
        ("e", "estimated"), ("p", "provisional"), ("c", "confidential"), ("b", "break in series"),
        ("u", "low reliability"), ("d", "definition differs"), ("z", "not applicable"),
        ("modelled", "modelled from national data by industry: no regional information"),
        ("incomplete", "some inputs left out"),
        ("division_by_zero", "division by zero"), ("imputed", "score imputed"),
        ("winsorised", "score winsorised"), ("log_transformed", "score log-transformed"),
        ("carried_forward", "scored with an older year than the other clusters'"),
        ("interpolated", "scored with a value interpolated between years"),
    ]

    /// Creates the exporter.
    public init() {}

    public func export(_ model: ReportModel, folder: String, name: String) throws(ReportError) -> [String] {
        let path = ReportOutputFile.path(folder, name, "html")
        try ReportOutputFile.write(path) { output in
            try output.write(Self.head(model))
            try output.write(Self.overview(model))
            try output.write(Self.dataQuality(model))
            let indicators = Dictionary(model.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for (index, cluster) in model.clusters.enumerated() {
                try output.write(Self.cluster(cluster, number: index, model: model, indicators: indicators))
            }
            try output.write(HTMLSharedValueSection.section(model))
            try output.write(Self.methods(model))
        }
        return [path]
    }

    private static func head(_ model: ReportModel) -> String {
        let e = HTMLText.escape
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="ClusterLens \(e(model.toolVersion))"/>
            <title>\(e(model.title))</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(e(model.title))</h1>
            <p class="meta"><span>Report <code>\(e(model.id))</code></span><span>Generated \(e(model.generatedAt.iso8601))</span>\
            <span>ClusterLens \(e(model.toolVersion))</span>
            """
        if let definition = model.definition {
            html +=
                "<span>Definition <code>\(e(definition.path))</code> (SHA-256 \(e(HTMLText.shortDigest(definition.sha256))))</span>"
        }
        html += "</p>\n<p class=\"small\">Flags carried from the data and the methods: "
        html += flagMeanings.map { "<span class=\"flag\">\(e($0.0))</span> \(e($0.1))" }.joined(separator: "; ")
        html += ". A missing value is never read as zero; its reason is given.</p>\n<nav aria-label=\"Clusters\"><ul>"
        html += "<li><a href=\"#overview\">Overview</a></li><li><a href=\"#data-quality\">Data quality</a></li>"
        for (index, cluster) in model.clusters.enumerated() {
            html += "<li><a href=\"#cluster-\(index)\">\(e(cluster.name))</a></li>"
        }
        if model.sharedValue != nil { html += "<li><a href=\"#shared-value\">Shared value</a></li>" }
        html +=
            "<li><a href=\"#methods\">Methods</a></li><li><a href=\"#sources\">Sources</a></li></ul></nav>\n</header>\n<main>\n"
        return html
    }

    private static func score(_ cluster: ReportCluster, _ id: String) -> ReportScore? {
        cluster.scores.first { $0.node.id == id }
    }

    private static func overview(_ model: ReportModel) -> String {
        let e = HTMLText.escape
        var html = "<section id=\"overview\">\n<h2>Overview</h2>\n"
        let scored = model.clusters.contains { !$0.scores.isEmpty }
        html +=
            "<div class=\"scroll\"><table class=\"overview\">\n<caption>\(model.clusters.count) clusters, \(model.indicators.count) indicators"
        html += scored ? "; scores 0–100 (higher is better), rank among these clusters in brackets" : ""
        html +=
            "</caption>\n<thead><tr><th scope=\"col\">Cluster</th><th scope=\"col\">Regions</th><th scope=\"col\">Sectors</th>"
        let columns = ["index"] + SVGChart.radarAxes
        let context = model.clusters.contains { $0.score(.context) != nil }
        if scored { for column in columns { html += "<th scope=\"col\">\(column.capitalized)</th>" } }
        if context {
            html += "<th scope=\"col\" title=\"the region and country indicators, not ranked\">Context</th>"
        }
        html += "<th scope=\"col\">Stars</th><th scope=\"col\">Class</th></tr></thead>\n<tbody>\n"
        for (index, cluster) in model.clusters.enumerated() {
            html += "<tr><th scope=\"row\"><a href=\"#cluster-\(index)\">\(e(cluster.name))</a></th>"
            html +=
                "<td>\(e(regions(cluster)))</td><td>\(e(sectors(cluster)))</td>"
            if scored, cluster.screenedOut != nil {
                html += "<td colspan=\"\(columns.count)\" class=\"status-missing\">screened out: too few values</td>"
            } else if scored {
                for column in columns {
                    let entry = score(cluster, column)
                    let rank = entry?.rank.map { " (\($0))" } ?? ""
                    html += "<td class=\"num\">\(HTMLText.number(entry?.value))\(rank)</td>"
                }
            }
            if context { html += "<td class=\"num\">\(HTMLText.number(cluster.score(.context)?.value))</td>" }
            html +=
                "<td class=\"num\">\(cluster.stars.map { "\($0) of 3" } ?? "–")</td><td>\(e(cluster.mappingClass?.rawValue ?? "–"))</td></tr>\n"
        }
        html += "</tbody>\n</table></div>\n"
        let screened = model.clusters.filter { $0.screenedOut != nil }
        if !screened.isEmpty {
            html += "<p class=\"warning\">Not scored or ranked:</p>\n<ul>"
            for cluster in screened { html += "<li>\(e(cluster.name)): \(e(cluster.screenedOut ?? ""))</li>" }
            html += "</ul>\n"
        }
        if context {
            html += "<p class=\"small\">Context: the cluster's region and country indicators aggregated on their "
            html += "own (0–100); clusters in one place share it, so it is never ranked.</p>\n"
        }
        return html + "</section>\n"
    }

    /// The share of each score's weight that rests on modelled values, when any does.
    private static func modelledShares(_ cluster: ReportCluster) -> String {
        let shares = cluster.scores.compactMap { score -> String? in
            guard let share = score.modelledShare, share > 0 else { return nil }
            return "\(score.node.id) \(HTMLText.number(share * 100)) %"
        }
        guard !shares.isEmpty else { return "" }
        return "<p class=\"small\">Share of the score's weight resting on modelled values (national data by "
            + "industry, no regional information): " + HTMLText.escape(shares.joined(separator: ", ")) + ".</p>\n"
    }

    private static func regions(_ cluster: ReportCluster) -> String {
        cluster.definition.regions.codes.map(\.code).joined(separator: ", ")
    }

    private static func sectors(_ cluster: ReportCluster) -> String {
        cluster.definition.sectors.codes.map(\.dottedNotation).joined(separator: ", ")
    }

    /// The data-quality section: every warning and note of the run, with its place, cluster and indicator.
    private static func dataQuality(_ model: ReportModel) -> String {
        let e = HTMLText.escape
        var html = "<section id=\"data-quality\">\n<h2>Data quality</h2>\n"
        let warnings = model.diagnostics.filter { $0.severity == .warning }.count
        guard !model.diagnostics.isEmpty else {
            return html + "<p>The run noticed nothing to warn about.</p>\n</section>\n"
        }
        html += "<div class=\"scroll\"><table>\n<caption>\(warnings) warning(s) and "
        html += "\(model.diagnostics.count - warnings) note(s) from reading the data, computing and scoring</caption>\n"
        html += "<thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Where</th><th scope=\"col\">Cluster</th>"
        html += "<th scope=\"col\">Indicator</th><th scope=\"col\">What</th></tr></thead>\n<tbody>\n"
        let names = Dictionary(model.clusters.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for diagnostic in model.diagnostics.sorted(by: { $0.severity == .warning && $1.severity != .warning }) {
            let place = diagnostic.location.map { $0.description } ?? ""
            html += "<tr><td>\(e(diagnostic.severity.rawValue)) <span class=\"small\">\(e(diagnostic.code))</span></td>"
            html += "<td><code class=\"small\">\(e(place))</code></td>"
            html += "<td>\(e(diagnostic.cluster.map { names[$0] ?? $0 } ?? ""))</td>"
            html += "<td>\(e(diagnostic.indicator ?? ""))</td><td>\(e(diagnostic.message))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    /// The flags as labelled badges, each with its meaning as title.
    static func badges(_ flags: [String]) -> String {
        flags.map { flag in
            let meaning = flagMeanings.first { $0.0 == flag }?.1 ?? flag
            return "<span class=\"flag\" title=\"\(HTMLText.escape(meaning))\">\(HTMLText.escape(flag))</span>"
        }.joined()
    }

    private static func cluster(
        _ cluster: ReportCluster, number: Int, model: ReportModel, indicators: [String: ReportIndicator]
    ) -> String {
        let e = HTMLText.escape
        let label = "c\(number)"
        var html =
            "<section class=\"cluster\" id=\"cluster-\(number)\">\n<h2>\(e(cluster.name))</h2>\n<dl class=\"definition\">"
        html += "<dt>Id</dt><dd><code>\(e(cluster.id))</code></dd>"
        let definition = cluster.definition
        func named(_ codes: [String], _ dimension: String) -> String {
            codes.map { code in
                let name = model.codeNames.first { $0.dimension == dimension && $0.code == code }?.name
                return e(code) + (name.map { " <span class=\"small\">\(e($0))</span>" } ?? "")
            }.joined(separator: "; ")
        }
        html += "<dt>Regions</dt><dd>\(named(definition.regions.codes.map(\.code), "geo"))</dd>"
        html +=
            "<dt>Sectors (NACE Rev. 2)</dt><dd>\(named(definition.sectors.codes.map(\.dottedNotation), "nace_r2"))</dd>"
        html += "<dt>Reference area</dt><dd>\(named([definition.reference.code], "geo"))</dd>"
        if !definition.peers.isEmpty {
            html += "<dt>Peer regions</dt><dd>\(named(definition.peers.map(\.code), "geo"))</dd>"
        }
        if let members = definition.membersPath {
            html += "<dt>Member survey</dt><dd><code>\(e(members))</code></dd>"
        }
        if let stars = cluster.stars { html += "<dt>Cluster Observatory stars</dt><dd>\(stars) of 3</dd>" }
        if let mappingClass = cluster.mappingClass {
            html += "<dt>Cluster Mapping class</dt><dd>\(e(mappingClass.rawValue))</dd>"
        }
        html += "</dl>\n"
        if let reason = cluster.screenedOut { html += "<p class=\"warning\">Not scored: \(e(reason)).</p>\n" }
        html += modelledShares(cluster)
        if !cluster.scores.isEmpty {
            html += "<div class=\"charts\">"
            let byID = Dictionary(
                cluster.scores.map { ($0.node.id, $0.value) }, uniquingKeysWith: { first, _ in first })
            if let radar = SVGChart.radar(byID, label: "\(label)-radar") {
                html +=
                    "<figure class=\"chart\">\(radar)<figcaption>Pillars and transitions, 0–100</figcaption></figure>"
            } else {
                let bars = SVGChart.bars(SVGChart.radarAxes.map { ($0, byID[$0] ?? nil) }, label: "\(label)-bars")
                html +=
                    "<figure class=\"chart\">\(bars)<figcaption>Pillars and transitions, 0–100</figcaption></figure>"
            }
            if let index = score(cluster, "index") {
                html += "<figure class=\"chart\">"
                html += SVGChart.indexBand(
                    value: index.value, low: index.low, high: index.high, label: "\(label)-index")
                html += "<figcaption>Index \(HTMLText.number(index.value))"
                if let low = index.low, let high = index.high {
                    html += " (90 % of Monte Carlo runs between \(HTMLText.number(low)) and \(HTMLText.number(high)))"
                }
                if let low = index.rankLow, let high = index.rankHigh {
                    html +=
                        low == high
                        ? "; rank \(HTMLText.number(low)) in 90 % of runs"
                        : "; rank between \(HTMLText.number(low)) and \(HTMLText.number(high)) in 90 % of runs"
                }
                html += "; coverage \(HTMLText.number(index.coverage * 100)) %</figcaption>"
                if let rank = index.rank {
                    html += SVGChart.rankStrip(rank: rank, count: model.clusters.count, label: "\(label)-rank")
                }
                html += "</figure>"
            }
            html += "</div>\n"
        }
        html += lists(cluster, indicators: indicators, model: model)
        html += HTMLIndicatorTable.performance(cluster, model: model, label: label)
        html += HTMLIndicatorTable.context(cluster, model: model, label: label)
        return html + "</section>\n"
    }

    private static func lists(_ cluster: ReportCluster, indicators: [String: ReportIndicator], model: ReportModel)
        -> String
    {
        let e = HTMLText.escape
        func name(_ id: String) -> String { e(indicators[id]?.name ?? id) }
        var parts: [String] = []
        if !cluster.strengths.isEmpty {
            parts.append(
                "<div><h3>Strengths</h3><ul>" + cluster.strengths.map { "<li>\(name($0))</li>" }.joined()
                    + "</ul></div>")
        }
        if !cluster.weaknesses.isEmpty {
            parts.append(
                "<div><h3>Weaknesses</h3><ul>" + cluster.weaknesses.map { "<li>\(name($0))</li>" }.joined()
                    + "</ul></div>")
        }
        if !cluster.similar.isEmpty {
            let names = Dictionary(model.clusters.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            parts.append(
                "<div><h3>Most similar profiles</h3><ul>"
                    + cluster.similar.map {
                        "<li>\(e(names[$0.id] ?? $0.id)) (distance \(HTMLText.number($0.distance)))</li>"
                    }
                    .joined() + "</ul></div>")
        }
        let progress = cluster.headlines.filter { $0.progress != nil }
        if !progress.isEmpty {
            parts.append(
                "<div><h3>Progress towards targets</h3><ul>"
                    + progress.map { "<li>\(name($0.indicator)): \(e($0.progress?.summary ?? ""))</li>" }.joined()
                    + "</ul></div>")
        }
        return parts.isEmpty ? "" : "<div class=\"lists\">" + parts.joined() + "</div>\n"
    }

    private static func methods(_ model: ReportModel) -> String {
        let e = HTMLText.escape
        var html = "<section id=\"methods\">\n<h2>Methods</h2>\n<dl class=\"definition\">"
        for method in model.methods { html += "<dt>\(e(method.name))</dt><dd>\(e(method.description))</dd>" }
        html += "</dl>\n<table>\n<caption>Indicator definitions</caption>\n<thead><tr><th scope=\"col\">Indicator</th>"
        html += "<th scope=\"col\">Pillar, tags</th><th scope=\"col\">Scope</th><th scope=\"col\">Unit, direction</th>"
        html += "<th scope=\"col\">Method</th>"
        html += "<th scope=\"col\">Bindings and references</th></tr></thead>\n<tbody>\n"
        for indicator in model.indicators {
            html +=
                "<tr><th scope=\"row\">\(e(indicator.name))<div class=\"small\"><code>\(e(indicator.id))</code></div>"
            html += "<div class=\"small\">\(e(indicator.description))</div></th>"
            html +=
                "<td>\(e(([indicator.pillar.rawValue] + indicator.tags.map(\.rawValue)).joined(separator: ", ")))</td>"
                + "<td>\(indicator.scope.rawValue)</td>"
            html +=
                "<td>\(e(indicator.unit)), "
                + "\(e(indicator.direction == .none ? "descriptive" : indicator.direction.rawValue + " is better"))</td>"
            html += "<td><code>\(e(indicator.method))</code></td><td class=\"small\">"
            html += (indicator.bindings.map { "<code>\(e($0.summary))</code>" } + indicator.references.map(e)).joined(
                separator: "<br/>")
            html += "</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n<section id=\"sources\">\n<h2>Sources</h2>\n<table>\n"
        html +=
            "<caption>Files read (SHA-256 identifies the exact bytes)</caption>\n<thead><tr><th scope=\"col\">File</th>"
        html += "<th scope=\"col\">Format</th><th scope=\"col\">Dataflows</th><th scope=\"col\">Observations</th>"
        html += "<th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n"
        for source in model.sources {
            html += "<tr><td><code>\(e(source.file.path))</code></td><td>\(e(source.format.rawValue))</td>"
            html +=
                "<td>\(e(source.dataflows.joined(separator: ", ")))</td><td class=\"num\">\(HTMLText.number(Double(source.observations)))</td>"
            html += "<td><code class=\"small\">\(e(source.file.sha256))</code></td></tr>\n"
        }
        html +=
            "</tbody>\n</table>\n</section>\n</main>\n<footer class=\"small\">Generated by ClusterLens \(e(model.toolVersion)) "
        html +=
            "on \(e(model.generatedAt.iso8601)). Every value states its sources, flags and method; see Methods.</footer>\n</body>\n</html>\n"
        return html
    }
}
