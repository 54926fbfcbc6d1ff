import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// Employment volatility on hand-made series of C29 in ES51.
///
/// Levels 2016–2021: 1 000, 1 100, 1 155, 1 097.25, 1 152.1125, 1 152.1125, so the growth rates are
/// +10, +5, −5, +5 and 0 %: mean 3, squared deviations 49 + 4 + 64 + 4 + 9 = 130, sample variance
/// 130 / 4 = 32.5, standard deviation √32.5 = 5.700877…
@Suite("Employment volatility")
struct VolatilityIndicatorTests {
    static let levels: [(year: Int, value: String)] = [
        (2016, "1000"), (2017, "1100"), (2018, "1155"), (2019, "1097.25"), (2020, "1152.1125"), (2021, "1152.1125"),
    ]

    /// 2016–2020 from the old regional SBS, 2021 from the new one: the 2020→2021 rate crosses a break.
    static func data(confidential year: Int? = nil) -> [String: [String]] {
        var old = ["geo,nace_r2,indic_sb,time,value,flag"]
        var new = ["geo,nace_r2,indic_sbs,time,value,flag"]
        for (levelYear, value) in levels {
            let cell = levelYear == year ? ":,c" : "\(value),"
            if levelYear <= 2020 {
                old.append("ES51,C29,V16110,\(levelYear),\(cell)")
            } else {
                new.append("ES51,C29,EMP_LOC_NR,\(levelYear),\(cell)")
            }
        }
        return ["sbs_r_nuts06_r2": old, "sbs_r_nuts2021": new]
    }

    @Test func fiveGrowthRatesGiveTheSampleStandardDeviation() throws {
        let result = try BuiltinIndicatorHarness.compute("employment_volatility", data: Self.data(), period: "2021")
        let value = try #require(result.value.number, "\(result.value)")
        #expect(abs(value - 32.5.squareRoot()) < 1e-9)
        #expect(result.value.flags == [FormulaValue.seriesBreakFlag])
        #expect(result.indicator.unit == "percentage points")
        #expect(result.indicator.direction == .lower)
    }

    /// 2018 confidential: the rates of 2018 and 2019 drop out; 10, 5 and 0 remain: mean 5, variance
    /// (25 + 0 + 25) / 2 = 25, standard deviation 5, flagged incomplete and confidential.
    @Test func aConfidentialYearLeavesOutItsRatesAndFlagsTheValue() throws {
        let result = try BuiltinIndicatorHarness.compute(
            "employment_volatility", data: Self.data(confidential: 2018), period: "2021")
        let value = try #require(result.value.number, "\(result.value)")
        #expect(abs(value - 5) < 1e-9)
        #expect(result.value.flags.contains(StructureIndicator.incompleteFlag))
    }

    /// With data from 2019 only, two rates remain: fewer than three is missing, with the reason.
    @Test func tooFewRatesAreMissingWithTheReason() throws {
        var data = Self.data()
        data["sbs_r_nuts06_r2"] = data["sbs_r_nuts06_r2"]?.filter { !$0.contains(",2016,") && !$0.contains(",2017,") }
        data["sbs_r_nuts06_r2"] = data["sbs_r_nuts06_r2"]?.filter { !$0.contains(",2018,") }
        let result = try BuiltinIndicatorHarness.compute("employment_volatility", data: data, period: "2021")
        #expect(result.value.isMissing)
        #expect(result.value.missingReason?.contains("only 2 of 5 annual growth rates") == true)
    }
}
