import ClusterLensCore
import ClusterLensImport
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensIndicators

/// The declarative catalogue: the bundled `Indicators/` files and the rules an indicator file obeys.
@Suite("Indicator catalogue")
struct IndicatorCatalogueTests {
    static let bundledFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Indicators").path

    @Test func theBundledCatalogueLoadsWithTheStableIds() throws {
        let catalogue = try IndicatorCatalogue(folders: [Self.bundledFolder])
        let ids = Set(catalogue.indicators.map(\.definition.id))
        for id in ["employment", "location_quotient", "cluster_focus", "employment_cagr", "net_job_creation"] {
            #expect(ids.contains(id), "missing \(id)")
        }
        let quotient = try #require(catalogue.indicator("location_quotient")?.definition)
        #expect(quotient.pillar == .economic)
        #expect(quotient.unit == "ratio")
        #expect(quotient.inputs.map(\.name) == ["employment"])
        #expect(
            quotient.inputs[0].bindings.map(\.summary)
                == ["sbs_r_nuts2021[indic_sbs=EMP_LOC_NR]", "sbs_r_nuts06_r2[indic_sb=V16110]"])
        #expect(quotient.formula?.inputs == ["employment"])
    }

    /// The issue's worked example through the bundled file's formula: 40,000 of 800,000 regional jobs,
    /// 2,400,000 of 200,000,000 in the reference area.
    @Test func theBundledLocationQuotientGivesTheWorkedExample() throws {
        let quotient = try IndicatorCatalogue.definition(file: Self.bundledFolder + "/location_quotient.yaml")
        struct Context: FormulaContext {
            func value(of input: String, scope: FormulaScope, periodOffset: Int) throws(IndicatorsError)
                -> FormulaValue
            {
                switch scope {
                case .cluster: FormulaValue(40_000)
                case .region: FormulaValue(800_000)
                case .reference: FormulaValue(2_400_000)
                case .referenceTotal: FormulaValue(200_000_000)
                case .peers, .national, .nationalTotal: .missing("not in this example")
                }
            }
        }
        let value = try #require(quotient.formula).evaluate(Context())
        #expect(abs((value.number ?? 0) - 4.1667) < 1e-4)
    }

    @Test func aNewFileInAnotherFolderShowsUpInTheCatalogue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("indicators-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        id: women_share
        name: Women's share of cluster employment
        pillar: social
        unit: "%"
        direction: higher
        inputs:
          women: {members: women_employees}
          staff: {members: employees}
        formula: 100 * women / staff
        """.write(to: folder.appendingPathComponent("women_share.yaml"), atomically: true, encoding: .utf8)
        let catalogue = try IndicatorCatalogue(folders: [Self.bundledFolder, folder.path])
        let added = try #require(catalogue.indicator("women_share")?.definition)
        #expect(added.inputs.first { $0.name == "women" }?.bindings.first?.memberMetric == "women_employees")
    }

    static let errorCases: [(yaml: String, line: Int, column: Int, fragment: String)] = [
        (
            "id: a\nname: A\npillar: economic\nunit: x\ndirection: up\ninputs: {e: {dataflow: f}}\nformula: e\n",
            5, 12, "direction \"up\" is not higher, lower or none"
        ),
        (
            "id: a\nname: A\npillar: economic\nunit: x\ndirection: none\ninputs: {e: {dataflow: f}}\nformula: e + f\n",
            7, 10, "the formula reads \"f\", which is not among the inputs"
        ),
        (
            "id: a\nname: A\npillar: economic\nunit: x\ndirection: none\ninputs: {e: {dataflow: f}}\nformula: (e\n",
            7, 12, "expected ')'"
        ),
        (
            "id: a\nname: A\npillar: economic\nunit: x\ndirection: none\ninputs: {e: {dataflow: f}}\nformula: e\ncolour: red\n",
            8, 1, "unknown key \"colour\""
        ),
        (
            "id: Bad-Id\nname: A\npillar: economic\nunit: x\ndirection: none\ninputs: {e: {dataflow: f}}\nformula: e\n",
            1, 5, "must be snake_case"
        ),
        (
            "id: a\nname: A\npillar: economy\nunit: x\ndirection: none\ninputs: {e: {dataflow: f}}\nformula: e\n",
            3, 9, "pillar \"economy\""
        ),
    ]

    @Test("An indicator file that breaks a rule is an error at its line and column", arguments: errorCases)
    func brokenFilesAreErrorsAtTheirLine(_ errorCase: (yaml: String, line: Int, column: Int, fragment: String)) {
        do {
            _ = try IndicatorCatalogue.definition(yaml: errorCase.yaml, file: "Indicators/a.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "Indicators/a.yaml")
            #expect(error.line == errorCase.line)
            #expect(error.column == errorCase.column)
            #expect(error.message.contains(errorCase.fragment), "\(error.message)")
        }
    }
}
