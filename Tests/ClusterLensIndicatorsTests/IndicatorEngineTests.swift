import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// The engine end to end: cluster definition, bundled indicator files, the store's fixture.
@Suite("Indicator engine")
struct IndicatorEngineTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let bundled = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Indicators").path

    static func engineAndCluster() throws -> (IndicatorEngine, ClusterDefinition, IndicatorCatalogue) {
        var store = ObservationStore()
        try store.load(file: testsFolder.appendingPathComponent("StoreFixtures/sbs_r_nuts2021.xml").path)
        let cluster = try #require(
            try ClusterDefinitionLoader.load(
                yaml: """
                    clusters:
                      - id: es51-automotive
                        name: Catalonia automotive
                        regions: [ES51]
                        sectors: [C29]
                        reference: ES5
                        peers: [ES52]
                    """, file: "clusters.yaml"
            ).first)
        return (IndicatorEngine(store: store), cluster, try IndicatorCatalogue(folders: [bundled]))
    }

    /// Hand-computed from the fixture (2021): cluster C29 in ES51 = 1 000 (C29 published; C292 is
    /// confidential but covered); ES51 all sectors 25 000; C29 in ES5 = 1 000 + (300 + 200) + (100 + 50)
    /// = 1 650 (ES52 and ES53 publish only the children); ES5 all sectors = 25 000 + 12 000 = 37 000.
    static let bundledExamples: [(String, Double, [String])] = [
        ("employment", 1000.0, [String]()),
        ("cluster_focus", 4.0, []),
        ("reference_share", 100 * 1000.0 / 1650, ["e"]),
        ("location_quotient", (1000.0 / 25000) / (1650.0 / 45000), ["e", "p"]),
        ("net_job_creation", 50.0, []),
        ("local_units", 40.0, []),
        ("average_unit_size", 25.0, []),
    ]

    @Test(
        "Each bundled indicator gives the hand-computed value with its flags",
        arguments: Self.bundledExamples)
    func bundledIndicatorsGiveHandComputedValues(_ id: String, _ expected: Double, _ flags: [String]) throws {
        let (engine, cluster, catalogue) = try Self.engineAndCluster()
        let indicator = try #require(catalogue.indicator(id))
        let result = engine.compute(indicator, for: cluster, period: try TimePeriod("2021"))
        let value = try #require(result.value.number, "\(result.value)")
        #expect(abs(value - expected) < 1e-9)
        #expect(result.value.flags.sorted() == flags)
        #expect(result.status == (flags.isEmpty ? .ok : .flagged))
        #expect(!result.provenance.isEmpty)
    }

    @Test func aMissingEarlierPeriodGivesAMissingGrowthRateWithTheReason() throws {
        let (engine, cluster, catalogue) = try Self.engineAndCluster()
        let indicator = try #require(catalogue.indicator("employment_cagr"))
        let result = engine.compute(indicator, for: cluster, period: nil)
        #expect(result.period?.lexical == "2021")  // the latest period the dataflow holds
        #expect(result.status == .missing)
        #expect(result.value.missingReason?.contains("2016") == true)
    }

    @Test(
        "Periods move by whole periods of their own frequency",
        arguments: [
            ("2021", -1, "2020"), ("2021-Q1", -1, "2020-Q4"), ("2021-M01", -1, "2020-M12"), ("2021-01", -13, "2019-12"),
            ("2021-S1", -1, "2020-S2"), ("2021-07-01", -1, "2021-06-30"), ("2020-Q4", 1, "2021-Q1"),
        ])
    func periodsShift(_ text: String, _ offset: Int, _ expected: String) throws {
        let shifted = try #require(PeriodArithmetic.shift(try TimePeriod(text), by: offset))
        #expect(shifted.lexical == expected)
    }
}
