import ClusterLensCore
import Foundation
import Testing

@testable import ClusterLensReports

/// The HTML of a report of many clusters: an overview page that stays small, with a page per cluster
/// beside it, built from an SDMX-ML fixture in sbs_r_nuts2021's shape (`LargeReportFixtures`: NACE
/// divisions by NUTS 2 region; employment in C29 in 2021 is 1 000 in ES51, 500 in ES52 (flagged e) and
/// confidential in ES53).
@Suite("HTML report of many clusters")
struct HTMLLargeReportTests {
    /// The fixture's data file.
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("LargeReportFixtures/sbs_r_nuts2021-divisions.xml").path

    /// 20 clusters of NACE C29 in each of ES51, ES52 and ES53: 60, above the one-page limit of 50.
    static let clusters: String = {
        var yaml = "clusters:\n"
        for region in ["ES51", "ES52", "ES53"] {
            for number in 1...20 {
                let id = "\(region.lowercased())-vehicles-\(number < 10 ? "0" : "")\(number)"
                yaml += "  - {id: \(id), name: \(region) vehicles \(number), regions: [\(region)], sectors: [C29], "
                yaml += "reference: ES5}\n"
            }
        }
        return yaml
    }()

    @Test("60 clusters: an overview page with sorting and finding, each cluster on its own page beside it")
    func anOverviewPageAndAPagePerCluster() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try ReportFixtures.model(in: folder, clusters: Self.clusters, data: Self.data)
        #expect(model.clusters.count == 60)
        let out = folder + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let paths = try HTMLReportExporter().export(model, folder: out, name: "r")
        #expect(paths == [out + "/r.html", out + "/r-clusters"])
        let pages = try FileManager.default.contentsOfDirectory(atPath: out + "/r-clusters").sorted()
        #expect(pages.count == 61 && pages.contains("style.css") && pages.contains("es53-vehicles-20.html"))
        let overview = try String(contentsOfFile: paths[0], encoding: .utf8)
        #expect(overview.components(separatedBy: "<tr><th scope=\"row\"><a href=\"r-clusters/").count - 1 == 60)
        #expect(overview.contains("<table class=\"overview compact\" id=\"overview-table\">"))
        #expect(overview.contains("<a href=\"r-clusters/es52-vehicles-07.html\">ES52 vehicles 7</a>"))
        #expect(!overview.contains("<section class=\"cluster\""), "no cluster's section in the overview")
        #expect(overview.contains("<script>") && overview.contains("data-filter=\"overview-table\""))
        // Employment across the clusters: 40 with a value, the 20 of ES52 flagged e, the 20 of ES53 missing
        // (confidential, never 0); over the 40: lowest 500, P10 500 (h = 3.9), median 750 (h = 19.5,
        // halfway between the last 500 and the first 1 000), P90 1 000 (h = 35.1), highest 1 000.
        let row = try #require(
            overview.components(separatedBy: "<tr>").first { $0.hasPrefix("<th scope=\"row\">Cluster employment</th>") }
        )
        let cells = row.components(separatedBy: "<td").dropFirst().map { cell in
            String(cell.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
        }
        #expect(Array(cells.prefix(5)) == ["persons", "40", "20", "0", "20 "], "\(cells)")
        #expect(row.contains("(20: "), "the reason of the 20 missing values: \(row)")
        #expect(Array(cells.suffix(5)) == ["500", "500", "750", "1\u{2009}000", "1\u{2009}000"], "\(cells)")
        // The size star: employment at or above P90 (1 000), earned by the 20 clusters of ES51 (the
        // 20 of ES52 have 500, the 20 of ES53 no value).
        #expect(
            overview.contains(
                "<tr><td>Size: employment at or above P90</td><td class=\"num\">1\u{2009}000</td>"
                    + "<td class=\"num\">20</td></tr>"))
        // A cluster's page: its section, the common style sheet, a link back.
        let page = try String(contentsOfFile: out + "/r-clusters/es51-vehicles-01.html", encoding: .utf8)
        #expect(page.contains("<section class=\"cluster\"") && page.contains("<h2>ES51 vehicles 1</h2>"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"style.css\"/>"))
        #expect(page.contains("<a href=\"../r.html#overview\">"))
        // Its employment row: 1 000 persons in 2021, from the fixture's file.
        let employment = try #require(page.components(separatedBy: "<code>employment</code>").dropFirst().first)
        #expect(
            employment.contains(
                "<td class=\"num\">1\u{2009}000 <span class=\"small unit\">persons</span></td><td>2021</td>"))
        // Writing again replaces the folder whole: a page of a cluster no longer in the report goes.
        try "stale".write(toFile: out + "/r-clusters/gone.html", atomically: true, encoding: .utf8)
        _ = try HTMLReportExporter().export(model, folder: out, name: "r")
        #expect(!FileManager.default.fileExists(atPath: out + "/r-clusters/gone.html"))
        let hidden = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "no temporary folder left: \(hidden)")
    }

    @Test("A region's figure is spread over the regions, not weighted by how many clusters lie in each")
    func regionFiguresCountOncePerRegion() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try ReportFixtures.model(
            in: folder, clusters: Self.clusters, data: Self.data, indicators: "employment, herfindahl_concentration")
        // Herfindahl of the regions (C29 the fixture's one division): ES51 (1 000 / 25 000)² = 0.0016, ES52
        // (500 / 12 000)² = 0.0017361; ES53's only division is confidential: missing, not 0.
        let es53 = try #require(
            model.clusters.first { $0.id == "es53-vehicles-01" }?.headline("herfindahl_concentration"))
        #expect(es53.value == nil)
        #expect(es53.reason?.hasPrefix("no NACE division of the regions has a published employment") == true)
        // Over the two regions, not the 40 clusters: P10 = 0.0016 + 0.1 × 0.0001361 = 0.00161 (over the
        // clusters it would be 0.0016), median 0.00167, P90 0.00172 (over the clusters 0.00174).
        let html = HTMLAtScaleSections.indicators(model, coverage: ReportCoverage(model))
        let row = try #require(
            html.components(separatedBy: "<tr>").first { $0.hasPrefix("<th scope=\"row\">Sectoral concentration") })
        let cells = row.components(separatedBy: "<td").dropFirst().map { cell in
            String(cell.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
        }
        #expect(cells[1] == "40" && cells[4].hasPrefix("20"), "\(cells)")
        #expect(Array(cells.suffix(5)) == ["0.0016", "0.00161", "0.00167", "0.00172", "0.00174"], "\(cells)")
        #expect(html.contains("counted once per region or country, not once per cluster in it"))
    }

    @Test("A report of up to 50 clusters stays one page")
    func aFewClustersStayOnePage() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try ReportFixtures.model(in: folder)
        let paths = try HTMLReportExporter().export(model, folder: folder, name: "r")
        #expect(paths == [folder + "/r.html"])
        let html = try String(contentsOfFile: paths[0], encoding: .utf8)
        #expect(html.contains("<section class=\"cluster\" id=\"cluster-0\">") && !html.contains("<script"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/r-clusters"))
    }

    @Test("Page names: the id when it is a plain file name, else cluster-N; never two alike without regard to case")
    func pageNames() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var model = try ReportFixtures.model(in: folder)
        let cluster = try #require(model.clusters.first)
        model.clusters = ["es51-a", "ES51-A", "a b", "../x", ".hidden", "cluster-9", "ok_1.2"].map { id in
            var copy = cluster
            copy.definition.id = id
            return copy
        }
        #expect(
            HTMLLargeReport.pageNames(model) == [
                "es51-a.html", "cluster-2.html", "cluster-3.html", "cluster-4.html", "cluster-5.html",
                "cluster-6.html", "ok_1.2.html",
            ])
    }
}
