internal import Foundation

/// Text for the HTML report: escaping and number formatting.
enum HTMLText {
    /// `text` with `& < > " '` escaped, safe in element content and in quoted attributes.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A value for reading: rounded as ``ReadableNumber`` says (the report's `decimals:`, else the
    /// automatic rule), thousands separated by a thin space (`12 345.6`), a real minus sign; `–` when
    /// missing.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        let magnitude = abs(value)
        let decimals = ReadableNumber.decimals(of: value, fixed: ReadableNumber.decimals)
        let text = String(format: "%.\(decimals)f", magnitude)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "\u{2009}" + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = integer + grouped
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && (Double(text) ?? 0) != 0 ? "−" : ""
        return sign + grouped + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `a3f9c2…` — the first 12 hex digits of a SHA-256.
    static func shortDigest(_ digest: String) -> String {
        String(digest.prefix(12)) + "…"
    }
}
