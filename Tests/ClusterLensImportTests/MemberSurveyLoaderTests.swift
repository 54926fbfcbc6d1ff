import ClusterLensCore
import ClusterLensSupport
import ClusterLensTestSupport
import Foundation
import Testing

@testable import ClusterLensImport

@Suite("Member survey loader")
struct MemberSurveyLoaderTests {
    @Test("The worked example loads with empty cells as not reported and zeros as reported zeros")
    func workedExample() throws {
        let survey = try MemberSurveyLoader.load(csv: MemberSurveyWorkedExample.csv, file: "members.csv")
        #expect(survey.file == "members.csv")
        #expect(survey.firms == (try MemberSurveyWorkedExample.firms()))
        let f2 = try #require(survey.firms.first { $0.id == "F2" })
        #expect(f2.renewableMWh == 0)
        #expect(f2.scope2TCO2e == nil)
        #expect(f2.iso14001OrEMAS == false)
        #expect(survey.years == [2024])
    }

    @Test("A file loads from disk, and a missing file is unreadable")
    func fromDisk() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("MemberSurveyLoaderTests-\(UUID().uuidString).csv").path
        try MemberSurveyWorkedExample.csv.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let survey = try MemberSurveyLoader.load(file: path)
        #expect(survey.firms.count == 5)
        #expect(survey.file == path)

        let error = #expect(throws: ImportError.self) {
            try MemberSurveyLoader.load(file: path + ".missing")
        }
        #expect(error?.code == .unreadable)
        #expect(error?.file == path + ".missing")
    }

    @Test("The shipped template has every column, and its commented example row is valid")
    func template() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Indicators/members-template.csv").path
        let survey = try MemberSurveyLoader.load(file: path)
        #expect(survey.firms.isEmpty)

        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == MemberSurveyLoader.columns.joined(separator: ","))
        let example = try #require(lines.first { $0.hasPrefix("# ") }).dropFirst(2)
        let uncommented = try MemberSurveyLoader.load(csv: lines[0] + "\n" + example + "\n", file: "example.csv")
        let firm = try #require(uncommented.firms.first)
        #expect(firm.id == "ACME-001")
        #expect(firm.iso14001OrEMAS == true)
        #expect(MemberMetric.allCases.allSatisfy { firm[$0] != nil })
    }

    @Test("Rows of one firm in different years are not duplicates")
    func severalYears() throws {
        let csv = "firm_id,year,nace,nuts,employees\nA,2023,C29,ES51,10\nA,2024,C29,ES51,12\n"
        let survey = try MemberSurveyLoader.load(csv: csv, file: "m.csv")
        #expect(survey.years == [2023, 2024])
        #expect(survey.firms(inYear: 2024).map(\.employees) == [12])
    }

    @Test("A byte order mark, CRLF line ends and a quoted field over two lines are read, lines counted")
    func excelStyle() throws {
        let csv =
            "\u{FEFF}firm_id,nace,nuts,employees\r\n\"Acme, \"\"North\"\"\r\nplant\",C29,ES51,10\r\nB,C29,ES51,x\r\n"
        let error = #expect(throws: ImportError.self) { try MemberSurveyLoader.load(csv: csv, file: "m.csv") }
        #expect(error?.line == 4)
        #expect(error?.column == 4)
        let survey = try MemberSurveyLoader.load(csv: csv.replacingOccurrences(of: ",x", with: ",0"), file: "m.csv")
        #expect(survey.firms.map(\.id) == ["Acme, \"North\"\r\nplant", "B"])
        #expect(survey.firms.last?.employees == 0)
    }

    @Test("Comment and blank lines count in the line numbers of errors")
    func commentsCountAsLines() throws {
        let csv = "# survey\nfirm_id,nace,nuts,employees\n\n# next\nA,C29,ES51,-3\n"
        let error = #expect(throws: ImportError.self) { try MemberSurveyLoader.load(csv: csv, file: "m.csv") }
        #expect(error?.line == 5)
        #expect(error?.column == 4)
        #expect(error?.description == "m.csv:5:4: employees: -3 is negative; employees cannot be")
    }

    // MARK: - Header errors

    struct HeaderCase: Sendable, CustomTestStringConvertible {
        var name: String
        var header: String
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    static let headerCases: [HeaderCase] = [
        HeaderCase(
            name: "an unknown column", header: "firm_id,nace,nuts,employees,co2_t", column: 5,
            message: "unknown column co2_t; the columns are firm_id, year, nace"),
        HeaderCase(
            name: "another file's first line (members: /etc/passwd)", header: "root:x:0:0:root:/root:/bin/bash",
            column: 0, message: "not a member survey: its first line names none of the columns firm_id, year"),
        HeaderCase(
            name: "an unknown column that is not a plain name", header: "firm_id,nace,nuts,employees,s3cr3t:x:0:0",
            column: 5, message: "an unknown column name; the columns are"),
        HeaderCase(
            name: "a repeated column", header: "firm_id,nace,nuts,employees,nace", column: 5,
            message: "column nace appears twice (first in column 2)"),
        HeaderCase(
            name: "a missing required column", header: "firm_id,nace,nuts", column: 0,
            message: "the header has no employees column, which is required"),
    ]

    @Test("A header with a problem is an error at line 1 naming the column", arguments: headerCases)
    func headerErrors(_ example: HeaderCase) {
        let error = #expect(throws: ImportError.self) {
            try MemberSurveyLoader.load(csv: example.header + "\n", file: "m.csv")
        }
        #expect(error?.code == MemberSurveyLoader.errorCode)
        #expect(error?.file == "m.csv")
        #expect(error?.line == 1)
        #expect(error?.column == example.column)
        #expect(error?.message.hasPrefix(example.message) == true, "\(String(describing: error))")
        #expect(error?.description.contains("root:") == false && error?.description.contains("s3cr3t") == false)
    }

    // MARK: - Row errors

    static let header =
        "firm_id,year,nace,nuts,employees,turnover_eur,energy_mwh,renewable_mwh,waste_t,waste_diverted_t,"
        + "hazardous_waste_t,accidents,women_employees,women_in_management,gender_pay_gap_pct,iso14001_or_emas"
    static let goodRow = ["A", "2024", "C29", "ES51", "10", "1000", "5", "1", "3", "1", "1", "0", "4", "1", "5", "yes"]

    struct RowCase: Sendable, CustomTestStringConvertible {
        var name: String
        /// Replacements in the second firm's row, by 1-based column.
        var cells: [Int: String]
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    static let rowCases: [RowCase] = [
        RowCase(
            name: "an empty firm id", cells: [1: ""], column: 1,
            message: "firm_id: the cell is empty; firm_id is required"),
        RowCase(
            name: "a repeated firm id in the same year", cells: [1: "A"], column: 1,
            message: "firm_id: A appears twice for 2024 (first on line 2)"),
        RowCase(
            name: "a year that is not four digits", cells: [2: "24"], column: 2,
            message: "year: 24 is not a year of four digits"),
        RowCase(
            name: "a NACE division that does not exist", cells: [3: "C99"], column: 3,
            message: "nace: C99 is not a NACE Rev. 2 division"),
        RowCase(
            name: "a NACE range", cells: [3: "C10-C12"], column: 3,
            message: "nace: C10-C12 is a group of activities"),
        RowCase(
            name: "an invalid NUTS code", cells: [4: "SP51"], column: 4,
            message: "nuts: SP51 is not a NUTS code"),
        RowCase(
            name: "a NUTS aggregate", cells: [4: "EU27_2020"], column: 4,
            message: "nuts: EU27_2020 is an aggregate of countries"),
        RowCase(
            name: "empty employees", cells: [5: ""], column: 5,
            message: "employees: the cell is empty; employees is required"),
        RowCase(
            name: "a number with a thousands separator", cells: [6: "1 000"], column: 6,
            message: "turnover_eur: 1 000 is not a number"),
        RowCase(
            name: "a number with a decimal comma", cells: [6: "\"1000,5\""], column: 6,
            message: "turnover_eur: 1000,5 is not a number"),
        RowCase(name: "not a number", cells: [7: "nan"], column: 7, message: "energy_mwh: nan is not a number"),
        RowCase(
            name: "an infinite number", cells: [7: "1e999"], column: 7,
            message: "energy_mwh: 1e999 is too large to be a number"),
        RowCase(
            name: "a negative energy use", cells: [7: "-5"], column: 7,
            message: "energy_mwh: -5 is negative; energy_mwh cannot be"),
        RowCase(
            name: "a negative waste", cells: [9: "-1", 10: "", 11: ""], column: 9,
            message: "waste_t: -1 is negative"),
        RowCase(
            name: "renewable energy above energy", cells: [8: "6"], column: 8,
            message: "renewable_mwh: 6 is more than energy_mwh (5)"),
        RowCase(
            name: "diverted waste above waste", cells: [10: "4"], column: 10,
            message: "waste_diverted_t: 4 is more than waste_t (3)"),
        RowCase(
            name: "hazardous waste above waste", cells: [11: "3.5"], column: 11,
            message: "hazardous_waste_t: 3.5 is more than waste_t (3)"),
        RowCase(
            name: "a fraction of an accident", cells: [12: "1.5"], column: 12,
            message: "accidents: 1.5 is not a whole number of accidents"),
        RowCase(
            name: "more women than employees", cells: [13: "11"], column: 13,
            message: "women_employees: 11 is more than employees (10)"),
        RowCase(
            name: "more women managers than employees", cells: [14: "12"], column: 14,
            message: "women_in_management: 12 is more than employees (10)"),
        RowCase(
            name: "a pay gap above 100 %", cells: [15: "101"], column: 15,
            message: "gender_pay_gap_pct: 101 is more than 100 %"),
        RowCase(
            name: "a certification answer other than yes or no", cells: [16: "maybe"], column: 16,
            message: "iso14001_or_emas: maybe is not yes or no"),
        RowCase(
            name: "a row with too few fields", cells: [16: "yes,extra"], column: 0,
            message: "the row has 17 fields but the header has 16"),
    ]

    @Test("A bad cell is an error naming the file, the line, the column and its name", arguments: rowCases)
    func rowErrors(_ example: RowCase) {
        var row = Self.goodRow
        row[0] = "B"
        for (column, text) in example.cells { row[column - 1] = text }
        let csv = Self.header + "\n" + Self.goodRow.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n"
        let error = #expect(throws: ImportError.self) { try MemberSurveyLoader.load(csv: csv, file: "m.csv") }
        #expect(error?.code == MemberSurveyLoader.errorCode)
        #expect(error?.file == "m.csv")
        #expect(error?.line == 3)
        #expect(error?.column == example.column)
        #expect(error?.message.hasPrefix(example.message) == true, "\(String(describing: error))")
    }

    @Test("The good row of the error table loads, with a negative pay gap allowed")
    func goodRowLoads() throws {
        var row = Self.goodRow
        row[14] = "-4.5"
        let csv = Self.header + "\n" + row.joined(separator: ",") + "\n"
        let survey = try MemberSurveyLoader.load(csv: csv, file: "m.csv")
        #expect(survey.firms.first?.genderPayGapPct == -4.5)
        #expect(survey.firms.first?.scope1TCO2e == nil)
    }

    @Test("A quoted field left open is an error at the line where it opens")
    func openQuote() {
        let csv = "firm_id,nace,nuts,employees\nA,C29,ES51,1\n\"B,C29,ES51,1\n"
        let error = #expect(throws: ImportError.self) { try MemberSurveyLoader.load(csv: csv, file: "m.csv") }
        #expect(error?.line == 3)
        #expect(error?.column == 1)
    }

    @Test("An empty file has no header row")
    func emptyFile() {
        let error = #expect(throws: ImportError.self) {
            try MemberSurveyLoader.load(csv: "# nothing\n", file: "m.csv")
        }
        #expect(error?.message == "the file has no header row")
    }
}
