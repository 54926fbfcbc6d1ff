import ClusterLensCore
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensImport

/// The library example in README.md, kept compiling and correct.
@Suite("README library example")
struct ReadmeExampleTests {
    final class Printer: SDMXDataSink {
        var lines: [String] = []
        func beginDataset(_ header: DatasetHeader) throws { lines.append("data set \(header.dataflowLabel)") }
        func observation(_ observation: Observation) throws {
            let value = observation.value.number.map { "\($0)" } ?? "missing (\(observation.value.kind))"
            let flag = observation.attribute("OBS_STATUS")?.value ?? ""
            lines.append("\(observation.series.key) \(observation.period?.lexical ?? "-") \(value) \(flag)")
        }
    }

    @Test func theReadmeExampleReadsAStructureAndADataFileAndPrintsEveryObservation() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let structures = try SDMXStructureReader().read(
            file: fixtures.appendingPathComponent("structure/v21-structure.xml").path
        ).structures
        let printer = Printer()
        let summary = try SDMXDataReader(structures: structures).read(
            file: fixtures.appendingPathComponent("data/v21-ss.xml").path, into: printer)
        #expect(summary.observations == 10)
        #expect(printer.lines.count == 11)
        #expect(printer.lines.first == "data set CLX:DSD_REG_EMP(1.0)")
        #expect(printer.lines.contains { $0.contains("missing (missingMarker)") })
    }
}
