import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

@Suite("Observation store: dimension roles and input bindings")
struct ObservationStoreRolesTests {
    private static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("StoreFixtures").appendingPathComponent(name).path
    }

    @Test("the defaults find Eurostat's, the OECD's and the ECB's dimension names, case-insensitively")
    func defaultsFindProviderNames() {
        let roles = DimensionRoles.standard
        #expect(roles.dimension(for: .geography, among: ["freq", "geo", "nace_r2"], dataflow: "x") == "geo")
        #expect(roles.dimension(for: .geography, among: ["REF_AREA", "ACTIVITY"], dataflow: "x") == "REF_AREA")
        #expect(roles.dimension(for: .sector, among: ["REF_AREA", "ACTIVITY"], dataflow: "x") == "ACTIVITY")
        #expect(roles.dimension(for: .sector, among: ["Nace_R2"], dataflow: "x") == "Nace_R2")
        #expect(roles.dimension(for: .time, among: ["geo", "time_period"], dataflow: "x") == "time_period")
        #expect(roles.dimension(for: .sector, among: ["geo"], dataflow: "x") == nil)
    }

    @Test("an override applies to its dataflow only, in any spelling of the dataflow")
    func overridesApplyPerDataflow() {
        var roles = DimensionRoles()
        roles.override(.geography, dimension: "region", dataflow: "ESTAT:MY_FLOW(1.0)")
        #expect(roles.dimension(for: .geography, among: ["region", "geo"], dataflow: "my_flow") == "region")
        #expect(roles.dimension(for: .geography, among: ["region", "geo"], dataflow: "other") == "geo")
    }

    @Test("a tidy CSV with OECD names, a dataflow column and OBS_STATUS is read and summed")
    func oecdTidyCSV() throws {
        var store = ObservationStore()
        let summary = try store.load(file: Self.path("oecd-tidy.csv"))
        #expect(summary.source.format == .tidyCSV)
        #expect(summary.dataflows == ["dsd_reg_bus@df_emp"])
        #expect(summary.source.sha256 == "deed2d65296a5d7d198486f14934e15c0cf46a37e03dea55de78510d1a2d0110")
        let regions = try RegionSet(parsing: ["ES51", "ES52"])
        let sectors = try SectorSet(parsing: ["C29"])
        let sum = store.value(
            dataflow: "OECD.CFE:DSD_REG_BUS@DF_EMP(1.0)", filters: ["measure": "EMP"], sectors: sectors,
            regions: regions, period: try TimePeriod("2021"))
        #expect(sum.number == 1480)
        #expect(sum.flags == ["e"])
        let missing = store.value(
            dataflow: "dsd_reg_bus@df_emp", filters: [:], sectors: sectors, regions: try RegionSet(parsing: ["ES52"]),
            period: try TimePeriod("2022"))
        #expect(missing.missingReason?.hasPrefix("C29@ES52 2022: missing (OBS_VALUE empty, OBS_STATUS=M)") == true)
        #expect(missing.flags == ["m"])
    }

    @Test("overridden roles read renamed columns; unparsable periods are skipped and counted")
    func overriddenRoles() throws {
        var roles = DimensionRoles()
        roles.override(.geography, dimension: "region", dataflow: "my_flow")
        roles.override(.sector, dimension: "BRANCH", dataflow: "my_flow")
        var store = ObservationStore(roles: roles)
        let summary = try store.load(file: Self.path("renamed-tidy.csv"), dataflow: "my_flow")
        #expect(summary.observations == 3)
        #expect(summary.skipped == 1)
        let sum = store.value(
            dataflow: "my_flow", filters: ["indicator": "EMP_LOC_NR"], sectors: try SectorSet(parsing: ["C29"]),
            regions: try RegionSet(parsing: ["ES51", "ES52"]), period: try TimePeriod("2021"))
        #expect(sum.number == 1500)
        let unbound = ObservationStore()
        #expect(
            unbound.value(
                of: [], sectors: nil, regions: try RegionSet(parsing: ["ES5"]), period: try TimePeriod("2021")
            ).isMissing)
    }

    @Test("persons employed fall back from sbs_r_nuts2021 to sbs_r_nuts06_r2 only where the first has no data")
    func employmentAlternatives() throws {
        var store = ObservationStore()
        try store.load(file: Self.path("sbs_r_nuts2021.xml"))
        let sectors = try SectorSet(parsing: ["C29"])
        let employed = store.value(
            of: StoreInput.personsEmployed, sectors: sectors, regions: try RegionSet(parsing: ["ES51"]),
            period: try TimePeriod("2021"))
        #expect(employed.number == 1000)
        let units = store.value(
            of: StoreInput.localUnits, sectors: sectors, regions: try RegionSet(parsing: ["ES51"]),
            period: try TimePeriod("2021"))
        #expect(units.number == 40)
        let none = store.value(
            of: StoreInput.personsEmployed, sectors: sectors, regions: try RegionSet(parsing: ["ES51"]),
            period: try TimePeriod("2015"))
        let reason = try #require(none.missingReason)
        #expect(reason.contains("no observation of sbs_r_nuts2021"))
        #expect(reason.contains("no data loaded for dataflow sbs_r_nuts06_r2"))
        #expect(StoreInput.personsEmployed[1].description == "sbs_r_nuts06_r2[indic_sb=V16110]")
    }
}

@Suite("Observation store: SDMX-CSV 2.0")
struct ObservationStoreSDMXCSV2Tests {
    @Test("an SDMX-CSV 2.0 file with STRUCTURE, STRUCTURE_ID and ACTION columns and upper-case ids is read")
    func readsSDMXCSV2() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("StoreFixtures/sdmx-csv-2.csv").path
        var store = ObservationStore()
        let summary = try store.load(file: path)
        #expect(summary.source.format == .sdmxCSV)
        #expect(summary.dataflows == ["sbs_r_nuts2021"])
        let observation = try #require(store.observations(dataflow: "sbs_r_nuts2021").first)
        #expect(observation.key.map(\.id) == ["FREQ", "GEO", "INDIC_SBS", "NACE_R2"])
        let sum = store.value(
            of: StoreInput.personsEmployed, sectors: try SectorSet(parsing: ["C29"]),
            regions: try RegionSet(parsing: ["ES51", "ES52"]), period: try TimePeriod("2021"))
        #expect(sum.number == 1500)
        #expect(sum.flags == ["e"])
    }
}

@Suite("Observation store: formula scopes")
struct ObservationStoreScopeTests {
    @Test(
        "each scope reads the cluster's or all sectors in the cluster's, reference or peer regions",
        arguments: [
            (FormulaScope.cluster, 1000.0), (.region, 25000), (.reference, 1650), (.referenceTotal, 45000),
            (.peers, 650),
        ])
    func scopes(_ scope: FormulaScope, _ expected: Double) throws {
        // referenceTotal is ES5 = ES51 + ES52 + ES53 (every part has a business-economy total); the peers
        // ES52 + ES53 add up their C29 children.
        let store = try StoreFixture.sdmxML.store()
        let cluster = ClusterDefinition(
            id: "auto", name: "Automotive", regions: try RegionSet(parsing: ["ES51"]),
            sectors: try SectorSet(parsing: ["C29"]), reference: try NUTSCode("ES5"),
            peers: [try NUTSCode("ES52"), try NUTSCode("ES53")])
        let result = store.value(
            of: StoreInput.personsEmployed, scope: scope, cluster: cluster, period: try TimePeriod("2021"))
        #expect(result.number == expected)
    }

    @Test("a cluster without peers has a missing peer value")
    func noPeers() throws {
        let store = try StoreFixture.sdmxML.store()
        let cluster = ClusterDefinition(
            id: "auto", name: "Automotive", regions: try RegionSet(parsing: ["ES51"]),
            sectors: try SectorSet(parsing: ["C29"]), reference: try NUTSCode("ES"))
        let result = store.value(
            of: StoreInput.personsEmployed, scope: .peers, cluster: cluster, period: try TimePeriod("2021"))
        #expect(result.missingReason == "cluster auto has no peer regions")
    }
}
