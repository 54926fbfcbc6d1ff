import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// National accounts by industry downscaled to a cluster by its regional employment.
///
/// Cluster: ES51, sectors C29 and C22.2. Regional persons employed 2021: C29 40 000, C22.2 10 000.
/// National (ES): GHG C29 1 000 thousand t, C22 600 thousand t; persons employed (thousands) C29 160, C22 80;
/// value added (€ million) C29 10 000, C22 4 000; energy use C29 20 000 TJ, C22 6 000 TJ. C22.2 takes
/// the figures of C22, the finest national industry containing it.
///
/// - Estimated GHG = (1 000 000 / 160 × 40 000 + 600 000 / 80 × 10 000) / 1 000 = 325 000 t.
/// - Estimated value added = (10 000 / 160 × 40 000 + 4 000 / 80 × 10 000) / 1 000 = 3 000 € million.
/// - GHG intensity = 325 000 / 3 000 = 108.333… t per € million (C29 alone 100, C22 150).
/// - Energy = (20 000 / 160 × 40 000 + 6 000 / 80 × 10 000) / 1 000 = 5 750 TJ; intensity
///   5 750 / 3 000 = 1.91666… TJ per € million.
/// - Labour productivity = 3 000 € million / 50 000 persons = 60 000 € per person employed
///   (C29 62 500, C22 50 000, weighted 4 : 1).
@Suite("Downscaled indicators")
struct DownscaledIndicatorTests {
    static let cluster =
        "clusters:\n  - id: es51\n    regions: [ES51]\n    sectors: [C29, C22.2]\n    reference: EU27_2020\n"

    static func data(ghgC22: String = "600,") -> [String: [String]] {
        [
            "sbs_r_nuts2021": [
                "geo,nace_r2,indic_sbs,time,value,flag",
                "ES51,C29,EMP_LOC_NR,2021,40000,", "ES51,C222,EMP_LOC_NR,2021,10000,e",
                "ES51,C20,EMP_LOC_NR,2021,5000,", "ES52,C29,EMP_LOC_NR,2021,7000,",
            ],
            "env_ac_ainah_r2": [
                "geo,nace_r2,airpol,unit,time,value,flag",
                "ES,C29,GHG,THS_T,2021,1000,", "ES,C22,GHG,THS_T,2021,\(ghgC22)", "ES,C20,GHG,THS_T,2021,9000,",
                "ES,C29,CO2,THS_T,2021,900,", "ES,C29,GHG,KG_HAB,2021,21,", "FR,C22,GHG,THS_T,2021,1,",
            ],
            "nama_10_a64_e": [
                "geo,nace_r2,na_item,unit,time,value,flag",
                "ES,C29,EMP_DC,THS_PER,2021,160,", "ES,C22,EMP_DC,THS_PER,2021,80,",
                "ES,C20,EMP_DC,THS_PER,2021,30,",
            ],
            "nama_10_a64": [
                "geo,nace_r2,na_item,unit,time,value,flag",
                "ES,C29,B1G,CP_MEUR,2021,10000,", "ES,C22,B1G,CP_MEUR,2021,4000,p",
                "ES,C29,B1G,CLV10_MEUR,2021,9000,",
            ],
            "env_ac_pefasu": [
                "geo,nace_r2,stk_flow,prod_nrg,unit,time,value,flag",
                "ES,C29,ER_USE,P00,TJ,2021,20000,", "ES,C22,ER_USE,P00,TJ,2021,6000,",
                "ES,C29,USE,P26,TJ,2021,3000,",
            ],
        ]
    }

    static let examples: [(String, Double)] = [
        ("ghg_intensity", 325_000.0 / 3_000), ("ghg_emissions_estimated", 325_000),
        ("energy_intensity", 5_750.0 / 3_000), ("labour_productivity", 60_000),
    ]

    @Test(
        "Each downscaled indicator gives the hand-computed value, flagged modelled",
        arguments: Self.examples)
    func workedExample(_ id: String, _ expected: Double) throws {
        let result = try BuiltinIndicatorHarness.compute(
            id, data: Self.data(), clusterYAML: Self.cluster, period: "2021")
        let value = try #require(result.value.number, "\(result.value)")
        #expect(abs(value - expected) < 1e-9 * expected)
        #expect(result.value.flags.contains(DownscaledIndicator.modelledFlag))
        #expect(result.value.flags.contains("e"), "the estimated regional C22.2 figure is carried")
        #expect(result.indicator.pillar == (id == "labour_productivity" ? .economic : .environmental))
    }

    @Test func aConfidentialNationalFigureMakesTheValueMissing() throws {
        let result = try BuiltinIndicatorHarness.compute(
            "ghg_intensity", data: Self.data(ghgC22: ":,c"), clusterYAML: Self.cluster, period: "2021")
        #expect(result.value.isMissing)
        #expect(result.value.flags.contains("c"))
        #expect(result.value.missingReason?.contains("C22@ES 2021: confidential") == true, "\(result.value)")
    }

    @Test func theFinestNationalIndustryContainingTheSectorIsUsed() throws {
        let codes = try ["C", "C10-C12", "C11", "C22", "C29"].map { try NACECode($0) }
        #expect(DownscaledIndicator.finest(containing: try NACECode("C11.0"), among: codes)?.code == "C11")
        #expect(DownscaledIndicator.finest(containing: try NACECode("C10"), among: codes)?.code == "C10-C12")
        #expect(DownscaledIndicator.finest(containing: try NACECode("C30"), among: codes)?.code == "C")
        #expect(DownscaledIndicator.finest(containing: try NACECode("F41"), among: codes) == nil)
    }
}
