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
                "xml", "json", "csv", "csv", "csv", "csv",
            ], "values, scores, coverage and coverage by year")
        let xml = folder.path("out/cli.xml")
        let json = folder.path("out/cli.json")
        let validation = try runCLI(["validate", xml, json])
        #expect(validation.status == 0, "\(validation)")
        #expect(validation.stdoutLines == ["\(xml): valid (xml)", "\(json): valid (json)"])
    }

    /// Twelve clusters of a sector without data (C10 in the fixture) are screened out of the composite:
    /// ten warnings of that kind are printed, one line says more follow, and the count says how many
    /// were not printed; the JSON report holds all twelve.
    @Test("report prints at most ten warnings of one kind and says how many more the report lists")
    func manyWarningsOfOneKind() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var clusters = "clusters:\n"
        for number in 10...21 {
            clusters +=
                "  - {id: es51-food-\(number), name: Catalonia food \(number), regions: [ES51], sectors: [C10], "
            clusters += "reference: ES5}\n"
        }
        clusters += "  - {id: es51-c29, name: Catalonia vehicles, regions: [ES51], sectors: [C29], reference: ES5}\n"
        clusters += "  - {id: es52-c291, name: Valencia vehicles, regions: [ES52], sectors: [C29.1], reference: ES5}\n"
        try clusters.write(toFile: folder.path("clusters.yaml"), atomically: true, encoding: .utf8)
        try """
        id: cli
        clusters: clusters.yaml
        data: [\(Self.data)]
        indicators: [employment, location_quotient, cluster_focus]
        outputs: {formats: [json], folder: out}
        """.write(toFile: folder.path("report.yaml"), atomically: true, encoding: .utf8)
        let result = try runCLI(["report", folder.path("report.yaml")])
        #expect(result.status == 0, "\(result)")
        let screened = result.stderrLines.filter { $0.contains("screened out of the composite scores") }
        #expect(screened.count == 10 && screened.last?.hasSuffix("[cluster es51-food-19]") == true, "\(result)")
        #expect(
            result.stderrLines.suffix(2) == [
                "clusterlens: warning: more of this kind (screened-out) follow, not printed here; the report's "
                    + "data-quality section lists them all",
                "clusterlens: 12 warnings (2 not printed above); the report's data-quality section lists them",
            ], "\(result)")
        let json = try String(contentsOfFile: folder.path("out/cli.json"), encoding: .utf8)
        #expect(json.components(separatedBy: "\"code\": \"screened-out\"").count - 1 == 12)
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

    @Test("validate on an HTML report says it has no schema (exit 5); a refused DOCTYPE exits 4 as elsewhere")
    func validateExplainsWhatItCannotCheck() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runCLI(["report", try Self.definition(in: folder), "--format", "html"])
        let html = try runCLI(["validate", folder.path("out/cli.html")])
        #expect(html.status == 5, "\(html)")
        #expect(html.stderr.contains("an HTML report has no schema to validate against"), "\(html)")
        let doctype = try folder.write(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE report [<!ENTITY x \"y\">]>\n<report/>\n", to: "doctype.xml")
        let refused = try runCLI(["validate", doctype])
        #expect(refused.status == 4, "\(refused)")
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
                "clusterlens-demo-coverage-years.csv", "clusterlens-demo-coverage.csv",
                "clusterlens-demo-initiatives.csv", "clusterlens-demo-participants.csv",
                "clusterlens-demo-scorecard.csv", "clusterlens-demo-scores.csv", "clusterlens-demo-shared-value.csv",
                "clusterlens-demo.csv", "clusterlens-demo.html", "clusterlens-demo.json", "clusterlens-demo.xlsx",
                "clusterlens-demo.xml",
            ])
        let validation = try runCLI(["validate", out + "/clusterlens-demo.xml", out + "/clusterlens-demo.json"])
        #expect(validation.status == 0, "\(validation)")
        let csv = parseCSV(try String(contentsOfFile: out + "/clusterlens-demo.csv", encoding: .utf8))
        #expect(csv.first?.first == "cluster_id")
        #expect(Set(csv.dropFirst().map { $0[0] }).count == 6, "six clusters")
        #expect(csv.dropFirst().allSatisfy { $0.count == csv.first?.count })
        let html = try String(contentsOfFile: out + "/clusterlens-demo.html", encoding: .utf8)
        // Per cluster a pillar and a transition chart; per indicator one across the clusters; three for the stars.
        #expect(html.components(separatedBy: "<svg class=\"barchart\"").count - 1 == 6 * 2 + 56 + 3)
        #expect(html.contains("id=\"coverage\"") && html.contains("id=\"comparison\""))
        #expect(html.contains("@page { size: A4"))
        #expect(html.components(separatedBy: "<svg class=\"spark\"").count - 1 > 100)
        #expect(!html.contains("<script") && !html.contains("src=\"http"))
        #expect(
            result.stdoutLines.last?.hasPrefix("Open \(out)/clusterlens-demo.html in a browser (file://") == true,
            "the demo says which file to open: \(result.stdout)")
        #expect(!result.stderr.contains("[###"), "no progress bar when standard error is not a terminal")
        // The shared-value part: three ledgers, the scorecard, the warnings on the command line.
        #expect(html.contains("<section id=\"shared-value\">"))
        #expect(html.components(separatedBy: "<section class=\"ledger\"").count - 1 == 3)
        let scorecard = parseCSV(try String(contentsOfFile: out + "/clusterlens-demo-scorecard.csv", encoding: .utf8))
        #expect(Set(scorecard.dropFirst().map { $0[0] }) == ["es51-automotive", "iti1-leather", "nl41-hightech"])
        #expect(result.stderr.contains("fewer than 5 firms on a side"), "\(result)")
    }

    @Test("a broken initiative ledger fails the report with status 10 and its file, line and column")
    func brokenLedger() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let definition = try Self.definition(in: folder)
        try """
        clusters:
          - {id: es51-automotive, name: Catalonia automotive, regions: [ES51], sectors: [C29], reference: ES5,
             initiatives: ledger.yaml}
        """.write(toFile: folder.path("clusters.yaml"), atomically: true, encoding: .utf8)
        try """
        cluster: es51-automotive
        initiatives:
          - {id: a, title: A, members: [X], start: 2022, recommendations: [16], transition: green, outcomes: []}
        """.write(toFile: folder.path("ledger.yaml"), atomically: true, encoding: .utf8)
        let result = try runCLI(["report", definition])
        #expect(result.status == 10, "\(result)")
        #expect(
            result.stderr.contains("ledger.yaml:3:68: recommendation \"16\" is not a number from 1 to 15"), "\(result)")
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

/// What cannot be computed is said: an error when nothing can, a warning when a year or a sector cannot.
@Suite("report diagnostics on the command line")
struct ReportDiagnosticsCommandTests {
    static let data = TestPaths.package("Tests/ClusterLensIndicatorsTests/StoreFixtures/sbs_r_nuts2021.xml")

    static func definition(in folder: TemporaryFolder, periods: String, sectors: String = "[C29]") throws -> String {
        try folder.write(
            """
            clusters:
              - {id: es51, name: Catalonia, regions: [ES51], sectors: \(sectors), reference: ES5}
              - {id: es52, name: Valencia, regions: [ES52], sectors: \(sectors), reference: ES5}
            """, to: "clusters.yaml")
        return try folder.write(
            """
            id: slips
            clusters: clusters.yaml
            data: [\(Self.data)]
            indicators: [employment, location_quotient]
            periods: \(periods)
            outputs: {formats: [json], folder: out}
            """, to: "report.yaml")
    }

    @Test("a report where nothing could be computed exits 14 naming the definition")
    func nothingComputed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runCLI(["report", try Self.definition(in: folder, periods: "2030")])
        #expect(result.status == 14, "\(result)")
        #expect(result.stderr.contains("report.yaml: nothing could be computed"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("out/slips.json")))
    }

    @Test("a year without data and a sector without data are warnings on stderr and in the report")
    func warnings() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runCLI([
            "report", try Self.definition(in: folder, periods: "2020-2022", sectors: "[C29, C28.1]"),
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("warning: \(folder.path("report.yaml")): no indicator has a value in 2022"))
        #expect(
            result.stderr.contains(
                "warning: sector C28.1 has no observation in sbs_r_nuts2021: values read from it cover the cluster's "
                    + "other sectors only (flagged incomplete) [cluster es51]"), "\(result.stderr)")
        let report = try jsonObject(try readText(folder.path("out/slips.json")))
        let codes = (report["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("period-without-data") && codes.contains("sector-without-data"), "\(codes)")
    }
}

/// A slip in a name is an error at its line and column with the nearest valid name, never ignored.
@Suite("report definition names")
struct ReportDefinitionNameTests {
    static func run(_ extra: String) throws -> CLIResult {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "clusters:\n  - {id: es51, name: Catalonia, regions: [ES51], sectors: [C29], reference: ES5}\n",
            to: "clusters.yaml")
        let data = TestPaths.package("Tests/ClusterLensIndicatorsTests/StoreFixtures/sbs_r_nuts2021.xml")
        let definition = try folder.write(
            "id: names\nclusters: clusters.yaml\ndata: [\(data)]\n\(extra)\noutputs: {formats: [json]}\n", to: "r.yaml")
        return try runCLI(["report", definition])
    }

    @Test("a target naming an unknown indicator is an error at its line and column with a suggestion")
    func unknownTarget() throws {
        let result = try Self.run(
            "indicators: [employment, location_quotient]\ntargets:\n  - {indicator: employmnet, value: 2000, year: 2030}"
        )
        #expect(result.status == 10, "\(result)")
        #expect(
            result.stderr.contains("r.yaml:6:17: targets: no indicator \"employmnet\" (did you mean \"employment\"?)"),
            "\(result)")
    }

    @Test("a target naming an indicator the report does not compute is an error")
    func targetOutsideTheReport() throws {
        let result = try Self.run(
            "indicators: [employment]\ntargets:\n  - {indicator: renewable_energy_share, value: 42.5, year: 2030}")
        #expect(result.status == 10, "\(result)")
        #expect(result.stderr.contains("is not among the report's indicators"), "\(result)")
    }

    @Test("a binding of an input no indicator reads, and an unknown indicator selector, are errors at their place")
    func unknownBindingAndSelector() throws {
        let binding = try Self.run(
            "indicators: [employment]\nbindings:\n  employmnet: {dataflow: my_sbs, filters: {measure: EMP}}")
        #expect(binding.status == 10, "\(binding)")
        #expect(
            binding.stderr.contains(
                "r.yaml:6:3: bindings: no indicator of the report has an input \"employmnet\" "
                    + "(did you mean \"employment\"?)"), "\(binding)")
        let selector = try Self.run("indicators: [employment, locaton_quotient]")
        #expect(selector.status == 10, "\(selector)")
        #expect(selector.stderr.contains("r.yaml:4:26: indicators: \"locaton_quotient\""), "\(selector)")
        #expect(selector.stderr.contains("(did you mean \"location_quotient\"?)"), "\(selector)")
    }

    @Test("init writes a cluster file and a definition with the feeds; report then fetches them (13 offline)")
    func initWritesAStarter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runCLI([
            "init", "--regions", "ES51", "--sectors", "C29", "--targets", "renewable_energy_share=42.5@2030",
            "--last-year", "2024", "--folder", folder.path("start"),
        ])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdoutLines.prefix(2) == [
                "wrote\t\(folder.path("start/clusters.yaml"))", "wrote\t\(folder.path("start/report.yaml"))",
            ])
        #expect(result.stdout.contains("Next: clusterlens report \(folder.path("start/report.yaml"))"))
        let definition = try String(contentsOfFile: folder.path("start/report.yaml"), encoding: .utf8)
        #expect(definition.contains("periods: 2015-2024"))
        let report = try runCLI([
            "report", folder.path("start/report.yaml"), "--offline", "--cache", folder.path("cache"),
        ])
        #expect(report.status == 13, "the definition reads; its feeds are not cached yet: \(report)")
        #expect(report.stderr.contains("not in the cache"), "\(report)")
        let again = try runCLI(["init", "--regions", "ES51", "--sectors", "C29", "--folder", folder.path("start")])
        #expect(again.status == 10 && again.stderr.contains("exists; use --force"), "\(again)")
        let unasked = try runCLI(["init", "--sectors", "C29", "--folder", folder.path("other")])
        #expect(unasked.status == 64, "no terminal to ask for the regions: \(unasked)")
    }
}
