internal import ClusterLensCore
internal import ClusterLensSupport
internal import Foundation
internal import Synchronization

/// The `html` format for a report of many clusters (more than ``clusterLimit``): one page would
/// hold every cluster's section (about 12 KB each: 150 MB for 12,000 clusters), which no browser
/// opens comfortably. Instead:
///
/// - `NAME.html` is the overview that opens fast: the overview table (sortable and filterable by a
///   small inline script, plain HTML without it; ``HTMLOverviewSection``), each indicator across the
///   clusters (coverage counts and the distribution of values), the stars' and classes' thresholds
///   with how many clusters reach each, the indicator × year coverage, the data-quality notes
///   (grouped by kind when there are many), the shared-value part, the methods and the sources;
/// - `NAME-clusters/` holds one page per cluster — the same section as in the one-page report, with a
///   link back — and their common `style.css`; a cluster's name in the overview links to its page.
///
/// The folder is written beside the page as a hidden temporary folder and renamed into place (an
/// earlier folder is replaced only once the new one is complete); the page is written atomically.
enum HTMLLargeReport {
    /// Up to this many clusters the report is one page; beyond, an overview page with a page per
    /// cluster beside it.
    static let clusterLimit = 50

    /// Writes the overview page and the folder of cluster pages; returns the page's and the
    /// folder's paths.
    static func write(_ model: ReportModel, folder: String, name: String) throws(ReportError) -> [String] {
        let folderName = name + "-clusters"
        let pages = pageNames(model)
        let clustersFolder = (folder.hasSuffix("/") ? folder : folder + "/") + folderName
        let coverage = ReportCoverage(model)
        let lookUp = HTMLReportExporter.SectionLookUp(model, coverage: coverage)
        try writeClusterPages(model, lookUp: lookUp, pages: pages, into: clustersFolder, overview: name + ".html")
        let path = ReportOutputFile.path(folder, name, "html")
        try ReportOutputFile.write(path) { output in
            var navigation = [
                ("overview", "Overview"), ("indicators-across", "Indicators across the clusters"),
                ("comparison", "Stars and classes"), ("coverage", "Coverage by year"), ("data-quality", "Data quality"),
            ]
            if model.sharedValue != nil { navigation.append(("shared-value", "Shared value")) }
            navigation += [("methods", "Methods"), ("sources", "Sources")]
            try output.write(HTMLReportExporter.head(model, navigation: navigation))
            try output.write(
                "<p class=\"small\">\(model.clusters.count) clusters: this page is the overview; each cluster's "
                    + "page, with its charts, indicator table and sources, is in <code>\(HTMLText.escape(folderName))/"
                    + "</code> beside it (follow its name).</p>\n")
            try output.write(
                HTMLOverviewSection.html(
                    model, coverage: coverage, ranks: lookUp.ranks,
                    layout: .overviewPage(links: pages.map { folderName + "/" + $0 })))
            try output.write(HTMLAtScaleSections.indicators(model, coverage: coverage))
            try output.write(HTMLAtScaleSections.benchmarks(model))
            try output.write(HTMLCoverageSection.yearsSection(model, coverage: coverage))
            try output.write(HTMLAtScaleSections.dataQuality(model))
            try output.write(HTMLSharedValueSection.section(model))
            try output.write(HTMLReportExporter.methods(model))
            try output.write(HTMLReportExporter.end(model, script: HTMLTableScript.source))
        }
        return [path, clustersFolder]
    }

    /// Each cluster's page name: its id when that is a plain file name (letters, digits, `-`, `_`,
    /// `.`; not hidden; distinct from the others' without regard to case), else `cluster-N`.
    static func pageNames(_ model: ReportModel) -> [String] {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        var seen: Set<String> = []
        return model.clusters.enumerated().map { index, cluster in
            let id = cluster.id
            let usable =
                !id.isEmpty && id.count <= 100 && !id.hasPrefix(".") && id.allSatisfy { plain.contains($0) }
                && !id.lowercased().hasPrefix("cluster-") && seen.insert(id.lowercased()).inserted
            return (usable ? id : "cluster-\(index + 1)") + ".html"
        }
    }

    private static func writeClusterPages(
        _ model: ReportModel, lookUp: HTMLReportExporter.SectionLookUp, pages: [String], into destination: String,
        overview: String
    ) throws(ReportError) {
        let temporary = ReportOutputFile.temporary(beside: destination, tag: "folder")  // removed if interrupted
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: temporary, withIntermediateDirectories: false)
        } catch {
            TemporaryFiles.unregister(temporary)
            throw ReportError(.output, "cannot create the folder of cluster pages: \(error)", file: destination)
        }
        do throws(ReportError) {
            try ReportOutputFile.write(temporary + "/style.css") { output in try output.write(HTMLStyle.css) }
            // The pages on every core, in chunks; the first error (in cluster order) fails the whole.
            let failures = ParallelChunks.map(count: model.clusters.count, minimumPerWorker: 32) {
                range -> ReportError? in
                for index in range {
                    let cluster = model.clusters[index]
                    do throws(ReportError) {
                        try ReportOutputFile.write(temporary + "/" + pages[index]) { output in
                            try output.write(head(model, cluster: cluster, overview: overview))
                            try output.write(
                                HTMLReportExporter.cluster(cluster, number: index, model: model, lookUp: lookUp))
                            try output.write(HTMLReportExporter.end(model))
                        }
                    } catch {
                        return error
                    }
                }
                return nil
            }
            if let first = failures.lazy.compactMap({ $0 }).first { throw first }
            try replace(destination, with: temporary)
            TemporaryFiles.unregister(temporary)
        } catch {
            TemporaryFiles.remove(temporary)
            throw error
        }
    }

    /// Renames the finished `temporary` folder onto `destination`, moving an earlier folder aside
    /// first and removing it after.
    private static func replace(_ destination: String, with temporary: String) throws(ReportError) {
        let files = FileManager.default
        var earlier: String?
        if files.fileExists(atPath: destination) {
            let aside = ReportOutputFile.temporary(beside: destination, tag: "old")
            TemporaryFiles.unregister(aside)
            guard rename(destination, aside) == 0 else {
                throw ReportError(
                    .output, "cannot replace the folder of cluster pages: \(String(cString: strerror(errno)))",
                    file: destination)
            }
            earlier = aside
        }
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            if let earlier { _ = rename(earlier, destination) }
            throw ReportError(
                .output, "cannot rename the folder of cluster pages into place: \(reason)", file: destination)
        }
        if let earlier { try? files.removeItem(atPath: earlier) }
    }

    /// A cluster page's head: the cluster's name and the report's, the common style sheet, a link back
    /// to the overview and the legend of flags.
    private static func head(_ model: ReportModel, cluster: ReportCluster, overview: String) -> String {
        let e = HTMLText.escape
        var html = HTMLReportExporter.documentStart(
            model, title: "\(cluster.name) — \(model.title)", style: "<link rel=\"stylesheet\" href=\"style.css\"/>")
        html += "<header>\n<p class=\"meta\"><a href=\"../\(e(overview))#overview\">← \(e(model.title))</a>"
        html += HTMLReportExporter.identity(model) + "</p>\n"
        html += HTMLReportExporter.flagLegend()
        html += "<p class=\"small\">Ranks and scores are among the report's \(model.clusters.count) clusters; the "
        html += "methods and sources are on the <a href=\"../\(e(overview))#methods\">overview page</a>.</p>\n"
        return html + "</header>\n<main>\n"
    }
}
