import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensScoring
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensReports

/// Composite scores in the report model, by hand from the SDMX-ML fixture (2021):
///
/// | cluster | employment | focus % | local units | LQ |
/// |---|---|---|---|---|
/// | es51 (ES51, C29) | 1 000 | 4 | 40 | 0.897 |
/// | es52 (ES52, C29) | 500 | 4.167 | – | 0.934 |
/// | es51-c (ES51, C) | 1 000 | 4 | 40 | 0.897 |
///
/// Min-max onto 0–100: employment 100, 0, 100; focus 0, 100, 0; local units 50 (both 40: a
/// constant indicator maps to the middle), –, 50; LQ 0, 100, 0. Economic pillar = mean over the
/// indicators with data: es51 (100 + 0 + 50 + 0) / 4 = 37.5, es52 (0 + 100 + 100) / 3 = 66.67; the
/// index is the mean over pillars with data. Ranks: es52 1, es51 and es51-c 2 (ties share).
@Suite("Report scoring")
struct ReportScoringTests {
    /// Up to 20 treated values are named one by one; 23 (twenty log-transformed local units of
    /// clusters u0 … u19, three winsorised employment values) are counted per indicator and kind.
    @Test func manyTreatedValuesAreCountedNotListed() {
        let few = [OutlierTreatmentRecord(unit: "es51", indicator: "employment", kind: .winsorisedHigh)]
        #expect(ReportScoring.treatedText(few) == "employment of es51 (winhi)")
        let many =
            (0..<20).map { OutlierTreatmentRecord(unit: "u\($0)", indicator: "local_units", kind: .log) }
            + (0..<3).map { OutlierTreatmentRecord(unit: "u\($0)", indicator: "employment", kind: .winsorisedHigh) }
        #expect(ReportScoring.treatedText(many) == "local_units: 20 values (log); employment: 3 values (winhi)")
    }

    /// The model of the three clusters (es51, es52, es51-c) over the fixture data and `data` (files in
    /// the folder, written by `prepare`), with `indicators` and `extra` lines in the definition.
    static func model(
        extra: String = "", data: [String] = [],
        indicators: String = "employment, cluster_focus, location_quotient, local_units",
        prepare: (String) throws -> Void = { _ in }
    ) throws -> (ReportModel, String) {
        let folder = try ReportFixtures.folder()
        try prepare(folder)
        try """
        clusters:
          - {id: es51, name: Catalonia C29, regions: [ES51], sectors: [C29], reference: ES5}
          - {id: es52, name: Valencia C29, regions: [ES52], sectors: [C29], reference: ES5}
          - {id: es51-c, name: Catalonia C, regions: [ES51], sectors: [C], reference: ES5}
        """.write(toFile: folder + "/clusters.yaml", atomically: true, encoding: .utf8)
        try """
        id: scored
        clusters: clusters.yaml
        data: [\(([ReportFixtures.dataFile] + data).joined(separator: ", "))]
        indicators: [\(indicators)]
        \(extra)
        """.write(toFile: folder + "/report.yaml", atomically: true, encoding: .utf8)
        let definition = try ReportDefinitionReader.load(file: folder + "/report.yaml")
        let catalogue = try IndicatorCatalogue(
            builtIns: BuiltinIndicators.all, folders: [ReportFixtures.root.appendingPathComponent("Indicators").path])
        let model = try ReportBuilder(catalogue: catalogue, toolVersion: "test").build(
            definition, generatedAt: ReportFixtures.time)
        return (model, folder)
    }

    @Test func pillarAndIndexScoresAndRanksAreTheHandComputedOnes() throws {
        let (model, folder) = try Self.model()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func score(_ cluster: String, _ id: String) -> ReportScore? {
            model.clusters.first { $0.id == cluster }?.scores.first { $0.node.id == id }
        }
        #expect(abs((score("es51", "economic")?.value ?? 0) - 37.5) < 1e-9)
        #expect(abs((score("es52", "economic")?.value ?? 0) - 200.0 / 3) < 1e-9)
        #expect(score("es51", "social")?.value == nil)
        #expect(abs((score("es52", "index")?.value ?? 0) - 200.0 / 3) < 1e-9)
        #expect(["es51", "es52", "es51-c"].map { score($0, "index")?.rank } == [2, 1, 2])
        let es52 = try #require(model.clusters.first { $0.id == "es52" })
        let employment = try #require(es52.headlines.first { $0.indicator == "employment" })
        #expect(employment.score == 0 && employment.rank == 3 && employment.directionAdjusted == 500)
        #expect(employment.percentile == 0, "last of three: 100 × (3 − 3) / 2")
        let es51 = try #require(model.clusters.first { $0.id == "es51" })
        #expect(es51.headlines.first { $0.indicator == "employment" }?.percentile == 100, "tied first")
        let units = try #require(es52.headlines.first { $0.indicator == "local_units" })
        #expect(units.score == nil && units.rank == nil, "a missing value gets no score and no rank")
        #expect(model.methods.contains { $0.name == "normalisation" && $0.description.contains("min-max") })
    }

    @Test func uncertaintyBandsBracketTheNominalIndex() throws {
        let (model, folder) = try Self.model(
            extra:
                "uncertainty: {samples: 200, seed: 7, weight_noise: 0.2, normalisations: [{method: minmax}, {method: prank}]}"
        )
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for cluster in model.clusters {
            let index = try #require(cluster.scores.first { $0.node == .index })
            let (low, high, value) = (try #require(index.low), try #require(index.high), try #require(index.value))
            #expect(low <= high)
            #expect((index.rankLow ?? 0) >= 1 && (index.rankLow ?? 0) <= (index.rankHigh ?? 0))
            #expect(low <= value + 1e-9 && value <= high + 1e-9, "the nominal index lies in its 5–95 % band")
        }
        let (again, otherFolder) = try Self.model(
            extra:
                "uncertainty: {samples: 200, seed: 7, weight_noise: 0.2, normalisations: [{method: minmax}, {method: prank}]}"
        )
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        #expect(again.clusters.map(\.scores) == model.clusters.map(\.scores), "the same seed gives the same bands")
        #expect(model.methods.contains { $0.name == "uncertainty" && $0.description.contains("runs") })
    }

    /// es51's employment 950 (2020) → 1 000 (2021) against 2 000 by 2030: observed 5.26 %/yr, required
    /// (2 000 / 950)^(1/10) − 1 = 7.73 %/yr, ratio 68.1 % → moderate progress.
    @Test func progressTowardsATargetIsOnTheHeadlineValue() throws {
        let (model, folder) = try Self.model(
            extra: "periods: 2020-2021\ntargets:\n  - {indicator: employment, value: 2000, year: 2030}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let es51 = try #require(model.clusters.first { $0.id == "es51" })
        let employment = try #require(es51.headlines.first { $0.indicator == "employment" })
        #expect(employment.progress?.summary == "moderate progress (ratio 68.1 %, CAGR 5.26 %/yr, Open SDG +0.58)")
        #expect(
            model.methods.contains { $0.name == "progress towards targets" && $0.description.contains("2000 by 2030") })
    }

    /// Two clusters compared: the benchmarks fill stars, classes, strengths and similar profiles.
    @Test func benchmarksAreFilledForEveryCluster() throws {
        let (model, folder) = try Self.model()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Employment 1 000, 500, 1 000: P90 = 1 000, so es51 and es51-c get the size star; no LQ ≥ 2;
        // focus 4, 4.167, 4: P90 = 4.133, so es52 gets the focus star.
        #expect(model.clusters.map(\.stars) == [1, 1, 1])
        #expect(model.clusters.allSatisfy { !$0.strengths.isEmpty && !$0.weaknesses.isEmpty })
        #expect(model.clusters.first { $0.id == "es51" }?.similar.first?.id == "es51-c")
        #expect(model.clusters.first { $0.id == "es51" }?.similar.first?.distance == 0)
    }

    /// Panel imputation on employment of C29: ES51 2020 100, 2021 110; ES52 2020 200 only; ES53 2019
    /// 300, 2021 330. Min-max over the values scored:
    /// - latest (reference 2021): 110, 200 (carried forward), 330 → 0, 90 / 220 × 100, 100;
    /// - none: 110, –, 330 → 0, –, 100;
    /// - linear at 2020: 100, 200, 315 (interpolated) → 0, 100 / 215 × 100, 100.
    @Test(
        "Panel imputation chooses each cluster's year, flagged",
        arguments: [
            ("latest", [0.0, 9000.0 / 220, 100] as [Double?], "carried_forward"),
            ("none", [0.0, nil, 100], ""),
            ("linear\n  year: 2020", [0.0, 10_000.0 / 215, 100], "interpolated"),
        ])
    func panelImputation(_ panel: String, _ expected: [Double?], _ flag: String) throws {
        let model = try Self.employmentModel(
            """
            ES51,C29,EMP_LOC_NR,2020,100
            ES51,C29,EMP_LOC_NR,2021,110
            ES52,C29,EMP_LOC_NR,2020,200
            ES53,C29,EMP_LOC_NR,2019,300
            ES53,C29,EMP_LOC_NR,2021,330
            """,
            report: """
                periods: 2019-2021
                composite:
                  outliers: false
                  panel: \(panel)
                """)
        let scores = model.clusters.map { $0.headlines.first { $0.indicator == "employment" }?.score }
        for (score, want) in zip(scores, expected) {
            #expect(score.map { abs($0 - (want ?? .nan)) < 1e-9 } ?? (want == nil), "\(scores) vs \(expected)")
        }
        let flagged = model.clusters.filter {
            $0.headlines.contains { !flag.isEmpty && $0.flags.contains(ValueFlag(rawValue: flag)) }
        }
        #expect(flag.isEmpty ? flagged.isEmpty : flagged.map { $0.id } == [panel == "latest" ? "b" : "c"])
        #expect(model.methods.contains { $0.name == "panel imputation" })
    }

    /// A report over clusters a (ES51), b (ES52) and c (ES53) of C29 with the indicator employment
    /// only, from `rows` of sbs_r_nuts2021 (`geo,nace_r2,indic_sbs,time,value`) and further report keys.
    static func employmentModel(_ rows: String, report: String) throws -> ReportModel {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "geo,nace_r2,indic_sbs,time,value\n\(rows)\n".write(
            toFile: folder + "/sbs_r_nuts2021.csv", atomically: true, encoding: .utf8)
        try """
        clusters:
          - {id: a, regions: [ES51], sectors: [C29], reference: ES5}
          - {id: b, regions: [ES52], sectors: [C29], reference: ES5}
          - {id: c, regions: [ES53], sectors: [C29], reference: ES5}
        """.write(toFile: folder + "/clusters.yaml", atomically: true, encoding: .utf8)
        try """
        id: employment
        clusters: clusters.yaml
        data: [sbs_r_nuts2021.csv]
        indicators: [employment]
        \(report)
        """.write(toFile: folder + "/report.yaml", atomically: true, encoding: .utf8)
        let definition = try ReportDefinitionReader.load(file: folder + "/report.yaml")
        let catalogue = try IndicatorCatalogue(
            builtIns: BuiltinIndicators.all, folders: [ReportFixtures.root.appendingPathComponent("Indicators").path])
        var store = ObservationStore()
        try store.load(file: folder + "/sbs_r_nuts2021.csv", dataflow: "sbs_r_nuts2021")
        return try ReportBuilder(catalogue: catalogue, toolVersion: "test").build(
            definition, data: .init(store: store, sources: []), definitionFile: nil, generatedAt: ReportFixtures.time)
    }

    static let employment2021 = """
        ES51,C29,EMP_LOC_NR,2021,100
        ES52,C29,EMP_LOC_NR,2021,200
        ES53,C29,EMP_LOC_NR,2021,330
        """

    /// Employment 100, 200, 330 against goalposts 50 and 250: (x − 50) / 200 truncated to [0, 1],
    /// × 100 → 25, 75, 100 (330 lies beyond the upper goalpost); the index is the economic pillar.
    @Test func goalpostsFromTheCompositeSettingsNormaliseTheReport() throws {
        let model = try Self.employmentModel(
            Self.employment2021,
            report: """
                composite:
                  outliers: false
                  normalisation: {method: goalposts, scale: 100}
                  goalposts: {employment: {low: 50, high: 250}}
                """)
        let scores = model.clusters.map { $0.headlines.first { $0.indicator == "employment" }?.score }
        #expect(scores == [25, 75, 100])
        #expect(model.clusters.map { $0.score(.index)?.value } == [25, 75, 100])
        #expect(
            model.methods.contains { $0.name == "normalisation" && $0.description.contains("employment 50.0–250.0") })
    }

    /// The target 300 of `targets:`: (x − min) / (300 − min) × 100 with min 100 → 0, 50 and 115,
    /// capped at 100 by default; with cap: false c keeps 115.
    @Test func targetNormalisationUsesTheReportsTargets() throws {
        let targets = "targets:\n  - {indicator: employment, value: 300, year: 2030}"
        let capped = try Self.employmentModel(
            Self.employment2021,
            report: "composite: {outliers: false, normalisation: {method: target, scale: 100}}\n\(targets)")
        #expect(capped.clusters.map { $0.headlines.first?.score } == [0, 50, 100])
        let uncapped = try Self.employmentModel(
            Self.employment2021,
            report: "composite: {outliers: false, normalisation: {method: target, cap: false}}\n\(targets)")
        #expect(uncapped.clusters.map { $0.headlines.first?.score } == [0, 50, 230.0 / 200 * 100], "1.15 × 100")
    }

    @Test func goalpostsForAnIndicatorTheCompositeDoesNotAggregateAreAnErrorNamingIt() {
        #expect {
            _ = try Self.employmentModel(
                Self.employment2021,
                report: "composite: {goalposts: {employment: {low: 0, high: 1}, gdp: {low: 0, high: 1}}}")
        } throws: { error in
            guard let error = error as? ReportError else { return false }
            return error.code == .scoring && error.file.hasSuffix("report.yaml")
                && (error.underlying as? CompositeError)?.code == .invalidSettings
                && error.message
                    == "composite scores: goalposts for gdp, which is not an aggregated indicator of the composite"
        }
        #expect {
            _ = try Self.employmentModel(Self.employment2021, report: "composite: {normalisation: {method: target}}")
        } throws: { error in
            (error as? ReportError)?.message == "composite scores: indicator employment has no target"
        }
    }

    @Test func aGeometricMeanOverAZeroWithoutShiftIsAnErrorNamingTheDefinition() throws {
        #expect {
            _ = try Self.model(extra: "composite: {aggregation: {indicators: geometric}}")
        } throws: { error in
            guard let error = error as? ReportError, let cause = error.underlying as? CompositeError else {
                return false
            }
            return error.code == .scoring && error.file.hasSuffix("report.yaml") && cause.code == .nonPositiveInput
        }
    }
}

/// What the composite leaves out is said: on the diagnostics channel and in every format.
@Suite("Report diagnostics")
struct ReportDiagnosticsTests {
    @Test("a cluster screened out of the composite is a warning naming it, recorded in the model, XML and JSON")
    func screenedOutClusterIsAWarning() throws {
        let (model, folder) = try ReportScoringTests.model(extra: "composite: {screening: {unit_availability: 1}}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let screened = model.diagnostics.filter { $0.code == "screened-out" }
        #expect(screened.map(\.cluster) == ["es52"], "es52 lacks local units: \(model.diagnostics)")
        #expect(screened.first?.severity == .warning && screened.first?.stage == .scoring)
        #expect(
            screened.first?.message
                == "screened out of the composite scores: data for 75 % of the 4 ranked indicators, below the "
                + "screening threshold of 100 %; it gets no score and no rank", "3 of 4")
        #expect(model.clusters.first { $0.id == "es52" }?.score(.index)?.value == nil)
        #expect(model.clusters.first { $0.id == "es52" }?.screenedOut == screened.first?.message)
        #expect(model.clusters.first { $0.id != "es52" }?.screenedOut == nil)
        let json = try JSONReportExporter().export(model, folder: folder, name: "r")[0]
        let xml = try XMLReportExporter().export(model, folder: folder, name: "r")[0]
        let validator = ReportValidator(schemaFolder: ReportFixtures.schemaFolder)
        #expect(try validator.validate(file: json).issues.isEmpty)
        #expect(try validator.validate(file: xml).issues.isEmpty)
        #expect(try String(contentsOfFile: json, encoding: .utf8).contains("\"screened-out\""))
        #expect(try String(contentsOfFile: xml, encoding: .utf8).contains("code=\"screened-out\" file="))
        #expect(try String(contentsOfFile: json, encoding: .utf8).contains("\"screenedOut\": \"screened out of"))
        #expect(try String(contentsOfFile: xml, encoding: .utf8).contains("<screenedOut>screened out of"))
        let html = try HTMLReportExporter().export(model, folder: folder, name: "r")[0]
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("screened out: too few values"))
    }
}

/// The methods in plain words come from the report's own settings.
@Suite("Methods in plain words")
struct MethodsInPlainWordsTests {
    @Test func thePlainTextsCarryTheSettings() throws {
        let (model, folder) = try ReportScoringTests.model(
            extra: "composite: {screening: {unit_availability: 0.5}, imputation: median}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func plain(_ name: String) -> String { model.methods.first { $0.name == name }?.plain ?? "" }
        #expect(plain("screening").contains("at least 50 % of the ranked indicators"))
        #expect(plain("imputation").contains("median of the other clusters"))
        #expect(plain("ranks").contains("1, 2, 2, 4"))
        #expect(plain("scope").contains("on 4 of their own indicators"))
        #expect(plain("benchmarks").contains("the report's 3 clusters"))
        #expect(
            model.methods.allSatisfy { !($0.plain ?? "").contains("rankLow") && !$0.description.contains("rankLow") })
        #expect(model.methods.contains { $0.name == "normalisation" && $0.plain?.contains("0 to 100") == true })
    }
}
