import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// The store's fixtures: the same synthetic `sbs_r_nuts2021` data as SDMX-ML, SDMX-CSV and tidy CSV.
enum StoreFixture: String, CaseIterable, Sendable {
    case sdmxML = "sbs_r_nuts2021.xml"
    case sdmxCSV = "sbs_r_nuts2021.csv"
    case tidyCSV = "sbs_r_nuts2021-tidy.csv"

    /// The fixture's path, found beside this source file (not through bundle resources).
    var path: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("StoreFixtures").appendingPathComponent(rawValue).path
    }

    /// The SHA-256 of the fixture, as `sha256sum` prints it.
    var sha256: String {
        switch self {
        case .sdmxML: "57bdd27b2ed0674b938a2c8bcfab187d7bb7c0a31258dfdc4584b1d5988b9fcd"
        case .sdmxCSV: "af378f6cc59ea42cf4a31b7eb91592f19b280cca5e84ae8a675807b90a0bc660"
        case .tidyCSV: "4d66fd6d305c939dcc3b4ac4fb35ec4299dd9c718294b12cb897ad460602145f"
        }
    }

    /// A store holding only this fixture (the tidy CSV names its dataflow on loading).
    func store() throws -> ObservationStore {
        var store = ObservationStore()
        try store.load(file: path, dataflow: self == .tidyCSV ? "sbs_r_nuts2021" : nil)
        return store
    }
}

/// Shorthands for the queries of the tests.
extension ObservationStore {
    func employment(_ sectors: [String]?, _ regions: [String], _ year: String) throws -> AggregatedValue {
        value(
            dataflow: "ESTAT:SBS_R_NUTS2021(1.0)", filters: ["indic_sbs": "EMP_LOC_NR"],
            sectors: try sectors.map { try SectorSet(parsing: $0) }, regions: try RegionSet(parsing: regions),
            period: try TimePeriod(year))
    }
}

@Suite("Observation store")
struct ObservationStoreTests {
    @Test("dataflow references normalise to the lower-case id")
    func dataflowIDsNormalise() {
        for text in [
            "ESTAT:SBS_R_NUTS2021(1.0)", "SBS_R_NUTS2021", "sbs_r_nuts2021", " ESTAT:sbs_r_nuts2021 ",
            "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=ESTAT:SBS_R_NUTS2021(1.0)",
        ] {
            #expect(DataflowID.normalised(text) == "sbs_r_nuts2021")
        }
    }

    @Test("each format is sniffed from the content and every observation is stored", arguments: StoreFixture.allCases)
    func loadsEveryFormat(_ fixture: StoreFixture) throws {
        var store = ObservationStore()
        let summary = try store.load(file: fixture.path, dataflow: fixture == .tidyCSV ? "SBS_R_NUTS2021" : nil)
        let expected: DataSource.Format =
            switch fixture {
            case .sdmxML: .sdmxML
            case .sdmxCSV: .sdmxCSV
            case .tidyCSV: .tidyCSV
            }
        #expect(summary.source.format == expected)
        #expect(summary.source.sha256 == fixture.sha256)
        #expect(summary.dataflows == ["sbs_r_nuts2021"])
        #expect(summary.observations == 17)
        #expect(summary.skipped == 0)
        #expect(store.count == 17)
        #expect(store.dataflows == ["sbs_r_nuts2021"])
        #expect(store.sources == [summary.source])
        let confidential = store.observations(dataflow: "sbs_r_nuts2021").filter(\.isConfidential)
        #expect(confidential.count == 3)
        #expect(confidential.allSatisfy { $0.value.number == nil })
    }

    @Test("cluster C29 in ES51 in 2021 is the division total, its confidential child covered")
    func clusterC29InES51() throws {
        let store = try StoreFixture.sdmxML.store()
        let result = try store.employment(["C29"], ["ES51"], "2021")
        #expect(result.number == 1000)
        #expect(result.flags.isEmpty)
        #expect(result.provenance.cells.map(\.description) == ["C29@ES51"])
        #expect(result.provenance.seriesKeys == ["freq=A,geo=ES51,indic_sbs=EMP_LOC_NR,nace_r2=C29"])
        #expect(result.provenance.periods.map(\.lexical) == ["2021"])
        #expect(result.provenance.coveredMissing.count == 1)
        #expect(result.provenance.coveredMissing.first?.hasPrefix("C292@ES51 2021: confidential") == true)
    }

    @Test("a parent and its children are counted once: the parent wins, children fill regions without it")
    func countsEachEmployeeOnce() throws {
        let store = try StoreFixture.sdmxML.store()
        // ES51 2020 has C29 = 950 and its children 560 (e) + 390: the parent alone, not 1900.
        let parentOnly = try store.employment(["C29"], ["ES51"], "2020")
        #expect(parentOnly.number == 950)
        #expect(parentOnly.flags.isEmpty)
        // ES52 has no C29: its children 300 (e) + 200 stand in; ES51 contributes its C29 = 1000.
        let twoRegions = try store.employment(["C29"], ["ES51", "ES52"], "2021")
        #expect(twoRegions.number == 1500)
        #expect(twoRegions.flags == ["e"])
        #expect(twoRegions.provenance.cells.map(\.description) == ["C29@ES51", "C291@ES52", "C292@ES52"])
        // ES53's C29 is confidential; its children 100 + 50 are available and stand for it.
        let fallThrough = try store.employment(["C29.1", "C29.2"], ["ES53"], "2021")
        #expect(fallThrough.number == 150)
        let parentConfidential = try store.employment(["C29"], ["ES53"], "2021")
        #expect(parentConfidential.number == 150)
        #expect(parentConfidential.provenance.coveredMissing.first?.hasPrefix("C29@ES53 2021") == true)
        // A NUTS 1 cluster adds up its NUTS 2 regions.
        let nuts1 = try store.employment(["C29"], ["ES5"], "2021")
        #expect(nuts1.number == 1650)
    }

    @Test("an uncovered confidential cell makes the sum missing, naming the cell, with its flag")
    func missingPropagates() throws {
        let store = try StoreFixture.sdmxML.store()
        let result = try store.employment(["C29"], ["ES51", "ES52"], "2020")
        #expect(result.isMissing)
        #expect(result.number == nil)
        let reason = try #require(result.missingReason)
        #expect(reason.hasPrefix("C292@ES52 2020: confidential"))
        #expect(reason.contains("CONF_STATUS=C"))
        #expect(result.flags.contains("c"))
        #expect(result.provenance.inputs.contains { $0.code("geo") == "ES52" && $0.code("nace_r2") == "C292" })
    }

    @Test("no observation is missing, never zero")
    func noObservationIsMissing() throws {
        let store = try StoreFixture.sdmxML.store()
        let result = try store.employment(["C29"], ["ES51"], "2019")
        #expect(result.isMissing)
        #expect(result.missingReason?.hasPrefix("no observation of sbs_r_nuts2021") == true)
        let unknown = store.value(
            dataflow: "sbs_r_nuts06_r2", filters: [:], sectors: nil, regions: try RegionSet(parsing: ["ES51"]),
            period: try TimePeriod("2021"))
        #expect(unknown.missingReason == "no data loaded for dataflow sbs_r_nuts06_r2")
    }

    @Test("flags flow to the sum; all sectors read the binding's total code, or the store's override")
    func flagsFlowAndTotals() throws {
        let store = try StoreFixture.sdmxML.store()
        let regions = try RegionSet(parsing: ["ES51", "ES52"])
        let year = try TimePeriod("2021")
        func total(_ store: ObservationStore, binding: String?) -> AggregatedValue {
            store.value(
                dataflow: "sbs_r_nuts2021", filters: ["indic_sbs": "EMP_LOC_NR"], sectors: nil, regions: regions,
                period: year, total: binding)
        }
        // sbs_r_nuts2021's business economy is B-S_X_O_S94: the binding says so.
        let business = total(store, binding: StoreInput.sbsTotal2021)
        #expect(business.number == 37000)
        #expect(business.flags == ["p"])
        #expect(StoreInput.personsEmployed.first?.total == "B-S_X_O_S94")
        // Without the binding's code the store reads TOTAL, which Eurostat's SBS flows do not publish.
        #expect(total(store, binding: nil).missingReason?.contains("sectors [TOTAL]") == true)
        // A report's total-sector: overrides every binding.
        var custom = store
        custom.totalSectorOverride = "TOTAL"
        #expect(total(custom, binding: StoreInput.sbsTotal2021).isMissing)
        custom.totalSectorOverride = "B-S_X_O_S94"
        #expect(total(custom, binding: nil).number == 37000)
    }

    @Test("filters select the indicator; a dimension left open is ambiguous, not added up")
    func filtersSelect() throws {
        let store = try StoreFixture.sdmxML.store()
        let sectors = try SectorSet(parsing: ["C29"])
        let regions = try RegionSet(parsing: ["ES51"])
        let period = try TimePeriod("2021")
        let units = store.value(
            dataflow: "sbs_r_nuts2021", filters: ["INDIC_SBS": "LOC_NR"], sectors: sectors, regions: regions,
            period: period)
        #expect(units.number == 40)
        let open = store.value(
            dataflow: "sbs_r_nuts2021", filters: [:], sectors: sectors, regions: regions, period: period)
        #expect(open.missingReason?.hasPrefix("ambiguous: cell C29@ES51 has 2 observations") == true)
    }

    @Test("provenance names the fixture file and its SHA-256", arguments: StoreFixture.allCases)
    func provenanceNamesTheFile(_ fixture: StoreFixture) throws {
        let result = try fixture.store().employment(["C29"], ["ES51", "ES52"], "2021")
        #expect(result.provenance.dataflow == "sbs_r_nuts2021")
        #expect(result.provenance.sources.map(\.path) == [fixture.path])
        #expect(result.provenance.sources.map(\.sha256) == [fixture.sha256])
        #expect(result.provenance.seriesKeys.count == 3)
    }

    @Test("the three formats give the same answers", arguments: [StoreFixture.sdmxCSV, .tidyCSV])
    func formatsAgree(_ fixture: StoreFixture) throws {
        let reference = try StoreFixture.sdmxML.store()
        let other = try fixture.store()
        let queries: [([String]?, [String], String)] = [
            (["C29"], ["ES51"], "2021"), (["C29"], ["ES51"], "2020"), (["C29"], ["ES51", "ES52"], "2021"),
            (["C29"], ["ES51", "ES52"], "2020"), (["C29"], ["ES5"], "2021"), (nil, ["ES51", "ES52"], "2021"),
            (["C29.1"], ["ES5"], "2020"),
        ]
        for (sectors, regions, year) in queries {
            let expected = try reference.employment(sectors, regions, year)
            let actual = try other.employment(sectors, regions, year)
            #expect(actual.number == expected.number, "\(String(describing: sectors)) \(regions) \(year)")
            #expect(actual.flags == expected.flags, "\(String(describing: sectors)) \(regions) \(year)")
            #expect(actual.isMissing == expected.isMissing)
            #expect(actual.provenance.seriesKeys == expected.provenance.seriesKeys)
        }
    }

    @Test("loading the same data twice replaces observations instead of doubling sums")
    func reloadingReplaces() throws {
        var store = try StoreFixture.sdmxML.store()
        try store.load(file: StoreFixture.sdmxCSV.path)
        #expect(store.count == 17)
        #expect(store.sources.count == 2)
        let result = try store.employment(["C29"], ["ES51"], "2021")
        #expect(result.number == 1000)
        #expect(result.provenance.sources.map(\.format) == [.sdmxCSV])
    }

    @Test("a tidy CSV without a dataflow column needs one from the caller, and the store stays unchanged")
    func tidyNeedsDataflow() throws {
        var store = ObservationStore()
        #expect(throws: IndicatorsError.self) { try store.load(file: StoreFixture.tidyCSV.path) }
        #expect(store.count == 0)
        #expect(store.sources.isEmpty)
    }
}

/// An area is summed only from all its parts; a cluster sector without data is named, never dropped.
@Suite("Observation store: incomplete scopes")
struct ObservationStoreCompletenessTests {
    @Test("a cluster sector with no observation is left out, flagged incomplete and named in the provenance")
    func absentSectorIsFlagged() throws {
        let store = try StoreFixture.sdmxML.store()
        let result = try store.employment(["C29", "C28.1"], ["ES51"], "2021")
        #expect(result.number == 1000, "C29 alone: the fixture has no C28.1")
        #expect(result.flags == ["incomplete"])
        #expect(result.provenance.absentSectors.map(\.code) == ["C281"])
        let complete = try store.employment(["C29"], ["ES51"], "2021")
        #expect(complete.flags.isEmpty && complete.provenance.absentSectors.isEmpty)
    }

    @Test("a region of the scope without any observation makes the sum missing, never a partial sum")
    func absentRegionMakesTheSumMissing() throws {
        let store = try StoreFixture.sdmxML.store()
        let result = try store.employment(["C29"], ["ES51", "ES61"], "2021")
        #expect(result.isMissing)
        #expect(
            result.missingReason?.contains(
                "no observation of sbs_r_nuts2021 for ES61 or a region inside it, one of the regions [ES51, ES61]: an "
                    + "area is summed only from all its parts in 2021") == true, "\(result)")
    }

    /// METHODS' trap: `reference: ES5` with data for two of its three NUTS 2 regions must not give a
    /// quotient over the two; `reference: ES` with data for ES51 alone must not give a share of 100 %.
    @Test("an area is summed from its parts only when every part of one NUTS version is present")
    func areasNeedAllTheirParts() throws {
        let store = try StoreFixture.sdmxML.store()
        // ES5 = ES51 + ES52 + ES53: all three have a business-economy total in 2021.
        #expect(try store.employment(nil, ["ES5"], "2021").number == nil, "without the binding's total code")
        func total(_ region: String, _ year: String) throws -> AggregatedValue {
            store.value(
                dataflow: "sbs_r_nuts2021", filters: ["indic_sbs": "EMP_LOC_NR"], sectors: nil,
                regions: try RegionSet(parsing: [region]), period: try TimePeriod(year), total: StoreInput.sbsTotal2021)
        }
        #expect(try total("ES5", "2021").number == 45000)
        // Spain is ES1 … ES7 (and the extra-regio ESZ, not required): only ES5's parts are present.
        let spain = try total("ES", "2021")
        #expect(spain.isMissing)
        #expect(
            spain.missingReason?.hasPrefix(
                "ES (of the regions [ES]) is summed from its parts only when all are present: sbs_r_nuts2021 has no "
                    + "observation for ES1, ES2, ES3, ES4, ES6, ES7 (NUTS 2024)") == true, "\(spain)")
        // In 2020 the fixture has no ES53 cell of C29 at all, so ES5's C29 employment cannot be summed.
        let reference2020 = try store.employment(["C29"], ["ES5"], "2020")
        #expect(reference2020.missingReason?.contains("has no observation for ES53") == true, "\(reference2020)")
    }
}
