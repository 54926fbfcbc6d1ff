import ClusterLensTestSupport
import Foundation
import Testing

/// `clusterlens report` and `clusterlens validate` end to end.
@Suite("report and validate commands")
struct ReportCommandTests {
    static let data = CLITestPaths.packageRoot.appendingPathComponent(
        "Tests/ClusterLensIndicatorsTests/StoreFixtures/sbs_r_nuts2021.xml"
    ).path

    /// A definition with one cluster over the indicator tests' SDMX-ML fixture.
    static func definition(in folder: TemporaryFolder, formats: String = "xml, json, csv") throws -> String {
        try """
        clusters:
          - {id: es51-automotive, name: Catalonia automotive, regions: [ES51], sectors: [C29], reference: ES5}
        """.write(toFile: folder.path("clusters.yaml"), atomically: true, encoding: .utf8)
        try """
        id: cli
        clusters: clusters.yaml
        data: [\(data)]
        indicators: [employment, location_quotient]
        outputs: {formats: [\(formats)], folder: out}
        """.write(toFile: folder.path("report.yaml"), atomically: true, encoding: .utf8)
        return folder.path("report.yaml")
    }

    @Test("report writes every format and each validates")
    func reportWritesValidFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runCLI(["report", try Self.definition(in: folder)])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdoutLines.map { $0.split(separator: "\t").first.map(String.init) ?? "" } == [
                "xml", "json", "csv", "csv",
            ])
        let xml = folder.path("out/cli.xml")
        let json = folder.path("out/cli.json")
        let validation = try runCLI(["validate", xml, json])
        #expect(validation.status == 0, "\(validation)")
        #expect(validation.stdoutLines == ["\(xml): valid (xml)", "\(json): valid (json)"])
    }

    @Test("validate reports an invalid report with status 12 and its line")
    func validateRejectsInvalidReports() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runCLI(["report", try Self.definition(in: folder), "--format", "xml"])
        let xml = folder.path("out/cli.xml")
        let text = try String(contentsOfFile: xml, encoding: .utf8).replacingOccurrences(
            of: "direction=\"higher\"", with: "direction=\"up\"")
        try text.write(toFile: xml, atomically: true, encoding: .utf8)
        let result = try runCLI(["validate", xml])
        #expect(result.status == 12, "\(result)")
        #expect(result.stdoutLines.first?.contains(": line ") == true, "\(result)")
    }

    @Test("A failing plug-in exits 11 with its status and message; the other formats are written")
    func failingPlugin() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let plugin = folder.path("clusterlens-export-boom")
        try "#!/bin/sh\necho 'no ink' >&2\nexit 7\n".write(toFile: plugin, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin)
        let result = try runCLI([
            "report", try Self.definition(in: folder, formats: "boom, json"), "--plugins", folder.url.path,
        ])
        #expect(result.status == 11, "\(result)")
        #expect(result.stderr.contains("exited with status 7: no ink"), "\(result)")
        #expect(FileManager.default.fileExists(atPath: folder.path("out/cli.json")))
    }

    /// The demo end to end: every built-in format, each checked by an independent reader.
    @Test("demo writes every format; XML and JSON validate, the CSV reads back, the HTML holds its charts")
    func demoWritesEveryFormat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.path("demo")
        let result = try runCLI(["demo", "--out", out], in: CLITestPaths.packageRoot, timeout: 300)
        #expect(result.status == 0, "\(result)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(
            names == [
                "clusterlens-demo-scores.csv", "clusterlens-demo.csv", "clusterlens-demo.html", "clusterlens-demo.json",
                "clusterlens-demo.xml",
            ])
        let validation = try runCLI(["validate", out + "/clusterlens-demo.xml", out + "/clusterlens-demo.json"])
        #expect(validation.status == 0, "\(validation)")
        let csv = parseCSV(try String(contentsOfFile: out + "/clusterlens-demo.csv", encoding: .utf8))
        #expect(csv.first?.first == "cluster_id")
        #expect(Set(csv.dropFirst().map { $0[0] }).count == 6, "six clusters")
        #expect(csv.dropFirst().allSatisfy { $0.count == csv.first?.count })
        let html = try String(contentsOfFile: out + "/clusterlens-demo.html", encoding: .utf8)
        #expect(html.components(separatedBy: "<svg class=\"radar\"").count - 1 == 6)
        #expect(html.components(separatedBy: "<svg class=\"spark\"").count - 1 > 100)
        #expect(!html.contains("<script") && !html.contains("src=\"http"))
    }

    @Test("batch runs every report, prints the summary, writes the run record and exits 1 when one failed")
    func batchWithAFailure() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try Self.definition(in: folder, formats: "json")
        try "id: broken\nclusters: clusters.yaml\ndata: [missing-*.xml]\n".write(
            toFile: folder.path("broken.yaml"), atomically: true, encoding: .utf8)
        try "reports: [report.yaml]\noutputs: {folder: runs}\n".write(
            toFile: folder.path("good.yaml"), atomically: true, encoding: .utf8)
        let good = try runCLI(["batch", folder.path("good.yaml"), "--jobs", "2"])
        #expect(good.status == 0, "\(good)")
        #expect(good.stdoutLines.first?.hasPrefix("report") == true)
        #expect(good.stdout.contains("1 reports, 0 failed"))
        #expect(FileManager.default.fileExists(atPath: folder.path("runs/cli/cli.json")))
        #expect(FileManager.default.fileExists(atPath: folder.path("runs/run-record.json")))
        #expect(good.stderr.contains("[1/1] cli: ok"), "plain progress lines when not a terminal: \(good.stderr)")
        // A definition whose data glob matches nothing fails its own report; the other still runs, and
        // the batch exits 1 naming the definition's line. --fail-fast stops at it instead (exit 10).
        try "reports: [report.yaml, broken.yaml]\noutputs: {folder: bad-runs}\n".write(
            toFile: folder.path("bad.yaml"), atomically: true, encoding: .utf8)
        let bad = try runCLI(["batch", folder.path("bad.yaml")])
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stdout.contains("2 reports, 1 failed"), "\(bad)")
        #expect(bad.stderr.contains("broken: ") && bad.stderr.contains("broken.yaml:3:"), "\(bad)")
        #expect(FileManager.default.fileExists(atPath: folder.path("bad-runs/cli/cli.json")), "the good report ran")
        let fast = try runCLI(["batch", folder.path("bad.yaml"), "--fail-fast"])
        #expect(fast.status == 10, "\(fast)")
        #expect(fast.stderr.contains("broken.yaml:3:"), "\(fast)")
    }

    @Test("fetch --offline of an uncached feed exits 13 naming the URL; an unknown provider exits 10")
    func fetchOffline() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let offline = try runCLI(["fetch", "estat:sbs_r_nuts2021", "--offline", "--cache", folder.path("cache")])
        #expect(offline.status == 13, "\(offline)")
        #expect(
            offline.stderr.contains("https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/sbs_r_nuts2021"),
            "\(offline)")
        let unknown = try runCLI(["fetch", "nowhere:x", "--cache", folder.path("cache")])
        #expect(unknown.status == 10, "\(unknown)")
        // A report whose data name a feed fetches it first: offline and uncached, it fails the same way.
        let definition = try Self.definition(in: folder)
        let text = try String(contentsOfFile: definition, encoding: .utf8).replacingOccurrences(
            of: "data: [", with: "data: [estat:nama_10r_2gdp, ")
        try text.write(toFile: definition, atomically: true, encoding: .utf8)
        let report = try runCLI(["report", definition, "--offline", "--cache", folder.path("cache")])
        #expect(report.status == 13, "\(report)")
    }

    @Test("An unknown format exits 10 and names the built-in formats")
    func unknownFormat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runCLI(["report", try Self.definition(in: folder), "--format", "pdf"])
        #expect(result.status == 10, "\(result)")
        #expect(result.stderr.contains("no exporter for format \"pdf\""), "\(result)")
    }
}
