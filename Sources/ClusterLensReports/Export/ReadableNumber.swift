internal import Foundation

/// Numbers rounded for reading, as CSV and HTML write them (JSON and XML keep full precision, and the
/// workbook stores full precision behind a display format of the same decimals).
///
/// With a report's `decimals: N` a number is rounded to N decimals; without it, the automatic rule
/// never rounds left of the decimal point and keeps three significant digits below 1: 0 decimals from
/// 10 000, 1 from 100, 2 from 1, and 2 − ⌊log10 |x|⌋ below 1 (0.00163 keeps 5, 0.452 keeps 3), at most 10.
/// Trailing zeros are dropped: `12.5`, not `12.50`; `3`, not `3.00`.
enum ReadableNumber {
    /// The report's `decimals:` while an exporter writes it (`nil`: the automatic rule).
    @TaskLocal static var decimals: Int?

    /// Runs `body` (an exporter's writing) with numbers rounded to `decimals` (`nil`: the automatic rule).
    static func rounding<T>(to decimals: Int?, _ body: () throws(ReportError) -> T) throws(ReportError) -> T {
        let result = $decimals.withValue(decimals) { () -> Result<T, ReportError> in
            do throws(ReportError) { return .success(try body()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The decimals `value` is shown with: `fixed` when given, else the automatic rule.
    static func decimals(of value: Double, fixed: Int?) -> Int {
        if let fixed { return max(0, min(10, fixed)) }
        let magnitude = abs(value)
        guard magnitude > 0, magnitude.isFinite else { return 0 }
        if magnitude >= 10_000 { return 0 }
        if magnitude >= 100 { return 1 }
        if magnitude >= 1 { return 2 }
        return max(0, min(10, 2 - Int(log10(magnitude).rounded(.down))))
    }

    /// `value` rounded for reading, without grouping (`-1234.5`, `0.0016`), `-0` written `0`; `nil`
    /// when missing or not finite.
    ///
    /// - Parameter fixed: The decimals; by default the report's (``decimals``) or the automatic rule.
    static func text(_ value: Double?, fixed: Int?? = nil) -> String? {
        guard let value, value.isFinite else { return nil }
        let places = decimals(of: value, fixed: fixed ?? decimals)
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return text
    }
}
