import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensScoring
import ClusterLensSupport
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

    /// A provider with its own names: dataflow `my_sbs`, dimensions `region`, `activity`, `year`, the
    /// total coded `B-S_X_O_S94` (Eurostat's business economy). With `bindings:`, `roles:` and `total-sector:` the library reads it: ES51
    /// C29 = 1 000 of 25 000 → focus 4 %; Herfindahl (a compiled indicator) over C29 and C10
    /// (1 000 and 4 000 of 25 000) = 0.0016 + 0.0256 = 0.0272.
    @Test func bindingsRolesAndTheTotalCodeAreSetInTheDefinition() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try """
        region,activity,measure,year,value
        ES51,C29,EMP,2021,1000
        ES51,C10,EMP,2021,4000
        ES51,B-S_X_O_S94,EMP,2021,25000
        ES51,B-S_X_O_S94,TURNOVER,2021,99
        """.write(toFile: folder + "/mine.csv", atomically: true, encoding: .utf8)
        try "clusters:\n  - {id: a, regions: [ES51], sectors: [C29], reference: ES51}\n".write(
            toFile: folder + "/c.yaml", atomically: true, encoding: .utf8)
        try """
        id: own
        clusters: c.yaml
        data: [mine.csv]
        indicators: [cluster_focus, herfindahl_concentration]
        total-sector: B-S_X_O_S94
        bindings:
          employment: {dataflow: my_sbs, filters: {measure: EMP}}
        roles:
          my_sbs: {geography: region, sector: activity, time: year}
        """.write(toFile: folder + "/r.yaml", atomically: true, encoding: .utf8)
        var definition = try ReportDefinitionReader.load(file: folder + "/r.yaml")
        #expect(definition.totalSector == "B-S_X_O_S94")
        #expect(definition.bindings["employment"] == [StoreInput(dataflow: "my_sbs", filters: ["measure": "EMP"])])
        // The tidy CSV names no dataflow: load it under my_sbs.
        var store = ObservationStore(roles: definition.roles, totalSectorOverride: definition.totalSector)
        try store.load(file: folder + "/mine.csv", dataflow: "my_sbs")
        definition.dataFiles = []
        let catalogue = try IndicatorCatalogue(
            builtIns: BuiltinIndicators.all, folders: [ReportFixtures.root.appendingPathComponent("Indicators").path])
        let model = try ReportBuilder(catalogue: catalogue, toolVersion: "test").build(
            definition, data: .init(store: store, sources: []), definitionFile: nil,
            generatedAt: ReportFixtures.time)
        let headlines = model.clusters.first?.headlines ?? []
        let focus = headlines.first { $0.indicator == "cluster_focus" }?.value
        let herfindahl = headlines.first { $0.indicator == "herfindahl_concentration" }?.value
        #expect(focus == 4, "\(headlines.map(\.reason))")
        #expect(abs((herfindahl ?? 0) - 0.0272) < 1e-12, "\(headlines.map(\.reason))")
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
                "id: ../../x\nclusters: c.yaml\ndata: [d.xml]\n", 1, 5,
                "the id \"../../x\" names the report's files and folder, but it holds a path separator"
            ),
            ("id: ..\nclusters: c.yaml\ndata: [d.xml]\n", 1, 5, "but it starts with '.'"),
            ("id: \"a\\tb\"\nclusters: c.yaml\ndata: [d.xml]\n", 1, 5, "but it holds a control character"),
            ("id: x\nclusters: c.yaml\ndata: [d.xml]\noutputs: {name: ..}\n", 4, 17, "but it starts with '.'"),
            (
                "id: x\nclusters: c.yaml\ndata: [d.xml]\noutputs: {formats: [json, ../../../bin/sh]}\n", 4, 27,
                "the format \"../../../bin/sh\" names a plug-in file, but it holds a path separator"
            ),
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
            #expect([.reportDefinition, .compositeSettings, .targets].contains(error.code))
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test("A named data file that is missing, or a folder without data files, cannot be read: the path first")
    func unreadableDataPaths() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
        try "clusters:\n  - {id: a, regions: [ES51], sectors: [C29], reference: ES}\n".write(
            toFile: folder + "/c.yaml", atomically: true, encoding: .utf8)
        let cases = [
            ("gone.xml", "cannot read the file: No such file or directory"),
            ("empty", "cannot read the file: it is a folder without .xml or .csv files"),
        ]
        for (name, reason) in cases {
            try "id: x\nclusters: c.yaml\ndata: [\(name)]\n".write(
                toFile: folder + "/r.yaml", atomically: true, encoding: .utf8)
            let error = try #require(throws: IndicatorsError.self) {
                _ = try ReportDefinitionReader.load(file: folder + "/r.yaml")
            }
            #expect(error.code == .unreadable)
            #expect(error.description == "\(folder)/\(name): \(reason) (data: in \(folder)/r.yaml:3:8)")
            #expect(
                (error.underlying as? FileError) == FileError(.unreadable, path: folder + "/" + name, message: reason))
        }
    }
}
