import ClusterLensCore
import Foundation
import Testing

@testable import ClusterLensIndicators

/// Member-survey indicators end to end: a cluster file naming a survey, the engine, the worked example.
@Suite("Member-survey indicators")
struct MemberIndicatorTests {
    /// From the worked example (see MemberSurveyWorkedExample): renewable share over F1, F2, F3, F5 =
    /// 5 500 / 15 500; energy per EUR million over F1, F2, F5 = 7 500 / 26 000 000 × 10^6.
    @Test(
        "The member indicators give the worked example's values with coverage",
        arguments: [
            ("member_renewable_share", 100 * 5500.0 / 15500, 0.925),
            ("member_energy_intensity", 7500.0 / 26_000_000 * 1e6, 170.0 / 400),
        ])
    func memberIndicators(_ id: String, _ expected: Double, _ coverage: Double) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("members-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try MemberSurveyWorkedExample.csv.write(
            to: folder.appendingPathComponent("members.csv"), atomically: true, encoding: .utf8)
        let clustersFile = folder.appendingPathComponent("clusters.yaml").path
        try
            "clusters:\n  - id: auto\n    regions: [ES51]\n    sectors: [C29]\n    reference: ES\n    members: members.csv\n"
            .write(toFile: clustersFile, atomically: true, encoding: .utf8)
        let cluster = try #require(try ClusterDefinitionLoader.load(file: clustersFile).first)
        var engine = IndicatorEngine(store: ObservationStore())
        try engine.loadSurveys(for: [cluster])
        let indicator = try #require(BuiltinIndicators.all.first { $0.definition.id == id })
        let result = engine.compute(indicator, for: cluster, period: nil)
        #expect(result.period?.lexical == "2024")
        let value = try #require(result.value.number, "\(result.value)")
        #expect(abs(value - expected) < 1e-9)
        #expect(abs((result.memberCoverage["members"] ?? -1) - coverage) < 1e-12)
    }
}
