internal import Foundation

/// The cell formats of the workbook (the `cellXfs` of `xl/styles.xml`, in this order): numbers keep
/// full precision and are shown with a format.
enum XLSXStyle: Equatable, Sendable {
    /// General text.
    case text
    /// A header cell: bold on a tinted fill, a rule below, wrapped.
    case header
    /// Long text wrapped in its column, top-aligned (methods, reasons).
    case wrapped
    /// A whole number without thousands separators (years, ranks, counts): format `0`.
    case integer
    /// A number with thousands separators and `n` decimals (0–10): `#,##0.00` for 2.
    case decimals(Int)
    /// A share (0–1) shown as a percentage with one decimal: `0.0%`.
    case percent

    /// The index of the style in `cellXfs`.
    var index: Int {
        switch self {
        case .text: 0
        case .header: 1
        case .wrapped: 2
        case .integer: 3
        case .decimals(let places): 4 + max(0, min(10, places))
        case .percent: 15
        }
    }

    /// The number format code of `.decimals(places)`.
    static func decimalsFormat(_ places: Int) -> String {
        places == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: places)
    }

    /// How a number looks in this format, for column widths.
    func sampleText(_ value: Double) -> String {
        switch self {
        case .integer: return String(format: "%.0f", value)
        case .percent: return String(format: "%.1f%%", value * 100)
        case .decimals(let places):
            let plain = String(format: "%.\(max(0, min(10, places)))f", value)
            let digits = plain.split(separator: ".").first?.filter(\.isNumber).count ?? 0
            return plain + String(repeating: ",", count: max(0, (digits - 1) / 3))
        case .text, .header, .wrapped: return String(value)
        }
    }

    /// The number style for `value` in a report with `decimals:` `fixed` (``ReadableNumber``'s rule
    /// when `nil`): the workbook shows what the CSV and HTML show, and stores full precision.
    /// A whole number shows no decimals, as the CSV and HTML drop trailing zeros.
    static func number(for value: Double?, fixed: Int?) -> XLSXStyle {
        .decimals(value.map { places(of: $0, fixed: fixed) } ?? fixed ?? 2)
    }

    /// The number style shared by a column of values: enough decimals for its smallest non-zero value
    /// (none when every value is whole).
    static func number(forColumn values: [Double], fixed: Int?) -> XLSXStyle {
        .decimals(values.map { places(of: $0, fixed: fixed) }.max() ?? fixed ?? 2)
    }

    private static func places(of value: Double, fixed: Int?) -> Int {
        value == value.rounded() ? 0 : ReadableNumber.decimals(of: value, fixed: fixed)
    }
}
