import ClusterLensTestSupport
import Foundation
import Testing

// README's exit-status table holds for every command: each bad input goes through `inspect`,
// `convert --to csv`, `compute CLUSTERS --data FILE` and `report DEF` (a definition with `data: [FILE]`)
// and must give the same status, and the same one-line error, from all four.

/// A bad input, the status README's table gives it, and what its error line must say.
struct ConsistencyCase: CustomTestStringConvertible, Sendable {
    /// Where the input comes from.
    enum Input: Sendable {
        /// A fixture under `Tests/ClusterLensImportTests/Fixtures/`.
        case fixture(String)
        /// The 10,000-level nesting file, written into the test's folder.
        case deep
        /// A path that does not exist.
        case missing
        /// An empty folder given where a file is expected.
        case folder
    }

    var name: String
    var input: Input
    /// The status from README's table.
    var status: Int32
    /// Text the error line must hold after the file name (`:LINE: …` or `: …`).
    var error: String
    /// The status of `inspect` when it differs by design (a structure message is inspect's own input).
    var inspectStatus: Int32?

    var testDescription: String { name }

    /// The path to give the tool; the generated inputs are made in `folder`.
    func path(in folder: TemporaryFolder) throws -> String {
        switch input {
        case .fixture(let relative):
            return CLITestPaths.fixture(relative)
        case .deep:
            let path = folder.path("deep.xml")
            try deeplyNestedMessage(depth: 10_000).write(toFile: path, atomically: false, encoding: .utf8)
            return path
        case .missing:
            return folder.path("missing.xml")
        case .folder:
            let path = folder.path("a-folder")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return path
        }
    }
}

/// `report` checks that `data:` names something before any file is read, and refuses a path that
/// does not exist (or a folder without `.xml`/`.csv` files) as a definition error (10), while every
/// other command says "cannot be read" (3). The fix lies in `ReportDefinitionReader.dataSources`
/// (ClusterLensReports), outside this branch's files: see the branch's report.
private let consistencyCases: [ConsistencyCase] = [
    ConsistencyCase(
        name: "truncated XML", input: .fixture("bad/truncated.xml"), status: 4,
        error: ":23:44: not well-formed XML: AttValue: ' expected"),
    ConsistencyCase(
        name: "binary bytes", input: .fixture("bad/binary.bin"), status: 4,
        error: ": not well-formed XML: binary data, neither SDMX-ML nor CSV text"),
    ConsistencyCase(
        name: "wrong declared encoding", input: .fixture("bad/wrong-encoding.xml"), status: 4,
        error: ":13:58: not well-formed XML: Input is not proper UTF-8"),
    ConsistencyCase(
        name: "a byte that is not Shift_JIS", input: .fixture("bad/shift-jis-invalid-byte.xml"), status: 4,
        error: ":39: not well-formed XML: a byte sequence that is not valid in the document's encoding: input "
            + "conversion failed due to input error, bytes 0x81 0x20 0x0A 0x20"),
    ConsistencyCase(
        name: "an unpaired UTF-16 surrogate", input: .fixture("bad/utf16-unpaired-surrogate.xml"), status: 4,
        error: ":39: not well-formed XML: a byte sequence that is not valid in the document's encoding: input "
            + "conversion failed due to input error, bytes 0x00 0xD8 0x0A 0x00"),
    ConsistencyCase(
        name: "a structure message with a byte that is not Shift_JIS",
        input: .fixture("bad/structure-shift-jis-invalid-byte.xml"), status: 4,
        error: ":37: not well-formed XML: a byte sequence that is not valid in the document's encoding"),
    ConsistencyCase(
        name: "a DOCTYPE with a billion laughs", input: .fixture("bad/billion-laughs.xml"), status: 4,
        error: ":5: a <!DOCTYPE> declaration is not allowed"),
    ConsistencyCase(
        name: "a DOCTYPE with an external entity", input: .fixture("bad/external-entity.xml"), status: 4,
        error: ":6: a <!DOCTYPE> declaration is not allowed"),
    ConsistencyCase(
        name: "10,000-deep nesting", input: .deep, status: 4, error: ":268: elements nested more than 256 levels deep"),
    ConsistencyCase(
        name: "an HTML error page", input: .fixture("bad/html-page.html"), status: 5,
        error: ":1: this is an HTML page, not an SDMX-ML message"),
    ConsistencyCase(
        name: "other XML (an Atom feed)", input: .fixture("bad/not-sdmx.xml"), status: 5,
        error: ":3: root element <feed> (namespace http://www.w3.org/2005/Atom) is not an SDMX-ML message"),
    ConsistencyCase(
        name: "SDMX-JSON", input: .fixture("bad/sdmx-json.json"), status: 5,
        error: ":1: this looks like JSON, not SDMX-ML or CSV"),
    ConsistencyCase(name: "an empty file", input: .fixture("bad/empty.xml"), status: 3, error: ": the file is empty"),
    ConsistencyCase(
        name: "a missing file", input: .missing, status: 3, error: ": cannot read the file: No such file or directory"),
    ConsistencyCase(
        name: "a folder given as a file", input: .folder, status: 3, error: ": cannot read the file: it is a folder"),
    ConsistencyCase(
        name: "an SDMX error message", input: .fixture("data/v21-error.xml"), status: 6,
        error: ": the provider sent an SDMX error message: [100] No results found for query "
            + "REG_EMP/A.C29.ES99.THS_PER"),
    ConsistencyCase(
        name: "a footer-only message (Eurostat's 413)", input: .fixture("data/v21-footer-only.xml"), status: 6,
        error: ": no data, only a footer message: [413 Infomation] The requested extraction is too large"),
    ConsistencyCase(
        name: "a structure message given as data", input: .fixture("structure/v21-structure.xml"), status: 5,
        error: ": a Structure message (SDMX-ML 2.1), not data: give structure files with --structure",
        inspectStatus: 0),
    ConsistencyCase(
        name: "a malformed time period", input: .fixture("bad/malformed-period.xml"), status: 7,
        error: ":22: \"2021-13\" is not an SDMX time period: month must be 01–12"),
    ConsistencyCase(
        name: "a CSV without a value column", input: .fixture("bad/no-value-column.csv"), status: 3,
        error: ":1: no value column: expected value or OBS_VALUE"),
    ConsistencyCase(
        name: "a ragged CSV", input: .fixture("bad/ragged.csv"), status: 3,
        error: ":4: the record has 8 fields, the header 9"),
]

/// The four commands that read data, as run on one input.
private enum DataCommand: String, CaseIterable {
    case inspect, convert, compute, report

    /// Runs the command on `path`; `compute` and `report` use a one-cluster definition in `folder`.
    func run(on path: String, in folder: TemporaryFolder) throws -> CLIResult {
        switch self {
        case .inspect:
            return try runCLI(["inspect", path], timeout: 60)
        case .convert:
            return try runCLI(["convert", path, "--to", "csv"], temporaryFolder: folder.url, timeout: 60)
        case .compute:
            return try runCLI(["compute", try clusterFile(in: folder), "--data", path], timeout: 60)
        case .report:
            return try runCLI(["report", try reportDefinition(in: folder, data: path)], timeout: 60)
        }
    }
}

/// A cluster file with one cluster, `clusters.yaml` in `folder`.
private func clusterFile(in folder: TemporaryFolder) throws -> String {
    let path = folder.path("clusters.yaml")
    try """
    clusters:
      - {id: es51-automotive, name: Catalonia automotive, regions: [ES51], sectors: [C29], reference: ES5}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// A report definition over `data`, `report.yaml` in `folder`.
private func reportDefinition(in folder: TemporaryFolder, data: String) throws -> String {
    _ = try clusterFile(in: folder)
    let path = folder.path("report.yaml")
    try """
    id: consistency
    clusters: clusters.yaml
    data: ["\(data)"]
    indicators: [employment]
    outputs: {formats: [json], folder: out}
    """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite("Exit statuses are the same from every command")
struct ExitStatusConsistencyTests {
    @Test(
        "A bad input gives README's status and one error line from inspect, convert, compute and report",
        arguments: consistencyCases)
    func sameStatusFromEveryCommand(_ badCase: ConsistencyCase) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try badCase.path(in: folder)
        let expectedLine = "clusterlens: error: \(path)\(badCase.error)"
        for command in DataCommand.allCases {
            let result = try command.run(on: path, in: folder)
            let expected = command == .inspect ? badCase.inspectStatus ?? badCase.status : badCase.status
            #expect(result.status == expected, "\(command): \(result)")
            if expected != 0 {
                let errors = result.stderrLines.filter { $0.hasPrefix("clusterlens: error: ") }
                #expect(errors.count == 1, "\(command): \(result.stderr)")
                #expect(errors.first?.hasPrefix(expectedLine) == true, "\(command): \(result.stderr)")
                // libxml2's own messages ("encoding error : …") never reach standard error.
                #expect(
                    result.stderrLines.allSatisfy { $0.hasPrefix("clusterlens: ") }, "\(command): \(result.stderr)")
            }
            if command == .convert { #expect(result.stdout.isEmpty, "convert printed partial output") }
        }
    }

    @Test(
        "inspect describes an SDMX error or footer-only message, then fails as every command does",
        arguments: [
            ("data/v21-error.xml", "  error message   [100] No results found for query REG_EMP/A.C29.ES99.THS_PER"),
            ("data/v21-footer-only.xml", "  footer          [413 Infomation] The requested extraction is too large"),
        ])
    func inspectDescribesAMessageWithoutData(_ fixture: String, _ described: String) throws {
        let path = CLITestPaths.fixture(fixture)
        let result = try runCLI(["inspect", path, CLITestPaths.fixture("data/v21-ss.xml")])
        #expect(result.status == 6, "\(result)")
        #expect(result.stdoutLines.first == path)
        #expect(result.stdoutLines.contains { $0.hasPrefix(described) }, "\(result.stdout)")
        #expect(result.stdout.contains("StructureSpecificData (SDMX-ML 2.1)"), "the good file is still inspected")
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderrLines.first?.hasPrefix("clusterlens: error: \(path): ") == true, "\(result.stderr)")
    }

    @Test("inspect reads a tidy CSV through the importer door: dataflow, series, codes, periods and skipped rows")
    func inspectTidyCSV() throws {
        let path = CLITestPaths.packageRoot.appendingPathComponent(
            "Tests/ClusterLensIndicatorsTests/StoreFixtures/renamed-tidy.csv"
        ).path
        let result = try runCLI(["inspect", "--json", path, "--dataflow", "emp"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        let record = try jsonObject(result.stdout)
        #expect(record["format"] as? String == "tidy CSV")
        #expect(record["kind"] as? String == "data")
        #expect(record["structure"] as? String == "emp")
        #expect(record["observations"] as? Int == 3)
        #expect(record["series"] as? Int == 2)
        let periods = try #require(record["timePeriods"] as? [String: Any])
        #expect(periods["first"] as? String == "2021-Q1")
        #expect(periods["last"] as? String == "2021")
        #expect(
            record["warnings"] as? [String] == [
                "line 5: 1 observation(s) without a time period that parses were left out"
            ])
    }

    @Test("convert checks a CSV table through the door, then refuses it with status 5")
    func convertRefusesAGoodCSVTable() throws {
        let path = CLITestPaths.packageRoot.appendingPathComponent(
            "Tests/ClusterLensIndicatorsTests/StoreFixtures/sbs_r_nuts2021.csv"
        ).path
        let result = try runCLI(["convert", path, "--to", "json"])
        #expect(result.status == 5, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderrLines == [
                "clusterlens: error: \(path): an SDMX-CSV table (17 observations), not SDMX-ML: convert reads SDMX-ML "
                    + "data messages; compute and report read the table as it is"
            ])
    }

    @Test("compute refuses an SDMX error message (it used to print \"no data\" and exit 0)")
    func computeRefusesAnErrorMessage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = CLITestPaths.fixture("data/v21-error.xml")
        let result = try runCLI(["compute", try clusterFile(in: folder), "--data", path, "--json"])
        #expect(result.status == 6, "\(result)")
        #expect(result.stdout.isEmpty, "no indicator values for an error message: \(result.stdout)")
    }
}
