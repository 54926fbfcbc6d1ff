import ClusterLensIndicators
import Foundation
import Testing

@testable import ClusterLensReports

/// Report definition files: what they hold, and errors at their line and column.
@Suite("Report definitions")
struct ReportDefinitionTests {
    @Test func aDefinitionResolvesItsPathsAgainstItsFolder() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let definition = try ReportFixtures.definition(
            in: folder, extra: "outputs:\n  formats: [json, csv]\n  folder: results\n  name: \"{id}-2026\"\n")
        #expect(definition.id == "fixture")
        #expect(definition.clusters.map(\.id) == ["es51-automotive"])
        #expect(definition.dataFiles == [ReportFixtures.dataFile])
        #expect(definition.periods == .years(2020...2021))
        #expect(definition.formats == ["json", "csv"])
        #expect(definition.outputFolder == folder + "/results")
        #expect(definition.resolvedOutputName == "fixture-2026")
    }

    @Test func indicatorSelectorsTakePillarsAndTags() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var definition = try ReportFixtures.definition(in: folder)
        let catalogue = try IndicatorCatalogue(
            builtIns: BuiltinIndicators.all, folders: [ReportFixtures.root.appendingPathComponent("Indicators").path])
        let builder = ReportBuilder(catalogue: catalogue, toolVersion: "test")
        definition.indicators = ["green", "employment"]
        let ids = try builder.indicators(for: definition).map(\.definition.id)
        #expect(ids.contains("employment") && ids.contains("ghg_intensity") && ids.contains("member_renewable_share"))
        #expect(!ids.contains("unemployment_rate"))
        definition.indicators = ["greenish"]
        #expect(throws: IndicatorsError.self) { _ = try builder.indicators(for: definition) }
    }

    @Test(
        "A broken definition is an error at its line and column",
        arguments: [
            ("id: x\nclusters: c.yaml\ndata: [d.xml]\ncolour: blue\n", 4, 1, "unknown key \"colour\""),
            ("id: x\nclusters: c.yaml\ndata: [nothing-here-*.xml]\n", 3, 8, "matches no file"),
            ("id: x\nclusters: c.yaml\ndata: [d.xml]\nperiods: 2023-2015\n", 4, 10, "ends before it starts"),
            ("id: x\nclusters: c.yaml\ndata: [d.xml]\nperiods: last year\n", 4, 10, "is not latest"),
            ("id: x\nclusters: c.yaml\ndata: [d.xml]\noutputs: {name: a/b}\n", 4, 17, "without a folder"),
            ("title: no id\nclusters: c.yaml\ndata: [d.xml]\n", 1, 1, "missing `id:`"),
            (
                "id: x\nclusters: c.yaml\ndata: [d.xml]\ntargets:\n  - {indicator: a, value: 1}\n", 5, 20,
                "needs a `year:`"
            ),
            (
                "id: x\nclusters: c.yaml\ndata: [d.xml]\ntargets:\n  - {indicator: a, value: 1, year: 20}\n", 5, 36,
                "a year"
            ),
            (
                "id: x\nclusters: c.yaml\ndata: [d.xml]\ncomposite: {weights: {method: heavy}}\n", 4, 31,
                "unknown weights"
            ),
            ("id: x\nclusters: c.yaml\ndata: [d.xml]\nuncertainty: {samples: 1}\n", 4, 24, "samples must be"),
        ])
    func brokenDefinitions(_ yaml: String, _ line: Int, _ column: Int, _ fragment: String) throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "clusters:\n  - {id: a, regions: [ES51], sectors: [C29], reference: ES}\n".write(
            toFile: folder + "/c.yaml", atomically: true, encoding: .utf8)
        try "<x/>".write(toFile: folder + "/d.xml", atomically: true, encoding: .utf8)
        try yaml.write(toFile: folder + "/r.yaml", atomically: true, encoding: .utf8)
        do {
            _ = try ReportDefinitionReader.load(file: folder + "/r.yaml")
            Issue.record("no error for \(fragment)")
        } catch let error as IndicatorsError {
            #expect(error.code == .reportDefinition || error.code == .compositeSettings)
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }
}
