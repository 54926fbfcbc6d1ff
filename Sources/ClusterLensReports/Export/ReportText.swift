/// Text forms shared by the exporters.
enum ReportText {
    /// A number as the shortest text that reads back to the same `Double` (`42`, `4.1666666666666667`,
    /// `1e-05`), valid as JSON, xs:double and CSV; `nil` for a missing or non-finite value.
    static func number(_ value: Double?) -> String? {
        guard let value, value.isFinite else { return nil }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
