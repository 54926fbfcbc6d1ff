import ClusterLensTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Expectations

/// What `inspect --json` must report for one fixture (counts from `Fixtures/EXPECTED.tsv`).
private struct InspectExpectation: Sendable {
    var file: String
    var format: String
    var version: String
    /// Text the `structure` field must contain.
    var structure: String
    var datasets: Int
    var series: Int
    var observations: Int
    var firstPeriod: String
    var lastPeriod: String
    /// Distinct codes per dimension.
    var dimensionCodes: [String: Int]
    var attributes: Set<String>
    var footerCodes: [String]
    var skippedElements: Int
}

private let inspectExpectations: [InspectExpectation] = [
    InspectExpectation(
        file: "data/v21-ss.xml", format: "StructureSpecificData", version: "2.1", structure: "CLX:DSD_REG_EMP(1.0)",
        datasets: 1, series: 3, observations: 10, firstPeriod: "2018", lastPeriod: "2023-Q3",
        dimensionCodes: ["FREQ": 2, "NACE_R2": 2, "GEO": 2, "UNIT": 2, "TIME_PERIOD": 8],
        attributes: ["DECIMALS", "DATA_SOURCE", "TITLE", "UNIT_MULT", "COMMENT_TS", "OBS_STATUS", "OBS_FLAG"],
        footerCodes: [], skippedElements: 0),
    InspectExpectation(
        file: "data/v20-compact.xml", format: "CompactData", version: "2.0", structure: "DSD_REG_EMP",
        datasets: 1, series: 3, observations: 8, firstPeriod: "2005-B1", lastPeriod: "2022",
        dimensionCodes: ["FREQ": 2, "NACE_R2": 2, "GEO": 2, "UNIT": 2, "TIME_PERIOD": 6],
        attributes: ["DECIMALS", "DATA_SOURCE", "TITLE", "UNIT_MULT", "COMMENT_TS", "OBS_STATUS"],
        footerCodes: [], skippedElements: 0),
    InspectExpectation(
        file: "data/v21-generic.xml", format: "GenericData", version: "2.1", structure: "CLX:DSD_REG_EMP(1.0)",
        datasets: 1, series: 3, observations: 7, firstPeriod: "2019", lastPeriod: "2021-M10",
        dimensionCodes: ["FREQ": 2, "NACE_R2": 2, "GEO": 2, "UNIT": 2, "TIME_PERIOD": 6],
        attributes: ["DECIMALS", "DATA_SOURCE", "TITLE", "UNIT_MULT", "COMMENT_TS", "OBS_STATUS", "OBS_FLAG"],
        footerCodes: [], skippedElements: 0),
    InspectExpectation(
        file: "data/v21-footer-after-data.xml", format: "StructureSpecificData", version: "2.1",
        structure: "CLX:DSD_REG_EMP(1.0)", datasets: 1, series: 2, observations: 6, firstPeriod: "2019",
        lastPeriod: "2023-Q2", dimensionCodes: ["FREQ": 2, "NACE_R2": 1, "GEO": 1, "UNIT": 1, "TIME_PERIOD": 6],
        attributes: ["DECIMALS", "DATA_SOURCE", "TITLE", "UNIT_MULT", "COMMENT_TS", "OBS_STATUS", "OBS_FLAG"],
        footerCodes: ["500"], skippedElements: 0),
    InspectExpectation(
        file: "data/v21-unknown-elements.xml", format: "StructureSpecificData", version: "2.1",
        structure: "CLX:DSD_REG_EMP(1.0)", datasets: 1, series: 2, observations: 6, firstPeriod: "2019",
        lastPeriod: "2022", dimensionCodes: ["FREQ": 1, "NACE_R2": 2, "GEO": 2, "UNIT": 1, "TIME_PERIOD": 4],
        attributes: ["DECIMALS", "DATA_SOURCE", "TITLE", "UNIT_MULT", "COMMENT_TS", "OBS_STATUS", "OBS_FLAG"],
        footerCodes: [], skippedElements: 5),
]

/// A bad input and what the tool must answer: its exit status and the line its error names.
struct BadFileCase: CustomTestStringConvertible, Sendable {
    /// The fixture under `Fixtures/`, or ``generatedDeepFile`` for the 10,000-level file.
    var fixture: String
    /// The exit status from `ExitStatus`'s table.
    var status: Int32
    /// The line the error must name; `nil` when there is none (zero bytes), 0 for "some line".
    var line: Int?

    static let generatedDeepFile = "generated:deep.xml"

    var testDescription: String { fixture }

    /// The path to pass to the tool; the deep file is written into `folder` first.
    func path(in folder: TemporaryFolder) throws -> String {
        guard fixture == Self.generatedDeepFile else { return CLITestPaths.fixture(fixture) }
        let path = folder.path("deep.xml")
        try deeplyNestedMessage(depth: 10_000).write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }
}

private let badFileCases: [BadFileCase] = [
    BadFileCase(fixture: "bad/truncated.xml", status: 4, line: 23),
    BadFileCase(fixture: "bad/html-page.html", status: 5, line: 0),
    BadFileCase(fixture: "bad/not-sdmx.xml", status: 5, line: 3),
    BadFileCase(fixture: "bad/empty.xml", status: 3, line: nil),
    BadFileCase(fixture: "bad/binary.bin", status: 4, line: 0),
    BadFileCase(fixture: "bad/wrong-encoding.xml", status: 4, line: 13),
    BadFileCase(fixture: "bad/billion-laughs.xml", status: 4, line: 5),
    BadFileCase(fixture: "bad/external-entity.xml", status: 4, line: 6),
    BadFileCase(fixture: BadFileCase.generatedDeepFile, status: 4, line: 0),
]

/// The title of the group in `v21-ss.xml`: it holds a comma, so CSV must quote it.
private let v21Title = "Persons employed – motor vehicles, Cataluña"
private let v21Comment = "Break in 2019: codes <C29> re-mapped"
private let v21DataSource = "Labour force survey & business register"

/// The rows `v21-ss.xml` must give, in document order:
/// FREQ, NACE_R2, GEO, UNIT, TIME_PERIOD, OBS_VALUE, OBS_STATUS, OBS_FLAG, TITLE, UNIT_MULT, COMMENT_TS.
private let v21Rows: [[String]] = [
    ["A", "C29", "ES51", "THS_PER", "2018", "131.4", "", "", v21Title, "3", v21Comment],
    ["A", "C29", "ES51", "THS_PER", "2019", "133.9", "", "b", v21Title, "3", v21Comment],
    ["A", "C29", "ES51", "THS_PER", "2020", "NaN", "M", "", v21Title, "3", v21Comment],
    ["A", "C29", "ES51", "THS_PER", "2021", "", "L", "", v21Title, "3", v21Comment],
    ["A", "C29", "ES51", "THS_PER", "2022", "", "O", "c", v21Title, "3", v21Comment],
    ["Q", "C29", "ES51", "THS_PER", "2023-Q1", "32.75", "A", "", v21Title, "3", ""],
    ["Q", "C29", "ES51", "THS_PER", "2023-Q2", "<1", "A", "u", v21Title, "3", ""],
    ["Q", "C29", "ES51", "THS_PER", "2023-Q3", "34.5", "P", "p", v21Title, "3", ""],
    ["A", "F", "ITC4", "PC_EMP", "2020", "6.8", "", "", "", "0", ""],
    ["A", "F", "ITC4", "PC_EMP", "2021", "7.1", "E", "e", "", "0", ""],
]

private let v21RowColumns = [
    "FREQ", "NACE_R2", "GEO", "UNIT", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "OBS_FLAG", "TITLE", "UNIT_MULT",
    "COMMENT_TS",
]

/// The rows of `v21-ss.xml` by column, constants included.
private var v21ExpectedRows: [[String: String]] {
    v21Rows.map { values in
        var row = Dictionary(uniqueKeysWithValues: zip(v21RowColumns, values))
        row["DATAFLOW"] = "CLX:DSD_REG_EMP(1.0)"
        row["DECIMALS"] = "1"
        row["DATA_SOURCE"] = v21DataSource
        return row
    }
}

/// Text from `/etc/passwd` that must never appear in any output.
private let passwdMarkers: [String] = {
    var markers = ["root:x:0:0"]
    if let text = try? String(contentsOfFile: "/etc/passwd", encoding: .utf8) {
        markers += text.split(separator: "\n").prefix(3).map(String.init).filter { $0.count > 8 }
    }
    return markers
}()

// MARK: - Checks

/// Checks that `result` reports exactly one error line that names `file` (and `line`).
private func expectOneErrorLine(
    _ result: CLIResult, naming file: String, line: Int?, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.stderrLines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    guard let first = result.stderrLines.first else { return }
    #expect(first.hasPrefix("clusterlens: error: "), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(first.contains(file), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    switch line {
    case nil: break
    case 0?:
        #expect(first.contains("\(file):"), "no line in: \(first)", sourceLocation: sourceLocation)
    case let line?:
        #expect(first.contains("\(file):\(line)"), "stderr: \(first)", sourceLocation: sourceLocation)
    }
}

/// Checks that no temporary output file was left behind in `folder` or in the staging folder.
private func expectNoTemporaryFiles(
    in folder: TemporaryFolder, staging: TemporaryFolder? = nil, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    #expect(try folder.temporaryOutputFiles() == [], sourceLocation: sourceLocation)
    if let staging {
        #expect(try staging.fileNames() == [], sourceLocation: sourceLocation)
    }
}

/// The `dimensions` field of an inspect record as `id → code count`.
private func dimensionCodes(_ record: [String: Any]) throws -> [String: Int] {
    let dimensions = try #require(record["dimensions"] as? [[String: Any]])
    var result: [String: Int] = [:]
    for dimension in dimensions {
        let id = try #require(dimension["id"] as? String)
        #expect(result[id] == nil, "dimension \(id) listed twice")
        result[id] = try #require(dimension["codes"] as? Int)
    }
    return result
}

// MARK: - Tests

@Suite("clusterlens command line")
struct CommandLineTests {
    @Test("The clusterlens binary is found beside the test products")
    func binaryIsFound() throws {
        let executable = try #require(
            CLITestPaths.executable,
            "arguments[0] = \(CommandLine.arguments.first ?? "?"), bundle = \(Bundle.main.bundleURL)")
        #expect(FileManager.default.isExecutableFile(atPath: executable.path))
    }

    @Test("--version prints the version and nothing else")
    func versionFlag() throws {
        let result = try runCLI(["--version"])
        #expect(result.status == 0, "\(result)")
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3, "\(version)")
        #expect(version.split(separator: ".").allSatisfy { Int($0) != nil }, "\(version)")
        #expect(result.stderr.isEmpty)
    }

    @Test("A usage error exits with status 64 (EX_USAGE), as the exit-status table says")
    func usageErrorStatus() throws {
        let result = try runCLI(["convert", "--to", "xml", CLITestPaths.fixture("data/v21-ss.xml")])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
    }

    // MARK: inspect

    @Test("inspect --json prints one object per file and line, with the counts of each fixture")
    func inspectJSON() throws {
        let paths = inspectExpectations.map { CLITestPaths.fixture($0.file) }
        let result = try runCLI(["inspect", "--json"] + paths)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        try #require(result.stdoutLines.count == inspectExpectations.count, "\(result)")

        for (line, expected) in zip(result.stdoutLines, inspectExpectations) {
            let record = try jsonObject(line)
            for key in [
                "file", "format", "version", "structure", "datasets", "series", "observations", "dimensions",
                "attributes", "timePeriods", "footer", "skippedElements",
            ] {
                #expect(record[key] != nil, "\(expected.file): no \(key)")
            }
            #expect(record["file"] as? String == CLITestPaths.fixture(expected.file))
            #expect(record["format"] as? String == expected.format, "\(expected.file)")
            #expect(record["version"] as? String == expected.version, "\(expected.file)")
            let structure = record["structure"] as? String ?? ""
            #expect(structure.contains(expected.structure), "\(expected.file): structure \(structure)")
            #expect(record["datasets"] as? Int == expected.datasets, "\(expected.file)")
            #expect(record["series"] as? Int == expected.series, "\(expected.file)")
            #expect(record["observations"] as? Int == expected.observations, "\(expected.file)")
            #expect(record["skippedElements"] as? Int == expected.skippedElements, "\(expected.file)")
            #expect(try dimensionCodes(record) == expected.dimensionCodes, "\(expected.file)")
            let attributes = try #require(record["attributes"] as? [String])
            #expect(Set(attributes) == expected.attributes, "\(expected.file)")
            #expect(attributes.count == Set(attributes).count, "\(expected.file): attribute listed twice")
            let periods = try #require(record["timePeriods"] as? [String: Any])
            #expect(periods["first"] as? String == expected.firstPeriod, "\(expected.file)")
            #expect(periods["last"] as? String == expected.lastPeriod, "\(expected.file)")
            let footer = try #require(record["footer"] as? [[String: Any]])
            #expect(footer.compactMap { $0["code"] as? String } == expected.footerCodes, "\(expected.file)")
        }
    }

    @Test("inspect --json describes a footer-only message and an SDMX error message, and exits 6 as convert does")
    func inspectJSONOfMessagesWithoutData() throws {
        let footerOnly = CLITestPaths.fixture("data/v21-footer-only.xml")
        let errorMessage = CLITestPaths.fixture("data/v21-error.xml")
        let result = try runCLI(["inspect", "--json", footerOnly, errorMessage])
        #expect(result.status == 6, "\(result)")
        #expect(result.stderrLines.count == 2, "one error line per file: \(result.stderr)")
        try #require(result.stdoutLines.count == 2, "\(result)")
        let footerRecord = try jsonObject(result.stdoutLines[0])
        #expect(footerRecord["observations"] as? Int == 0)
        let footer = try #require(footerRecord["footer"] as? [[String: Any]])
        #expect(footer.first?["code"] as? String == "413")
        #expect((footer.first?["text"] as? String)?.contains("https://dissemination.example.org/") == true)
        let errorRecord = try jsonObject(result.stdoutLines[1])
        #expect(errorRecord["format"] as? String == "Error")
    }

    @Test("inspect without --json describes the format, version and counts in text")
    func inspectText() throws {
        let path = CLITestPaths.fixture("data/v21-ss.xml")
        let result = try runCLI(["inspect", path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(path))
        #expect(result.stdout.contains("StructureSpecificData"))
        #expect(result.stdout.contains("2.1"))
        let observations = result.stdoutLines.first { $0.contains("observations") }
        #expect(observations?.contains("10") == true, "\(result.stdout)")
        #expect(result.stdout.contains("2018") && result.stdout.contains("2023-Q3"))
    }

    @Test(
        "inspect reports a bad file on one stderr line and still reports the good files around it",
        arguments: badFileCases)
    func inspectBadFileAmongGoodOnes(_ badCase: BadFileCase) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bad = try badCase.path(in: folder)
        let first = CLITestPaths.fixture("data/v21-ss.xml")
        let last = CLITestPaths.fixture("data/v21-generic.xml")
        let result = try runCLI(["inspect", "--json", first, bad, last], timeout: 60)

        #expect(result.status == badCase.status, "\(result)")
        expectOneErrorLine(result, naming: bad, line: badCase.line)
        try #require(result.stdoutLines.count == 2, "\(result)")
        #expect(try jsonObject(result.stdoutLines[0])["file"] as? String == first)
        #expect(try jsonObject(result.stdoutLines[1])["file"] as? String == last)
        #expect(!result.stdout.contains(bad))
        for marker in passwdMarkers {
            #expect(!result.stdout.contains(marker) && !result.stderr.contains(marker))
        }
    }

    // MARK: convert to CSV

    @Test("A character device such as /dev/zero is refused from its first bytes, not copied until the disk is full")
    func characterDeviceIsNotSpooled() throws {
        let staging = try TemporaryFolder()
        defer { staging.remove() }
        let result = try runCLI(["inspect", "/dev/zero"], temporaryFolder: staging.url, timeout: 20)
        #expect(result.status == 4, "\(result)")
        #expect(
            result.stderr
                == "clusterlens: error: /dev/zero: not well-formed XML: binary data, neither SDMX-ML nor CSV text\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.url.path).isEmpty, "no copy left")
    }

    @Test(
        "convert --to csv -o writes SDMX-CSV 1.0: DATAFLOW, dimensions, OBS_VALUE, attributes, one row per observation")
    func convertToCSV() throws {
        let folder = try TemporaryFolder()
        let staging = try TemporaryFolder()
        defer {
            folder.remove()
            staging.remove()
        }
        let output = folder.path("out.csv")
        try "an older export\n".write(toFile: output, atomically: false, encoding: .utf8)
        let result = try runCLI(
            ["convert", CLITestPaths.fixture("data/v21-ss.xml"), "--to", "csv", "-o", output],
            temporaryFolder: staging.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty, "\(result.stderr)")

        let text = try readText(output)
        let table = CSVTable(text)
        #expect(table.header.first == "DATAFLOW")
        #expect(table.header.count == Set(table.header).count, "a column appears twice: \(table.header)")
        let valueIndex = try #require(table.header.firstIndex(of: "OBS_VALUE"), "\(table.header)")
        #expect(
            Set(table.header[1..<valueIndex]) == ["FREQ", "NACE_R2", "GEO", "UNIT", "TIME_PERIOD"],
            "dimension columns: \(table.header)")
        #expect(
            Set(table.header[(valueIndex + 1)...])
                == ["DECIMALS", "DATA_SOURCE", "TITLE", "UNIT_MULT", "COMMENT_TS", "OBS_STATUS", "OBS_FLAG"],
            "attribute columns: \(table.header)")
        #expect(table.records.count == 10)
        for (index, record) in table.records.enumerated() {
            #expect(record.count == table.header.count, "row \(index + 1) has \(record.count) fields")
        }
        #expect(table.rows == v21ExpectedRows)
        #expect(!text.contains("an older export"))
        // The title holds a comma: the file must quote it (RFC 4180), not split it.
        #expect(text.contains("\"\(v21Title)\""))
        #expect(text.hasSuffix("\n"))
        try expectNoTemporaryFiles(in: folder, staging: staging)
    }

    @Test("--structure lays the columns out in the data structure's order")
    func convertWithStructureUsesDSDOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path("out.csv")
        let result = try runCLI([
            "convert", CLITestPaths.fixture("data/v21-ss.xml"), "--to", "csv", "-o", output,
            "--structure", CLITestPaths.fixture("structure/v21-structure.xml"),
        ])
        #expect(result.status == 0, "\(result)")
        let table = CSVTable(try readText(output))
        #expect(
            table.header == [
                "DATAFLOW", "FREQ", "NACE_R2", "GEO", "UNIT", "TIME_PERIOD", "OBS_VALUE", "DECIMALS", "DATA_SOURCE",
                "TITLE", "UNIT_MULT", "COMMENT_TS", "OBS_STATUS", "OBS_FLAG",
            ])
        #expect(table.rows == v21ExpectedRows)
        try expectNoTemporaryFiles(in: folder)
    }

    @Test("Several files go into one CSV table with one header, in file and document order")
    func convertSeveralFilesIntoOneCSV() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path("all.csv")
        let files = ["data/v21-ss.xml", "data/v21-ss-flat.xml", "data/v20-compact.xml"].map(CLITestPaths.fixture)
        let result = try runCLI(["convert"] + files + ["--to", "csv", "-o", output])
        #expect(result.status == 0, "\(result)")
        let table = CSVTable(try readText(output))
        #expect(table.header.first == "DATAFLOW")
        #expect(table.header.count == Set(table.header).count, "a column appears twice: \(table.header)")
        #expect(table.records.count == 10 + 6 + 8)
        #expect(!table.records.contains { $0.first == "DATAFLOW" }, "the header is repeated")
        for (index, record) in table.records.enumerated() {
            #expect(record.count == table.header.count, "row \(index + 1) has \(record.count) fields")
        }
        let periods = table.column("TIME_PERIOD")
        #expect(Array(periods.prefix(10)) == v21Rows.map { $0[4] })
        #expect(
            Array(periods[10..<16]) == [
                "2021-07-14", "2021-07-15", "2021-07-14", "2021-07-15", "2021-07-14", "2021-07-15",
            ])
        #expect(Array(periods.suffix(8)) == ["2019", "2020", "2021", "2022", "2005-B1", "2005-B2", "2021", "2022"])
        let dataflows = table.column("DATAFLOW")
        #expect(dataflows.prefix(16).allSatisfy { $0 == "CLX:DSD_REG_EMP(1.0)" })
        #expect(dataflows.suffix(8).allSatisfy { $0.contains("DSD_REG_EMP") })
        // Flat data: every dimension on the observation, value and flags kept.
        let flat = table.rows[10..<16]
        #expect(flat.map { $0["GEO"] ?? "" } == ["ES51", "ES51", "ITC4", "ITC4", "DE11", "DE11"])
        #expect(flat.map { $0["OBS_VALUE"] ?? "" } == ["33.91", "NaN", "", "", "<1", "2.75"])
    }

    @Test("convert -o onto a FIFO writes into it and leaves it a FIFO", .timeLimit(.minutes(2)))
    func convertOntoFIFO() throws {
        let folder = try TemporaryFolder()
        let staging = try TemporaryFolder()
        defer {
            folder.remove()
            staging.remove()
        }
        let fifo = try FIFOReader(path: folder.path("pipe"), output: folder.url.appendingPathComponent("received.csv"))
        let result = try runCLI(
            ["convert", CLITestPaths.fixture("data/v21-ss.xml"), "--to", "csv", "-o", fifo.path],
            temporaryFolder: staging.url, timeout: 60)
        let received = try fifo.finish()
        #expect(result.status == 0, "\(result)")
        #expect(fileType(fifo.path) == S_IFIFO, "the FIFO was replaced")
        let table = CSVTable(received)
        #expect(table.header.first == "DATAFLOW")
        #expect(table.rows == v21ExpectedRows)
        try expectNoTemporaryFiles(in: folder, staging: staging)
    }

    @Test("A failed convert -o onto a FIFO writes nothing into it and leaves it a FIFO", .timeLimit(.minutes(2)))
    func failedConvertOntoFIFO() throws {
        let folder = try TemporaryFolder()
        let staging = try TemporaryFolder()
        defer {
            folder.remove()
            staging.remove()
        }
        let fifo = try FIFOReader(path: folder.path("pipe"), output: folder.url.appendingPathComponent("received.csv"))
        let bad = CLITestPaths.fixture("bad/truncated.xml")
        let result = try runCLI(
            ["convert", CLITestPaths.fixture("data/v21-ss.xml"), bad, "--to", "csv", "-o", fifo.path],
            temporaryFolder: staging.url, timeout: 60)
        let received = try fifo.finish()
        #expect(result.status == 4, "\(result)")
        expectOneErrorLine(result, naming: bad, line: 23)
        #expect(received.isEmpty, "partial output: \(received.prefix(200))")
        #expect(fileType(fifo.path) == S_IFIFO, "the FIFO was replaced")
        try expectNoTemporaryFiles(in: folder, staging: staging)
    }

    // MARK: convert to JSON

    @Test("convert --to json writes one JSON document holding every observation")
    func convertToJSON() throws {
        let path = CLITestPaths.fixture("data/v21-ss.xml")
        let result = try runCLI(["convert", path, "--to", "json"])
        #expect(result.status == 0, "\(result)")
        let document = try jsonObject(result.stdout)
        let files = try #require(document["files"] as? [[String: Any]])
        try #require(files.count == 1)
        #expect(files[0]["file"] as? String == path)
        let datasets = try #require(files[0]["datasets"] as? [[String: Any]])
        try #require(datasets.count == 1)
        #expect(datasets[0]["dataflow"] as? String == "CLX:DSD_REG_EMP(1.0)")
        let observations = try #require(datasets[0]["observations"] as? [[String: Any]])
        try #require(observations.count == 10)

        let values = observations.map { $0["value"] as? String ?? ($0["value"] is NSNull ? "<null>" : "<?>") }
        #expect(values == ["131.4", "133.9", "NaN", "", "<null>", "32.75", "<1", "34.5", "6.8", "7.1"])
        let periods = observations.map { ($0["dimensions"] as? [String: String])?["TIME_PERIOD"] ?? "" }
        #expect(periods == v21Rows.map { $0[4] })
        let keys = observations.map { ($0["series"] as? [String: String]) ?? [:] }
        #expect(keys[0] == ["FREQ": "A", "NACE_R2": "C29", "GEO": "ES51", "UNIT": "THS_PER"])
        #expect(keys[9] == ["FREQ": "A", "NACE_R2": "F", "GEO": "ITC4", "UNIT": "PC_EMP"])
        let firstAttributes = try #require(observations[0]["attributes"] as? [String: Any])
        #expect(firstAttributes["TITLE"] as? String == v21Title)
        #expect(firstAttributes["DATA_SOURCE"] as? String == v21DataSource)
        #expect((observations[0]["number"] as? Double) == 131.4)
        #expect(observations[2]["number"] is NSNull)
    }

    @Test("convert --to json of several files keeps one entry per file")
    func convertSeveralFilesToJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path("out.json")
        let paths = ["data/v21-ss.xml", "data/v21-ss-flat.xml", "data/v21-footer-after-data.xml"]
            .map(CLITestPaths.fixture)
        let result = try runCLI(["convert"] + paths + ["--to", "json", "-o", output])
        #expect(result.status == 0, "\(result)")
        let files = try #require(try jsonObject(readText(output))["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["file"] as? String } == paths)
        let counts = files.map { file in
            ((file["datasets"] as? [[String: Any]]) ?? []).reduce(0) {
                $0 + (($1["observations"] as? [Any])?.count ?? 0)
            }
        }
        #expect(counts == [10, 6, 6])
        let footer = files[2]["footer"] as? [String] ?? []
        #expect(footer.count == 1 && footer[0].contains("500"), "\(footer)")
    }

    // MARK: convert failures

    @Test(
        "A failed convert -o leaves the old file untouched, no temporary files and no output",
        arguments: badFileCases)
    func convertBadFileKeepsOldOutput(_ badCase: BadFileCase) throws {
        let folder = try TemporaryFolder()
        let staging = try TemporaryFolder()
        defer {
            folder.remove()
            staging.remove()
        }
        let bad = try badCase.path(in: folder)
        let good = CLITestPaths.fixture("data/v21-ss.xml")
        let output = folder.path("out.csv")
        let previous = "DATAFLOW,OBS_VALUE\nprevious,1\n"
        try previous.write(toFile: output, atomically: false, encoding: .utf8)

        // A good file first, so that a writer that is not atomic would already have written rows; the
        // output is given relative to the working folder.
        let result = try runCLI(
            ["convert", good, bad, "--to", "csv", "-o", "out.csv"], in: folder.url, temporaryFolder: staging.url,
            timeout: 60)
        #expect(result.status == badCase.status, "\(result)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        expectOneErrorLine(result, naming: bad, line: badCase.line)
        let content = try readText(output)
        #expect(content == previous, "the previous output was replaced")
        try expectNoTemporaryFiles(in: folder, staging: staging)
        for marker in passwdMarkers {
            #expect(!result.stderr.contains(marker) && !content.contains(marker))
        }
    }

    @Test("A failed convert to standard output prints no partial output", arguments: badFileCases)
    func convertBadFileToStandardOutput(_ badCase: BadFileCase) throws {
        let folder = try TemporaryFolder()
        let staging = try TemporaryFolder()
        defer {
            folder.remove()
            staging.remove()
        }
        let bad = try badCase.path(in: folder)
        let good = CLITestPaths.fixture("data/v21-ss.xml")
        for format in ["csv", "json"] {
            let result = try runCLI(
                ["convert", good, bad, "--to", format], temporaryFolder: staging.url, timeout: 60)
            #expect(result.status == badCase.status, "\(format): \(result)")
            #expect(result.stdout.isEmpty, "\(format): partial output \(result.stdout.prefix(200))")
            expectOneErrorLine(result, naming: bad, line: badCase.line)
            try expectNoTemporaryFiles(in: folder, staging: staging)
        }
    }

    @Test("A failed convert -o onto a new path creates nothing")
    func convertFailureCreatesNoFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path("new.csv")
        let result = try runCLI([
            "convert", CLITestPaths.fixture("bad/truncated.xml"), "--to", "csv", "-o", output,
        ])
        #expect(result.status == 4, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try folder.fileNames() == [])
    }

    @Test("convert of a footer-only message fails with status 6 and the footer's text on stderr")
    func convertFooterOnlyMessage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = CLITestPaths.fixture("data/v21-footer-only.xml")
        let output = folder.path("out.csv")
        let result = try runCLI(["convert", path, "--to", "csv", "-o", output])
        #expect(result.status == 6, "\(result)")
        expectOneErrorLine(result, naming: path, line: nil)
        #expect(result.stderr.contains("413"))
        #expect(result.stderr.contains("https://dissemination.example.org/sdmx/async/file/7f3c2a9e-REG_EMP.xml.gz"))
        #expect(!FileManager.default.fileExists(atPath: output))
        try expectNoTemporaryFiles(in: folder)
    }

    @Test("convert of an SDMX error message fails with status 6 and the provider's message on stderr")
    func convertErrorMessage() throws {
        let path = CLITestPaths.fixture("data/v21-error.xml")
        let result = try runCLI(["convert", path, "--to", "json"])
        #expect(result.status == 6, "\(result)")
        #expect(result.stdout.isEmpty)
        expectOneErrorLine(result, naming: path, line: nil)
        #expect(result.stderr.contains("100"))
        #expect(result.stderr.contains("No results found for query REG_EMP/A.C29.ES99.THS_PER"))
    }

    @Test("convert of data followed by a footer succeeds and passes the footer on as a note")
    func convertDataWithFooter() throws {
        let path = CLITestPaths.fixture("data/v21-footer-after-data.xml")
        let result = try runCLI(["convert", path, "--to", "csv"])
        #expect(result.status == 0, "\(result)")
        #expect(CSVTable(result.stdout).records.count == 6)
        #expect(result.stderr.contains("500"), "\(result.stderr)")
        #expect(result.stderrLines.allSatisfy { $0.hasPrefix("clusterlens: ") })
    }

    @Test("A missing input file exits with status 3 and names the file")
    func convertMissingFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.path("missing.xml")
        let result = try runCLI(["convert", missing, "--to", "csv"])
        #expect(result.status == 3, "\(result)")
        #expect(result.stdout.isEmpty)
        expectOneErrorLine(result, naming: missing, line: nil)
    }
}
