import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

@Suite("Observation store: many series")
struct ObservationStoreScaleTests {
    /// 324 NUTS 2 regions × 24 divisions × 3 years, each value `100 × region number + division`.
    private static func writeGrid() throws -> String {
        var text = "dataflow,geo,nace_r2,indic_sbs,TIME_PERIOD,value\n"
        for region in Self.regions {
            for division in 10...33 {
                for year in 2019...2021 {
                    text += "grid,\(region.code),C\(division),EMP_LOC_NR,\(year),\(region.number * 100 + division)\n"
                }
            }
        }
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("clusterlens-store-grid-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static var regions: [(code: String, number: Int)] {
        var result: [(String, Int)] = []
        for country in ["DE", "FR", "IT", "ES"] {
            for first in 1...9 {
                for second in 1...9 { result.append(("\(country)\(first)\(second)", result.count)) }
            }
        }
        return result
    }

    @Test("sums over many clusters match the closed form")
    func sumsMatch() throws {
        let path = try Self.writeGrid()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var store = ObservationStore()
        let summary = try store.load(file: path)
        #expect(summary.observations == 324 * 24 * 3)
        let sectors = try SectorSet(parsing: ["C29", "C30"])
        let regions = Self.regions
        for index in stride(from: 0, to: regions.count, by: 7) {
            let region = regions[index]
            let result = store.value(
                dataflow: "grid", filters: ["indic_sbs": "EMP_LOC_NR"], sectors: sectors,
                regions: try RegionSet(parsing: [region.code]), period: try TimePeriod("2020"))
            #expect(result.number == Double(2 * region.number * 100 + 29 + 30))
        }
        // A NUTS 1 region adds up its NUTS 2 regions: Baden-Württemberg (DE1) is DE11 … DE14 in every
        // version; the grid's DE15 … DE19 are no part of it. Île-de-France (FR1) is FR10 alone, which the
        // grid lacks (it starts at FR11): not a sum of FR11 … FR19.
        let nuts1 = store.value(
            dataflow: "grid", filters: [:], sectors: try SectorSet(parsing: ["C29"]),
            regions: try RegionSet(parsing: ["DE1"]), period: try TimePeriod("2021"))
        let expected = regions.filter { ["DE11", "DE12", "DE13", "DE14"].contains($0.code) }
            .reduce(0) { $0 + $1.number * 100 + 29 }
        #expect(nuts1.number == Double(expected))
        #expect(nuts1.provenance.cells.count == 4)
        let paris = store.value(
            dataflow: "grid", filters: [:], sectors: try SectorSet(parsing: ["C29"]),
            regions: try RegionSet(parsing: ["FR1"]), period: try TimePeriod("2021"))
        #expect(
            paris.missingReason?.contains("has no observation for FR10") == true,
            "\(String(describing: paris.missingReason))")
    }
}
