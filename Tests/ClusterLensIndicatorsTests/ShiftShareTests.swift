import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// Shift-share: the METHODS A2 worked example, the Esteban-Marquillas split, and end to end.
@Suite("Shift-share")
struct ShiftShareTests {
    /// A2: industry 1 10,000 → 11,000, industry 2 5,000 → 4,800; reference growth all +5 %,
    /// industry 1 +8 %, industry 2 −2 % → NS 750, IM −50, RS 100 (sum 800 = 15,800 − 15,000).
    static let example = [
        ShiftShare.Industry(regional: (10_000, 11_000), reference: (100, 108)),
        ShiftShare.Industry(regional: (5_000, 4_800), reference: (100, 98)),
    ]

    @Test func theWorkedExampleGivesNationalShareIndustryMixAndRegionalShare() throws {
        let result = try #require(ShiftShare.decompose(Self.example, referenceTotal: (1_000, 1_050)))
        #expect(abs(result.nationalShare - 750) < 1e-9)
        #expect(abs(result.industryMix - -50) < 1e-9)
        #expect(abs(result.regionalShare - 100) < 1e-9)
        #expect(result.competitiveEffect == nil)
    }

    /// With E_r,0 = 100,000 and E_N,0 = 1,000, both homothetic employments are 10,000: competitive
    /// 10,000 × 0.02 + 10,000 × (−0.02) = 0, allocation 0 × 0.02 + (−5,000) × (−0.02) = 100 = RS.
    @Test func theEstebanMarquillasSplitAddsUpToTheRegionalShare() throws {
        let result = try #require(
            ShiftShare.decompose(Self.example, referenceTotal: (1_000, 1_050), regionTotalStart: 100_000))
        #expect(abs((result.competitiveEffect ?? .nan) - 0) < 1e-9)
        #expect(abs((result.allocationEffect ?? .nan) - 100) < 1e-9)
    }

    @Test func aZeroStartValueGivesNoDecomposition() {
        #expect(ShiftShare.decompose(Self.example, referenceTotal: (0, 10)) == nil)
    }

    /// The worked example from a data file; with E_r,0 = 100,000 (ES51, all sectors) the Esteban-Marquillas
    /// split is the one above: competitive 0, allocation 100.
    static let dataExamples: [(String, Double)] = [
        ("shift_share_national", 750.0), ("shift_share_industry_mix", -50.0), ("shift_share_regional", 100.0),
        ("shift_share_competitive", 0.0), ("shift_share_allocation", 100.0),
    ]

    @Test(
        "The compiled indicators give the worked example from a data file",
        arguments: Self.dataExamples)
    func compiledIndicatorsFromData(_ id: String, _ expected: Double) throws {
        // 2015 → 2020 is sbs_r_nuts06_r2's span (persons employed V16110, total B-N_S95_X_K).
        let rows = [
            "geo,nace_r2,indic_sb,time,value",
            "ES51,C29,V16110,2015,10000", "ES51,C29,V16110,2020,11000",
            "ES51,C30,V16110,2015,5000", "ES51,C30,V16110,2020,4800",
            "ES51,B-N_S95_X_K,V16110,2015,100000", "ES51,B-N_S95_X_K,V16110,2020,101000",
            "EU27_2020,C29,V16110,2015,100", "EU27_2020,C29,V16110,2020,108",
            "EU27_2020,C30,V16110,2015,100", "EU27_2020,C30,V16110,2020,98",
            "EU27_2020,B-N_S95_X_K,V16110,2015,1000", "EU27_2020,B-N_S95_X_K,V16110,2020,1050",
        ]
        let result = try BuiltinIndicatorHarness.compute(
            id, data: ["sbs_r_nuts06_r2": rows],
            clusterYAML:
                "clusters:\n  - id: transport\n    regions: [ES51]\n    sectors: [C29, C30]\n    reference: EU27_2020\n",
            period: "2020")
        let value = try #require(result.value.number, "\(result.value)")
        #expect(abs(value - expected) < 1e-6)
        #expect(!result.provenance.isEmpty)
    }
}
