public import ClusterLensCore

/// Moving a time period by whole periods of its own frequency, for the formula language's `lag`,
/// `change`, `cagr` and `mean`.
public enum PeriodArithmetic {
    /// `period` moved by `offset` periods (negative: earlier), in the same written form;
    /// `nil` for forms without a fixed successor (date-times, ranges).
    ///
    /// Annual `2021` → `2020`; `2021-Q1` − 1 → `2020-Q4`; `2021-M01` and `2021-01` − 1 → `2020-12`
    /// in the same notation; `2021-S1` − 1 → `2020-S2`; days move by calendar days.
    public static func shift(_ period: TimePeriod, by offset: Int) -> TimePeriod? {
        if offset == 0 { return period }
        let text = period.lexical
        let year = period.start.date.year
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        func make(_ lexical: String) -> TimePeriod? { try? TimePeriod(lexical) }
        switch period.frequency {
        case .annual:
            return text.contains("-A") ? make("\(padded(year + offset, 4))-A1") : make(padded(year + offset, 4))
        case .semester, .quarter, .trimester, .month:
            // Reporting forms write the letter (`2021-Q3`, `2021-M07`); Gregorian months do not (`2021-07`).
            let perYear = [TimeFrequency.semester: 2, .trimester: 3, .quarter: 4, .month: 12][period.frequency] ?? 12
            let letter = period.frequency == .month && !text.contains("M") ? "" : period.frequency.rawValue
            let digits = text.split(separator: "-").last.map { $0.drop { !$0.isNumber }.prefix { $0.isNumber } }
            guard let digits, let index = Int(digits) else { return nil }
            let total = year * perYear + (index - 1) + offset
            let number = total % perYear + 1
            let numberText = period.frequency == .month ? padded(number, 2) : String(number)
            return make("\(padded(total / perYear, 4))-\(letter)\(numberText)")
        case .day:
            guard !text.contains("-D") else { return nil }
            let date = period.start.date.adding(days: offset)
            return make("\(padded(date.year, 4))-\(padded(date.month, 2))-\(padded(date.day, 2))")
        default:
            return nil
        }
    }
}
