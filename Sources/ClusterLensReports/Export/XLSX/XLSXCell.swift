/// One cell of a workbook sheet: a number stored as a number (with a display format), text, a
/// boolean, or nothing — a missing value is an empty cell, never 0.
enum XLSXCell: Sendable, Equatable {
    /// No value: the cell is left out of the sheet.
    case empty
    /// Text, stored inline.
    case text(String, XLSXStyle = .text)
    /// A number at full precision, shown with `style`'s format.
    case number(Double, XLSXStyle)
    /// TRUE or FALSE.
    case boolean(Bool)

    /// A number, or an empty cell when missing or not finite.
    static func number(_ value: Double?, _ style: XLSXStyle) -> XLSXCell {
        guard let value, value.isFinite else { return .empty }
        return .number(value, style)
    }

    /// A whole number (a rank, a count, a year), or an empty cell.
    static func integer(_ value: Int?) -> XLSXCell {
        value.map { .number(Double($0), .integer) } ?? .empty
    }

    /// Text, or an empty cell for `nil` and the empty string.
    static func text(_ value: String?) -> XLSXCell {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }

    /// About how many characters wide the cell shows, for the column width.
    var displayWidth: Int {
        switch self {
        case .empty: 0
        case .boolean: 5
        case .text(let text, let style):
            style == .wrapped ? min(text.count, 60) : (text.split(separator: "\n").map(\.count).max() ?? 0)
        case .number(let value, let style):
            style.sampleText(value).count
        }
    }

    /// `A`, …, `Z`, `AA`, …: the letters of a column (0-based).
    static func column(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// `B3`: the reference of a cell (0-based column, 1-based row).
    static func reference(column: Int, row: Int) -> String {
        "\(Self.column(column))\(row)"
    }
}
