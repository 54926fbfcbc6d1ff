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
            let perYear: Int
            let letter: String
            switch period.frequency {
            case .semester: (perYear, letter) = (2, "S")
            case .quarter: (perYear, letter) = (4, "Q")
            case .trimester: (perYear, letter) = (3, "T")
            default: (perYear, letter) = (12, "M")
            }
            guard
                let indexText = text.split(separator: letter == "M" && !text.contains("M") ? "-" : Character(letter))
                    .last,
                let index = Int(indexText.prefix { $0.isNumber })
            else { return nil }
            let total = year * perYear + (index - 1) + offset
            let newYear = total / perYear
            let newIndex = total % perYear + 1
            if letter == "M" && !text.contains("M") { return make("\(padded(newYear, 4))-\(padded(newIndex, 2))") }
            return make("\(padded(newYear, 4))-\(letter)\(letter == "M" ? padded(newIndex, 2) : String(newIndex))")
        case .day:
            guard !text.contains("-D") else { return nil }
            let date = period.start.date.adding(days: offset)
            return make("\(padded(date.year, 4))-\(padded(date.month, 2))-\(padded(date.day, 2))")
        default:
            return nil
        }
    }
}
