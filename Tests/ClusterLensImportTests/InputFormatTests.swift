import ClusterLensCore
import ClusterLensSupport
import ClusterLensTestSupport
import Foundation
import Testing

@testable import ClusterLensImport

/// A file of the observation store's fixtures, `Tests/ClusterLensIndicatorsTests/StoreFixtures/NAME`.
func storeFixturePath(_ name: String) -> String {
    TestPaths.package("Tests/ClusterLensIndicatorsTests/StoreFixtures/" + name)
}

/// An SDMX-ML message kind, as the sniffer gives it.
private func kind(_ messageType: String, _ version: SDMXVersion, _ category: SDMXMessageKind.Category)
    -> InputFormat
{
    .sdmxML(SDMXMessageKind(version: version, messageType: messageType, category: category))
}

/// The fixtures and the format of each.
private let fixtureFormats: [(String, InputFormat)] = [
    (dataFixturePath("data/v21-ss.xml"), kind("StructureSpecificData", .v2_1, .data)),  // UTF-8 BOM
    (dataFixturePath("data/v20-message-group.xml"), kind("MessageGroup", .v2_0, .data)),  // no declaration
    (dataFixturePath("data/soap-compact.xml"), kind("CompactData", .v2_0, .data)),
    (dataFixturePath("data/v30-ss.xml"), kind("StructureSpecificData", .v3_0, .data)),
    (dataFixturePath("data/v21-error.xml"), kind("Error", .v2_1, .error)),
    (dataFixturePath("data/v21-footer-only.xml"), kind("GenericData", .v2_1, .data)),
    (dataFixturePath("structure/v21-structure.xml"), kind("Structure", .v2_1, .structure)),
    (dataFixturePath("bad/truncated.xml"), kind("StructureSpecificData", .v2_1, .data)),  // cut after the root
    (storeFixturePath("sbs_r_nuts2021.xml"), kind("StructureSpecificData", .v2_1, .data)),
    (storeFixturePath("sbs_r_nuts2021.csv"), InputFormat.sdmxCSV),
    (storeFixturePath("sdmx-csv-2.csv"), .sdmxCSV),
    (storeFixturePath("oecd-tidy.csv"), .tidyCSV),  // `dataflow` in lower case is a tidy column
    (storeFixturePath("sbs_r_nuts2021-tidy.csv"), .tidyCSV),
    (storeFixturePath("renamed-tidy.csv"), .tidyCSV),
    (dataFixturePath("bad/no-value-column.csv"), .tidyCSV),  // the reader, not the sniffer, refuses it
    (TestPaths.package("Indicators/members-template.csv"), .memberSurvey),
]

/// Bytes to sniff, named for the test's description.
struct SniffedBytes: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var testDescription: String { name }

    init(_ name: String, _ bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// Bytes with a byte-order mark, blank lines, quotes or comments before the header, and their format.
private let noisyFormats: [(SniffedBytes, InputFormat)] = [
    (
        SniffedBytes(
            "BOM and blank lines before SDMX-CSV 1.0",
            [0xEF, 0xBB, 0xBF] + Array("\n\r\n  DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nX,ES51,2021,1\n".utf8)),
        .sdmxCSV
    ),
    (
        SniffedBytes(
            "quoted SDMX-CSV 2.0", Array("\"STRUCTURE\",\"STRUCTURE_ID\",\"ACTION\",TIME_PERIOD,OBS_VALUE\n".utf8)),
        InputFormat.sdmxCSV
    ),
    (SniffedBytes("blank lines before tidy CSV", Array("\n\ngeo,time,value\nES51,2021,1\n".utf8)), .tidyCSV),
    (
        SniffedBytes(
            "comments before a member survey",
            Array("# survey 2024\n# F4 sent its size only\nfirm_id,year,employees\nF1,2024,3\n".utf8)),
        .memberSurvey
    ),
    (
        SniffedBytes(
            "BOM and blank lines before XML without a declaration",
            [0xEF, 0xBB, 0xBF] + Array("  \n\n".utf8) + sdmxErrorBody),
        kind("Error", .v2_1, .error)
    ),
]

/// Bytes the sniffer refuses, with the code and the line of the error.
private let refusedBytes: [(SniffedBytes, ImportError.Code, Int)] = [
    (SniffedBytes("JSON object", Array("  \n{\"data\": {\"dataSets\": []}}\n".utf8)), .notSDMX, 1),
    (SniffedBytes("JSON array", Array("[{\"id\": \"A\"}]".utf8)), .notSDMX, 1),
    (SniffedBytes("binary", [0x00, 0xFF, 0x13, 0x88, 0x41, 0x00]), .malformedXML, 0),
    (SniffedBytes("no bytes", []), .empty, 0),
    (SniffedBytes("white space only", Array(" \n\r\n\t\n".utf8)), .empty, 0),
]

@Suite("Input format: the importer door sniffs the content, never the name")
struct InputFormatTests {
    @Test("Every format the door knows is found from the file's first bytes", arguments: fixtureFormats)
    func formatOfFixtures(_ path: String, _ format: InputFormat) throws {
        #expect(try InputFormat.sniff(file: path) == format)
    }

    @Test(
        "A byte-order mark, blank lines, quotes and comment lines before the header do not hide the format",
        arguments: noisyFormats)
    func formatAfterNoise(_ input: SniffedBytes, _ format: InputFormat) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("input")
        try Data(input.bytes).write(to: URL(fileURLWithPath: path))
        #expect(try InputFormat.sniff(file: path) == format)
    }

    @Test("UTF-16 SDMX-ML, with or without a byte-order mark, is XML (libxml2 reads it), not binary")
    func utf16IsXML() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = String(decoding: sdmxErrorBody, as: UTF8.self)
        let withMark = folder.path("with-mark.xml")
        try ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + text).write(
            toFile: withMark, atomically: false, encoding: .utf16)  // Foundation writes a byte-order mark
        let littleEndian = folder.path("little-endian.xml")
        try ("<?xml version=\"1.0\" encoding=\"UTF-16LE\"?>\n" + text).write(
            toFile: littleEndian, atomically: false, encoding: .utf16LittleEndian)
        for path in [withMark, littleEndian] {
            #expect(try InputFormat.sniff(file: path) == kind("Error", .v2_1, .error), "\(path)")
        }
    }

    @Test("JSON, binary bytes, no bytes and white space are refused, each with its code", arguments: refusedBytes)
    func refused(_ input: SniffedBytes, _ code: ImportError.Code, _ line: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("input")
        try Data(input.bytes).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: ImportError.self) { try InputFormat.sniff(file: path) }
        #expect(error.code == code)
        #expect(error.file == path)
        #expect(error.line == line)
    }

    @Test("The bad fixtures are refused by the sniffer with the code every command maps to its status")
    func badFixtures() throws {
        let cases: [(String, ImportError.Code, String)] = [
            ("bad/binary.bin", .malformedXML, "not well-formed XML: binary data, neither SDMX-ML nor CSV text"),
            (
                "bad/html-page.html", .notSDMX,
                "this is an HTML page, not an SDMX-ML message (a web service error page?)"
            ),
            (
                "bad/not-sdmx.xml", .notSDMX,
                "root element <feed> (namespace http://www.w3.org/2005/Atom) is not an SDMX-ML message"
            ),
            (
                "bad/sdmx-json.json", .notSDMX,
                "this looks like JSON, not SDMX-ML or CSV (SDMX-JSON is not read; ask the service for SDMX-ML or "
                    + "SDMX-CSV)"
            ),
            ("bad/empty.xml", .empty, "the file is empty"),
            ("bad/billion-laughs.xml", .forbidden, "a <!DOCTYPE> declaration is not allowed"),
        ]
        for (fixture, code, message) in cases {
            let path = dataFixturePath(fixture)
            let error = try #require(throws: ImportError.self) { try InputFormat.sniff(file: path) }
            #expect(error.code == code, "\(fixture)")
            #expect(error.message.hasPrefix(message), "\(fixture): \(error.message)")
            #expect(error.file == path)
        }
    }

    @Test("A missing file and a folder cannot be read")
    func missingFileAndFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = try #require(throws: ImportError.self) { try InputFormat.sniff(file: folder.path("none.csv")) }
        #expect(missing.code == .unreadable)
        #expect(missing.description == "\(folder.path("none.csv")): cannot read the file: No such file or directory")
        #expect((missing.underlying as? FileError)?.code == .unreadable)
        let directory = try #require(throws: ImportError.self) { try InputFormat.sniff(file: folder.url.path) }
        #expect(directory.code == .unreadable)
        #expect(directory.description == "\(folder.url.path): cannot read the file: it is a folder")
    }
}

/// An SDMX-ML 2.1 error message without its XML declaration.
let sdmxErrorBody = Array(
    """
    <mes:Error xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
        xmlns:com="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">
      <mes:ErrorMessage code="150"><com:Text xml:lang="en">Semantic error</com:Text></mes:ErrorMessage>
    </mes:Error>

    """.utf8)
