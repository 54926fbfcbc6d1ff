import ClusterLensTestSupport
import Foundation
import Testing

// `clusterlens inspect --codes`: every dimension's codes with their observations and names, in text and
// in the JSON object of each file. The data are the store's real-shaped `sbs_r_nuts2021` fixtures (NUTS 2
// regions ES51, ES52, ES53; NACE C29, C291, C292 and the total B-S_X_O_S94) and their structure message.

/// A file of the store's fixtures.
private func storeFile(_ name: String) -> String {
    TestPaths.package("Tests/ClusterLensIndicatorsTests/StoreFixtures/" + name)
}

/// The `codes` entry of dimension `id` in an `inspect --json` record.
private func codesEntry(_ id: String, in record: [String: Any]) throws -> [String: Any] {
    let codes = try #require(record["codes"] as? [[String: Any]], "no codes in \(record)")
    return try #require(codes.first { $0["dimension"] as? String == id }, "no dimension \(id)")
}

/// The lines of the text output from the dimension line starting `    id ` up to the next dimension.
private func block(_ id: String, in lines: [String]) -> [String] {
    guard let start = lines.firstIndex(where: { $0.hasPrefix("    \(id) ") }) else { return [] }
    let rest = lines[(start + 1)...].prefix { $0.hasPrefix("      ") }
    return [lines[start]] + rest
}

private let corpusAbsent = "the shared corpus (../shared/corpus) is absent: corpus tests skipped"

@Suite("inspect --codes")
struct InspectCodesTests {
    @Test("The text lists every dimension's codes, aligned, with observations, names and NUTS levels")
    func text() throws {
        let result = try runCLI(["inspect", "--codes", storeFile("sbs_r_nuts2021.xml")])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdoutLines
        // The usual summary comes first, unchanged.
        #expect(lines.contains("  observations    17"))
        #expect(lines.contains("  codes           observations and names per code"))
        #expect(
            block("geo", in: lines) == [
                "    geo          region, 3 codes, names from NUTS",
                "      ES51  8  Cataluña (NUTS 2)",
                "      ES52  5  Comunitat Valenciana (NUTS 2)",
                "      ES53  4  Illes Balears (NUTS 2)",
            ])
        let nace = block("nace_r2", in: lines)
        try #require(nace.count == 5, "\(result.stdout)")
        #expect(nace[0] == "    nace_r2      sector, 4 codes, names from NACE Rev. 2")
        #expect(nace[1].hasPrefix("      B-S_X_O_S94  3  Business economy of sbs_r_nuts2021"))
        #expect(nace[2] == "      C29          4  Manufacture of motor vehicles, trailers and semi-trailers")
        #expect(nace[3] == "      C291         5  Manufacture of motor vehicles")
        #expect(nace[4].hasPrefix("      C292         5  Manufacture of bodies (coachwork) for motor vehicles"))
        #expect(block("freq", in: lines) == ["    freq         1 code", "      A  17"])
        #expect(
            block("TIME_PERIOD", in: lines) == [
                "    TIME_PERIOD  time, 2 periods (2020 … 2021)", "      2020   5", "      2021  12",
            ])
    }

    @Test(
        "--json adds codes to each file's object, every key present, from the codelists when a structure is given",
        arguments: ["sbs_r_nuts2021.xml", "sbs_r_nuts2021.csv", "sbs_r_nuts2021-tidy.csv"])
    func jsonWithStructure(file: String) throws {
        let result = try runCLI([
            "inspect", "--codes", "--json", storeFile(file), "--structure", storeFile("sbs_r_nuts2021-structure.xml"),
            "--dataflow", "sbs_r_nuts2021",
        ])
        #expect(result.status == 0, "\(result)")
        try #require(result.stdoutLines.count == 1, "\(result)")
        let record = try jsonObject(result.stdoutLines[0])
        let geo = try codesEntry("geo", in: record)
        #expect(geo["role"] as? String == "region")
        #expect(geo["codelist"] as? String == "ESTAT:GEO(1.0)")
        #expect(geo["classification"] as? String == "NUTS")
        #expect(geo["distinct"] as? Int == 3)
        #expect(geo["unknown"] as? Int == 0)
        #expect(geo["omitted"] as? Int == 0)
        let regions = try #require(geo["codes"] as? [[String: Any]])
        #expect(regions.map { $0["code"] as? String } == ["ES51", "ES52", "ES53"])
        #expect(regions.map { $0["observations"] as? Int } == [8, 5, 4])
        #expect(regions.map { $0["name"] as? String } == ["Cataluña", "Comunitat Valenciana", "Illes Balears"])
        #expect(regions.map { $0["level"] as? Int } == [2, 2, 2])
        #expect(regions.first?["nutsVersions"] as? [Int] == [2016, 2021, 2024])
        #expect(regions.allSatisfy { $0["known"] as? Bool == true })

        let nace = try codesEntry("nace_r2", in: record)
        #expect(nace["role"] as? String == "sector")
        let sectors = try #require(nace["codes"] as? [[String: Any]])
        #expect(sectors.map { $0["code"] as? String } == ["B-S_X_O_S94", "C29", "C291", "C292"])
        #expect((sectors.first?["name"] as? String)?.hasPrefix("Total business economy; repair of computers") == true)
        // Every key of a code is present: null where there is nothing to say.
        for key in ["code", "observations", "name", "level", "nutsVersions", "known"] {
            #expect(sectors.first?.keys.contains(key) == true, "no \(key)")
        }
        #expect(sectors.first?["level"] is NSNull)
        #expect(sectors.first?["nutsVersions"] is NSNull)

        let time = try #require((record["codes"] as? [[String: Any]])?.last)
        #expect(time["role"] as? String == "time")
        #expect(time["codelist"] is NSNull)
        #expect(time["unknown"] is NSNull)
        let periods = try #require(time["codes"] as? [[String: Any]])
        #expect(periods.map { $0["code"] as? String } == ["2020", "2021"])
        #expect(periods.map { $0["observations"] as? Int } == [5, 12])
        #expect(periods.first?["known"] is NSNull)
    }

    @Test("A code that no source knows is marked unknown in text and JSON")
    func unknownCodes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let table = try folder.write(
            "geo,nace_r2,time,value\nES51,C29,2021,1\nEU27_2020,C2X,2021,2\nEU27_2020,C2X,2022,3\n"
                + "UKC1,B-S_X_O_S94,2021,4\n",
            to: "slips.csv")
        let text = try runCLI(["inspect", "--codes", table, "--dataflow", "sbs_r_nuts2021"])
        #expect(text.status == 0, "\(text)")
        #expect(
            block("geo", in: text.stdoutLines) == [
                "    geo      region, 3 codes, names from NUTS, 1 unknown",
                "      ES51       1  Cataluña (NUTS 2)",
                "      EU27_2020  2  unknown: not in NUTS",
                "      UKC1       1  Tees Valley and Durham (NUTS 2; in 2016, 2021)",
            ])
        #expect(text.stdoutLines.contains("      C2X          2  unknown: not in NACE Rev. 2"))

        let json = try runCLI(["inspect", "--codes", "--json", table, "--dataflow", "sbs_r_nuts2021"])
        let record = try jsonObject(json.stdout)
        let geo = try codesEntry("geo", in: record)
        #expect(geo["unknown"] as? Int == 1)
        let unknown = try #require((geo["codes"] as? [[String: Any]])?.first { $0["code"] as? String == "EU27_2020" })
        #expect(unknown["known"] as? Bool == false)
        #expect(unknown["name"] is NSNull)
        #expect(try codesEntry("nace_r2", in: record)["unknown"] as? Int == 1)
    }

    @Test("--codes-limit shows the first N codes of each dimension and counts the rest")
    func limit() throws {
        let path = storeFile("sbs_r_nuts2021.xml")
        let text = try runCLI(["inspect", "--codes-limit", "2", path])
        #expect(text.status == 0, "\(text)")
        let nace = block("nace_r2", in: text.stdoutLines)
        #expect(nace.count == 4, "\(text.stdout)")
        #expect(nace.last == "      … 2 more codes (10 observations)")
        let json = try runCLI(["inspect", "--codes-limit", "2", "--json", path])
        let entry = try codesEntry("nace_r2", in: try jsonObject(json.stdout))
        #expect(entry["distinct"] as? Int == 4)
        #expect((entry["codes"] as? [[String: Any]])?.count == 2)
        #expect(entry["omitted"] as? Int == 2)
        #expect(entry["omittedObservations"] as? Int == 10)

        let refused = try runCLI(["inspect", "--codes-limit", "0", path])
        #expect(refused.status == 64, "\(refused)")
    }

    @Test("Without --codes the output is as before; a structure message gets an empty list with --codes")
    func withoutCodes() throws {
        let path = storeFile("sbs_r_nuts2021.xml")
        let plain = try runCLI(["inspect", "--json", path])
        #expect(try jsonObject(plain.stdout)["codes"] == nil)
        let text = try runCLI(["inspect", path])
        #expect(!text.stdout.contains("  codes "))
        let structure = try runCLI(["inspect", "--codes", "--json", storeFile("sbs_r_nuts2021-structure.xml")])
        #expect(structure.status == 0, "\(structure)")
        #expect((try jsonObject(structure.stdout)["codes"] as? [Any])?.isEmpty == true)
    }

    @Test("README shows the output of its inspect --codes example as the tool prints it")
    func readmeExample() throws {
        let readme = try readText(TestPaths.package("README.md"))
        let lines = CLIResult.lines(readme)
        let command = try #require(lines.firstIndex { $0.hasPrefix("$ clusterlens inspect --codes ") })
        let shown = Array(lines[(command + 2)...].prefix { $0 != "```" })
        let result = try runCLI(
            [
                "inspect", "--codes", "Tests/ClusterLensIndicatorsTests/StoreFixtures/sbs_r_nuts2021.xml",
                "--structure", "Tests/ClusterLensIndicatorsTests/StoreFixtures/sbs_r_nuts2021-structure.xml",
            ], in: TestPaths.packageRoot)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == shown)
    }

    @Test(
        "Real messages of the corpus: ECB currencies named by the ISO codelist, Eurostat countries by NUTS",
        .enabled(if: TestPaths.sharedCorpus != nil, "\(corpusAbsent)"))
    func corpus() throws {
        let corpus = try #require(TestPaths.sharedCorpus).appendingPathComponent("sdmx/sdmx1-specimens")
        let ecb = try runCLI([
            "inspect", "--codes", "--json", corpus.appendingPathComponent("ECB_EXR/ng-ts.xml").path,
            "--structure", corpus.appendingPathComponent("ECB_EXR/ng-structure-full.xml").path,
        ])
        #expect(ecb.status == 0, "\(ecb)")
        let currency = try codesEntry("CURRENCY", in: try jsonObject(ecb.stdout))
        #expect(currency["codelist"] as? String == "ISO:CL_CURRENCY(1.0)")
        let currencies = try #require(currency["codes"] as? [[String: Any]])
        #expect(currencies.map { $0["code"] as? String } == ["CHF", "GBP", "JPY", "USD"])
        #expect(currencies.last?["name"] as? String == "United States dollar")
        #expect(currencies.map { $0["observations"] as? Int } == [3, 3, 3, 3])

        let eurostat = try runCLI([
            "inspect", "--codes", "--json", corpus.appendingPathComponent("ESTAT/demography-xs.xml").path,
            "--structure", corpus.appendingPathComponent("ESTAT/demography-structure.xml").path,
        ])
        #expect(eurostat.status == 0, "\(eurostat)")
        let record = try jsonObject(eurostat.stdout)
        let country = try codesEntry("COUNTRY", in: record)
        #expect(country["role"] as? String == "region")
        let countries = try #require(country["codes"] as? [[String: Any]])
        #expect(countries.map { $0["code"] as? String } == ["BE", "EL"])
        #expect(countries.map { $0["level"] as? Int } == [0, 0])
        #expect(countries.map { $0["observations"] as? Int } == [30, 30])
        // CL_FREQ is only an external reference there (no codes): no source, so nothing is called unknown.
        let freq = try codesEntry("FREQ", in: record)
        #expect(freq["codelist"] is NSNull)
        #expect(freq["unknown"] is NSNull)
    }
}
