import ClusterLensCore
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensImport

// MARK: - Support

/// The fixture folder, found from this source file (not from the copied bundle resources), so that
/// the paths in error messages are the real ones.
private let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures", isDirectory: true)

/// The path of `bad/NAME`.
private func badFixture(_ name: String) -> String {
    fixturesFolder.appendingPathComponent("bad").appendingPathComponent(name).path
}

/// A sink that keeps every text the reader hands it, to check what reached it.
private final class BadInputSink: SDMXDataSink {
    private(set) var texts: [String] = []
    private(set) var observations = 0
    private(set) var datasets = 0

    func beginDataset(_ header: DatasetHeader) throws {
        datasets += 1
        texts.append(header.dataflowLabel)
        texts += header.attributes.flatMap { [$0.id] + $0.values + $0.texts.map(\.text) }
    }

    func series(_ series: Series) throws {
        texts += series.key.values.flatMap { [$0.id, $0.value] }
        texts += series.attributes.flatMap { [$0.id] + $0.values + $0.texts.map(\.text) }
    }

    func observation(_ observation: Observation) throws {
        observations += 1
        texts += observation.dimensions.flatMap { [$0.id, $0.value] }
        texts += observation.otherMeasures.flatMap { [$0.id, $0.value] }
        texts += observation.attributes.flatMap { [$0.id] + $0.values + $0.texts.map(\.text) }
        if let lexical = observation.value.lexical { texts.append(lexical) }
    }
}

/// What reading a bad file must give.
struct BadInputCase: CustomTestStringConvertible, Sendable {
    /// The file under `bad/`.
    var name: String
    /// The error code of ``SDMXDataReader``.
    var code: ImportError.Code
    /// The line the error must name; `nil` when the file has no meaningful line (zero bytes),
    /// `0` when any line above 0 will do.
    var line: Int?
    /// The error code of ``SDMXMessageSniffer``, `nil` when the damage lies after the message
    /// element, which the sniffer does not read past (it then names the message type instead).
    var sniffCode: ImportError.Code?

    var testDescription: String { name }
}

/// Every file under `bad/`, with what the issue requires for it.
private let badInputCases: [BadInputCase] = [
    BadInputCase(name: "truncated.xml", code: .malformedXML, line: 23, sniffCode: nil),
    BadInputCase(name: "html-page.html", code: .notSDMX, line: 0, sniffCode: .notSDMX),
    BadInputCase(name: "not-sdmx.xml", code: .notSDMX, line: 3, sniffCode: .notSDMX),
    BadInputCase(name: "empty.xml", code: .empty, line: nil, sniffCode: .empty),
    BadInputCase(name: "binary.bin", code: .malformedXML, line: 0, sniffCode: .malformedXML),
    BadInputCase(name: "wrong-encoding.xml", code: .malformedXML, line: 13, sniffCode: nil),
    BadInputCase(name: "shift-jis-invalid-byte.xml", code: .malformedXML, line: 39, sniffCode: .malformedXML),
    BadInputCase(name: "utf16-unpaired-surrogate.xml", code: .malformedXML, line: 39, sniffCode: .malformedXML),
    BadInputCase(name: "billion-laughs.xml", code: .forbidden, line: 5, sniffCode: .forbidden),
    BadInputCase(name: "external-entity.xml", code: .forbidden, line: 6, sniffCode: .forbidden),
]

/// Runs `body` and returns the ``ImportError`` it throws; records an issue if it throws nothing
/// or something else.
private func importError(
    _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
) -> ImportError? {
    do {
        try body()
        Issue.record("expected an ImportError, but no error was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as ImportError {
        return error
    } catch {
        Issue.record("expected an ImportError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Checks the parts of an error every bad input shares: the file, one line of text, the line.
private func checkShape(
    of error: ImportError, file: String, line: Int?, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(error.file == file, sourceLocation: sourceLocation)
    #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    #expect(
        !error.description.contains("\n") && !error.description.contains("\r"),
        "not one line: \(error.description)", sourceLocation: sourceLocation)
    #expect(error.description.hasPrefix(file), sourceLocation: sourceLocation)
    switch line {
    case nil: break
    case 0?: #expect(error.line > 0, "no line in \(error.description)", sourceLocation: sourceLocation)
    case let line?:
        #expect(error.line == line, "\(error.description)", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("\(file):\(line)"), sourceLocation: sourceLocation)
    }
}

/// A temporary folder, removed by ``remove()``.
private struct BadInputScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("clusterlens-bad-input-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A 2.1 structure-specific message with a well-formed data set followed by an unknown element
/// nested `depth` levels deep (one start tag per line), as a hostile or broken producer might send.
private func badInputDeepMessage(depth: Int) -> String {
    var text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mes:StructureSpecificData xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
            xmlns:ss="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific"
            xmlns:com="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">
          <mes:Header>
            <mes:ID>DEEP</mes:ID><mes:Test>true</mes:Test><mes:Prepared>2024-03-18T09:15:00</mes:Prepared>
            <mes:Sender id="CLX"/>
            <mes:Structure structureID="S" dimensionAtObservation="TIME_PERIOD">
              <com:Structure><Ref agencyID="CLX" id="DSD_REG_EMP" version="1.0"/></com:Structure>
            </mes:Structure>
          </mes:Header>
          <mes:DataSet ss:structureRef="S">
            <Series FREQ="A" GEO="DE11"><Obs TIME_PERIOD="2020" OBS_VALUE="1.5"/></Series>

        """
    text.reserveCapacity(depth * 12 + text.utf8.count + 256)
    for _ in 0..<depth { text += "<Deep>\n" }
    for _ in 0..<depth { text += "</Deep>" }
    text += "\n  </mes:DataSet>\n</mes:StructureSpecificData>\n"
    return text
}

// MARK: - Tests

@Suite("Bad input")
struct BadInputTests {
    @Test(
        "Reading a bad file fails with the right code, naming the file and line on one line", arguments: badInputCases)
    func readerRejectsBadFile(_ badCase: BadInputCase) throws {
        let path = badFixture(badCase.name)
        let sink = BadInputSink()
        let error = try #require(importError { try SDMXDataReader().read(file: path, into: sink) })
        #expect(error.code == badCase.code, "\(error.description)")
        checkShape(of: error, file: path, line: badCase.line)
    }

    @Test(
        "Sniffing a bad file fails with the right code, or names the message when the damage comes later",
        arguments: badInputCases)
    func snifferRejectsBadFile(_ badCase: BadInputCase) throws {
        let path = badFixture(badCase.name)
        if let code = badCase.sniffCode {
            let error = try #require(importError { _ = try SDMXMessageSniffer.sniff(file: path) })
            #expect(error.code == code, "\(error.description)")
            checkShape(of: error, file: path, line: badCase.line)
        } else {
            // The sniffer stops at the message element; what follows is the reader's business.
            let kind = try SDMXMessageSniffer.sniff(file: path)
            #expect(kind.version == .v2_1)
            #expect(kind.messageType == "StructureSpecificData")
            #expect(kind.category == .data)
        }
    }

    @Test("An HTML page is reported as an HTML page, not as bad XML")
    func htmlPageIsNamedAsHTML() throws {
        let path = badFixture("html-page.html")
        for error in [
            importError { try SDMXDataReader().read(file: path, into: BadInputSink()) },
            importError { _ = try SDMXMessageSniffer.sniff(file: path) },
        ] {
            let error = try #require(error)
            #expect(error.code == .notSDMX)
            #expect(error.message.lowercased().contains("html"), "\(error.description)")
        }
    }

    @Test("Well-formed XML in another vocabulary names its root element")
    func otherXMLNamesItsRoot() throws {
        let path = badFixture("not-sdmx.xml")
        let error = try #require(importError { try SDMXDataReader().read(file: path, into: BadInputSink()) })
        #expect(error.code == .notSDMX)
        #expect(error.message.contains("feed"), "\(error.description)")
    }

    @Test("A truncated file fails after at most the observations before the cut")
    func truncatedFileStopsAtTheCut() throws {
        let sink = BadInputSink()
        let path = badFixture("truncated.xml")
        let error = try #require(importError { try SDMXDataReader().read(file: path, into: sink) })
        #expect(error.code == .malformedXML)
        #expect(error.column > 0)
        #expect(sink.observations <= 3)
    }

    @Test(
        "A byte the declared encoding cannot convert fails the read after the observations before it",
        arguments: ["shift-jis-invalid-byte.xml", "utf16-unpaired-surrogate.xml"])
    func invalidEncodedByteFailsTheRead(_ name: String) throws {
        let sink = BadInputSink()
        let path = badFixture(name)
        let error = try #require(importError { try SDMXDataReader().read(file: path, into: sink) })
        #expect(error.code == .malformedXML)
        #expect(error.line == 39)
        #expect(error.message.contains("not valid in the document's encoding"), "\(error)")
        // The file holds 10 observations; libxml2 converts a chunk before parsing it, so none of them
        // arrives, and certainly never the 5 after the bad bytes.
        #expect(sink.observations < 10)
    }

    @Test("A structure message with a byte the declared encoding cannot convert is an error, not 1 of 5 codelists")
    func structureWithInvalidEncodedByteFails() throws {
        let path = badFixture("structure-shift-jis-invalid-byte.xml")
        let error = try #require(importError { _ = try SDMXStructureReader().read(file: path) })
        #expect(error.code == .malformedXML)
        #expect(error.line == 37)
        #expect(error.description.hasPrefix("\(path):37: not well-formed XML: a byte sequence"), "\(error)")
    }

    @Test("The external entity's target is never read: its content reaches neither the sink nor the error")
    func externalEntityIsNeverResolved() throws {
        let path = badFixture("external-entity.xml")
        let sink = BadInputSink()
        let error = try #require(importError { try SDMXDataReader().read(file: path, into: sink) })
        #expect(error.code == .forbidden)
        let sniffError = try #require(importError { _ = try SDMXMessageSniffer.sniff(file: path) })

        var secrets = ["root:x:0:0", "root:"]
        if let passwd = try? String(contentsOfFile: "/etc/passwd", encoding: .utf8) {
            secrets += passwd.split(separator: "\n").prefix(3).map(String.init).filter { !$0.isEmpty }
        }
        let seen = sink.texts + [error.description, sniffError.description]
        for secret in secrets {
            #expect(!seen.contains { $0.contains(secret) }, "found \(secret)")
        }
        #expect(sink.observations == 0)
        #expect(sink.datasets == 0)
    }

    @Test("A billion-laughs document is refused quickly, without expanding anything", .timeLimit(.minutes(1)))
    func billionLaughsIsRefused() throws {
        let path = badFixture("billion-laughs.xml")
        let sink = BadInputSink()
        let error = try #require(importError { try SDMXDataReader().read(file: path, into: sink) })
        #expect(error.code == .forbidden)
        #expect(!sink.texts.contains { $0.contains("lollol") })
        #expect(!error.description.contains("lollol"))
    }

    @Test(
        "An element nested 10,000 deep is malformed XML with a line, not a crash or a success",
        .timeLimit(.minutes(1)))
    func deeplyNestedFileIsMalformed() throws {
        let folder = try BadInputScratchFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("deep.xml").path
        try badInputDeepMessage(depth: 10_000).write(toFile: path, atomically: false, encoding: .utf8)

        let error = try #require(importError { try SDMXDataReader().read(file: path, into: BadInputSink()) })
        #expect(error.code == .malformedXML, "\(error.description)")
        checkShape(of: error, file: path, line: 0)

        // The sniffer reads only up to the message element, so it names the message and leaves the
        // nesting to the reader.
        let kind = try SDMXMessageSniffer.sniff(file: path)
        #expect(kind.messageType == "StructureSpecificData")
        #expect(kind.category == .data)
    }

    @Test("A message nested a hundred levels deep in unknown elements is still read")
    func moderatelyNestedFileIsRead() throws {
        let folder = try BadInputScratchFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("nested.xml").path
        try badInputDeepMessage(depth: 100).write(toFile: path, atomically: false, encoding: .utf8)
        let sink = BadInputSink()
        let summary = try SDMXDataReader().read(file: path, into: sink)
        #expect(summary.observations == 1)
        #expect(sink.observations == 1)
    }

    @Test("A missing file is unreadable, naming the file")
    func missingFileIsUnreadable() throws {
        let path = badFixture("does-not-exist.xml")
        let error = try #require(importError { try SDMXDataReader().read(file: path, into: BadInputSink()) })
        #expect(error.code == .unreadable)
        checkShape(of: error, file: path, line: nil)
    }

    @Test("An HTML page read from memory is not SDMX either")
    func htmlPageInMemoryIsNotSDMX() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: badFixture("html-page.html"))))
        let error = try #require(
            importError { try SDMXDataReader().read(bytes: bytes, name: "reply.html", into: BadInputSink()) })
        #expect(error.code == .notSDMX, "\(error.description)")
        #expect(error.file == "reply.html", "\(error.description)")
    }

    @Test("Empty bytes read from memory are empty, naming the given name")
    func emptyBytesAreEmpty() throws {
        let error = try #require(
            importError { try SDMXDataReader().read(bytes: [], name: "reply.xml", into: BadInputSink()) })
        #expect(error.code == .empty)
        #expect(error.file == "reply.xml")
    }
}
