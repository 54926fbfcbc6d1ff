import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// Krugman and Herfindahl on a hand-made structure.
///
/// ES51: total 1 000 with C10 500, C29 300, F41 200 (shares 0.5, 0.3, 0.2) and a confidential C20.
/// EU27_2020: total 10 000 with C10 2 000, C29 1 000, F41 3 000 (shares 0.2, 0.1, 0.3).
/// Herfindahl = 0.25 + 0.09 + 0.04 = 0.38; Krugman = 0.3 + 0.2 + 0.1 = 0.6; both flagged incomplete
/// (C20 left out).
@Suite("Structure indicators")
struct StructureIndicatorTests {
    static let examples: [(String, Double)] = [("herfindahl_concentration", 0.38), ("krugman_specialisation", 0.6)]

    @Test(
        "Krugman and Herfindahl give the hand-computed values",
        arguments: Self.examples)
    func structureIndices(_ id: String, _ expected: Double) throws {
        let rows = [
            "geo,nace_r2,indic_sbs,time,value,flag",
            "ES51,B-S_X_O_S94,EMP_LOC_NR,2021,1000,", "ES51,C10,EMP_LOC_NR,2021,500,", "ES51,C29,EMP_LOC_NR,2021,300,",
            "ES51,F41,EMP_LOC_NR,2021,200,", "ES51,C20,EMP_LOC_NR,2021,:,c",
            "EU27_2020,B-S_X_O_S94,EMP_LOC_NR,2021,10000,", "EU27_2020,C10,EMP_LOC_NR,2021,2000,",
            "EU27_2020,C29,EMP_LOC_NR,2021,1000,", "EU27_2020,F41,EMP_LOC_NR,2021,3000,",
        ]
        let result = try BuiltinIndicatorHarness.compute(
            id, rows: rows,
            clusterYAML:
                "clusters:\n  - id: region\n    regions: [ES51]\n    sectors: [C29]\n    reference: EU27_2020\n",
            period: "2021")
        let value = try #require(result.value.number, "\(result.value)")
        #expect(abs(value - expected) < 1e-12)
        #expect(result.value.flags.contains(StructureIndicator.incompleteFlag))
    }

    @Test(
        "A region whose every division is confidential has no index, not 0 (a sum over nothing)",
        arguments: Self.examples.map(\.0))
    func everyDivisionConfidential(_ id: String) throws {
        // ES53 publishes its total and no division (C29 and C10 confidential); the reference has both.
        let rows = [
            "geo,nace_r2,indic_sbs,time,value,flag",
            "ES53,B-S_X_O_S94,EMP_LOC_NR,2021,8000,", "ES53,C10,EMP_LOC_NR,2021,:,c", "ES53,C29,EMP_LOC_NR,2021,:,c",
            "EU27_2020,B-S_X_O_S94,EMP_LOC_NR,2021,10000,", "EU27_2020,C10,EMP_LOC_NR,2021,2000,",
            "EU27_2020,C29,EMP_LOC_NR,2021,1000,",
        ]
        let result = try BuiltinIndicatorHarness.compute(
            id, rows: rows,
            clusterYAML:
                "clusters:\n  - id: region\n    regions: [ES53]\n    sectors: [C29]\n    reference: EU27_2020\n",
            period: "2021")
        #expect(result.value.number == nil, "\(result.value)")
        #expect(
            result.value.missingReason
                == "no NACE division of the regions has a published employment for 2021 (confidential or absent)")
    }
}
