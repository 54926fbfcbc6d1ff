import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensScoring
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensReports

/// The built-in exporters on a report built from a real SDMX-ML fixture: each output validates
/// against its schema (libxml2's XSD validation, the JSON Schema validator) and the CSV reads back.
@Suite("Report exporters")
struct ReportExporterTests {
    @Test func theModelHoldsTheHandComputedValues() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try ReportFixtures.model(in: folder)
        let cluster = try #require(model.clusters.first)
        #expect(
            model.indicators.map(\.id) == [
                "cluster_focus", "employment", "employment_cagr", "local_units", "location_quotient",
            ])
        let employment = cluster.values.filter { $0.indicator == "employment" }
        #expect(employment.map { $0.period?.lexical } == ["2020", "2021"])
        #expect(employment.map(\.value) == [950, 1000])
        #expect(employment.map(\.isHeadline) == [false, true])
        let focus = try #require(cluster.headlines.first { $0.indicator == "cluster_focus" })
        #expect(focus.value == 4)
        #expect(focus.sources.count == 1 && focus.sources[0].sha256.count == 64)
        let quotient = try #require(cluster.headlines.first { $0.indicator == "location_quotient" })
        #expect(quotient.flags == ["e", "p"])
        #expect(quotient.status == .flagged)
        let growth = try #require(cluster.headlines.first { $0.indicator == "employment_cagr" })
        #expect(growth.value == nil)
        #expect(growth.status == .missing)
        #expect(growth.reason?.contains("2016") == true)
        #expect(model.sources.count == 1 && model.sources[0].dataflows == ["sbs_r_nuts2021"])
        // Names beside codes, from the shipped classifications.
        #expect(model.codeNames.contains(CodeName(dimension: "geo", code: "ES51", name: "Cataluña")))
        #expect(model.codeNames.contains(CodeName(dimension: "geo", code: "ES5", name: "Este")))
        #expect(
            model.codeNames.contains(
                CodeName(
                    dimension: "nace_r2", code: "C29", name: "Manufacture of motor vehicles, trailers and semi-trailers"
                )))
    }

    @Test func theXMLReportValidatesAgainstTheXSD() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try ReportFixtures.model(in: folder)
        let paths = try XMLReportExporter().export(model, folder: folder, name: "r")
        let result = try ReportValidator(schemaFolder: ReportFixtures.schemaFolder).validate(file: paths[0])
        #expect(result.kind == "xml")
        #expect(result.issues.isEmpty, "\(result.issues)")
        let text = try String(contentsOfFile: paths[0], encoding: .utf8)
        #expect(
            text.contains(#"<value indicator="cluster_focus" period="2021" value="4" status="ok" headline="true">"#))
        #expect(!text.contains("nan") && !text.contains("NaN"))
    }

    @Test func anInvalidXMLReportIsReportedWithItsLine() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try ReportFixtures.model(in: folder)
        let path = try XMLReportExporter().export(model, folder: folder, name: "r")[0]
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: #"status="ok""#, with: #"status="fine""#)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ReportValidator(schemaFolder: ReportFixtures.schemaFolder).validate(file: path)
        let first = try #require(result.issues.first)
        #expect(first.hasPrefix("line "))
        #expect(first.contains("fine"))
    }

    @Test func theJSONReportValidatesAgainstTheSchema() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try ReportFixtures.model(in: folder)
        let path = try JSONReportExporter().export(model, folder: folder, name: "r")[0]
        let validator = ReportValidator(schemaFolder: ReportFixtures.schemaFolder)
        let result = try validator.validate(file: path)
        #expect(result.kind == "json")
        #expect(result.issues.isEmpty, "\(result.issues)")
        let document = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        guard case .array(let clusters)? = document["clusters"],
            case .array(let values)? = clusters.first?["indicators"]
        else {
            Issue.record("no clusters")
            return
        }
        let growth = values.first { $0["id"] == .string("employment_cagr") && $0["headline"] == .bool(true) }
        #expect(growth?["value"] == .null, "a missing value is null, never 0")
    }

    /// The validator is a real one: each broken document is rejected at the right place.
    @Test(
        "A JSON report that breaks the schema is rejected where it breaks",
        arguments: [
            (#""status": "ok""#, #""status": "fine""#, "is not one of the allowed values"),
            (#""headline": true"#, #""headline": "yes""#, "expected boolean"),
            (#""schemaVersion": "1.3""#, #""schemaVersion": "2.0""#, "expected the constant value"),
            (#""observations": 17"#, #""observations": -1"#, "is below 0"),
            (#""title": "Fixture report","#, "", "missing required member \"title\""),
            (#""id": "fixture","#, #""id": "fixture", "extra": 1,"#, "member \"extra\" is not allowed"),
        ])
    func brokenJSONIsRejected(_ original: String, _ replacement: String, _ expected: String) throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try ReportFixtures.model(in: folder)
        let path = try JSONReportExporter().export(model, folder: folder, name: "r")[0]
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(original), "fixture changed: \(original)")
        guard let range = text.range(of: original) else { return }
        try text.replacingCharacters(in: range, with: replacement).write(
            toFile: path, atomically: true, encoding: .utf8)
        let result = try ReportValidator(schemaFolder: ReportFixtures.schemaFolder).validate(file: path)
        #expect(result.issues.contains { $0.contains(expected) }, "\(result.issues)")
    }

    @Test func theCSVTablesReadBackThroughACSVParser() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let model = try ReportFixtures.model(in: folder)
        let paths = try CSVReportExporter().export(model, folder: folder, name: "r")
        #expect(
            paths.map { ($0 as NSString).lastPathComponent } == [
                "r.csv", "r-scores.csv", "r-coverage.csv", "r-coverage-years.csv",
            ])
        let reader = try CSVRecordReader(path: paths[0])
        #expect(reader.next() == CSVReportExporter.valueColumns)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.count == model.clusters.flatMap(\.values).count)
        #expect(rows.allSatisfy { $0.count == CSVReportExporter.valueColumns.count })
        let column = { (name: String) in CSVReportExporter.valueColumns.firstIndex(of: name) ?? 0 }
        let quotient = try #require(
            rows.first { $0[column("indicator_id")] == "location_quotient" && $0[column("headline")] == "true" })
        #expect(quotient[column("flags")] == "e;p")
        // (1000 / 25 000) / (1650 / 45 000) = 1.0909…, rounded for reading (JSON and XML keep it whole).
        #expect(quotient[column("value")] == "1.09")
        let growth = try #require(rows.first { $0[column("indicator_id")] == "employment_cagr" })
        #expect(growth[column("value")] == "" && growth[column("status")] == "missing")
        #expect(growth[column("reason")].contains("2015"))
        #expect(quotient[column("series_keys")].contains("geo=ES51,"), "a field with commas survives quoting")
    }

    /// `decimals: 4` rounds the CSV to four decimals (1.0909…), and the coverage tables say what exists:
    /// employment has a value in 2020 and 2021 (flagged none), the five-year growth is missing with its
    /// reason and no period.
    @Test func decimalsRoundTheCSVAndTheCoverageTablesSayWhatExists() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let definition = try ReportFixtures.definition(in: folder, extra: "decimals: 4")
        #expect(definition.decimals == 4)
        let catalogue = try IndicatorCatalogue(
            builtIns: BuiltinIndicators.all,
            folders: [ReportFixtures.root.appendingPathComponent("Indicators").path])
        let model = try ReportBuilder(catalogue: catalogue, toolVersion: "test").build(
            definition, generatedAt: ReportFixtures.time)
        let paths = try CSVReportExporter().export(model, folder: folder, name: "r")
        func table(_ path: String) throws -> [[String]] {
            let reader = try CSVRecordReader(path: path)
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            return rows
        }
        let values = try table(paths[0])
        let column = { (name: String) in CSVReportExporter.valueColumns.firstIndex(of: name) ?? 0 }
        let quotient = try #require(
            values.first { $0[column("indicator_id")] == "location_quotient" && $0[column("headline")] == "true" })
        #expect(quotient[column("value")] == "1.0909")
        let cells = try table(paths[2])
        #expect(cells.first == CoverageCSV.cellColumns)
        #expect(
            cells.contains {
                $0 == [
                    "es51-automotive", "Catalonia automotive", "employment", "Cluster employment",
                    "cluster", "value", "2021", "", "", "2", "2",
                ]
            }, "\(cells)")
        let growth = try #require(cells.first { $0[2] == "employment_cagr" })
        #expect(growth[5] == "missing" && growth[6] == "" && growth[8].contains("2016") && growth[9] == "0")
        let periods = try table(paths[3])
        #expect(periods.first == CoverageCSV.periodColumns)
        #expect(periods.contains { $0[0] == "employment" && $0[3] == "2020" && $0[4] == "1" && $0[7] == "0" })
        #expect(periods.contains { $0[0] == "employment_cagr" && $0[3] == "2021" && $0[4] == "0" && $0[7] == "1" })
        let invalid = try? ReportFixtures.definition(in: folder, extra: "decimals: many")
        #expect(invalid == nil, "decimals must be a whole number or auto")
    }

    @Test("Text that a spreadsheet would run as a formula is neutralised in the CSV reports; numbers are not")
    func csvCellsAreNeutralised() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var model = try ReportFixtures.model(in: folder)
        model.clusters[0].definition.name = "=cmd|' /C calc'!A0"
        let paths = try CSVReportExporter().export(model, folder: folder, name: "r")
        let reader = try CSVRecordReader(path: paths[0])
        _ = reader.next()
        let row = try #require(reader.next())
        #expect(row[1] == "'=cmd|' /C calc'!A0")
        #expect(CSVField.neutralised("-3.5") == "-3.5")
        #expect(CSVField.neutralised("+1") == "+1")
        for text in ["@SUM(A1)", "+A1", "-2+3", "\tx", "\r=1"] { #expect(CSVField.neutralised(text) == "'" + text) }
        #expect(CSVField.neutralised("Catalonia") == "Catalonia")
    }
}
