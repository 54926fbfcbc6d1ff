import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// One hand-computed worked example per indicator file of the library's regional, social and
/// environmental part (the cluster is ES51 × C29 with reference EU27_2020 unless a case says
/// otherwise). Each table is a tidy CSV of the dataflow the file binds to, with distractor rows
/// (another region, another unit) that a correct binding leaves out.
@Suite("Library worked examples")
struct LibraryWorkedExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var id: String
        var period = "2021"
        var data: [String: [String]]
        var expected: Double
        var flags: Set<String> = []
        var cluster = BuiltinIndicatorHarness.catalonia

        var testDescription: String { id }
    }

    static let twoRegions = "clusters:\n  - id: es5\n    regions: [ES51, ES52]\n    sectors: [C29]\n    reference: ES\n"

    /// A region-level table: `geo,<dimensions>,time,value,flag` with rows `region,<codes>,value[,flag]`
    /// (a last field of lower-case letters is the flag).
    static func table(_ dimensions: String, _ rows: [String], period: String = "2021") -> [String] {
        ["geo,\(dimensions),time,value,flag"]
            + rows.map { row in
                var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let last = fields.last ?? ""
                let isFlag = !last.isEmpty && last.allSatisfy { $0.isLowercase }
                let flag = isFlag ? fields.removeLast() : ""
                let value = fields.removeLast()
                return (fields + [period, value, flag]).joined(separator: ",")
            }
    }

    static let cases: [Case] = [
        // (1 276.2815625 / 1 000)^(1/5) − 1 = 5 % per year; 2016 comes from the older dataflow, so the
        // rate crosses a series break and is flagged b.
        Case(
            id: "employment_cagr",
            data: [
                "sbs_r_nuts06_r2": table("nace_r2,indic_sb", ["ES51,C29,V16110,1000"], period: "2016"),
                "sbs_r_nuts2021": table("nace_r2,indic_sbs", ["ES51,C29,EMP_LOC_NR,1276.2815625"]),
            ], expected: 5, flags: ["b"]),
        // 1 200 € million / 30 000 persons employed = 40 000 € (2020, the older regional SBS).
        Case(
            id: "average_wage", period: "2020",
            data: [
                "sbs_r_nuts06_r2": table(
                    "nace_r2,indic_sb", ["ES51,C29,V13320,1200,e", "ES51,C29,V16110,30000", "ES51,C20,V16110,32000"],
                    period: "2020")
            ], expected: 40_000, flags: ["e"]),
        // 1 500 € million / 36 000 persons employed = 41 666.67 € (2021, sbs_r_nuts2021).
        Case(
            id: "average_wage",
            data: [
                "sbs_r_nuts2021": table(
                    "nace_r2,indic_sbs",
                    ["ES51,C29,WAGE_LOC_MEUR,1500", "ES51,C29,EMP_LOC_NR,36000", "ES51,C29,LOC_NR,70"])
            ], expected: 1.5e9 / 36_000),
        // (1 200 / 30 000) / (20 000 / 800 000) = 40 000 / 25 000 = 1.6.
        Case(
            id: "relative_wage", period: "2020",
            data: [
                "sbs_r_nuts06_r2": table(
                    "nace_r2,indic_sb",
                    [
                        "ES51,C29,V13320,1200", "ES51,C29,V16110,30000", "ES51,B-N_S95_X_K,V13320,20000",
                        "ES51,B-N_S95_X_K,V16110,800000",
                    ], period: "2020")
            ], expected: 1.6),
        // Business demography is published by NUTS 3 region for the business economy (B-S_X_K642) and
        // NACE sections: the four NUTS 3 regions of ES51 add up, (30 + 20 + 5 + 10) births /
        // (400 + 600 + 100 + 200) active = 65 / 1 300 = 5 %; the section C and ES521 rows are not read.
        Case(
            id: "enterprise_birth_rate", period: "2020",
            data: [
                "bd_hgnace2_r3": table(
                    "nace_r2,indic_sb",
                    [
                        "ES511,B-S_X_K642,V11920,30", "ES512,B-S_X_K642,V11920,20", "ES513,B-S_X_K642,V11920,5",
                        "ES514,B-S_X_K642,V11920,10", "ES511,B-S_X_K642,V11910,400", "ES512,B-S_X_K642,V11910,600",
                        "ES513,B-S_X_K642,V11910,100", "ES514,B-S_X_K642,V11910,200", "ES511,C,V11920,7",
                        "ES521,B-S_X_K642,V11920,99",
                    ], period: "2020")
            ], expected: 5),
        // (12 + 3 + 2 + 3) high-growth enterprises / (240 + 60 + 40 + 60) active enterprises = 20 / 400 = 5 %.
        Case(
            id: "high_growth_share", period: "2020",
            data: [
                "bd_hgnace2_r3": table(
                    "nace_r2,indic_sb",
                    [
                        "ES511,B-S_X_K642,V11960,12", "ES512,B-S_X_K642,V11960,3", "ES513,B-S_X_K642,V11960,2",
                        "ES514,B-S_X_K642,V11960,3", "ES511,B-S_X_K642,V11910,240", "ES512,B-S_X_K642,V11910,60",
                        "ES513,B-S_X_K642,V11910,40", "ES514,B-S_X_K642,V11910,60",
                    ], period: "2020")
            ], expected: 5),
        // GERD 3 000 / GDP 240 000 € million = 1.25 % (the published 1.3 % is only the fallback).
        Case(
            id: "rd_intensity",
            data: [
                "rd_e_gerdreg": table(
                    "sectperf,unit", ["ES51,TOTAL,MIO_EUR,3000", "ES51,TOTAL,PC_GDP,1.3", "ES51,BES,MIO_EUR,1800"]),
                "nama_10r_2gdp": table("unit", ["ES51,MIO_EUR,240000", "ES51,PPS_EU27_2020_HAB,31000"]),
            ], expected: 1.25),
        // Without GDP, one region: the published percentage.
        Case(
            id: "rd_intensity",
            data: ["rd_e_gerdreg": table("sectperf,unit", ["ES51,TOTAL,MIO_EUR,3000", "ES51,TOTAL,PC_GDP,1.3,p"])],
            expected: 1.3, flags: ["p"]),
        // Two regions add their money amounts: (3 000 + 600) / (240 000 + 60 000) = 1.2 %.
        Case(
            id: "rd_intensity",
            data: [
                "rd_e_gerdreg": table("sectperf,unit", ["ES51,TOTAL,MIO_EUR,3000", "ES52,TOTAL,MIO_EUR,600"]),
                "nama_10r_2gdp": table("unit", ["ES51,MIO_EUR,240000", "ES52,MIO_EUR,60000"]),
            ], expected: 1.2, cluster: twoRegions),
        // 180 / 3 600 thousand persons = 5 %: the sector filter (HTC) makes the input regional.
        Case(
            id: "high_tech_employment",
            data: [
                "htec_emp_reg2": table(
                    "nace_r2,sex,unit",
                    [
                        "ES51,HTC,T,THS,180", "ES51,TOTAL,T,THS,3600", "ES51,HTC,T,PC_EMP,4.9", "ES51,KIS,T,THS,1440",
                        "ES51,HTC,F,THS,60",
                    ])
            ], expected: 5),
        // 1 440 / 3 600 = 40 %.
        Case(
            id: "knowledge_intensive_employment",
            data: ["htec_emp_reg2": table("nace_r2,sex,unit", ["ES51,KIS,T,THS,1440", "ES51,TOTAL,T,THS,3600"])],
            expected: 40),
        // 250 000 PPS million / 8 000 thousand inhabitants = 31 250 PPS per inhabitant.
        Case(
            id: "gdp_per_inhabitant",
            data: [
                "nama_10r_2gdp": table("unit", ["ES51,MIO_PPS_EU27_2020,250000", "ES51,PPS_EU27_2020_HAB,30000"]),
                "nama_10r_3popgdp": table("unit", ["ES51,THS,8000"]),
            ], expected: 31_250),
        // 3 000 employed / 4 000 population (thousands) = 75 %.
        Case(
            id: "employment_rate",
            data: [
                "lfst_r_lfe2emp": table("sex,age", ["ES51,T,Y20-64,3000", "ES51,F,Y20-64,1400", "ES51,T,Y15-64,3100"]),
                "lfst_r_lfsd2pop": table("sex,age,isced11", ["ES51,T,Y20-64,TOTAL,4000", "ES51,T,Y20-64,ED5-8,1500"]),
            ], expected: 75),
        // 350 unemployed / 3 500 active = 10 %.
        Case(
            id: "unemployment_rate",
            data: [
                "lfst_r_lfu3pers": table("sex,age,isced11", ["ES51,T,Y15-74,TOTAL,350", "ES51,T,Y15-74,ED0-2,150"]),
                "lfst_r_lfp2act": table("sex,age", ["ES51,T,Y15-74,3500"]),
            ], expected: 10),
        // 140 long-term unemployed / 3 500 active = 4 %.
        Case(
            id: "long_term_unemployment",
            data: [
                "lfst_r_lfu2ltu": table(
                    "sex,age,isced11,unit", ["ES51,T,Y15-74,TOTAL,THS,140", "ES51,T,Y15-74,TOTAL,PC_ACT,4.1"]),
                "lfst_r_lfp2act": table("sex,age", ["ES51,T,Y15-74,3500"]),
            ], expected: 4),
        // Men 1 600 / 2 000 = 80 %, women 1 400 / 2 000 = 70 %: gap 10 points.
        Case(
            id: "gender_employment_gap",
            data: [
                "lfst_r_lfe2emp": table("sex,age", ["ES51,M,Y20-64,1600", "ES51,F,Y20-64,1400"]),
                "lfst_r_lfsd2pop": table(
                    "sex,age,isced11", ["ES51,M,Y20-64,TOTAL,2000", "ES51,F,Y20-64,TOTAL,2000"]),
            ], expected: 10),
        // Only the published rates: 79.5 − 68.0 = 11.5 points, with the estimate flag carried.
        Case(
            id: "gender_employment_gap",
            data: [
                "lfst_r_lfe2emprt": table("sex,age,unit", ["ES51,M,Y20-64,PC,79.5", "ES51,F,Y20-64,PC,68.0,e"])
            ], expected: 11.5, flags: ["e"]),
        Case(
            id: "neet_rate",
            data: [
                "edat_lfse_22": table(
                    "sex,age,training,wstatus,unit",
                    [
                        "ES51,T,Y15-29,NO_FE_NO_NFE,NEMP,PC,12.5,b", "ES51,T,Y18-24,NO_FE_NO_NFE,NEMP,PC,11.0",
                        "ES51,T,Y15-29,NO_FE_NO_NFE,POP,PC,19.0", "ES52,T,Y15-29,NO_FE_NO_NFE,NEMP,PC,15.1",
                    ])
            ], expected: 12.5, flags: ["b"]),
        Case(
            id: "tertiary_attainment",
            data: ["edat_lfse_04": table("sex,age,isced11,unit", ["ES51,T,Y25-64,ED5-8,PC,38.2"])], expected: 38.2),
        Case(
            id: "adult_learning", data: ["trng_lfse_04": table("sex,age,unit", ["ES51,T,Y25-64,PC,14.9"])],
            expected: 14.9),
        Case(
            id: "early_leavers", data: ["edat_lfse_16": table("sex,age,unit", ["ES51,T,Y18-24,PC,13.1,u"])],
            expected: 13.1, flags: ["u"]),
        Case(
            id: "poverty_or_exclusion_rate", data: ["ilc_peps11n": table("unit", ["ES51,PC,19.4", "ES51,THS,1500"])],
            expected: 19.4),
        Case(
            id: "life_expectancy", data: ["demo_r_mlifexp": table("sex,age,unit", ["ES51,T,Y_LT1,YR,84.1"])],
            expected: 84.1),
        Case(
            id: "broadband_households",
            data: ["isoc_r_broad_h": table("unit", ["ES51,PC_HH,93"])], expected: 93),
        // 150 000 PPS million / 8 000 thousand inhabitants = 18 750.
        Case(
            id: "disposable_income",
            data: [
                "nama_10r_2hhinc": table("na_item,direct,unit", ["ES51,B6N,BAL,MIO_PPS_EU27_2020,150000"]),
                "nama_10r_3popgdp": table("unit", ["ES51,THS,8000"]),
            ], expected: 18_750),
        // 3 600 thousand t / 8 000 thousand inhabitants = 450 kg per inhabitant.
        Case(
            id: "municipal_waste",
            data: [
                "env_rwas_gen": table("wst_oper,unit", ["ES51,GEN,THS_T,3600", "ES51,GEN,KG_HAB,455"]),
                "nama_10r_3popgdp": table("unit", ["ES51,THS,8000"]),
            ], expected: 450),
        // National figures: the country of ES51 is ES.
        Case(
            id: "renewable_energy_share",
            data: ["nrg_ind_ren": table("nrg_bal,unit", ["ES,REN,PC,22.1", "FR,REN,PC,22.3", "ES,REN_TRA,PC,9.6"])],
            expected: 22.1),
        Case(
            id: "municipal_recycling_rate", data: ["cei_wm011": table("wst_oper,unit", ["ES,RCY,PC,40.2,e"])],
            expected: 40.2, flags: ["e"]),
        Case(id: "circular_material_use", data: ["cei_srm030": table("unit", ["ES,PC,8.5"])], expected: 8.5),
    ]

    @Test("Each indicator gives its hand-computed value and carries its input flags", arguments: cases)
    func workedExample(_ example: Case) throws {
        let result = try BuiltinIndicatorHarness.compute(
            example.id, data: example.data, clusterYAML: example.cluster, period: example.period)
        let value = try #require(result.value.number, "\(example.id): \(result.value)")
        #expect(abs(value - example.expected) < 1e-9 * max(1, abs(example.expected)), "\(example.id)")
        #expect(result.value.flags == example.flags, "\(example.id)")
        #expect(!result.provenance.flatMap(\.inputs).isEmpty, "\(example.id) records its inputs")
    }

    /// A published rate is never added across regions: a two-region cluster without counts is missing,
    /// with a reason that says why and what to bind instead.
    @Test func aRateIsNotAddedAcrossRegions() throws {
        let result = try BuiltinIndicatorHarness.compute(
            "neet_rate",
            data: [
                "edat_lfse_22": Self.table(
                    "sex,age,training,wstatus,unit",
                    ["ES51,T,Y15-29,NO_FE_NO_NFE,NEMP,PC,12.5", "ES52,T,Y15-29,NO_FE_NO_NFE,NEMP,PC,15.1"])
            ], clusterYAML: Self.twoRegions, period: "2021")
        #expect(result.value.isMissing)
        let reason = result.value.missingReason ?? ""
        #expect(reason.contains("not additive") && reason.contains("2 cells"), "\(reason)")
    }

    /// Without a period the engine takes the latest one with a value: GDP reaches 2022 but R&D only
    /// 2021, so R&D intensity is computed for 2021 (3 000 / 250 000 = 1.2 %).
    @Test func withoutAPeriodTheLatestPeriodWithAValueIsTaken() throws {
        let result = try BuiltinIndicatorHarness.compute(
            "rd_intensity",
            data: [
                "rd_e_gerdreg": Self.table("sectperf,unit", ["ES51,TOTAL,MIO_EUR,3000"]),
                "nama_10r_2gdp": Self.table("unit", ["ES51,MIO_EUR,250000"])
                    + Self.table("unit", ["ES51,MIO_EUR,262000"], period: "2022").dropFirst(),
            ], period: nil)
        #expect(result.period?.lexical == "2021")
        #expect(abs((result.value.number ?? 0) - 1.2) < 1e-12, "\(result.value)")
    }

    /// National scopes need the cluster's regions in one country.
    @Test func aNationalFigureNeedsOneCountry() throws {
        let result = try BuiltinIndicatorHarness.compute(
            "renewable_energy_share",
            data: ["nrg_ind_ren": Self.table("nrg_bal,unit", ["ES,REN,PC,22.1", "FR,REN,PC,22.3"])],
            clusterYAML:
                "clusters:\n  - id: x\n    regions: [ES51, FRK2]\n    sectors: [C29]\n    reference: EU27_2020\n",
            period: "2021")
        #expect(result.value.missingReason?.contains("do not lie in one country") == true, "\(result.value)")
    }

    /// A missing input stays missing: without population, municipal waste of two regions has no value.
    @Test func aMissingDenominatorIsNeverZero() throws {
        let result = try BuiltinIndicatorHarness.compute(
            "municipal_waste",
            data: [
                "env_rwas_gen": Self.table("wst_oper,unit", ["ES51,GEN,THS_T,3600", "ES52,GEN,THS_T,900"]),
                "nama_10r_3popgdp": Self.table("unit", ["ES51,THS,8000", "ES52,THS,:,c"]),
            ], clusterYAML: Self.twoRegions, period: "2021")
        #expect(result.value.isMissing)
        #expect(result.value.flags.contains("c"))
    }
}
