import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensScoring
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensReports

/// The demo data follow Eurostat's real shapes, so that a test that passes on them would pass on a real
/// download: the codes the bindings read exist, the dataflows' own totals (never `TOTAL` in SBS), the
/// NUTS levels and NACE aggregates each dataflow is published at, and the 2020/2021 series break.
@Suite("Demo data shapes")
struct DemoDataShapeTests {
    static let store: ObservationStore? = {
        let folder = ReportFixtures.root.appendingPathComponent("Reports/demo/data").path
        var store = ObservationStore()
        for file in DataFiles.expand(folder) {
            guard (try? store.load(file: file)) != nil else { return nil }
        }
        return store
    }()

    /// The distinct codes of one dimension in one dataflow.
    static func codes(_ dimension: String, in dataflow: String) -> Set<String> {
        Set((store?.observations(dataflow: dataflow) ?? []).compactMap { $0.code(dimension) })
    }

    @Test("every binding of the library reads codes the demo data hold, totals included")
    func bindingsFindTheirCodes() throws {
        let store = try #require(Self.store)
        let catalogue = try IndicatorCatalogue.standard()
        var problems: [String] = []
        for indicator in catalogue.indicators {
            for input in indicator.definition.inputs {
                for binding in input.bindings {
                    guard let dataflow = binding.dataflow else { continue }
                    guard store.dataflows.contains(DataflowID.normalised(dataflow)) else {
                        problems.append("\(indicator.definition.id): no demo data for \(dataflow)")
                        continue
                    }
                    for filter in binding.filters
                    where !Self.codes(filter.dimension, in: dataflow).contains(filter.code) {
                        problems.append(
                            "\(indicator.definition.id): \(dataflow) has no \(filter.dimension)=\(filter.code)")
                    }
                    if let total = binding.total, !Self.codes("nace_r2", in: dataflow).contains(total) {
                        problems.append("\(indicator.definition.id): \(dataflow) has no total \(total)")
                    }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("regional SBS uses each series' own business-economy total and the 2020/2021 break")
    func structuralBusinessStatistics() throws {
        #expect(!Self.codes("nace_r2", in: "sbs_r_nuts2021").contains("TOTAL"))
        #expect(!Self.codes("nace_r2", in: "sbs_r_nuts06_r2").contains("TOTAL"))
        #expect(Self.codes("nace_r2", in: "sbs_r_nuts2021").contains("B-S_X_O_S94"))
        #expect(Self.codes("nace_r2", in: "sbs_r_nuts06_r2").contains("B-N_S95_X_K"))
        let store = try #require(Self.store)
        #expect(store.periods(dataflow: "sbs_r_nuts06_r2").compactMap(\.calendarYear).max() == 2020)
        #expect(store.periods(dataflow: "sbs_r_nuts2021").compactMap(\.calendarYear).min() == 2021)
    }

    @Test("business demography is by NUTS 3 region for sections and aggregates only")
    func businessDemography() throws {
        for dataflow in ["bd_hgnace2_r3", "bd_hgnace_r"] {
            let regions = Self.codes("geo", in: dataflow)
            #expect(!regions.isEmpty)
            #expect(regions.allSatisfy { (try? NUTSCode($0))?.level == 3 }, "\(dataflow): \(regions.sorted())")
            let sectors = Self.codes("nace_r2", in: dataflow)
            let allowed: Set<String> = [
                "B-S_X_K642", "B-E", "F", "G", "H", "I", "J", "K_L_X_K642", "M_N", "P_Q", "R_S",
            ]
            #expect(sectors.isSubset(of: allowed), "\(dataflow): \(sectors.subtracting(allowed).sorted())")
        }
    }

    @Test("national accounts, air emissions, energy, renewables, recycling and circular use hold countries only")
    func nationalOnlyFlows() {
        for dataflow in [
            "nama_10_a64", "nama_10_a64_e", "env_ac_ainah_r2", "env_ac_pefasu", "nrg_ind_ren", "cei_wm011",
            "cei_srm030",
        ] {
            let regions = Self.codes("geo", in: dataflow)
            #expect(!regions.isEmpty)
            #expect(
                regions.allSatisfy { $0 == "EU27_2020" || (try? NUTSCode($0))?.level == 0 },
                "\(dataflow): \(regions.sorted())")
        }
    }
}
