import ClusterLensCore
import Foundation
import Testing

@testable import ClusterLensReports

/// The Excel workbook, read back by independent readers: Python's openpyxl when installed (`.ci/run`
/// installs it), and Python's standard library (`zipfile` and `xml.etree`) wherever `python3` is.
/// Without them the reader tests are skipped and say why.
///
/// The three clusters of ``ReportScoringTests`` (2021): employment es51 1 000, es52 500, es51-c 1 000;
/// local units es52 missing; index es52 200/3 ≈ 66.67, rank 1 of 3; es51 37.5, rank 2.
@Suite("Excel workbook")
struct XLSXReportExporterTests {
    @Test func columnLettersGoPastZ() {
        #expect(
            [0, 1, 25, 26, 27, 51, 52, 701, 702].map(XLSXCell.column) == [
                "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
            ])
        #expect(XLSXCell.reference(column: 2, row: 7) == "C7")
    }

    @Test func cellTextDropsWhatXMLCannotHold() {
        #expect(XLSXWorksheet.cellText("a\u{1}b\tc\nd") == "ab\tc\nd")
        #expect(XLSXWorksheet.cellText(String(repeating: "x", count: 40_000)).count == 32_767)
    }

    @Test("A sheet past Excel's rows or columns is an error naming it and pointing to csv, not a broken file")
    func sheetsPastExcelsLimitsAreRefused() throws {
        let fits = XLSXSheet(
            name: "Data", header: ["a"], rows: Array(repeating: [.empty], count: XLSXReportExporter.maximumRows - 1))
        try XLSXReportExporter.checkLimits([fits], path: "r.xlsx")
        var tooLong = fits
        tooLong.rows.append([.empty])
        let long = try #require(throws: ReportError.self) {
            try XLSXReportExporter.checkLimits([tooLong], path: "r.xlsx")
        }
        #expect(long.code == .exporter && long.file == "r.xlsx")
        #expect(long.message.hasPrefix("the workbook's sheet Data would have 1048577 rows and 1 columns"))
        #expect(long.message.contains("use csv"))
        let wide = XLSXSheet(
            name: "Coverage", header: Array(repeating: "c", count: XLSXReportExporter.maximumColumns + 1), rows: [])
        let error = try #require(throws: ReportError.self) {
            try XLSXReportExporter.checkLimits([wide], path: "r.xlsx")
        }
        #expect(error.message.hasPrefix("the workbook's sheet Coverage would have 1 rows and 16385 columns"))
    }

    @Test func numberStylesFollowTheReadableDecimals() {
        #expect(XLSXStyle.number(for: 59_335, fixed: nil) == .decimals(0))
        #expect(XLSXStyle.number(for: 1.27, fixed: nil) == .decimals(2))
        #expect(XLSXStyle.number(for: 0.00163, fixed: nil) == .decimals(5), "three significant digits")
        #expect(XLSXStyle.number(for: 500, fixed: nil) == .decimals(0), "a whole number shows no decimals")
        #expect(XLSXStyle.number(for: 0.0016, fixed: 1) == .decimals(1))
        #expect(XLSXStyle.number(forColumn: [1_000, 4.17, 0.52], fixed: nil) == .decimals(3))
        #expect(XLSXStyle.decimalsFormat(0) == "#,##0" && XLSXStyle.decimalsFormat(3) == "#,##0.000")
        #expect(XLSXStyle.decimals(2).index == 6 && XLSXStyle.percent.index == 15)
    }

    /// The workbook of the scored fixture, its model and its folder (removed by the caller).
    static func workbook() throws -> (path: String, model: ReportModel, folder: String) {
        let (model, folder) = try ReportScoringTests.model(
            extra: "periods: 2020-2021\ntargets:\n  - {indicator: employment, value: 2000, year: 2030}")
        let paths = try XLSXReportExporter().export(model, folder: folder, name: "book")
        return (paths[0], model, folder)
    }

    @Test func theWorkbookIsAZipOfTheOfficeParts() throws {
        let (path, _, folder) = try Self.workbook()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP local file header")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.hasPrefix(".") }, "no temporary files left: \(names)")
        // The same model gives the same bytes (entries are stamped with the report's time).
        let again = try XLSXReportExporter().export(
            try ReportScoringTests.model(
                extra: "periods: 2020-2021\ntargets:\n  - {indicator: employment, value: 2000, year: 2030}"
            ).0, folder: folder, name: "again")
        #expect(try Data(contentsOf: URL(fileURLWithPath: again[0])) == bytes)
    }

    @Test(.enabled(if: PythonReader.openpyxl, "python3 with openpyxl is not installed (pip install openpyxl)"))
    func openpyxlReadsTheCells() throws {
        let (path, model, folder) = try Self.workbook()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let book = try PythonReader.read(path, script: PythonReader.openpyxlScript)
        try Self.check(book, model: model, formats: true)
    }

    @Test(.enabled(if: PythonReader.python, "python3 is not installed"))
    func theStandardLibraryReadsTheCells() throws {
        let (path, model, folder) = try Self.workbook()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let book = try PythonReader.read(path, script: PythonReader.zipfileScript)
        try Self.check(book, model: model, formats: false)
    }

    /// The checks both readers must pass: sheets, frozen panes, numbers as numbers, empty missing cells.
    static func check(_ book: PythonReader.Book, model: ReportModel, formats: Bool) throws {
        #expect(
            book.sheets == [
                "Scores", "Indicators", "Data", "Coverage", "Coverage by year", "Targets", "Methods", "Definitions",
                "About",
            ])
        #expect(book.freeze["Scores"] == "C2" && book.freeze["Data"] == "A2")
        let scores = try #require(book.cells["Scores"])
        #expect(scores["A2"]?.value == .text("es51") && scores["B3"]?.value == .text("Valencia C29"))
        #expect(scores["C1"]?.value == .text("Index (0–100)"))
        #expect(scores["D1"]?.value == .text("Index rank (1 = best, of 3)"))
        let index = try #require(scores["C3"]?.value.number)
        #expect(abs(index - 200.0 / 3) < 1e-9, "es52's index at full precision")
        #expect(scores["D3"]?.value == .number(1) && scores["D2"]?.value == .number(2))
        let indicators = try #require(book.cells["Indicators"])
        let headers = (0..<8).compactMap { indicators[XLSXCell.column($0) + "1"]?.value.text }
        let employment = try #require(headers.firstIndex(of: "Cluster employment (persons)"))
        let units = try #require(headers.firstIndex { $0.hasPrefix("Local units") })
        let employmentColumn = XLSXCell.column(employment)
        #expect(indicators["\(employmentColumn)2"]?.value == .number(1000))
        #expect(indicators["\(employmentColumn)3"]?.value == .number(500))
        #expect(indicators["\(XLSXCell.column(units))2"]?.value == .number(40))
        #expect(indicators["\(XLSXCell.column(units))3"] == nil, "es52's missing local units: an empty cell, not 0")
        if formats { #expect(indicators["\(employmentColumn)2"]?.format == "#,##0", "whole numbers") }
        let data = try #require(book.cells["Data"])
        let rows = model.clusters.map(\.values.count).reduce(0, +)
        #expect(data["A\(rows + 1)"] != nil && data["A\(rows + 2)"] == nil, "one row per value")
        let missing = try #require(
            (2...rows + 1).first {
                data["C\($0)"]?.value == .text("local_units") && data["A\($0)"]?.value == .text("es52")
            })
        #expect(data["J\(missing)"] == nil && data["K\(missing)"]?.value == .text("missing"))
        #expect(data["H2"]?.value == .number(2020), "years are numbers")
        #expect(data["I2"]?.value == .boolean(false))
        let targets = try #require(book.cells["Targets"])
        #expect(targets["A2"]?.value == .text("employment") && targets["F2"]?.value == .number(2000))
        #expect(targets["N2"]?.value == .text("moderate progress"))
        let ratio = try #require(targets["M2"]?.value.number)
        #expect(abs(ratio - 0.681) < 0.001, "es51: 5.26 %/yr observed of 7.73 %/yr needed")
        if formats { #expect(targets["M2"]?.format == "0.0%") }
        let methods = try #require(book.cells["Methods"])
        #expect(methods["B1"]?.value == .text("In plain words"))
        #expect((2...40).contains { methods["A\($0)"]?.value == .text("normalisation") })
    }
}

/// Runs Python readers of a workbook and decodes what they print: `{"sheets": [...], "freeze": {...},
/// "cells": {sheet: {ref: [kind, value, format]}}}`.
enum PythonReader {
    /// Whether `python3` runs.
    static let python = (try? run(["-c", "print(1)"])) == "1\n"
    /// Whether `python3` has openpyxl.
    static let openpyxl = python && (try? run(["-c", "import openpyxl; print(1)"])) == "1\n"

    /// A cell's value as a reader saw it.
    enum Value: Equatable {
        case text(String)
        case number(Double)
        case boolean(Bool)

        var number: Double? { if case .number(let value) = self { value } else { nil } }
        var text: String? { if case .text(let value) = self { value } else { nil } }
    }

    /// A cell, printed as `[kind, value, format]` (kind `s`, `n` or `b`).
    struct Cell: Decodable {
        var value: Value
        var format: String

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            switch try container.decode(String.self) {
            case "n": value = .number(try container.decode(Double.self))
            case "b": value = .boolean(try container.decode(Bool.self))
            default: value = .text(try container.decode(String.self))
            }
            format = try container.decode(String.self)
        }
    }

    /// What a reader printed.
    struct Book: Decodable {
        var sheets: [String]
        var freeze: [String: String]
        var cells: [String: [String: Cell]]
    }

    /// Runs `script` on the workbook at `path` and decodes its output.
    static func read(_ path: String, script: String) throws -> Book {
        try JSONDecoder().decode(Book.self, from: Data(try run(["-c", script, path]).utf8))
    }

    /// Runs `python3` with `arguments`; its standard output.
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// openpyxl: every cell's kind, value and number format, and each sheet's frozen pane.
    static let openpyxlScript = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        out = {"sheets": book.sheetnames, "freeze": {}, "cells": {}}
        for sheet in book.worksheets:
            out["freeze"][sheet.title] = sheet.freeze_panes or ""
            cells = {}
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.value is None:
                        continue
                    kind = "b" if isinstance(cell.value, bool) else "n" if isinstance(cell.value, (int, float)) else "s"
                    cells[cell.coordinate] = [kind, cell.value, cell.number_format]
            out["cells"][sheet.title] = cells
        print(json.dumps(out))
        """

    /// The standard library: the ZIP's parts parsed as XML (inline strings, numbers, booleans; number
    /// formats are not resolved).
    static let zipfileScript = """
        import json, sys, zipfile, xml.etree.ElementTree as ET
        M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
        R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
        archive = zipfile.ZipFile(sys.argv[1])
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        out = {"sheets": [], "freeze": {}, "cells": {}}
        for sheet in workbook.find(M + "sheets"):
            name = sheet.get("name")
            out["sheets"].append(name)
            root = ET.fromstring(archive.read("xl/" + targets[sheet.get(R + "id")]))
            pane = root.find(f"{M}sheetViews/{M}sheetView/{M}pane")
            out["freeze"][name] = pane.get("topLeftCell") if pane is not None and pane.get("state") == "frozen" else ""
            cells = {}
            for c in root.iter(M + "c"):
                kind = c.get("t", "n")
                if kind == "inlineStr":
                    cells[c.get("r")] = ["s", "".join(t.text or "" for t in c.iter(M + "t")), ""]
                elif kind == "b":
                    cells[c.get("r")] = ["b", c.find(M + "v").text == "1", ""]
                else:
                    cells[c.get("r")] = ["n", float(c.find(M + "v").text), ""]
            out["cells"][name] = cells
        print(json.dumps(out))
        """
}
