/// A day of the year without a year: the value of SDMX's `REPORTING_YEAR_START_DAY` attribute.
///
/// Written as an `xs:gMonthDay`, `--MM-DD`: `--07-01` is July 1. Reporting periods such as
/// `2021-Q1` count from this day in the period's year, so with `--07-01` reporting year 2021 runs
/// from 2021-07-01 to 2022-07-01 and `2021-Q1` is July to September 2021.
///
/// February 29 is rejected: a reporting year must start on a day every year has.
public struct MonthDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1 through the month's length (28 for February).
    public let day: Int

    /// January 1, the reporting-year start day SDMX assumes when none is given; with it, reporting
    /// periods coincide with calendar periods.
    public static let januaryFirst = MonthDay(uncheckedMonth: 1, day: 1)

    private init(uncheckedMonth month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// Creates a reporting-year start day from its month and day.
    ///
    /// - Parameters:
    ///   - month: The month, 1–12.
    ///   - day: The day of the month, 1 through that month's length; February 29 is not allowed.
    /// - Throws: ``CoreError`` with code ``CoreError/Code/malformedCalendarValue`` if no such day exists
    ///   in every year.
    public init(month: Int, day: Int) throws(CoreError) {
        guard (1...12).contains(month) else {
            throw CoreError(.malformedCalendarValue, "month \(month) does not exist (months are 1–12)")
        }
        if month == 2 && day == 29 {
            throw CoreError(
                .malformedCalendarValue,
                "February 29 cannot start a reporting year, as most years lack it")
        }
        guard day >= 1, day <= CivilDate.numberOfDays(inMonth: month, year: 2001) else {
            throw CoreError(.malformedCalendarValue, "day \(day) does not exist in month \(month)")
        }
        self.init(uncheckedMonth: month, day: day)
    }

    /// Parses an `xs:gMonthDay` such as `--07-01`.
    ///
    /// Surrounding XML whitespace (space, tab, CR, LF) is ignored. A time-zone suffix, which
    /// `xs:gMonthDay` allows, is rejected: the time zone of a reporting period is written on the period.
    ///
    /// - Parameter text: The attribute value.
    /// - Throws: ``CoreError`` with code ``CoreError/Code/malformedCalendarValue`` if the text is not
    ///   `--MM-DD` with a day that exists in every year.
    public init(parsing text: String) throws(CoreError) {
        let utf8 = text.utf8
        var lower = utf8.startIndex
        var upper = utf8.endIndex
        while lower < upper, TimePeriod.isXMLWhitespace(utf8[lower]) { lower = utf8.index(after: lower) }
        while lower < upper, TimePeriod.isXMLWhitespace(utf8[utf8.index(before: upper)]) {
            upper = utf8.index(before: upper)
        }
        var month = 0
        var day = 0
        var count = 0
        var wellFormed = true
        for byte in utf8[lower..<upper] {
            let digit = Int(byte &- 0x30)
            switch count {
            case 0, 1, 4: wellFormed = wellFormed && byte == 0x2D  // "-"
            case 2, 3: wellFormed = wellFormed && digit < 10; month = month * 10 + digit
            case 5, 6: wellFormed = wellFormed && digit < 10; day = day * 10 + digit
            default: break  // too long: reported below
            }
            count += 1
        }
        guard wellFormed, count == 7 else {
            let eighth = count > 7 ? utf8[utf8.index(lower, offsetBy: 7)] : 0
            let hasZone = wellFormed && (eighth == 0x5A || eighth == 0x2B || eighth == 0x2D)  // Z + -
            throw Self.malformed(
                text, hasZone ? "expected --MM-DD without a time zone" : "expected --MM-DD, e.g. --07-01")
        }
        do {
            try self.init(month: month, day: day)
        } catch {
            throw Self.malformed(text, error.message)
        }
    }

    private static func malformed(_ text: String, _ reason: String) -> CoreError {
        CoreError(.malformedCalendarValue, "\"\(text)\" is not a reporting-year start day: \(reason)")
    }

    /// The first day of the reporting year that is named `year`.
    ///
    /// - Parameter year: The reporting year, as written at the start of a reporting period.
    /// - Returns: The date of this month and day in `year`.
    public func date(inYear year: Int) -> CivilDate {
        CivilDate(uncheckedYear: year, month: month, day: day)
    }

    /// Whether `lhs` comes earlier in the year than `rhs`.
    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool {
        (lhs.month, lhs.day) < (rhs.month, rhs.day)
    }

    /// The day as an `xs:gMonthDay`, `--MM-DD`.
    public var description: String {
        var text = "--"
        CalendarSupport.appendPadded(month, width: 2, to: &text)
        text.append("-")
        CalendarSupport.appendPadded(day, width: 2, to: &text)
        return text
    }
}
