internal import ClusterLensCore
internal import ClusterLensSupport
internal import Foundation

/// Turns the records of a member survey file into firms, given its header; reports every problem at
/// the record's line and the cell's column.
struct MemberSurveyRowReader {
    private let file: String
    private let headerLine: Int
    /// The column names, in the order of the header.
    private let names: [String]
    /// Where each known column is (0-based).
    private let index: [String: Int]

    /// Checks the header: every name known, none repeated, the required ones present.
    init(header: CSVRecord, file: String) throws(ImportError) {
        self.file = file
        self.headerLine = header.line
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        // A file whose first line names no survey column is something else (a path such as
        // /etc/passwd given as `members:`): say so without echoing its content.
        guard names.contains(where: MemberSurveyLoader.columns.contains) else {
            throw ImportError(
                MemberSurveyLoader.errorCode,
                "not a member survey: its first line names none of the columns "
                    + MemberSurveyLoader.columns.joined(separator: ", "), file: file, line: header.line)
        }
        var index: [String: Int] = [:]
        for (offset, name) in names.enumerated() {
            guard MemberSurveyLoader.columns.contains(name) else {
                // Only a short plain name is shown; anything else could be a line of a secret file.
                let isPlain =
                    name.count <= 40
                    && name.unicodeScalars.allSatisfy {
                        $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_- %".unicodeScalars.contains($0))
                    }
                let shown =
                    name.isEmpty
                    ? "an empty column name" : isPlain ? "unknown column \(name)" : "an unknown column name"
                throw ImportError(
                    MemberSurveyLoader.errorCode,
                    "\(shown); the columns are " + MemberSurveyLoader.columns.joined(separator: ", "), file: file,
                    line: header.line, column: offset + 1)
            }
            if let first = index[name] {
                throw ImportError(
                    MemberSurveyLoader.errorCode, "column \(name) appears twice (first in column \(first + 1))",
                    file: file, line: header.line, column: offset + 1)
            }
            index[name] = offset
        }
        for required in MemberSurveyLoader.requiredColumns where index[required] == nil {
            throw ImportError(
                MemberSurveyLoader.errorCode, "the header has no \(required) column, which is required", file: file,
                line: header.line)
        }
        self.names = names
        self.index = index
    }

    /// The 1-based column of a known column name, 0 when the file does not have it.
    func columnNumber(_ name: String) -> Int {
        index[name].map { $0 + 1 } ?? 0
    }

    /// Reads one firm from a record.
    func firm(from record: CSVRecord) throws(ImportError) -> MemberFirm {
        guard record.fields.count == names.count else {
            throw ImportError(
                MemberSurveyLoader.errorCode,
                "the row has \(record.fields.count) fields but the header has \(names.count)", file: file,
                line: record.line)
        }
        let cells = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let row = Row(reader: self, line: record.line, cells: cells)

        let id = try row.required("firm_id")
        let year = try row.year()
        let naceText = try row.required("nace")
        let nace: NACECode
        do {
            nace = try NACECode(naceText)
        } catch {
            throw row.error("nace", error.message)
        }
        if nace.isRange || nace.isAggregate {
            throw row.error("nace", "\(naceText) is a group of activities; give the firm's main activity")
        }
        let nutsText = try row.required("nuts")
        let nuts: NUTSCode
        do {
            nuts = try NUTSCode(nutsText)
        } catch {
            throw row.error("nuts", error.message)
        }
        if nuts.isAggregate {
            throw row.error("nuts", "\(nutsText) is an aggregate of countries; give the firm's region")
        }
        guard let employees = try row.number("employees", nonNegative: true) else {
            throw row.error("employees", "the cell is empty; employees is required")
        }

        var firm = MemberFirm(id: id, year: year, nace: nace, nuts: nuts, employees: employees)
        for metric in MemberMetric.allCases {
            firm[metric] = try row.number(metric.column, nonNegative: metric.isNonNegative)
        }
        if let accidents = firm.accidents, accidents != accidents.rounded() {
            throw row.error("accidents", "\(row.cell("accidents")) is not a whole number of accidents")
        }
        if let gap = firm.genderPayGapPct, gap > 100 {
            throw row.error(
                "gender_pay_gap_pct", "\(row.cell("gender_pay_gap_pct")) is more than 100 % (women paid nothing)")
        }
        firm.iso14001OrEMAS = try row.yesNo("iso14001_or_emas")

        try row.checkPart(firm.renewableMWh, "renewable_mwh", of: firm.energyMWh, "energy_mwh")
        try row.checkPart(firm.wasteDivertedT, "waste_diverted_t", of: firm.wasteT, "waste_t")
        try row.checkPart(firm.hazardousWasteT, "hazardous_waste_t", of: firm.wasteT, "waste_t")
        try row.checkPart(firm.womenEmployees, "women_employees", of: firm.employees, "employees")
        try row.checkPart(firm.womenInManagement, "women_in_management", of: firm.employees, "employees")
        return firm
    }

    /// The cells of one record, with the checks that name their column.
    private struct Row {
        let reader: MemberSurveyRowReader
        let line: Int
        let cells: [String]

        /// The trimmed cell of a column, empty when the file does not have the column.
        func cell(_ name: String) -> String {
            reader.index[name].map { cells[$0] } ?? ""
        }

        /// An error at this row and the column `name`, the message prefixed with the column's name.
        func error(_ name: String, _ message: String) -> ImportError {
            ImportError(
                MemberSurveyLoader.errorCode, "\(name): \(message)", file: reader.file, line: line,
                column: reader.columnNumber(name))
        }

        func required(_ name: String) throws(ImportError) -> String {
            let text = cell(name)
            guard !text.isEmpty else { throw error(name, "the cell is empty; \(name) is required") }
            return text
        }

        func year() throws(ImportError) -> Int? {
            guard reader.index["year"] != nil else { return nil }
            let text = try required("year")
            guard text.utf8.count == 4, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let year = Int(text)
            else {
                throw error("year", "\(text) is not a year of four digits")
            }
            return year
        }

        /// The number in a column, `nil` when the cell is empty (not reported).
        func number(_ name: String, nonNegative: Bool) throws(ImportError) -> Double? {
            let text = cell(name)
            guard !text.isEmpty else { return nil }
            if Self.isDecimal(text), let value = Double(text), !value.isFinite {
                throw error(name, "\(text) is too large to be a number")
            }
            guard Self.isDecimal(text), let value = Double(text) else {
                throw error(
                    name,
                    "\(text) is not a number (write it with a '.' decimal point and no thousands separators,"
                        + " such as 1234.5; leave the cell empty when not reported)")
            }
            if nonNegative && value < 0 {
                throw error(name, "\(text) is negative; \(name) cannot be")
            }
            return value == 0 ? 0 : value
        }

        /// `yes` → true, `no` → false, empty → nil.
        func yesNo(_ name: String) throws(ImportError) -> Bool? {
            let text = cell(name)
            switch text.lowercased() {
            case "": return nil
            case "yes": return true
            case "no": return false
            default: throw error(name, "\(text) is not yes or no (leave the cell empty when not reported)")
            }
        }

        /// Throws when a reported part is larger than its reported whole.
        func checkPart(_ part: Double?, _ partName: String, of whole: Double?, _ wholeName: String)
            throws(ImportError)
        {
            guard let part, let whole, part > whole else { return }
            throw error(partName, "\(cell(partName)) is more than \(wholeName) (\(cell(wholeName)))")
        }

        /// Whether text is a plain decimal number: `-12`, `3.5`, `1e6`, `2.5E-3`.
        static func isDecimal(_ text: String) -> Bool {
            var bytes = Substring(text).utf8[...]
            let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
            if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let integer = bytes.prefix(while: isDigit)
            bytes = bytes.dropFirst(integer.count)
            var fraction = bytes.prefix(0)
            if bytes.first == UInt8(ascii: ".") {
                bytes = bytes.dropFirst()
                fraction = bytes.prefix(while: isDigit)
                bytes = bytes.dropFirst(fraction.count)
            }
            guard !integer.isEmpty || !fraction.isEmpty else { return false }
            if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
                let exponent = bytes.prefix(while: isDigit)
                guard !exponent.isEmpty else { return false }
                bytes = bytes.dropFirst(exponent.count)
            }
            return bytes.isEmpty
        }
    }
}
