import ClusterLensCore
import ClusterLensImport
import ClusterLensTestSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

// `CodeNamer` names the codes `inspect --codes` lists: from the codelists of structure messages and from
// the classifications ClusterLens ships. The data are the store's real-shaped `sbs_r_nuts2021` fixtures
// (NUTS 2 regions ES51, ES52, ES53; NACE C29, C291, C292 and the total B-S_X_O_S94) and the structure
// message beside them, `sbs_r_nuts2021-structure.xml`.

/// The classifications shipped in `Indicators/classifications`, read from the package.
private let shipped: Classifications = {
    (try? Classifications.read(folder: TestPaths.package("Indicators/classifications"))) ?? Classifications()
}()

/// A file of the store's fixtures.
private func storeFile(_ name: String) -> String {
    TestPaths.package("Tests/ClusterLensIndicatorsTests/StoreFixtures/" + name)
}

/// The structure message of the fixtures.
private func fixtureStructures() throws -> StructureCollection {
    try SDMXStructureReader().read(file: storeFile("sbs_r_nuts2021-structure.xml")).structures
}

/// What the CLI hands the namer for one file: the codes, the dataflows and the data structures matched.
private func inspect(
    _ name: String, structures: StructureCollection? = nil
) throws -> (codes: [DimensionCodes], dataflows: [String], dataStructures: [DataStructure]) {
    let path = storeFile(name)
    if name.hasSuffix(".xml") {
        let inspector = DataInspector()
        _ = try SDMXDataReader(structures: structures).read(file: path, into: inspector)
        let inspection = inspector.inspection
        return (inspection.codes, inspection.dataflows, inspection.dataStructures)
    }
    let inspector = RecordInspector()
    let summary = try DataImporter().read(
        file: path, dataflow: name.contains("tidy") ? "sbs_r_nuts2021" : nil, into: inspector)
    let inspection = inspector.inspection(timeDimension: summary.timeDimensions.first ?? "TIME_PERIOD")
    return (inspection.codes, summary.dataflows, [])
}

/// Names the codes of a store fixture.
private func named(
    _ name: String, structures: StructureCollection? = nil, language: String = "en"
) throws -> [NamedDimension] {
    let found = try inspect(name, structures: structures)
    let namer = CodeNamer(structures: structures, classifications: shipped, language: language)
    return namer.name(found.codes, dataflows: found.dataflows, dataStructures: found.dataStructures)
}

/// The dimension `id` (compared case-insensitively).
private func dimension(_ id: String, in dimensions: [NamedDimension]) throws -> NamedDimension {
    try #require(dimensions.first { $0.id.lowercased() == id.lowercased() }, "no dimension \(id)")
}

private let allNUTS = NUTSClassification.Version.allCases
private let motorVehicles = "Manufacture of motor vehicles, trailers and semi-trailers"

@Suite("CodeNamer names the codes of a data file")
struct CodeNamerTests {
    @Test(
        "Without a structure, regions get their NUTS name, level and versions, sectors their NACE name",
        arguments: ["sbs_r_nuts2021.xml", "sbs_r_nuts2021.csv", "sbs_r_nuts2021-tidy.csv"])
    func classificationsAlone(file: String) throws {
        let dimensions = try named(file)
        let geo = try dimension("geo", in: dimensions)
        #expect(geo.role == .geography)
        #expect(geo.classification == .nuts)
        #expect(geo.codelist == nil)
        #expect(
            geo.codes == [
                NamedCode(
                    code: "ES51", observations: 8, name: "Cataluña", level: 2, nutsVersions: allNUTS, isKnown: true),
                NamedCode(
                    code: "ES52", observations: 5, name: "Comunitat Valenciana", level: 2, nutsVersions: allNUTS,
                    isKnown: true),
                NamedCode(
                    code: "ES53", observations: 4, name: "Illes Balears", level: 2, nutsVersions: allNUTS,
                    isKnown: true),
            ])
        let nace = try dimension("nace_r2", in: dimensions)
        #expect(nace.role == .sector)
        #expect(nace.classification == .nace)
        #expect(nace.codes.map(\.code) == ["B-S_X_O_S94", "C29", "C291", "C292"])
        #expect(nace.codes.map(\.observations) == [3, 4, 5, 5])
        #expect(nace.codes.allSatisfy { $0.isKnown == true && $0.level == nil && $0.nutsVersions.isEmpty })
        #expect(nace.codes[0].name?.hasPrefix("Business economy of sbs_r_nuts2021: sections B to S except O") == true)
        #expect(nace.codes[1].name == motorVehicles)
        #expect(nace.codes[2].name == "Manufacture of motor vehicles")
        #expect(nace.unknownCodes == 0)
        // No source: no name, and nothing to call unknown.
        let freq = try dimension("freq", in: dimensions)
        #expect(freq.role == nil && freq.codelist == nil && freq.classification == nil)
        #expect(freq.codes == [NamedCode(code: "A", observations: 17)])
        let time = try #require(dimensions.last)
        #expect(time.role == .time)
        #expect(time.codes == [NamedCode(code: "2020", observations: 5), NamedCode(code: "2021", observations: 12)])
    }

    @Test(
        "With the structure, names come from the codelists in English; NACE names the code the codelist lacks",
        arguments: ["sbs_r_nuts2021.xml", "sbs_r_nuts2021.csv", "sdmx-csv-2.csv", "sbs_r_nuts2021-tidy.csv"])
    func codelistsFirst(file: String) throws {
        let dimensions = try named(file, structures: try fixtureStructures())
        let geo = try dimension("geo", in: dimensions)
        #expect(geo.codelist?.description == "ESTAT:GEO(1.0)")
        #expect(geo.classification == .nuts)
        let es51 = try #require(geo.codes.first)
        #expect(es51.code == "ES51" && es51.name == "Cataluña" && es51.level == 2 && es51.isKnown == true)
        let nace = try dimension("nace_r2", in: dimensions)
        #expect(nace.codelist?.description == "ESTAT:NACE_R2(1.0)")
        let byCode = Dictionary(uniqueKeysWithValues: nace.codes.map { ($0.code, $0) })
        #expect(byCode["C29"]?.name == motorVehicles)
        // Not in the fixture's codelist: named and known through ClusterLens's NACE classification.
        #expect(byCode["C292"]?.name?.hasPrefix("Manufacture of bodies (coachwork) for motor vehicles") == true)
        #expect(byCode["C292"]?.isKnown == true)
        if let total = byCode["B-S_X_O_S94"] {
            #expect(total.name?.hasPrefix("Total business economy; repair of computers") == true)
        }
        // indic_sbs has no enumeration of its own: its concept's core representation gives the codelist.
        let indicator = try dimension("indic_sbs", in: dimensions)
        #expect(indicator.codelist?.description == "ESTAT:INDIC_SBS(1.0)")
        #expect(indicator.codes.first?.name == "Persons employed in local units - number")
        #expect(try dimension("freq", in: dimensions).codes.first?.name == "Annual")
        #expect(dimensions.allSatisfy { $0.unknownCodes == 0 })
    }

    @Test("Another preferred language takes the codelist's names in it")
    func preferredLanguage() throws {
        let dimensions = try named("sbs_r_nuts2021.xml", structures: try fixtureStructures(), language: "fr")
        #expect(
            try dimension("geo", in: dimensions).codes.map(\.name) == [
                "Catalogne", "Communauté valencienne", "Îles Baléares",
            ])
        #expect(try dimension("freq", in: dimensions).codes.first?.name == "Annuel")
    }

    @Test("A code that no source knows is unknown; the codelist makes a Eurostat aggregate known")
    func unknownCodes() throws {
        let codes = [
            DimensionCodes(id: "geo", observations: ["ES51": 1, "EU27_2020": 2, "UKC1": 3, "HR05": 4]),
            DimensionCodes(id: "nace_r2", observations: ["C29": 1, "C2X": 2, "TOTAL": 3, "B-N_S95_X_K": 4]),
        ]
        let alone = CodeNamer(classifications: shipped).name(codes, dataflows: ["sbs_r_nuts2021"])
        #expect(alone[0].codes.map(\.code) == ["ES51", "EU27_2020", "HR05", "UKC1"])
        #expect(alone[0].codes.map(\.isKnown) == [true, false, true, true])
        #expect(alone[0].codes[1] == NamedCode(code: "EU27_2020", observations: 2, isKnown: false))
        #expect(alone[0].codes[2].nutsVersions == [.nuts2021, .nuts2024])
        #expect(alone[0].codes[3].nutsVersions == [.nuts2016, .nuts2021])
        #expect(alone[0].codes[3].name == "Tees Valley and Durham")
        #expect(alone[0].unknownCodes == 1)
        #expect(alone[1].codes.map(\.code) == ["B-N_S95_X_K", "C29", "C2X", "TOTAL"])
        #expect(alone[1].codes.map(\.isKnown) == [true, true, false, true])
        #expect(alone[1].codes[3].name == "All activities")

        let withCodelist = CodeNamer(structures: try fixtureStructures(), classifications: shipped)
            .name(codes, dataflows: ["sbs_r_nuts2021"])
        #expect(
            withCodelist[0].codes[1]
                == NamedCode(
                    code: "EU27_2020", observations: 2, name: "European Union - 27 countries (from 2020)",
                    isKnown: true))
        #expect(withCodelist[1].codes[2].isKnown == false)
    }

    @Test("A codelist alone names the dimension whose id it bears; a codelist without codes is no source")
    func codelistByID() {
        var structures = StructureCollection()
        structures.codelists = [
            Codelist(
                identity: ArtefactIdentity(agencyID: "OECD", id: "CL_MEASURE", version: "1.0"),
                codes: [Code(id: "EMP", names: [LocalizedText(language: "en", text: "Employment")])]),
            Codelist(identity: ArtefactIdentity(agencyID: "SDMX", id: "CL_FREQ", version: "1.0")),
        ]
        let codes = [
            DimensionCodes(id: "MEASURE", observations: ["EMP": 2, "GVA": 1]),
            DimensionCodes(id: "FREQ", observations: ["A": 3]),
        ]
        let dimensions = CodeNamer(structures: structures, classifications: shipped).name(codes, dataflows: [])
        #expect(dimensions[0].codelist?.description == "OECD:CL_MEASURE(1.0)")
        #expect(
            dimensions[0].codes == [
                NamedCode(code: "EMP", observations: 2, name: "Employment", isKnown: true),
                NamedCode(code: "GVA", observations: 1, isKnown: false),
            ])
        #expect(dimensions[1].codelist == nil)
        #expect(dimensions[1].codes == [NamedCode(code: "A", observations: 3)])
    }

    @Test("Roles follow the overrides, and a role without its classification names nothing")
    func rolesAndMissingClassifications() {
        var roles = DimensionRoles()
        roles.override(.geography, dimension: "region", dataflow: "emp")
        roles.override(.sector, dimension: "branch", dataflow: "emp")
        let codes = [
            DimensionCodes(id: "region", observations: ["DE11": 1]),
            DimensionCodes(id: "branch", observations: ["C28": 1]),
            DimensionCodes(id: "year", observations: ["2021": 1]),
        ]
        let dimensions = CodeNamer(classifications: shipped, roles: roles).name(codes, dataflows: ["ESTAT:EMP(1.0)"])
        #expect(dimensions.map(\.role) == [.geography, .sector, .time])
        #expect(dimensions[0].codes.first?.name == "Stuttgart")
        #expect(dimensions[0].codes.first?.level == 2)
        #expect(dimensions[1].codes.first?.name == "Manufacture of machinery and equipment n.e.c.")

        let bare = CodeNamer(classifications: Classifications(), roles: roles).name(codes, dataflows: ["emp"])
        #expect(bare.map(\.classification) == [nil, nil, nil])
        #expect(bare.allSatisfy { $0.codes.allSatisfy { $0.isKnown == nil && $0.name == nil } })
    }
}
