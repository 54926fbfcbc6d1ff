// The SDMX time-period grammar, parsed by hand from UTF-8 bytes.
//
// The importer parses one period per observation, so the common path allocates nothing: no
// `split`, no regular expressions, no substrings; digits are read straight from the bytes.

extension TimePeriod {
    /// What the parser found: the interval and, if whitespace had to be trimmed, the trimmed text.
    struct Parsed {
        var frequency: TimeFrequency
        var start: CivilDateTime
        var end: CivilDateTime
        var trimmedLexical: String?
    }

    /// Parses `text` from its contiguous UTF-8 storage (copying it first only if it has none, as
    /// bridged strings may not).
    static func parse(_ text: String, reportingYearStartDay: MonthDay) -> Result<Parsed, CoreError> {
        if let result = text.utf8.withContiguousStorageIfAvailable({
            parse(bytes: $0, reportingYearStartDay: reportingYearStartDay)
        }) {
            return result
        }
        return Array(text.utf8).withUnsafeBufferPointer {
            parse(bytes: $0, reportingYearStartDay: reportingYearStartDay)
        }
    }

    /// Trims XML whitespace and parses what remains.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, reportingYearStartDay: MonthDay) -> Result<Parsed, CoreError> {
        var lower = 0
        var upper = bytes.count
        while lower < upper, isXMLWhitespace(bytes[lower]) { lower += 1 }
        while lower < upper, isXMLWhitespace(bytes[upper - 1]) { upper -= 1 }
        let body = UnsafeBufferPointer(rebasing: bytes[lower..<upper])
        var parser = TimePeriodParser(bytes: body, startDay: reportingYearStartDay)
        do throws(CoreError) {
            var parsed = try parser.parse()
            if lower != 0 || upper != bytes.count {
                parsed.trimmedLexical = String(decoding: body, as: UTF8.self)
            }
            return .success(parsed)
        } catch {
            return .failure(error)
        }
    }
}

/// A one-pass, allocation-free parser of one trimmed time period.
struct TimePeriodParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let startDay: MonthDay
    /// The index of the next unread byte.
    private var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>, startDay: MonthDay) {
        self.bytes = bytes
        self.startDay = startDay
    }

    // MARK: - Grammar

    /// Parses the whole text.
    mutating func parse() throws(CoreError) -> TimePeriod.Parsed {
        guard !bytes.isEmpty else { throw failure("the text is empty") }
        guard let year = number(at: 0, digits: 4) else {
            throw failure("expected a four-digit year (0001–9999) at the start")
        }
        if isDigit(at: 4) { throw failure("a year has exactly four digits (0001–9999)") }
        guard year >= 1 else { throw failure("there is no year 0000: years run from 0001 to 9999") }
        position = 4

        // Gregorian year, `2021` or `2021Z`, `2021-05:00` (a '-' followed by "hh:" starts a time zone).
        if isAtEnd || startsTimeZone(at: position) {
            let offset = try timeZone()
            try expectEnd()
            return period(
                .annual, from: CivilDate(uncheckedYear: year, month: 1, day: 1),
                to: CivilDate(uncheckedYear: year + 1, month: 1, day: 1), offset: offset)
        }
        guard byte(at: 4) == UInt8(ascii: "-") else {
            if isLetter(at: 4) {
                throw failure("expected '-' between the year and the period (2021-Q1, not 2021Q1)")
            }
            throw unexpected()
        }
        position = 5
        if isDigit(at: 5) { return try gregorian(year: year) }
        return try reporting(year: year)
    }

    /// `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDThh:mm:ss[.s+]`, each with an optional time zone, and ranges.
    private mutating func gregorian(year: Int) throws(CoreError) -> TimePeriod.Parsed {
        guard let month = number(at: 5, digits: 2), !isDigit(at: 7) else {
            throw failure("expected a two-digit month (01–12) after the year")
        }
        guard (1...12).contains(month) else { throw failure("month must be 01–12") }
        position = 7
        let firstOfMonth = CivilDate(uncheckedYear: year, month: month, day: 1)
        if isAtEnd || startsTimeZone(at: position) {
            let offset = try timeZone()
            try expectEnd(rangeReason: "a time range must start with a full date, YYYY-MM-DD")
            return period(.month, from: firstOfMonth, to: firstOfMonth.adding(months: 1), offset: offset)
        }
        guard byte(at: 7) == UInt8(ascii: "-") else { throw unexpected() }
        guard let day = number(at: 8, digits: 2), !isDigit(at: 10) else {
            throw failure("expected a two-digit day after the month")
        }
        let length = CivilDate.numberOfDays(inMonth: month, year: year)
        guard (1...length).contains(day) else {
            if day == 0 || day > 31 { throw failure("day must be 01–31") }
            throw failure("\(Self.monthNames[month - 1]) \(year) has \(length) days")
        }
        position = 10
        var date = CivilDate(uncheckedYear: year, month: month, day: day)
        var secondsSinceMidnight = 0
        var nanosecond = 0
        let hasTime = byte(at: 10) == UInt8(ascii: "T")
        if hasTime {
            position = 11
            (secondsSinceMidnight, nanosecond) = try time()
            if secondsSinceMidnight == 86_400 {  // 24:00:00 is the start of the next day
                date = date.adding(days: 1)
                secondsSinceMidnight = 0
            }
        }
        let offset = try timeZone()
        let start = CivilDateTime(
            uncheckedDate: date, secondsSinceMidnight: secondsSinceMidnight, nanosecond: nanosecond,
            utcOffsetMinutes: offset)
        if isAtEnd {
            return hasTime
                ? TimePeriod.Parsed(frequency: .dateTime, start: start, end: start)
                : TimePeriod.Parsed(frequency: .day, start: start, end: start.adding(days: 1))
        }
        guard byte(at: position) == UInt8(ascii: "/") else { throw unexpected() }
        position += 1
        let end = try duration(addedTo: start)
        return TimePeriod.Parsed(frequency: .range, start: start, end: end)
    }

    /// `hh:mm:ss` with an optional fraction; returns 86 400 seconds for `24:00:00`.
    private mutating func time() throws(CoreError) -> (seconds: Int, nanosecond: Int) {
        guard let hour = number(at: position, digits: 2), byte(at: position + 2) == UInt8(ascii: ":"),
            let minute = number(at: position + 3, digits: 2), byte(at: position + 5) == UInt8(ascii: ":"),
            let second = number(at: position + 6, digits: 2), !isDigit(at: position + 8)
        else {
            throw failure("expected a time hh:mm:ss after 'T'")
        }
        position += 8
        var nanosecond = 0
        if byte(at: position) == UInt8(ascii: ".") {
            position += 1
            nanosecond = try fraction(of: "the seconds")
        }
        if hour == 24 {
            guard minute == 0, second == 0, nanosecond == 0 else {
                throw failure("hour 24 is allowed only as 24:00:00, the end of the day")
            }
            return (86_400, 0)
        }
        guard hour < 24 else { throw failure("hour must be 00–23 (or 24:00:00)") }
        guard minute < 60 else { throw failure("minute must be 00–59") }
        guard second < 60 else { throw failure("second must be 00–59") }
        return (hour * 3600 + minute * 60 + second, nanosecond)
    }

    /// The digits after a decimal point, as nanoseconds; digits beyond the ninth are checked, then dropped.
    private mutating func fraction(of what: String) throws(CoreError) -> Int {
        var nanosecond = 0
        var count = 0
        while let digit = digit(at: position) {
            if count < 9 { nanosecond = nanosecond * 10 + digit }
            count += 1
            position += 1
        }
        guard count > 0 else { throw failure("expected digits after the decimal point of \(what)") }
        while count < 9 {
            nanosecond *= 10
            count += 1
        }
        return nanosecond
    }

    /// The reporting forms `YYYY-A1`, `-Ss`, `-Bb`, `-Tt`, `-Qq`, `-Mmm`, `-Www` (or `-Ww`), `-Dddd`.
    private mutating func reporting(year: Int) throws(CoreError) -> TimePeriod.Parsed {
        let indicator = byte(at: 5)
        let form: ReportingForm
        switch indicator {
        case UInt8(ascii: "A"): form = ReportingForm(.annual, "reporting year", digits: 1...1, count: 1, months: 12)
        case UInt8(ascii: "S"): form = ReportingForm(.semester, "semester", digits: 1...1, count: 2, months: 6)
        case UInt8(ascii: "B"): form = ReportingForm(.semester, "half-year", digits: 1...1, count: 2, months: 6)
        case UInt8(ascii: "T"): form = ReportingForm(.trimester, "trimester", digits: 1...1, count: 3, months: 4)
        case UInt8(ascii: "Q"): form = ReportingForm(.quarter, "quarter", digits: 1...1, count: 4, months: 3)
        case UInt8(ascii: "M"): form = ReportingForm(.month, "month", digits: 2...2, count: 12, months: 1)
        case UInt8(ascii: "W"): form = ReportingForm(.week, "week", digits: 1...2, count: 53, months: 0)
        case UInt8(ascii: "D"): form = ReportingForm(.day, "day", digits: 3...3, count: 366, months: 0)
        default:
            throw failure(
                "expected a month (01–12) or a period indicator (A, S, T, Q, M, W, D; B in SDMX 2.0) after the year")
        }
        position = 6
        var value = 0
        var digitCount = 0
        while let digit = digit(at: position) {
            if digitCount < 4 { value = value * 10 + digit }
            digitCount += 1
            position += 1
        }
        guard form.digits.contains(digitCount), (1...form.count).contains(value) else {
            throw failure(form.rangeDescription)
        }
        let offset = try timeZone()
        try expectEnd(rangeReason: "a time range must start with a date, YYYY-MM-DD, not a reporting period")

        let yearStart = startDay.date(inYear: year)
        switch form.frequency {
        case .week:
            let base = Self.mondayNearest(yearStart)
            let nextBase = Self.mondayNearest(startDay.date(inYear: year + 1))
            let weeks = (nextBase.daysSinceEpoch - base.daysSinceEpoch) / 7
            guard value <= weeks else {
                throw failure("reporting year \(year)\(startDayNote) has \(weeks) weeks, so there is no week \(value)")
            }
            let first = base.adding(days: 7 * (value - 1))
            return period(.week, from: first, to: first.adding(days: 7), offset: offset)
        case .day:
            let length = startDay.date(inYear: year + 1).daysSinceEpoch - yearStart.daysSinceEpoch
            guard value <= length else {
                throw failure("reporting year \(year)\(startDayNote) has \(length) days, so there is no day \(value)")
            }
            let day = yearStart.adding(days: value - 1)
            return period(.day, from: day, to: day.adding(days: 1), offset: offset)
        default:
            return period(
                form.frequency, from: yearStart.adding(months: (value - 1) * form.months),
                to: yearStart.adding(months: value * form.months), offset: offset)
        }
    }

    /// An optional time zone, `Z` or `±hh:mm` within ±14:00, as minutes east of UTC.
    private mutating func timeZone() throws(CoreError) -> Int? {
        let sign = byte(at: position)
        if sign == UInt8(ascii: "Z") {
            position += 1
            return 0
        }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        guard let hours = number(at: position + 1, digits: 2), byte(at: position + 3) == UInt8(ascii: ":"),
            let minutes = number(at: position + 4, digits: 2)
        else {
            throw failure("expected a time zone, Z or ±hh:mm")
        }
        guard minutes < 60, hours < 14 || (hours == 14 && minutes == 0) else {
            throw failure("a time-zone offset must lie between -14:00 and +14:00")
        }
        position += 6
        let magnitude = hours * 60 + minutes
        return sign == UInt8(ascii: "-") ? -magnitude : magnitude
    }

    /// An ISO 8601 duration after the `/` of a range, added to `start`.
    private mutating func duration(addedTo start: CivilDateTime) throws(CoreError) -> CivilDateTime {
        guard byte(at: position) == UInt8(ascii: "P") else {
            if byte(at: position) == UInt8(ascii: "-") { throw failure("the duration of a range must be positive") }
            throw failure("expected an ISO 8601 duration starting with 'P' after '/'")
        }
        position += 1
        guard !isAtEnd else { throw failure("the duration after 'P' is empty") }
        // Components in order: Y M W D, then after T: H M S. Rank 1…7 enforces order and uniqueness.
        var values = (years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0)
        var nanoseconds = 0
        var lastRank = 0
        var inTimePart = false
        while !isAtEnd {
            if byte(at: position) == UInt8(ascii: "T") {
                guard !inTimePart else { throw failure("'T' appears twice in the duration") }
                inTimePart = true
                position += 1
                guard !isAtEnd else {
                    throw failure("expected hours, minutes or seconds after the 'T' of the duration")
                }
                continue
            }
            let numberStart = position
            var value = 0
            while let digit = digit(at: position) {
                guard value < 100_000_000 else { throw failure("duration numbers above 99999999 are not supported") }
                value = value * 10 + digit
                position += 1
            }
            guard position > numberStart else {
                throw failure("expected a number in the duration, found \(describe(at: position))")
            }
            var secondsFraction: Int?
            if byte(at: position) == UInt8(ascii: ".") {
                position += 1
                secondsFraction = try fraction(of: "the duration's seconds")
            }
            let designator = byte(at: position)
            let rank: Int
            switch (inTimePart, designator) {
            case (false, UInt8(ascii: "Y")): rank = 1
            case (false, UInt8(ascii: "M")): rank = 2
            case (false, UInt8(ascii: "W")): rank = 3
            case (false, UInt8(ascii: "D")): rank = 4
            case (true, UInt8(ascii: "H")): rank = 5
            case (true, UInt8(ascii: "M")): rank = 6
            case (true, UInt8(ascii: "S")): rank = 7
            case (false, _):
                throw failure("expected Y, M, W or D after a number in the duration (H, M, S follow a 'T')")
            case (true, _):
                throw failure("expected H, M or S after a number in the time part of the duration")
            }
            guard rank > lastRank else {
                throw failure("each duration component may appear once, in the order Y, M, W, D, T, H, M, S")
            }
            if secondsFraction != nil, rank != 7 { throw failure("only the seconds of a duration may have a fraction") }
            lastRank = rank
            position += 1
            switch rank {
            case 1: values.years = value
            case 2: values.months = value
            case 3: values.weeks = value
            case 4: values.days = value
            case 5: values.hours = value
            case 6: values.minutes = value
            default:
                values.seconds = value
                nanoseconds = secondsFraction ?? 0
            }
        }
        let end = start.adding(months: values.years * 12 + values.months)
            .adding(days: values.weeks * 7 + values.days)
            .adding(seconds: values.hours * 3600 + values.minutes * 60 + values.seconds, nanoseconds: nanoseconds)
        guard end.date.year <= 10_000 else { throw failure("the range would end after the year 9999") }
        return end
    }

    // MARK: - Building results

    private func period(_ frequency: TimeFrequency, from start: CivilDate, to end: CivilDate, offset: Int?)
        -> TimePeriod.Parsed
    {
        TimePeriod.Parsed(
            frequency: frequency,
            start: CivilDateTime(
                uncheckedDate: start, secondsSinceMidnight: 0, nanosecond: 0, utcOffsetMinutes: offset),
            end: CivilDateTime(uncheckedDate: end, secondsSinceMidnight: 0, nanosecond: 0, utcOffsetMinutes: offset))
    }

    /// The Monday nearest a day (the day itself if it is a Monday; ties cannot occur): the start of
    /// week 1 of a reporting year that starts on `date`.
    static func mondayNearest(_ date: CivilDate) -> CivilDate {
        let weekday = date.isoWeekday
        return weekday <= 4 ? date.adding(days: 1 - weekday) : date.adding(days: 8 - weekday)
    }

    /// The lengths, indicators and number range of the reporting forms.
    private struct ReportingForm {
        let frequency: TimeFrequency
        let name: StaticString
        let digits: ClosedRange<Int>
        let count: Int
        let months: Int

        init(_ frequency: TimeFrequency, _ name: StaticString, digits: ClosedRange<Int>, count: Int, months: Int) {
            self.frequency = frequency
            self.name = name
            self.digits = digits
            self.count = count
            self.months = months
        }

        /// What the number after the indicator must be, for error messages.
        var rangeDescription: String {
            switch frequency {
            case .annual: "a reporting year is written YYYY-A1"
            case .month: "\(name) must be 01–12 (two digits)"
            case .week: "week must be 01–53"
            case .day: "day must be 001–366 (three digits)"
            default: "\(name) must be 1–\(count)"
            }
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    // MARK: - Bytes

    private var isAtEnd: Bool { position >= bytes.count }

    /// The byte at `index`, or 0 past the end.
    @inline(__always)
    private func byte(at index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    @inline(__always)
    private func digit(at index: Int) -> Int? {
        let value = byte(at: index) &- UInt8(ascii: "0")
        return value < 10 ? Int(value) : nil
    }

    @inline(__always)
    private func isDigit(at index: Int) -> Bool { digit(at: index) != nil }

    private func isLetter(at index: Int) -> Bool {
        let folded = byte(at: index) | 0x20
        return folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
    }

    /// A number of exactly `digits` ASCII digits at `index` (more digits may follow), or `nil`.
    @inline(__always)
    private func number(at index: Int, digits: Int) -> Int? {
        var value = 0
        for offset in 0..<digits {
            guard let digit = digit(at: index + offset) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// Whether a time zone starts at `index`: `Z`, `+`, or a `-` followed by `hh:` (not a month or day).
    private func startsTimeZone(at index: Int) -> Bool {
        switch byte(at: index) {
        case UInt8(ascii: "Z"), UInt8(ascii: "+"): true
        case UInt8(ascii: "-"): byte(at: index + 3) == UInt8(ascii: ":")
        default: false
        }
    }

    /// Requires the end of the text.
    private func expectEnd(
        rangeReason: String = "a time range must start with a full date, YYYY-MM-DD"
    ) throws(CoreError) {
        guard isAtEnd else {
            if byte(at: position) == UInt8(ascii: "/") { throw failure(rangeReason) }
            throw unexpected()
        }
    }

    // MARK: - Errors

    private var startDayNote: String {
        startDay == .januaryFirst ? "" : " (starting \(startDay))"
    }

    /// An error for the text at `position`, which cannot continue what came before.
    private func unexpected() -> CoreError {
        let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<position]), as: UTF8.self)
        return failure("unexpected \(describe(at: position)) after \"\(before)\"")
    }

    /// The text from `index` on, quoted and shortened, for messages.
    private func describe(at index: Int) -> String {
        guard index < bytes.count else { return "end of text" }
        let end = Swift.min(bytes.count, index + 16)
        let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        return "\"\(rest)\(end < bytes.count ? "…" : "")\""
    }

    /// The error for this text, quoting it (shortened if long) and giving `reason`.
    private func failure(_ reason: String) -> CoreError {
        let limit = 64
        let shown = UnsafeBufferPointer(rebasing: bytes[0..<Swift.min(bytes.count, limit)])
        let quoted = String(decoding: shown, as: UTF8.self) + (bytes.count > limit ? "…" : "")
        return CoreError(.malformedTimePeriod, "\"\(quoted)\" is not an SDMX time period: \(reason)")
    }
}
