public import ClusterLensCore
internal import ClusterLensSupport
internal import Foundation

/// Reads a member survey from a CSV file: one row per member firm (and year).
///
/// The columns follow the basic module of the EU voluntary sustainability reporting standard for
/// SMEs (VSME); `Indicators/members-template.csv` is a blank file to hand to members, and
/// `Indicators/members-template.md` explains every column.
///
/// ## Format
///
/// RFC 4180 CSV in UTF-8 (a byte order mark is allowed), `,` between fields, fields quoted when they
/// hold commas, quotes or line breaks. The first record is the header; the columns may come in any
/// order. Lines whose first character is `#` are comments, blank lines are skipped, and surrounding
/// spaces in a cell are ignored.
///
/// | column | content | required |
/// |---|---|---|
/// | `firm_id` | the firm's identifier, unique per year | yes |
/// | `year` | the reporting year, four digits | no (every row when present) |
/// | `nace` | main activity, NACE Rev. 2 (`C29.1`, `C291`, `29.1`); not a range or an aggregate | yes |
/// | `nuts` | region, a NUTS code of any level (`ES511`); not an aggregate | yes |
/// | `employees` | employees (headcount or FTE) | yes |
/// | `turnover_eur` | net turnover, € | no |
/// | `energy_mwh`, `renewable_mwh` | energy consumption, of which renewable, MWh | no |
/// | `scope1_tco2e`, `scope2_tco2e` | GHG emissions, t CO2e | no |
/// | `water_m3` | water withdrawal, m³ | no |
/// | `waste_t`, `waste_diverted_t`, `hazardous_waste_t` | waste; of it diverted, hazardous; t | no |
/// | `accidents`, `hours_worked` | recordable work accidents (whole number), hours worked | no |
/// | `training_hours` | training hours of all employees | no |
/// | `women_employees`, `women_in_management` | headcounts | no |
/// | `gender_pay_gap_pct` | (men's − women's mean hourly pay) / men's × 100; may be negative, at most 100 | no |
/// | `iso14001_or_emas` | `yes` or `no` (any case) | no |
///
/// A column that is left out is not reported by any firm. An empty cell is *not reported*, never 0;
/// write `0` for a reported zero. Numbers use a `.` decimal point and no thousands separators
/// (`1234.5`, `1e6`).
///
/// ## Errors
///
/// Every error is an ``ImportError`` with code ``errorCode`` (or `.unreadable` when the file cannot
/// be read). It names the file, the line where the record starts (the header is line 1, so without
/// comments the *n*-th firm is on line *n* + 1), the 1-based column and, in the message, the column's
/// name: unknown, repeated or missing columns in the header; a row with a different number of fields
/// than the header; an empty required cell; a number that does not parse or is not finite; an invalid
/// NACE or NUTS code; a negative value where none is possible; a non-whole number of accidents; a year
/// that is not four digits; an `iso14001_or_emas` other than `yes`/`no`; a repeated `firm_id` (for the
/// same year); and a part larger than its whole: `renewable_mwh` > `energy_mwh`, `waste_diverted_t` or
/// `hazardous_waste_t` > `waste_t`, `women_employees` or `women_in_management` > `employees` (reported at
/// the part's column).
public enum MemberSurveyLoader {
    /// The code of every error about the content of a survey file.
    public static let errorCode = ImportError.Code.memberSurvey

    /// Every column a survey file may have, in the order of the template.
    public static let columns: [String] =
        ["firm_id", "year", "nace", "nuts", "employees"] + MemberMetric.allCases.map(\.column) + ["iso14001_or_emas"]

    /// The columns every survey file must have.
    public static let requiredColumns: [String] = ["firm_id", "nace", "nuts", "employees"]

    /// Reads the member survey of a CSV file.
    ///
    /// - Parameter path: The file; errors name it as given.
    /// - Returns: The firms in the order of the file.
    /// - Throws: ``ImportError`` — `.unreadable` when the file does not exist, is a folder, cannot
    ///   be read or is not UTF-8; ``errorCode`` when it breaks the format (see the type's documentation).
    public static func load(file path: String) throws(ImportError) -> MemberSurvey {
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            throw ImportError(
                error.code == .notText ? .memberSurvey : .unreadable, error.message, file: path, underlying: error)
        }
        return try load(csv: text, file: path)
    }

    /// Reads a member survey from CSV text.
    ///
    /// - Parameters:
    ///   - text: The CSV, header first.
    ///   - file: The file the text came from, for errors and ``MemberSurvey/file``.
    /// - Returns: The firms in the order of the text.
    /// - Throws: ``ImportError`` with code ``errorCode`` when the text breaks the format.
    public static func load(csv text: String, file: String) throws(ImportError) -> MemberSurvey {
        let reader = CSVRecordReader(bytes: Array(text.utf8), skipsCommentsAndBlankLines: true)
        func next() throws(ImportError) -> CSVRecord? {
            guard let record = reader.nextRecord() else { return nil }
            if let line = record.unterminatedQuoteLine {
                throw ImportError(
                    errorCode, "a quoted field opened here is not closed before the end of the file", file: file,
                    line: line, column: record.fields.count)
            }
            return record
        }
        guard let header = try next() else {
            throw ImportError(errorCode, "the file has no header row", file: file, line: 1)
        }
        let layout = try MemberSurveyRowReader(header: header, file: file)
        var firms: [MemberFirm] = []
        var firstLine: [FirmKey: Int] = [:]
        while let record = try next() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let firm = try layout.firm(from: record)
            let key = FirmKey(id: firm.id, year: firm.year)
            if let first = firstLine[key] {
                let year = firm.year.map { " for \($0)" } ?? ""
                throw ImportError(
                    errorCode, "firm_id: \(firm.id) appears twice\(year) (first on line \(first))", file: file,
                    line: record.line, column: layout.columnNumber("firm_id"))
            }
            firstLine[key] = record.line
            firms.append(firm)
        }
        return MemberSurvey(file: file, firms: firms)
    }

    private struct FirmKey: Hashable {
        var id: String
        var year: Int?
    }
}
