import ClusterLensTestSupport
import Foundation
import Testing

/// `clusterlens map` through the binary: what it prints, writes and exits with.
@Suite("map command")
struct MapCommandTests {
    static let fixtures = CLITestPaths.packageRoot.appendingPathComponent("Tests/ClusterLensReportsTests/MapFixtures")
        .path

    @Test("map writes the formats asked, one line per file, and exits 0")
    func writesFormats() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runCLI([
            "map", Self.fixtures + "/categories.yaml", "--data", Self.fixtures + "/sbs_r_nuts2021-si.csv",
            "--indicators", "employment,local_units,location_quotient,cluster_focus", "--format", "csv,json",
            "--out", folder.path("out"), "--name", "si",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdoutLines == [
                "csv\t\(folder.path("out"))/si.csv", "csv\t\(folder.path("out"))/si-thresholds.csv",
                "json\t\(folder.path("out"))/si.json",
            ])
        let csv = try String(contentsOfFile: folder.path("out") + "/si.csv", encoding: .utf8)
        #expect(csv.contains("SI04,Zahodna Slovenija,SI,furniture,Furniture,good,1500,2021,,,100,2021,,,1.875,"))
    }

    @Test(
        "Slips are errors with README's statuses",
        arguments: [
            (["--level", "7"], Int32(64), "--level must be 0, 1, 2 or 3"),
            (["--format", "pdf"], Int32(10), "unknown map format \"pdf\""),
            (["--indicators", "employmnet"], Int32(10), "no indicator \"employmnet\" (did you mean \"employment\"?)"),
            (["--level", "3"], Int32(14), "no region at NUTS level 3"),
        ])
    func slips(_ extra: [String], _ status: Int32, _ fragment: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runCLI(
            [
                "map", Self.fixtures + "/categories.yaml", "--data", Self.fixtures + "/sbs_r_nuts2021-si.csv", "--out",
                folder.path("out"),
            ] + extra)
        #expect(result.status == status, "\(result)")
        #expect(result.stderr.contains(fragment), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("out") + "/cluster-map.csv"))
    }
}

/// `map --boundaries URL`: the outlines come through the feed cache, like any feed.
@Suite("map command: boundaries from a URL")
struct MapBoundariesFeedTests {
    @Test("A GeoJSON URL is fetched into the cache, reused offline; an answer that is not GeoJSON is 13")
    func boundariesThroughTheCache() throws {
        let geoJSON = try [UInt8](
            Data(contentsOf: URL(fileURLWithPath: MapCommandTests.fixtures + "/si-nuts2.geojson")))
        let server = try TestHTTPServer { request in
            request.path.hasSuffix(".geojson")
                ? .init(status: 200, body: geoJSON) : .init(status: 200, body: Array("<html></html>".utf8))
        }
        defer { server.stop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        func run(_ url: String, _ extra: [String] = []) throws -> CLIResult {
            try runCLI(
                [
                    "map", MapCommandTests.fixtures + "/categories.yaml", "--data",
                    MapCommandTests.fixtures + "/sbs_r_nuts2021-si.csv", "--indicators", "employment,location_quotient",
                    "--format", "html", "--out", folder.path("out"), "--boundaries", url, "--cache",
                    folder.path("cache"),
                ] + extra)
        }
        let fetched = try run(server.base + "/nuts2.geojson")
        #expect(fetched.status == 0, "\(fetched)")
        let html = try String(contentsOfFile: folder.path("out") + "/cluster-map.html", encoding: .utf8)
        #expect(html.contains("<path id=\"r-SI04\" d=\"M"))
        server.stop()
        let offline = try run(server.base + "/nuts2.geojson", ["--offline"])
        #expect(offline.status == 0, "the cached copy serves offline: \(offline)")
        let server2 = try TestHTTPServer { _ in .init(status: 200, body: Array("<html></html>".utf8)) }
        defer { server2.stop() }
        let refused = try run(server2.base + "/page.html")
        #expect(refused.status == 13, "\(refused)")
        #expect(refused.stderr.contains("not a whole GeoJSON feature collection"), "\(refused.stderr)")
    }
}
