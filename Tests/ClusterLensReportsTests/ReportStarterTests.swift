import ClusterLensCore
import ClusterLensIndicators
import ClusterLensScoring
import Foundation
import Testing

@testable import ClusterLensReports

/// `clusterlens init`'s library side: the files it writes read back as a cluster file and a report
/// definition with the feeds, years and targets asked.
@Suite("Report starter")
struct ReportStarterTests {
    static let catalogue = Result { try IndicatorCatalogue.standard() }

    @Test func theFilesReadBackAsADefinitionWithItsFeeds() throws {
        let catalogue = try Self.catalogue.get()
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var starter = ReportStarter(regions: ["ES51"], sectors: ["C29"], lastYear: 2024)
        starter.peers = ["DE11", "PL22"]
        starter.targets = ["renewable_energy_share=42.5@2030", "ghg_intensity"]
        let files = try starter.write(to: folder, catalogue: catalogue)
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["clusters.yaml", "report.yaml"])
        let text = try String(contentsOfFile: files[1], encoding: .utf8)
        let feeds = text.split(separator: "\n").filter { $0.hasPrefix("  - \"estat:") }
        #expect(feeds.count == starter.feeds(in: catalogue).count && feeds.count >= 20)
        #expect(text.contains("  - \"estat:sbs_r_nuts2021?startPeriod=2015\""))
        // Read back without fetching: the feeds are data sources the reader checks and keeps.
        let root = try YAMLSource.compose(text, file: files[1], errorCode: .reportDefinition)
        let definition = try ReportDefinitionReader(file: files[1]).definition(in: root)
        #expect(definition.feeds.count == feeds.count && definition.dataFiles.isEmpty)
        #expect(definition.periods == .years(2015...2024))
        #expect(definition.targets.map(\.indicator) == ["renewable_energy_share", "ghg_intensity"])
        #expect(definition.targets.first?.target == ProgressAssessment.Target(value: 42.5, year: 2030))
        #expect(definition.targets.last?.target == nil, "the trend only")
        #expect(definition.formats.contains("xlsx") && definition.formats.contains("html"))
        let cluster = try #require(definition.clusters.first)
        #expect(cluster.id == "es51-c29" && cluster.name == "Cataluña C29")
        #expect(cluster.regions.codes.map(\.code) == ["ES51"] && cluster.peers.map(\.code) == ["DE11", "PL22"])
        #expect(cluster.reference.code == "EU27_2020")
        #expect(throws: ReportError.self, "an existing file is kept without overwrite") {
            try starter.write(to: folder, catalogue: catalogue)
        }
        #expect(try starter.write(to: folder, catalogue: catalogue, overwrite: true).count == 2)
    }

    @Test("A name with a quote, a backslash, a tab and a line break reads back exactly")
    func namesReadBackExactly() throws {
        let catalogue = try Self.catalogue.get()
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var starter = ReportStarter(regions: ["ES51"], sectors: ["C29"], lastYear: 2024)
        let name = "Motor \"valley\"\\ cluster\twith\ntwo lines"
        starter.name = name
        let files = try starter.write(to: folder, catalogue: catalogue)
        let root = try YAMLSource.compose(
            try String(contentsOfFile: files[1], encoding: .utf8), file: files[1], errorCode: .reportDefinition)
        let definition = try ReportDefinitionReader(file: files[1]).definition(in: root)
        #expect(definition.clusters.first?.name == name)
    }

    @Test(arguments: [
        (["ES99"], ["C29"], [String](), "ES99 is not a region"),
        (["SP51"], ["C29"], [], "SP is not a NUTS country"),
        (["ES51"], ["ES51"], [], "not a NACE Rev. 2 code"),
        (["ES51"], ["C29"], ["renewable_share=4@2030"], "no indicator \"renewable_share\""),
        (["ES51"], ["C29"], ["employment_rate=78"], "is not INDICATOR=VALUE@YEAR"),
        ([], ["C29"], [], "at least one region"),
    ])
    func aBadCodeOrTargetIsNamed(regions: [String], sectors: [String], targets: [String], message: String) throws {
        let catalogue = try Self.catalogue.get()
        var starter = ReportStarter(regions: regions, sectors: sectors, lastYear: 2024)
        starter.targets = targets
        do {
            _ = try starter.definitionFile(feeds: [], catalogue: catalogue)
            Issue.record("expected an error saying \(message)")
        } catch {
            #expect(error.code == .starter)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
