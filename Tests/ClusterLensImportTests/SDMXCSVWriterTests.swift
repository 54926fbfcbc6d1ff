import ClusterLensCore
import ClusterLensSupport
import ClusterLensTestSupport
import Foundation
import Testing

@testable import ClusterLensImport

/// The SDMX-CSV writer: column layout, late columns, quoting, atomic output, and agreement between
/// its raw-byte fast path and its `Observation` path.
@Suite("SDMX-CSV writer")
struct SDMXCSVWriterTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("clusterlens-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func records(_ path: String) throws -> [[String]] {
        let reader = try CSVRecordReader(path: path)
        var result: [[String]] = []
        while let record = reader.next() { result.append(record) }
        return result
    }

    static func header(structure: String = "CLX:DSD_REG_EMP(1.0)") -> DatasetHeader {
        DatasetHeader(
            index: 0, structureRef: "DSD_REG_EMP",
            structure: StructureReference(urn: "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=\(structure)"),
            dimensionAtObservation: "TIME_PERIOD", dataStructure: nil, action: nil, attributes: [])
    }

    static func observation(_ series: Series, _ time: String, _ value: String?, _ attributes: [AttributeValue] = [])
        -> Observation
    {
        Observation(
            series: series, dimensions: [ComponentValue(id: "TIME_PERIOD", value: time)],
            value: ObservationValue(lexical: value), attributes: attributes)
    }

    @Test func writesDataflowDimensionsValueThenAttributesWithQuoting() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        let writer = try SDMXCSVWriter(destination: path)
        try writer.beginDataset(Self.header())
        let series = Series(
            key: SeriesKey([ComponentValue(id: "FREQ", value: "A"), ComponentValue(id: "GEO", value: "ES51")]),
            attributes: [AttributeValue(id: "TITLE", value: "Cars, \"motor\" vehicles", level: .series)])
        try writer.observation(Self.observation(series, "2021", "34.1"))
        try writer.observation(
            Self.observation(
                series, "2022", nil, [AttributeValue(id: "OBS_STATUS", values: ["p", "e"], level: .observation)]))
        try writer.finish()
        let rows = try Self.records(path)
        #expect(rows[0] == ["DATAFLOW", "FREQ", "GEO", "TIME_PERIOD", "OBS_VALUE", "TITLE", "OBS_STATUS"])
        #expect(rows[1] == ["CLX:DSD_REG_EMP(1.0)", "A", "ES51", "2021", "34.1", "Cars, \"motor\" vehicles", ""])
        #expect(rows[2] == ["CLX:DSD_REG_EMP(1.0)", "A", "ES51", "2022", "", "Cars, \"motor\" vehicles", "p;e"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"Cars, \"\"motor\"\" vehicles\""))
    }

    @Test func aColumnSeenWhileRowsAreHeldBackWidensEarlierRowsInItsGroup() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        let writer = try SDMXCSVWriter(destination: path)
        try writer.beginDataset(Self.header())
        let first = Series(key: SeriesKey([ComponentValue(id: "GEO", value: "ES51")]), attributes: [])
        let second = Series(
            key: SeriesKey([ComponentValue(id: "GEO", value: "ITC4"), ComponentValue(id: "NACE_R2", value: "C29")]),
            attributes: [])
        try writer.observation(Self.observation(first, "2021", "1"))
        try writer.observation(
            Self.observation(second, "2021", "2", [AttributeValue(id: "OBS_FLAG", value: "b", level: .observation)]))
        try writer.finish()
        let rows = try Self.records(path)
        #expect(rows[0] == ["DATAFLOW", "GEO", "NACE_R2", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"])
        // The first row was written before NACE_R2 and OBS_FLAG existed: it gets empty fields in
        // the right places, and its TIME_PERIOD stays under TIME_PERIOD.
        #expect(rows[1] == ["CLX:DSD_REG_EMP(1.0)", "ES51", "", "2021", "1", ""])
        #expect(rows[2] == ["CLX:DSD_REG_EMP(1.0)", "ITC4", "C29", "2021", "2", "b"])
    }

    @Test func aColumnSeenAfterTheHeaderIsWrittenMakesTheWriterRelayOutTheFile() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        let writer = try SDMXCSVWriter(destination: path)
        try writer.beginDataset(Self.header())
        let series = Series(key: SeriesKey([ComponentValue(id: "GEO", value: "DE11")]), attributes: [])
        let total = SDMXCSVWriter.holdBackRows + 5
        for row in 0..<total {
            let flag = row == total - 2 ? [AttributeValue(id: "OBS_FLAG", value: "p", level: .observation)] : []
            try writer.observation(Self.observation(series, "\(1000 + row)", "\(row)", flag))
        }
        try writer.finish()
        let rows = try Self.records(path)
        #expect(rows.count == total + 1)
        #expect(rows[0] == ["DATAFLOW", "GEO", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"])
        #expect(rows[1] == ["CLX:DSD_REG_EMP(1.0)", "DE11", "1000", "0", ""])
        #expect(rows[total - 1] == ["CLX:DSD_REG_EMP(1.0)", "DE11", "\(1000 + total - 2)", "\(total - 2)", "p"])
        #expect(rows[total] == ["CLX:DSD_REG_EMP(1.0)", "DE11", "\(1000 + total - 1)", "\(total - 1)", ""])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func anUnfinishedWriterLeavesTheEarlierFileInPlaceAndNoTemporaryFile() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        try "earlier good output\n".write(toFile: path, atomically: false, encoding: .utf8)
        do {
            let writer = try SDMXCSVWriter(destination: path)
            try writer.beginDataset(Self.header())
            let series = Series(key: SeriesKey([ComponentValue(id: "GEO", value: "ES51")]), attributes: [])
            try writer.observation(Self.observation(series, "2021", "1"))
            // no finish(): the run failed
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier good output\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
    }

    /// Collects every observation so that it can be replayed through the writer's `Observation` path.
    final class Recorder: SDMXDataSink {
        var events: [(header: DatasetHeader?, observation: Observation?)] = []
        func beginDataset(_ header: DatasetHeader) throws { events.append((header, nil)) }
        func observation(_ observation: Observation) throws { events.append((nil, observation)) }
    }

    static let fixtureFiles = [
        "data/v21-ss.xml", "data/v21-generic.xml", "data/v21-ss-flat.xml", "data/v21-ss-cross.xml",
        "data/v20-compact.xml", "data/v20-message-group.xml", "data/v30-ss.xml", "data/v31-ss.xml",
        "data/v20-cross-sectional.xml", "data/v20-utility.xml", "data/v21-generic-flat.xml",
    ]

    @Test("The raw fast path and the Observation path write the same CSV", arguments: fixtureFiles)
    func rawPathAndObservationPathAgree(_ fixture: String) throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(fixture).path
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fast = folder.appendingPathComponent("fast.csv").path
        let slow = folder.appendingPathComponent("slow.csv").path

        let writer = try SDMXCSVWriter(destination: fast)
        let summary = try SDMXDataReader().read(file: file, into: writer)
        try writer.finish()

        let recorder = Recorder()
        try SDMXDataReader().read(file: file, into: recorder)
        let replay = try SDMXCSVWriter(destination: slow)
        for event in recorder.events {
            if let header = event.header { try replay.beginDataset(header) }
            if let observation = event.observation {
                // The Observation path resolves series attributes itself; hand it the observation's own.
                try replay.observation(observation)
            }
        }
        try replay.finish()

        let fastRows = try Self.records(fast)
        let slowRows = try Self.records(slow)
        #expect(fastRows.count == summary.observations + 1)
        #expect(Set(fastRows[0]) == Set(slowRows[0]))
        // Same cells whatever the column order the two paths discovered.
        func keyed(_ rows: [[String]]) -> [[String: String]] {
            rows.dropFirst().map { row in
                Dictionary(uniqueKeysWithValues: zip(rows[0], row).filter { !$0.1.isEmpty }.map { ($0.0, $0.1) })
            }
        }
        #expect(keyed(fastRows) == keyed(slowRows))
    }

    @Test("An observation with 100,000 attributes converts in linear time, every attribute a column")
    func manyAttributesConvertInLinearTime() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = 100_000
        var attributes = ""
        attributes.reserveCapacity(count * 16)
        for index in 0..<count { attributes += " A\(index)_FLAG=\"\(index % 7)\"" }
        let xml = SyntheticMessage.structureSpecific(
            series:
                "<Series FREQ=\"A\" GEO=\"DE11\"><Obs TIME_PERIOD=\"2020\" OBS_VALUE=\"1.5\"\(attributes)/></Series>")
        let input = folder.appendingPathComponent("wide.xml").path
        try xml.write(toFile: input, atomically: false, encoding: .utf8)
        let output = folder.appendingPathComponent("wide.csv").path
        let start = ContinuousClock.now
        let writer = try SDMXCSVWriter(destination: output)
        _ = try SDMXDataReader().read(file: input, into: writer)
        try writer.finish()
        let elapsed = ContinuousClock.now - start
        let rows = try Self.records(output)
        #expect(rows.count == 2)
        #expect(rows.first?.count == 5 + count, "DATAFLOW, FREQ, GEO, TIME_PERIOD, OBS_VALUE and the attributes")
        #expect(rows.first?.last == "A\(count - 1)_FLAG")
        #expect(rows.last?.last == "\((count - 1) % 7)")
        // Quadratic look-ups took 18 s on a release build; linear ones take well under a second.
        #expect(elapsed < .seconds(15), "took \(elapsed)")
    }
}
