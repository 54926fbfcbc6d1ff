import ClusterLensCore
import ClusterLensIndicators
import ClusterLensScoring
import Foundation
import Testing

@testable import ClusterLensReports

/// `clusterlens map` by hand, on Slovenia's two NUTS 2 regions (`MapFixtures/`, 2021):
///
/// | | SI03 | SI04 | SI |
/// |---|---|---|---|
/// | C29 persons employed (local units) | 3 000 (30) | 1 000 (20) | 4 000 |
/// | C31 persons employed (local units) | 500 e (50) | 1 500 (100) | 2 000 |
/// | B-S_X_O_S94 persons employed | 300 000 | 200 000 | 500 000 |
///
/// Automotive (C29): LQ SI03 (3000/300000)/(4000/500000) = 1.25, SI04 0.625; focus 1 % and 0.5 %.
/// Employment P90 = 1000 + 0.9 × 2000 = 2800 and focus P90 = 0.95 give SI03 two stars (no LQ ≥ 2),
/// SI04 none. Classes: employment P25 = 1500, local units P25 = 22.5, LQ P90 = 1.1875: SI03 strong10;
/// SI04 fails the employment floor: none. Furniture (C31) mirrors it: LQ SI03 0.4167, SI04 1.875;
/// SI04 two stars and strong10, SI03 none. Aerospace (C30): no C30 in SI03, confidential in SI04:
/// missing with the reasons, no stars, no class.
@Suite("Cluster map: every category in every region")
struct ClusterMapTests {
    static let fixtures = ReportFixtures.root.appendingPathComponent("Tests/ClusterLensReportsTests/MapFixtures").path
    static let indicators = ["employment", "local_units", "location_quotient", "cluster_focus"]

    static func map() throws -> ClusterMap {
        var store = ObservationStore()
        let summary = try store.load(file: fixtures + "/sbs_r_nuts2021-si.csv")
        let data = ReportBuilder.LoadedData(
            store: store,
            sources: [
                ReportSource(
                    file: FileFingerprint(summary.source), format: summary.source.format,
                    dataflows: summary.dataflows, observations: summary.observations)
            ])
        let catalogue = try IndicatorCatalogue.standard(adding: [])
        return try ClusterMapBuilder(catalogue: catalogue).build(
            categories: try ClusterCategory.load(file: fixtures + "/categories.yaml"), data: data, level: 2,
            indicatorIDs: indicators, generatedAt: ReportFixtures.time)
    }

    private static func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-9
    }

    @Test("Regions at the level asked, with names and countries; entries region by region")
    func regionsAndEntries() throws {
        let map = try Self.map()
        #expect(map.regions.map(\.code.code) == ["SI03", "SI04"])
        #expect(map.regions.map(\.name) == ["Vzhodna Slovenija", "Zahodna Slovenija"])
        #expect(map.regions.map(\.country.code) == ["SI", "SI"])
        #expect(map.categories.map(\.id) == ["automotive", "furniture", "aerospace"])
        #expect(map.entries.map { "\($0.region)\($0.category)" } == ["00", "01", "02", "10", "11", "12"])
        #expect(map.indicators.map(\.id) == Self.indicators)
    }

    @Test("Values, stars and classes are the hand-computed ones")
    func valuesStarsAndClasses() throws {
        let map = try Self.map()
        func value(_ region: Int, _ category: Int, _ indicator: Int) -> ReportValue {
            map.entry(region: region, category: category).values[indicator]
        }
        #expect(value(0, 0, 0).value == 3000 && value(1, 0, 0).value == 1000)
        #expect(Self.close(value(0, 0, 2).value, 1.25) && Self.close(value(1, 0, 2).value, 0.625))
        #expect(Self.close(value(0, 0, 3).value, 1) && Self.close(value(1, 0, 3).value, 0.5))
        #expect(Self.close(value(0, 1, 2).value, 500.0 / 300000 / (2000.0 / 500000)))
        #expect(Self.close(value(1, 1, 2).value, 1.875))
        #expect(value(0, 1, 0).flags == [ValueFlag("e")], "the estimated C31 cell's flag is carried")
        #expect(map.entry(region: 0, category: 0).stars == 2 && map.entry(region: 1, category: 0).stars == 0)
        #expect(map.entry(region: 0, category: 1).stars == 0 && map.entry(region: 1, category: 1).stars == 2)
        #expect(map.entry(region: 0, category: 0).mappingClass == .strong10)
        #expect(map.entry(region: 1, category: 0).mappingClass == StrongClusterRule.Strength.none)
        #expect(map.entry(region: 1, category: 1).mappingClass == .strong10)
        #expect(map.entry(region: 0, category: 1).mappingClass == StrongClusterRule.Strength.none)
        let aerospace = [map.entry(region: 0, category: 2), map.entry(region: 1, category: 2)]
        #expect(aerospace.allSatisfy { $0.stars == nil && $0.mappingClass == nil && $0.values[0].value == nil })
        #expect(
            aerospace[0].values[0].reason?.hasPrefix(
                "cluster(employment) is missing: no observation of sbs_r_nuts2021 indic_sbs=EMP_LOC_NR for sectors [C30]"
            )
                == true)
        #expect(aerospace[1].values[0].reason?.contains("C30@SI04 2021: confidential") == true, "\(aerospace[1])")
    }

    @Test("Each category's thresholds are percentiles over its regions")
    func thresholds() throws {
        let map = try Self.map()
        let automotive = map.thresholds[0]
        #expect(automotive.regionsWithData == 2)
        #expect(Self.close(automotive.employmentP90, 2800) && Self.close(automotive.employmentP25, 1500))
        #expect(Self.close(automotive.focusP90, 0.95) && Self.close(automotive.localUnitsP25, 22.5))
        #expect(Self.close(automotive.quotientP90, 1.1875) && Self.close(automotive.quotientP50, 0.9375))
        #expect(map.thresholds[2].regionsWithData == 0 && map.thresholds[2].employmentP90 == nil)
    }

    @Test("Every format holds the entries: CSV wide with thresholds, JSON, XML, and HTML with a choropleth")
    func formats() async throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runner = ClusterMapRunner(
            categoriesFile: Self.fixtures + "/categories.yaml", dataFiles: [Self.fixtures + "/sbs_r_nuts2021-si.csv"],
            indicatorIDs: Self.indicators, folder: folder, name: "si",
            boundariesFile: Self.fixtures + "/si-nuts2.geojson")
        let written = try await runner.run()
        #expect(written.map(\.format) == ["csv", "csv", "json", "xml", "html"])
        let csv = try String(contentsOfFile: folder + "/si.csv", encoding: .utf8).split(separator: "\r\n")
        #expect(csv.count == 7)
        #expect(
            csv[1]
                == "SI03,Vzhodna Slovenija,SI,automotive,Automotive,good,3000,2021,,,30,2021,,,1.25,2021,,,1,2021,,,2,strong10"
        )
        let thresholds = try String(contentsOfFile: folder + "/si-thresholds.csv", encoding: .utf8)
        #expect(thresholds.contains("automotive,Automotive,2,2800,1500,0.95,0.78125,0.9375,1.09375,1.1875,22.5"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/si.json")))
                as? [String: Any])
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.count == 6)
        #expect(entries[4]["stars"] as? Int == 2 && entries[4]["mappingClass"] as? String == "strong10")
        #expect(entries[5]["stars"] is NSNull)
        let xml = try String(contentsOfFile: folder + "/si.xml", encoding: .utf8)
        #expect(xml.contains("<entry region=\"SI04\" category=\"furniture\" stars=\"2\" mappingClass=\"strong10\">"))
        let html = try String(contentsOfFile: folder + "/si.html", encoding: .utf8)
        #expect(html.contains("<path id=\"r-SI03\" d=\"M"))
        #expect(html.contains("© EuroGeographics"))
        #expect(html.contains("<script type=\"application/json\" id=\"map-data\">{\"entries\":[[0,0,2,4,3000,0,-1,-1,"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/.si.csv"), "no temporary files left")
    }

    @Test("The shipped categories: 51 traded clusters at NACE division level, each graded")
    func shippedCategories() throws {
        let file = try #require(ClusterCategory.bundledFile)
        let categories = try ClusterCategory.load(file: file)
        #expect(categories.count == 51)
        #expect(categories.first { $0.id == "automotive" }?.sectors.codes.map(\.code) == ["C29"])
        #expect(categories.allSatisfy { $0.approximation != nil })
        #expect(categories.filter { $0.approximation == "none" }.map(\.id).sorted().first == "financial-services")
    }

    @Test(
        "A broken category file is an error at its line and column",
        arguments: [
            ("categories:\n  - {id: a, sectors: [C29], approximation: great}\n", 2, 44, "approximation \"great\""),
            ("categories:\n  - {id: a, sectors: [C29]}\n  - {id: a, sectors: [C30]}\n", 3, 10, "duplicate category"),
            ("categories:\n  - {id: a, sectors: [C99]}\n", 2, 23, "C99 is not a NACE"),
            ("categories:\n  - {id: a, regions: [ES51], sectors: [C29]}\n", 2, 13, "unknown key \"regions\""),
        ])
    func brokenCategories(_ yaml: String, _ line: Int, _ column: Int, _ fragment: String) throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try yaml.write(toFile: folder + "/c.yaml", atomically: true, encoding: .utf8)
        let error = try #require(throws: IndicatorsError.self) { try ClusterCategory.load(file: folder + "/c.yaml") }
        #expect(error.line == line && error.column == column, "\(error)")
        #expect(error.message.contains(fragment), "\(error)")
    }

    @Test("Data without regions at the level asked is an error, not an empty map")
    func noRegionAtLevel() throws {
        var store = ObservationStore()
        try store.load(file: Self.fixtures + "/sbs_r_nuts2021-si.csv")
        let error = try #require(throws: ReportError.self) {
            try ClusterMapBuilder(catalogue: try IndicatorCatalogue.standard(adding: [])).build(
                categories: try ClusterCategory.load(file: Self.fixtures + "/categories.yaml"),
                data: ReportBuilder.LoadedData(store: store, sources: []), level: 3, indicatorIDs: Self.indicators)
        }
        #expect(error.code == .noData)
        #expect(error.message.hasPrefix("no region at NUTS level 3"))
    }
}
