import ClusterLensTestSupport
import Foundation
import Testing

/// `compute`: the values a report would show, without a report, for people and for scripts.
@Suite("compute command")
struct ComputeCommandTests {
    static let data = TestPaths.package("Tests/ClusterLensIndicatorsTests/StoreFixtures/sbs_r_nuts2021.xml")

    /// README's cluster file: Catalonia automotive against Spain's East (ES5), peer ES52.
    static func clusters(in folder: TemporaryFolder) throws -> String {
        try folder.write(
            """
            clusters:
              - {id: es51-automotive, name: Catalonia automotive, regions: [ES51], sectors: [C29], reference: ES5, peers: [ES52]}
            """, to: "clusters.yaml")
    }

    @Test("the text output gives README's hand-checked values: 1 000 persons, 40 units, 25 per unit, LQ 1.091")
    func textValues() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runCLI(["compute", try Self.clusters(in: folder), "--data", Self.data])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdoutLines
        #expect(lines.first == "es51-automotive — Catalonia automotive")
        #expect(
            lines.dropFirst().first
                == "  regions ES51 (Cataluña); sectors C29 (Manufacture of motor vehicles, trailers and semi-trailers); "
                + "reference ES5 (Este); peers ES52 (Comunitat Valenciana)")
        #expect(lines.contains("  employment: 1000 persons (2021)"))
        #expect(lines.contains("  local_units: 40 units (2021)"))
        #expect(lines.contains("  average_unit_size: 25 persons per unit (2021)"))
        #expect(lines.contains("  location_quotient: 1.091 ratio (2021) [flags: e,p]"))
    }

    @Test("--json lists every value with every key: a missing value is null, a range gives one entry per year")
    func jsonKeepsMissingValues() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runCLI([
            "compute", try Self.clusters(in: folder), "--data", Self.data, "--indicators",
            "employment,local_units", "--period", "2020-2021", "--json",
        ])
        #expect(result.status == 0, "\(result)")
        let document = try jsonObject(result.stdout)
        let cluster = try #require((document["clusters"] as? [[String: Any]])?.first)
        let values = try #require(cluster["indicators"] as? [[String: Any]])
        #expect(values.count == 4, "two indicators × two years")
        let employment = values.filter { $0["id"] as? String == "employment" }
        #expect(employment.map { $0["period"] as? String } == ["2020", "2021"])
        #expect(employment.map { $0["value"] as? Double } == [950, 1000])
        #expect(employment.map { $0["headline"] as? Bool } == [false, true])
        let units2020 = try #require(
            values.first { $0["id"] as? String == "local_units" && $0["period"] as? String == "2020" })
        #expect(units2020.keys.contains("value") && units2020["value"] is NSNull, "missing is null, not absent")
        #expect(units2020["status"] as? String == "missing")
        #expect((units2020["reason"] as? String)?.contains("no observation") == true)
    }

    @Test("--json of 600 clusters (rendered in chunks of 256 on every core) is one document, in cluster order")
    func jsonOfManyClusters() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // 600 clusters of C29, in ES51, ES52 and ES53 by turns: 1 000 persons in ES51 (2021), 500 in ES52
        // (C29.1 300 e + C29.2 200), 150 in ES53 (C29 confidential, its groups 100 + 50 instead).
        let regions = ["ES51", "ES52", "ES53"]
        var yaml = "clusters:\n"
        for number in 1...600 {
            let id = String(format: "c-%03d", number)
            yaml += "  - {id: \(id), name: Cluster \(number), regions: [\(regions[(number - 1) % 3])], sectors: [C29], "
            yaml += "reference: ES5}\n"
        }
        let clusters = try folder.write(yaml, to: "clusters.yaml")
        let result = try runCLI([
            "compute", clusters, "--data", Self.data, "--indicators", "employment", "--period", "2021", "--json",
        ])
        #expect(result.status == 0, "\(result)")
        let document = try jsonObject(result.stdout)
        let listed = try #require(document["clusters"] as? [[String: Any]])
        #expect(listed.map { $0["id"] as? String } == (1...600).map { String(format: "c-%03d", $0) })
        let employment = listed.map { cluster in
            ((cluster["indicators"] as? [[String: Any]])?.first?["value"]) as? Double
        }
        #expect(employment.enumerated().allSatisfy { $1 == [1000, 500, 150][$0 % 3] }, "\(employment.prefix(6))")
        // The boundary between two chunks is written as any other boundary between clusters.
        #expect(result.stdout.contains("\n    },\n    {\n      \"id\" : \"c-257\",\n"))
        #expect(result.stdout.contains("\n    },\n    {\n      \"id\" : \"c-002\",\n"))
        #expect(result.stdout.hasSuffix("\n    }\n  ]\n}\n"))
    }

    @Test("--data takes a folder, as report definitions do; without --data it is a usage error")
    func dataFoldersAndUsage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let data = try TemporaryFolder()
        defer { data.remove() }
        try FileManager.default.copyItem(atPath: Self.data, toPath: data.path("sbs_r_nuts2021.xml"))
        let clusters = try Self.clusters(in: folder)
        let fromFolder = try runCLI(["compute", clusters, "--data", data.url.path, "--indicators", "employment"])
        #expect(fromFolder.status == 0, "\(fromFolder)")
        #expect(fromFolder.stdoutLines.contains("  employment: 1000 persons (2021)"))
        let missing = try runCLI(["compute", clusters])
        #expect(missing.status == 64, "\(missing)")
        #expect(missing.stderr.contains("--data is required"))
    }

    @Test("an unknown indicator id is an error that suggests the nearest id")
    func unknownIndicator() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runCLI([
            "compute", try Self.clusters(in: folder), "--data", Self.data, "--indicators", "employmnet",
        ])
        #expect(result.status == 10, "\(result)")
        #expect(result.stderr.contains("no indicator \"employmnet\" (did you mean \"employment\"?)"), "\(result)")
    }
}

/// README's library example is a real program: it builds, runs a report, and README shows it as it is.
@Suite("library example")
struct LibraryExampleTests {
    static let source = TestPaths.package("Examples/RunReport/main.swift")

    @Test("the example runs the demo report with one import and prints what it wrote and each cluster's index")
    func exampleRuns() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runCLI(
            [TestPaths.package("Reports/demo/demo.yaml")], in: folder.url, product: "clusterlens-run-report")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.contains { $0.hasPrefix("wrote clusterlens-script-out/clusterlens-demo.json") })
        #expect(FileManager.default.fileExists(atPath: folder.path("clusterlens-script-out/clusterlens-demo.html")))
        #expect(result.stdoutLines.filter { $0.contains(" index ") }.count == 6, "six clusters with an index")
        let source = try String(contentsOfFile: Self.source, encoding: .utf8)
        #expect(source.components(separatedBy: "\nimport ").count == 2, "one import")
    }

    @Test("README shows the example's code exactly as it is in Examples/RunReport/main.swift")
    func readmeShowsTheExample() throws {
        let source = try String(contentsOfFile: Self.source, encoding: .utf8)
        let readme = try String(contentsOfFile: TestPaths.package("README.md"), encoding: .utf8)
        let code = try #require(source.range(of: "import ClusterLensReports")).lowerBound
        #expect(readme.contains(String(source[code...])), "README's library example differs from the file")
    }
}
