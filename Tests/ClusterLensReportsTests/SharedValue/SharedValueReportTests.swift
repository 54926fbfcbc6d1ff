import ClusterLensCore
import ClusterLensIndicators
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensReports

/// The shared-value stage of a report end to end: a cluster definition naming a ledger and a member
/// survey, the model, every format (XML and JSON valid against the schemas), and the errors and
/// diagnostics it raises.
@Suite("Shared value in reports")
struct SharedValueReportTests {
    /// Builds the fixture report for a cluster with the test ledger (its cluster id changed to the
    /// fixture cluster's) and the test survey.
    static func model(
        in folder: String, ledger: String = SharedValueFixtures.ledger, extra: String = "",
        diagnostics: Diagnostics = Diagnostics()
    ) throws -> ReportModel {
        _ = try SharedValueFixtures.write(SharedValueFixtures.survey, "members.csv", in: folder)
        _ = try SharedValueFixtures.write(
            ledger.replacingOccurrences(of: "cluster: iti1-leather", with: "cluster: es51-automotive"),
            "initiatives.yaml", in: folder)
        var definition = try ReportFixtures.definition(in: folder, extra: extra)
        try """
        clusters:
          - id: es51-automotive
            name: Catalonia automotive
            regions: [ES51]
            sectors: [C29]
            reference: ES5
            members: members.csv
            initiatives: initiatives.yaml
        """.write(toFile: folder + "/clusters.yaml", atomically: true, encoding: .utf8)
        definition = try ReportDefinitionReader.load(file: definition.file)
        let catalogue = try IndicatorCatalogue(
            builtIns: BuiltinIndicators.all, folders: [ReportFixtures.root.appendingPathComponent("Indicators").path])
        return try ReportBuilder(catalogue: catalogue, toolVersion: "test").build(
            definition, generatedAt: ReportFixtures.time, diagnostics: diagnostics)
    }

    @Test func theModelHoldsTheLedgerItsAccountsAndTheScorecard() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let diagnostics = Diagnostics()
        let model = try Self.model(in: folder, extra: "shared-value: {minimum_firms: 2}", diagnostics: diagnostics)
        let part = try #require(model.sharedValue)
        #expect(part.minimumFirms == 2)
        #expect(part.scorecard.id == "eegc-2021" && part.scorecard.recommendations.count == 15)
        let cluster = try #require(part.cluster("es51-automotive"))
        #expect(cluster.publicEUR == 3_000_000 && cluster.privateEUR == 1_000_000 && cluster.sharedValueCount == 1)
        let account = try #require(cluster.account("plant"))
        #expect(account.isSharedValue)
        #expect(account.comparisons.map(\.difference) == [-350])
        #expect(cluster.scorecard.count == 15)
        let statuses = Dictionary(uniqueKeysWithValues: cluster.scorecard.map { ($0.recommendation, $0.status) })
        #expect(statuses[2] == .addressedWithEvidence && statuses[13] == .addressedWithEvidence)
        #expect(statuses.filter { $0.value == .notAddressed }.count == 13)
        let thirteen = try #require(cluster.scorecard.first { $0.recommendation == 13 })
        #expect(thirteen.initiatives == ["plant"] && thirteen.evidence == ["plant/water", "plant/bill"])
        // The fixture report computes five indicators: the scorecard's are shown as not computed.
        #expect(
            thirteen.indicators.allSatisfy {
                !$0.inReport && $0.value == nil && $0.reason == "not among the report's indicators"
            })
        let twelve = try #require(cluster.scorecard.first { $0.recommendation == 12 })
        let quotient = try #require(twelve.indicators.first { $0.id == "location_quotient" })
        #expect(quotient.inReport && quotient.period == "2021" && quotient.reason == nil)
        #expect(abs((quotient.value ?? 0) - (1000.0 / 25000) / (1650.0 / 45000)) < 1e-12)
        #expect(diagnostics.all.contains { $0.code == "evidence-indicator-not-computed" })
        #expect(
            model.methods.map(\.name).suffix(3) == [
                "shared value", "participants against the rest", "recommendation scorecard",
            ])
    }

    @Test func everyFormatCarriesItAndXMLAndJSONValidate() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try Self.model(in: folder)
        let validator = ReportValidator(schemaFolder: ReportFixtures.schemaFolder)
        let xml = try XMLReportExporter().export(model, folder: folder, name: "r")[0]
        let xmlResult = try validator.validate(file: xml)
        #expect(xmlResult.issues.isEmpty, "\(xmlResult.issues)")
        let xmlText = try String(contentsOfFile: xml, encoding: .utf8)
        #expect(
            xmlText.contains(
                #"<outcome id="water" side="territory" category="water" unit="m³" direction="lower" change="-190000" improvement="190000" perEuro="0.0475">"#
            ))
        let json = try JSONReportExporter().export(model, folder: folder, name: "r")[0]
        let jsonResult = try validator.validate(file: json)
        #expect(jsonResult.issues.isEmpty, "\(jsonResult.issues)")
        let document = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: json))))
        #expect(document["schemaVersion"] == .string("1.3"))
        let paths = try CSVReportExporter().export(model, folder: folder, name: "r")
        #expect(
            paths.map { ($0 as NSString).lastPathComponent } == [
                "r.csv", "r-scores.csv", "r-initiatives.csv", "r-shared-value.csv", "r-participants.csv",
                "r-scorecard.csv", "r-coverage.csv", "r-coverage-years.csv",
            ])
        let tables = [
            SharedValueTables.initiativeColumns, SharedValueTables.accountColumns,
            SharedValueTables.comparisonColumns, SharedValueTables.scorecardColumns,
        ]
        var rowCounts: [Int] = []
        for (path, columns) in zip(paths.dropFirst(2), tables) {
            let reader = try CSVRecordReader(path: path)
            #expect(reader.next() == columns)
            var rows = 0
            while let row = reader.next() {
                #expect(row.count == columns.count)
                rows += 1
            }
            rowCounts.append(rows)
        }
        // 2 outcomes × (baseline, 2 measured, target); 2 outcomes + 1 initiative + 2 totals; 1 comparison;
        // the scorecard's 15 recommendations × their evidence indicators.
        let evidence = try #require(model.sharedValue).scorecard.recommendations.map(\.indicators.count).reduce(0, +)
        #expect(rowCounts == [8, 5, 1, evidence])
        let accounts = try CSVRecordReader(path: paths[3])
        var water: [String]?
        while water == nil, let row = accounts.next() { if row[3] == "water" { water = row } }
        let waterRow = try #require(water)
        #expect(waterRow[8] == "2021" && waterRow[13] == "190000" && waterRow[15] == "0.0475", "\(waterRow)")
        // The workbook carries the same four tables as sheets, numbers as numbers.
        if PythonReader.python {
            let book = try PythonReader.read(
                try XLSXReportExporter().export(model, folder: folder, name: "r")[0], script: PythonReader.zipfileScript
            )
            #expect(
                book.sheets == [
                    "Scores", "Indicators", "Data", "Coverage", "Coverage by year", "Targets", "Initiatives",
                    "Shared value", "Participants", "EEGC scorecard", "Methods", "Definitions", "About",
                ])
            let sheet = try #require(book.cells["Shared value"])
            let row = try #require((2...6).first { sheet["D\($0)"]?.value == .text("water") })
            #expect(sheet["I\(row)"]?.value == .number(2021) && sheet["N\(row)"]?.value == .number(190_000))
            #expect(sheet["P\(row)"]?.value == .number(0.0475))
        }
        let html = try String(
            contentsOfFile: try HTMLReportExporter().export(model, folder: folder, name: "r")[0], encoding: .utf8)
        #expect(html.contains("<section id=\"shared-value\">") && html.contains("<a href=\"#shared-value\">"))
        #expect(html.contains("<strong>Shared value</strong>"))
        #expect(html.contains("addressed with evidence"))
        #expect(html.contains("results for the firms and for the territory, side by side"))
        #expect(html.contains("Water bill: 475\u{2009}000 EUR (118\u{2009}750 EUR per EUR 1 million)"))
        #expect(html.contains("47\u{2009}500 m³"), "0.0475 m³ per EUR is 47 500 m³ per EUR 1 million")
    }

    @Test func aReportWithoutLedgersHasNoSharedValuePart() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try ReportFixtures.model(in: folder)
        #expect(model.sharedValue == nil)
        let json = try String(
            contentsOfFile: try JSONReportExporter().export(model, folder: folder, name: "r")[0], encoding: .utf8)
        #expect(json.contains("\"sharedValue\": null"))
        #expect(
            try CSVReportExporter().export(model, folder: folder, name: "r").map { ($0 as NSString).lastPathComponent }
                == ["r.csv", "r-scores.csv", "r-coverage.csv", "r-coverage-years.csv"])
        let html = try String(
            contentsOfFile: try HTMLReportExporter().export(model, folder: folder, name: "r")[0], encoding: .utf8)
        #expect(!html.contains("shared-value"))
    }

    @Test func aMemberThatIsNotInTheSurveyIsAnErrorAtItsPlace() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ledger = SharedValueFixtures.ledger.replacingOccurrences(of: "[P1, P2, P3, P4]", with: "[P1, P2, R9]")
        let error = #expect(throws: IndicatorsError.self) { try Self.model(in: folder, ledger: ledger) }
        #expect(error?.code == .initiativeLedger)
        #expect(error?.line == 8 && error?.column == 23, "\(String(describing: error))")
        #expect(error?.message.contains("member \"R9\" of initiative plant is not a firm of the member survey") == true)
    }

    @Test func comparingOnAnIndicatorThatIsNotFromTheSurveyIsAnError() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ledger = SharedValueFixtures.ledger.replacingOccurrences(
            of: "[member_water_intensity]", with: "[employment]")
        let error = #expect(throws: IndicatorsError.self) { try Self.model(in: folder, ledger: ledger) }
        #expect(error?.line == 13 && error?.column == 15, "\(String(describing: error))")
        #expect(error?.message.contains("employment is not computed from the member survey") == true)
    }

    @Test func slipsThatDoNotStopTheReportAreDiagnostics() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ledger = SharedValueFixtures.ledger.replacingOccurrences(
            of: "transition: green", with: "transition: digital"
        )
        .replacingOccurrences(
            of: "initiatives:\n",
            with: "  - {id: spare, value: 1, from: MWh, to: t CO2e, source: test}\ninitiatives:\n")
        let diagnostics = Diagnostics()
        _ = try Self.model(in: folder, ledger: ledger, diagnostics: diagnostics)
        let codes = Set(diagnostics.warnings.map(\.code))
        #expect(codes.isSuperset(of: ["transition-mismatch", "factor-unused", "few-firms"]), "\(codes)")
        let mismatch = try #require(diagnostics.warnings.first { $0.code == "transition-mismatch" })
        #expect(mismatch.cluster == "es51-automotive" && mismatch.location?.line == 7)
        #expect(mismatch.message.contains("transition digital, but none of its recommendations (2, 13)"))
        #expect(!codes.contains("outcome-before-start") && !codes.contains("baseline-after-start"))
    }

    @Test("An initiative measured on neither side reads 'not yet' in the glance table and in its own paragraph")
    func notYetIsOneWordingOnThePage() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ledger = SharedValueFixtures.ledger.replacingOccurrences(
            of: "        measured:\n          - {year: 2022, value: 900000}\n"
                + "          - {year: 2023, value: 810000, evidence: meter report 2023}\n", with: "")
        #expect(ledger != SharedValueFixtures.ledger)
        let model = try Self.model(in: folder, ledger: ledger)
        let account = try #require(model.sharedValue?.cluster("es51-automotive")?.account("plant"))
        #expect(!account.isSharedValue && !account.isMeasured)
        let html = HTMLSharedValueSection.section(model)
        #expect(html.contains("<strong>Not shared value yet</strong>"), "the initiative's paragraph")
        #expect(!html.contains("<strong>Not shared value</strong>"))
        #expect(html.contains(">not yet<"), "the glance table")
    }

    @Test("Outcome years that cannot show the initiative's result are warnings at the outcome")
    func outcomeYearsAgainstTheStart() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Started 2024-03: water's baseline 2021 is fine, but its last measurement (2023) comes before the
        // start; a baseline typed 2032 for 2023 (then measured 2033 and 2034) is after the start.
        let ledger = SharedValueFixtures.ledger.replacingOccurrences(of: "start: 2022-06", with: "start: 2024-03")
        let diagnostics = Diagnostics()
        _ = try Self.model(in: folder, ledger: ledger, diagnostics: diagnostics)
        let before = try #require(diagnostics.warnings.first { $0.code == "outcome-before-start" })
        #expect(
            before.message
                == "initiative plant: outcome water is last measured in 2023, before the initiative started "
                + "(2024-03): its change is not the initiative's result")
        #expect(
            before.location?.line == 15 && before.cluster == "es51-automotive", "\(String(describing: before.location))"
        )
        let slipped = SharedValueFixtures.ledger.replacingOccurrences(
            of: "baseline: {year: 2021, value: 1000000}", with: "baseline: {year: 2032, value: 1000000}"
        )
        .replacingOccurrences(of: "{year: 2022, value: 900000}", with: "{year: 2033, value: 900000}")
        .replacingOccurrences(of: "{year: 2023, value: 810000,", with: "{year: 2034, value: 810000,")
        .replacingOccurrences(of: "{year: 2026, value: 500000}", with: "{year: 2036, value: 500000}")
        let later = Diagnostics()
        _ = try Self.model(in: folder, ledger: slipped, diagnostics: later)
        let after = try #require(later.warnings.first { $0.code == "baseline-after-start" })
        #expect(
            after.message.hasPrefix("initiative plant: outcome water has its baseline in 2032, after the initiative"))
        #expect(!later.warnings.contains { $0.code == "outcome-before-start" })
    }
}
