/// A day in the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// The Gregorian rules are applied to every year, including those before 1582; year 0 is the year
/// before year 1 (astronomical numbering). Conversions to and from a day count use Howard Hinnant's
/// `days_from_civil` / `civil_from_days` algorithms, so no calendar library (and no Foundation) is
/// involved. Day counts are relative to 1970-01-01, which is day 0.
///
/// Dates order chronologically.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year (astronomical numbering: 0 is 1 BCE).
    public let year: Int
    private let storedMonth: UInt8
    private let storedDay: UInt8

    /// The month, 1 (January) through 12 (December).
    public var month: Int { Int(storedMonth) }
    /// The day of the month, starting at 1.
    public var day: Int { Int(storedDay) }

    /// Creates a date from its year, month and day, or returns `nil` if no such day exists.
    ///
    /// - Parameters:
    ///   - year: The year, within ``supportedYears``.
    ///   - month: The month, 1–12.
    ///   - day: The day of the month, 1 through the length of that month (29 for February in leap years).
    public init?(year: Int, month: Int, day: Int) {
        guard Self.supportedYears.contains(year), (1...12).contains(month),
            day >= 1, day <= Self.numberOfDays(inMonth: month, year: year)
        else { return nil }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// Creates a date from components the caller has already validated.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.storedMonth = UInt8(truncatingIfNeeded: month)
        self.storedDay = UInt8(truncatingIfNeeded: day)
    }

    /// Creates the date that lies a number of days after (or, if negative, before) 1970-01-01.
    ///
    /// This is Howard Hinnant's `civil_from_days`. Like every calculation of this type it is meant for
    /// dates within ``supportedYears``; far outside them the year is still exact, but counts large
    /// enough to overflow `Int` trap.
    ///
    /// - Parameter daysSinceEpoch: Days since 1970-01-01; 0 is 1970-01-01 itself.
    public init(daysSinceEpoch: Int) {
        let shifted = daysSinceEpoch + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097  // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365  // 0...399
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // 0...365, from March 1
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // 0...11, March = 0
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// The years a date may be created with: ±1,000,000, far beyond any SDMX period, small enough that
    /// no day or second count derived from a date can overflow.
    public static let supportedYears: ClosedRange<Int> = -1_000_000...1_000_000

    /// The number of days from 1970-01-01 to this date (negative before 1970).
    ///
    /// This is Howard Hinnant's `days_from_civil`.
    public var daysSinceEpoch: Int {
        let month = self.month
        let marchBasedYear = month <= 2 ? year - 1 : year
        let era = (marchBasedYear >= 0 ? marchBasedYear : marchBasedYear - 399) / 400
        let yearOfEra = marchBasedYear - era * 400  // 0...399
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // 0...365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear  // 0...146096
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The ISO 8601 day of the week: 1 for Monday through 7 for Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let mondayBased = (daysSinceEpoch + 3) % 7  // 0 = Monday, possibly negative
        return (mondayBased < 0 ? mondayBased + 7 : mondayBased) + 1
    }

    /// The date a number of days later (or, if negative, earlier).
    ///
    /// - Parameter days: The number of days to move.
    /// - Returns: The resulting date.
    public func adding(days: Int) -> CivilDate {
        days == 0 ? self : CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The date a number of calendar months later (or, if negative, earlier), keeping the day of the
    /// month where possible.
    ///
    /// When the target month is shorter than the day of the month, the result is clamped to the
    /// target month's last day: 2021-01-31 plus one month is 2021-02-28, and 2024-01-31 plus one month
    /// is 2024-02-29. This is the rule of XML Schema's "adding durations to dateTimes" (appendix E of
    /// XML Schema Part 2) and of ISO 8601 calendar arithmetic.
    ///
    /// - Parameter months: The number of months to move.
    /// - Returns: The resulting date.
    public func adding(months: Int) -> CivilDate {
        guard months != 0 else { return self }
        let zeroBasedMonth = year * 12 + (month - 1) + months
        let newYear = CalendarSupport.floorDivide(zeroBasedMonth, 12)
        let newMonth = zeroBasedMonth - newYear * 12 + 1
        let newDay = Swift.min(day, Self.numberOfDays(inMonth: newMonth, year: newYear))
        return CivilDate(uncheckedYear: newYear, month: newMonth, day: newDay)
    }

    /// Whether a year is a leap year in the proleptic Gregorian calendar (divisible by 4, except
    /// centuries not divisible by 400: 1900 is not, 2000 is).
    ///
    /// - Parameter year: The year (astronomical numbering).
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in a month: 28–31.
    ///
    /// - Parameters:
    ///   - month: The month, 1–12. Values outside that range return 0.
    ///   - year: The year, which matters for February.
    public static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// The number of days in a year: 365, or 366 in leap years.
    ///
    /// - Parameter year: The year (astronomical numbering).
    public static func numberOfDays(inYear year: Int) -> Int {
        isLeapYear(year) ? 366 : 365
    }

    /// Whether `lhs` is an earlier day than `rhs`.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.storedMonth, lhs.storedDay) < (rhs.year, rhs.storedMonth, rhs.storedDay)
    }

    /// The date in ISO 8601 extended form, `YYYY-MM-DD` (years padded to four digits, with a leading
    /// `-` before year 0).
    public var description: String {
        var text = ""
        CalendarSupport.appendISOYear(year, to: &text)
        text.append("-")
        CalendarSupport.appendPadded(month, width: 2, to: &text)
        text.append("-")
        CalendarSupport.appendPadded(day, width: 2, to: &text)
        return text
    }
}

/// A civil date and time of day, with an optional offset from UTC.
///
/// Without an offset the value is *floating* local time, as in an `xs:dateTime` written without a
/// time zone. With one it names a single instant. Time of day is kept as whole seconds since
/// midnight (0–86 399) plus a nanosecond part; there are no leap seconds.
///
/// `==` and `hash(into:)` compare the written fields: `10:00:00+01:00` and `09:00:00Z` are the same
/// instant but not equal values. Compare ``epochSeconds`` and ``nanosecond`` to compare instants;
/// ``TimePeriod``'s equality and ordering do that.
public struct CivilDateTime: Sendable, Hashable, CustomStringConvertible {
    /// The calendar day.
    public let date: CivilDate
    private let storedSeconds: Int32
    private let storedNanosecond: Int32
    private let storedOffset: Int16?

    /// Whole seconds since midnight, 0–86 399.
    public var secondsSinceMidnight: Int { Int(storedSeconds) }
    /// The fraction of the second, in nanoseconds (0–999 999 999).
    public var nanosecond: Int { Int(storedNanosecond) }
    /// The offset from UTC in minutes (east positive, −840…840), or `nil` for floating local time.
    public var utcOffsetMinutes: Int? { storedOffset.map { Int($0) } }
    /// The hour of the day, 0–23.
    public var hour: Int { secondsSinceMidnight / 3600 }
    /// The minute of the hour, 0–59.
    public var minute: Int { secondsSinceMidnight / 60 % 60 }
    /// The second of the minute, 0–59.
    public var second: Int { secondsSinceMidnight % 60 }

    /// The range of UTC offsets, in minutes, that XML Schema allows (−14:00 to +14:00).
    public static let supportedUTCOffsets: ClosedRange<Int> = -840...840

    /// Creates a date-time, or returns `nil` if a component is out of range.
    ///
    /// - Parameters:
    ///   - date: The calendar day.
    ///   - secondsSinceMidnight: Whole seconds since midnight, 0–86 399.
    ///   - nanosecond: The fraction of the second in nanoseconds, 0–999 999 999.
    ///   - utcOffsetMinutes: The offset from UTC in minutes, within ``supportedUTCOffsets``, or `nil`
    ///     for floating local time.
    public init?(date: CivilDate, secondsSinceMidnight: Int = 0, nanosecond: Int = 0, utcOffsetMinutes: Int? = nil) {
        guard (0..<86_400).contains(secondsSinceMidnight), (0..<1_000_000_000).contains(nanosecond) else {
            return nil
        }
        if let offset = utcOffsetMinutes, !Self.supportedUTCOffsets.contains(offset) { return nil }
        self.init(
            uncheckedDate: date, secondsSinceMidnight: secondsSinceMidnight, nanosecond: nanosecond,
            utcOffsetMinutes: utcOffsetMinutes)
    }

    /// Creates the first instant (00:00:00) of a day, in floating local time.
    ///
    /// - Parameter date: The calendar day.
    public init(startOf date: CivilDate) {
        self.init(uncheckedDate: date, secondsSinceMidnight: 0, nanosecond: 0, utcOffsetMinutes: nil)
    }

    /// Creates a date-time from components the caller has already validated.
    init(uncheckedDate date: CivilDate, secondsSinceMidnight: Int, nanosecond: Int, utcOffsetMinutes: Int?) {
        self.date = date
        self.storedSeconds = Int32(truncatingIfNeeded: secondsSinceMidnight)
        self.storedNanosecond = Int32(truncatingIfNeeded: nanosecond)
        self.storedOffset = utcOffsetMinutes.map { Int16(truncatingIfNeeded: $0) }
    }

    /// Seconds since 1970-01-01T00:00:00Z, with the UTC offset applied (10:00:00+01:00 is 09:00:00Z).
    ///
    /// Floating local times (no offset) are read as if they were UTC. The fraction of the second is in
    /// ``nanosecond``.
    public var epochSeconds: Int {
        date.daysSinceEpoch * 86_400 + secondsSinceMidnight - (utcOffsetMinutes ?? 0) * 60
    }

    /// The same time of day a number of days later (or earlier), with the same UTC offset.
    ///
    /// - Parameter days: The number of days to move.
    /// - Returns: The resulting date-time.
    public func adding(days: Int) -> CivilDateTime {
        CivilDateTime(
            uncheckedDate: date.adding(days: days), secondsSinceMidnight: secondsSinceMidnight,
            nanosecond: nanosecond, utcOffsetMinutes: utcOffsetMinutes)
    }

    /// The same time of day a number of calendar months later (or earlier), clamping the day of the
    /// month as ``CivilDate/adding(months:)`` does.
    ///
    /// - Parameter months: The number of months to move.
    /// - Returns: The resulting date-time.
    public func adding(months: Int) -> CivilDateTime {
        CivilDateTime(
            uncheckedDate: date.adding(months: months), secondsSinceMidnight: secondsSinceMidnight,
            nanosecond: nanosecond, utcOffsetMinutes: utcOffsetMinutes)
    }

    /// The date-time an exact amount of time later (or earlier), carrying into the date as needed and
    /// keeping the UTC offset. Days are always 86 400 seconds long.
    ///
    /// - Parameters:
    ///   - seconds: Whole seconds to add.
    ///   - nanoseconds: Nanoseconds to add on top of `seconds`.
    /// - Returns: The resulting date-time.
    public func adding(seconds: Int, nanoseconds: Int = 0) -> CivilDateTime {
        let nanos = nanosecond + nanoseconds
        let nanoCarry = CalendarSupport.floorDivide(nanos, 1_000_000_000)
        let totalSeconds = secondsSinceMidnight + seconds + nanoCarry
        let dayCarry = CalendarSupport.floorDivide(totalSeconds, 86_400)
        return CivilDateTime(
            uncheckedDate: date.adding(days: dayCarry),
            secondsSinceMidnight: totalSeconds - dayCarry * 86_400,
            nanosecond: nanos - nanoCarry * 1_000_000_000,
            utcOffsetMinutes: utcOffsetMinutes)
    }

    /// The date-time in ISO 8601 extended form, `YYYY-MM-DDThh:mm:ss`, followed by the fraction of the
    /// second when it is not zero (without trailing zeros) and by `Z` or `±hh:mm` when there is an offset.
    public var description: String {
        var text = date.description
        text.append("T")
        CalendarSupport.appendPadded(hour, width: 2, to: &text)
        text.append(":")
        CalendarSupport.appendPadded(minute, width: 2, to: &text)
        text.append(":")
        CalendarSupport.appendPadded(second, width: 2, to: &text)
        if nanosecond != 0 {
            var fraction = nanosecond
            var width = 9
            while fraction % 10 == 0 {
                fraction /= 10
                width -= 1
            }
            text.append(".")
            CalendarSupport.appendPadded(fraction, width: width, to: &text)
        }
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                text.append("Z")
            } else {
                text.append(offset < 0 ? "-" : "+")
                CalendarSupport.appendPadded(abs(offset) / 60, width: 2, to: &text)
                text.append(":")
                CalendarSupport.appendPadded(abs(offset) % 60, width: 2, to: &text)
            }
        }
        return text
    }
}

/// Arithmetic and formatting helpers shared by the calendar types.
enum CalendarSupport {
    /// Floor division: rounds towards negative infinity, unlike `/`.
    @inline(__always)
    static func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
        let quotient = dividend / divisor
        return (dividend % divisor != 0 && (dividend < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// Appends a non-negative number padded with leading zeros to at least `width` digits.
    static func appendPadded(_ value: Int, width: Int, to text: inout String) {
        let digits = String(value)
        if digits.utf8.count < width {
            text.append(String(repeating: "0", count: width - digits.utf8.count))
        }
        text.append(digits)
    }

    /// Appends an ISO 8601 year: four digits at least, `-` before negative years.
    static func appendISOYear(_ year: Int, to text: inout String) {
        if year < 0 { text.append("-") }
        appendPadded(abs(year), width: 4, to: &text)
    }
}
