import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensScoring
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensReports

/// Batches: template expansion, partial failure, and the run record.
@Suite("Batch runs")
struct BatchTests {
    /// A folder with a template over two cluster files, and a standalone report whose composite
    /// settings fail (a geometric mean over zeros without a shift).
    static func manifest(in folder: String) throws -> String {
        _ = try ReportFixtures.definition(in: folder)  // writes clusters.yaml and report.yaml, the template
        try """
        clusters:
          - {id: es51, name: Catalonia C29, regions: [ES51], sectors: [C29], reference: ES5}
          - {id: es52, name: Valencia C29, regions: [ES52], sectors: [C29], reference: ES5}
        """.write(toFile: folder + "/group-a.yaml", atomically: true, encoding: .utf8)
        try """
        clusters:
          - {id: es51, name: Catalonia C29, regions: [ES51], sectors: [C29], reference: ES5}
          - {id: es51-c, name: Catalonia C, regions: [ES51], sectors: [C], reference: ES5}
        """.write(toFile: folder + "/group-b.yaml", atomically: true, encoding: .utf8)
        try """
        id: broken
        clusters: group-a.yaml
        data: [\(ReportFixtures.dataFile)]
        indicators: [employment, cluster_focus, location_quotient, local_units]
        composite: {aggregation: {indicators: geometric}}
        """.write(toFile: folder + "/broken.yaml", atomically: true, encoding: .utf8)
        try """
        reports: [broken.yaml]
        template: report.yaml
        clusters: [group-*.yaml]
        outputs: {folder: out, formats: [json, csv]}
        jobs: 2
        """.write(toFile: folder + "/batch.yaml", atomically: true, encoding: .utf8)
        return folder + "/batch.yaml"
    }

    @Test func aFailingReportNeverStopsTheOthersAndTheRecordSaysWhy() async throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let manifest = try BatchManifest.load(file: try Self.manifest(in: folder))
        #expect(manifest.reports.map(\.id) == ["broken", "fixture-group-a", "fixture-group-b"])
        #expect(manifest.jobs == 2 && manifest.formats == ["json", "csv"])
        let runner = BatchRunner(runner: ReportRunner(toolVersion: "test"))
        let outcomes = await runner.run(manifest, jobs: 2, generatedAt: ReportFixtures.time) { _, _, _ in }
        #expect(outcomes.map(\.succeeded) == [false, true, true])
        #expect(outcomes[0].errors.first?.contains("geometric") == true, "\(outcomes[0].errors)")
        #expect(outcomes[1].outputs.count == 5, "json; csv of values, scores, coverage and coverage by year")
        #expect(FileManager.default.fileExists(atPath: folder + "/out/fixture-group-b/fixture-group-b.json"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/broken"))

        let record = folder + "/out/run-record.json"
        try RunRecord.write(
            to: record, manifest: manifest, outcomes: outcomes, jobs: 2, startedAt: ReportFixtures.time,
            finishedAt: Timestamp(secondsSince1970: ReportFixtures.time.secondsSince1970 + 1), seconds: 1,
            toolVersion: "test")
        let document = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: record))))
        #expect(document["succeeded"] == .number(2, isInteger: true))
        #expect(document["failed"] == .number(1, isInteger: true))
        guard case .array(let inputs)? = document["inputs"], case .array(let reports)? = document["reports"] else {
            Issue.record("no inputs or reports")
            return
        }
        let paths = inputs.compactMap { input -> String? in
            if case .string(let path)? = input["path"] { path } else { nil }
        }
        #expect(paths.contains(ReportFixtures.dataFile) && paths.contains(folder + "/group-a.yaml"))
        let expectedDigest = try SHA256.hexDigest(ofFile: ReportFixtures.dataFile)
        #expect(inputs.contains { $0["sha256"] == .string(expectedDigest) })
        #expect(reports.first?["status"] == .string("failed"))
        guard case .array(let outputs)? = reports[1]["outputs"] else { return }
        #expect(
            outputs.allSatisfy { if case .string(let digest)? = $0["sha256"] { digest.count == 64 } else { false } })
    }

    @Test func aTemplateWithoutClustersIsAnErrorAtItsLine() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "template: report.yaml\n".write(toFile: folder + "/b.yaml", atomically: true, encoding: .utf8)
        #expect {
            _ = try BatchManifest.load(file: folder + "/b.yaml")
        } throws: { error in
            guard let error = error as? IndicatorsError else { return false }
            return error.line == 1 && error.message.contains("needs `clusters:`")
        }
    }
}
