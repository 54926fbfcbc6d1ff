internal import ClusterLensCore
internal import ClusterLensImport

/// The `html` format: one self-contained page (inline style sheet and SVG charts; no scripts, fonts
/// or images to fetch) that reads on screen, on narrow screens (tables scroll or drop secondary
/// columns below 900 px) and in print (A4, each cluster on a new page).
///
/// The page holds a header (title, generation time, tool version, definition and its SHA-256, the
/// legend of flags), an overview table of the clusters' index, pillar and transition scores, each
/// with its rank "k of n", the context score, how many ranked indicators have a value, stars and
/// classes; the coverage matrices (``HTMLCoverageSection``); the comparison of the clusters (a heatmap
/// of scores, the distributions stars and classes are measured against, a bar chart per indicator:
/// ``HTMLComparisonSection``); then per cluster: its definition, its pillars and its transitions as
/// two scaled bar charts, its index on 0–100 with the Monte Carlo band and its rank
/// (``HTMLScoreCharts``), strengths, weaknesses, similar clusters, progress towards targets, and the
/// indicator tables (``HTMLIndicatorTable``: headline value with unit and period, status and flags as
/// labelled badges, normalised score, rank "k of n" and percentile, a sparkline with its years and
/// range, sources with short SHA-256 in a collapsible list; indicators without any value grouped by
/// reason); finally the methods in plain words with their parameters beside, the indicator definitions
/// and the data sources. Numbers are rounded for reading (``ReadableNumber``). Written section by
/// section to an atomic file.
///
/// A report of more than ``HTMLLargeReport/clusterLimit`` clusters is written as an overview page
/// with a page per cluster beside it instead (``HTMLLargeReport``).
public struct HTMLReportExporter: Exporter {
    public let format = "html"
    public let summary =
        "one self-contained HTML page with SVG charts (screen and print); beyond 50 clusters an overview page and a page per cluster"

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
        try ReadableNumber.rounding(to: model.decimals) { () throws(ReportError) in try page(model, folder, name) }
    }

    private func page(_ model: ReportModel, _ folder: String, _ name: String) throws(ReportError) -> [String] {
        guard model.clusters.count <= HTMLLargeReport.clusterLimit else {
            return try HTMLLargeReport.write(model, folder: folder, name: name)
        }
        let path = ReportOutputFile.path(folder, name, "html")
        try ReportOutputFile.write(path) { output in
            let coverage = ReportCoverage(model)
            var navigation = [
                ("overview", "Overview"), ("coverage", "Coverage"), ("comparison", "Comparison"),
                ("data-quality", "Data quality"),
            ]
            navigation += model.clusters.enumerated().map { ("cluster-\($0.offset)", $0.element.name) }
            if model.sharedValue != nil { navigation.append(("shared-value", "Shared value")) }
            navigation += [("methods", "Methods"), ("sources", "Sources")]
            try output.write(Self.head(model, navigation: navigation))
            let lookUp = SectionLookUp(model, coverage: coverage)
            try output.write(HTMLOverviewSection.html(model, coverage: coverage, ranks: lookUp.ranks, layout: .onePage))
            try output.write(HTMLCoverageSection.html(model, coverage: coverage))
            try output.write(HTMLComparisonSection.html(model))
            try output.write(Self.dataQuality(model))
            for (index, cluster) in model.clusters.enumerated() {
                try output.write(Self.cluster(cluster, number: index, model: model, lookUp: lookUp))
            }
            try output.write(HTMLSharedValueSection.section(model))
            try output.write(Self.methods(model))
            try output.write(Self.end(model))
        }
        return [path]
    }

    /// What every cluster's section looks up in the whole report, worked out once for all of them
    /// (looked up per section, it would walk every cluster for each one).
    struct SectionLookUp: Sendable {
        /// The report's indicators by id.
        var indicators: [String: ReportIndicator]
        /// The clusters' names by id.
        var names: [String: String]
        /// Which values exist.
        var coverage: ReportCoverage
        /// How many clusters are ranked on each indicator and score.
        var ranks: RankCounts

        init(_ model: ReportModel, coverage: ReportCoverage) {
            indicators = Dictionary(model.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            names = Dictionary(model.clusters.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            self.coverage = coverage
            ranks = RankCounts(model)
        }
    }

    /// The page's head and header: title, identity, the legend of flags and the navigation
    /// (`(anchor, label)` pairs).
    static func head(_ model: ReportModel, navigation: [(String, String)]) -> String {
        let e = HTMLText.escape
        var html = documentStart(model, title: model.title, style: "<style>\n\(HTMLStyle.css)\n</style>")
        html += "<header>\n<h1>\(e(model.title))</h1>\n<p class=\"meta\">" + identity(model)
        if let definition = model.definition {
            html +=
                "<span>Definition <code>\(e(definition.path))</code> (SHA-256 \(e(HTMLText.shortDigest(definition.sha256))))</span>"
        }
        html += "</p>\n" + flagLegend() + "<nav aria-label=\"Sections\"><ul>"
        for (anchor, label) in navigation { html += "<li><a href=\"#\(e(anchor))\">\(e(label))</a></li>" }
        html += "</ul></nav>\n</header>\n<main>\n"
        return html
    }

    /// A page's start up to `<body>`: its title and `style` (an inline sheet or a link to one).
    static func documentStart(_ model: ReportModel, title: String, style: String) -> String {
        let e = HTMLText.escape
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
            + "<meta name=\"generator\" content=\"ClusterLens \(e(model.toolVersion))\"/>\n"
            + "<title>\(e(title))</title>\n\(style)\n</head>\n<body>\n"
    }

    /// The report's id, generation time and tool version, as spans of the header's meta line.
    static func identity(_ model: ReportModel) -> String {
        let e = HTMLText.escape
        return "<span>Report <code>\(e(model.id))</code></span><span>Generated \(e(model.generatedAt.iso8601))</span>"
            + "<span>ClusterLens \(e(model.toolVersion))</span>"
    }

    /// The legend of the flags.
    static func flagLegend() -> String {
        "<p class=\"small\">Flags carried from the data and the methods: "
            + flagMeanings.map { "<span class=\"flag\">\(HTMLText.escape($0.0))</span> \(HTMLText.escape($0.1))" }
            .joined(separator: "; ") + ". A missing value is never read as zero; its reason is given.</p>\n"
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

    /// The data-quality section: every warning and note of the run, with its place, cluster and indicator.
    static func dataQuality(_ model: ReportModel) -> String {
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

    /// One cluster's section: definition, score charts, lists and indicator tables.
    static func cluster(
        _ cluster: ReportCluster, number: Int, model: ReportModel, lookUp: SectionLookUp
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
        html += HTMLScoreCharts.charts(
            cluster, model: model, coverage: lookUp.coverage, ranks: lookUp.ranks, label: label)
        html += lists(cluster, lookUp: lookUp)
        html += HTMLIndicatorTable.performance(cluster, model: model, ranks: lookUp.ranks, label: label)
        html += HTMLIndicatorTable.context(cluster, model: model, ranks: lookUp.ranks, label: label)
        return html + "</section>\n"
    }

    private static func lists(_ cluster: ReportCluster, lookUp: SectionLookUp) -> String {
        let e = HTMLText.escape
        func name(_ id: String) -> String { e(lookUp.indicators[id]?.name ?? id) }
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
            let names = lookUp.names
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

    /// The methods, the indicator definitions and the sources.
    static func methods(_ model: ReportModel) -> String {
        let e = HTMLText.escape
        var html = "<section id=\"methods\">\n<h2>Methods</h2>\n<p class=\"small\">Each step in plain words, with "
        html += "its parameters beside.</p>\n<dl class=\"methods\">"
        for method in model.methods {
            html += "<dt>\(e(method.name.prefix(1).uppercased() + method.name.dropFirst()))</dt>"
            html += "<dd>\(e(method.plain ?? ""))</dd>"
            html += "<dd class=\"params\"><span class=\"label\">Parameters</span> \(e(method.description))</dd>"
        }
        html += "</dl>\n<div class=\"scroll\"><table>\n<caption>Indicator definitions</caption>\n"
        html += "<thead><tr><th scope=\"col\">Indicator</th>"
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
        html += "</tbody>\n</table></div>\n</section>\n<section id=\"sources\">\n<h2>Sources</h2>\n"
        html += "<div class=\"scroll\"><table>\n"
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
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    /// The end of a page: the footer, then `script` (when given) and the closing tags.
    static func end(_ model: ReportModel, script: String? = nil) -> String {
        let e = HTMLText.escape
        var html = "</main>\n<footer class=\"small\">Generated by ClusterLens \(e(model.toolVersion)) "
        html +=
            "on \(e(model.generatedAt.iso8601)). Every value states its sources, flags and method; see Methods.</footer>\n"
        if let script { html += "<script>\n\(script)\n</script>\n" }
        return html + "</body>\n</html>\n"
    }
}
