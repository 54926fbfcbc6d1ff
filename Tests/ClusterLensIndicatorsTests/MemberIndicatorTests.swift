import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import ClusterLensTestSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// Member-survey indicators end to end: a cluster file naming a survey, the engine, the worked example.
@Suite("Member-survey indicators")
struct MemberIndicatorTests {
    /// Every member indicator on the worked example (see MemberSurveyWorkedExample; member employment
    /// 400), with the firms that reported what each needs:
    ///
    /// | indicator | reporting firms | value | coverage |
    /// |---|---|---|---|
    /// | scope 1+2 per € million | F1, F5 | (1 200 + 100) / 21 000 000 × 10⁶ | 120 / 400 |
    /// | energy per € million | F1, F2, F5 | 7 500 / 26 000 000 × 10⁶ | 170 / 400 |
    /// | water per € million | F1, F5 | 12 000 / 21 000 000 × 10⁶ | 120 / 400 |
    /// | waste per € million | F1, F2, F5 | 310 / 26 000 000 × 10⁶ | 170 / 400 |
    /// | renewable share | F1, F2, F3, F5 | 5 500 / 15 500 × 100 | 370 / 400 |
    /// | waste diverted | F1, F2, F5 | 180 / 310 × 100 | 170 / 400 |
    /// | hazardous waste | F1, F2, F5 | 21 / 310 × 100 | 170 / 400 |
    /// | certified | F1, F2, F3, F5 | 2 / 4 × 100 | 370 / 400 |
    /// | accidents per 10⁶ hours | F1, F2, F5 | 4 / 270 000 × 10⁶ | 170 / 400 |
    /// | training hours | F1, F3, F5 | 8 400 / 320 | 320 / 400 |
    /// | women's share | F1, F2, F3, F5 | 125 / 370 × 100 | 370 / 400 |
    /// | gender pay gap | F1, F2, F3 | (10 × 100 + 20 × 50 + 5 × 200) / 350 | 350 / 400 |
    static let examples: [(id: String, value: Double, coverage: Double)] = [
        ("member_scope12_intensity", 1300.0 / 21_000_000 * 1e6, 120.0 / 400),
        ("member_energy_intensity", 7500.0 / 26_000_000 * 1e6, 170.0 / 400),
        ("member_water_intensity", 12000.0 / 21_000_000 * 1e6, 120.0 / 400),
        ("member_waste_intensity", 310.0 / 26_000_000 * 1e6, 170.0 / 400),
        ("member_renewable_share", 100 * 5500.0 / 15500, 0.925),
        ("member_waste_diverted_share", 100 * 180.0 / 310, 170.0 / 400),
        ("member_hazardous_waste_share", 100 * 21.0 / 310, 170.0 / 400),
        ("member_certified_share", 50.0, 370.0 / 400),
        ("member_accident_rate", 4.0 / 270_000 * 1e6, 170.0 / 400),
        ("member_training_hours", 8400.0 / 320, 320.0 / 400),
        ("member_women_share", 100 * 125.0 / 370, 370.0 / 400),
        ("member_gender_pay_gap", 3000.0 / 350, 350.0 / 400),
    ]

    @Test("The member indicators give the worked example's values with coverage", arguments: examples)
    func memberIndicators(_ example: (id: String, value: Double, coverage: Double)) throws {
        let (id, expected, coverage) = example
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
        #expect(abs(value - expected) < 1e-9 * max(1, expected), "\(id)")
        #expect(abs((result.memberCoverage["members"] ?? -1) - coverage) < 1e-12, "\(id)")
    }
}
