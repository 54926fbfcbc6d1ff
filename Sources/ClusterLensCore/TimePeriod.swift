/// An SDMX time period: the lexical value of a `TIME_PERIOD` (or any time-typed component), with the
/// interval of time it denotes.
///
/// ## Forms
///
/// Every form of SDMX 2.0, 2.1 and 3.x `SDMXCommon.xsd` is accepted, and nothing else:
///
/// | form | example | ``frequency`` | interval |
/// |---|---|---|---|
/// | Gregorian year | `2021` | ``TimeFrequency/annual`` | the calendar year |
/// | Gregorian month | `2021-07` | ``TimeFrequency/month`` | the calendar month |
/// | Gregorian day | `2021-07-14` | ``TimeFrequency/day`` | the day |
/// | date-time | `2021-07-14T10:00:00`, `…T10:00:00.123` | ``TimeFrequency/dateTime`` | a point: `end == start` |
/// | reporting year | `2021-A1` | ``TimeFrequency/annual`` | the reporting year |
/// | reporting semester | `2021-S1`, `2021-S2` | ``TimeFrequency/semester`` | 6 months |
/// | reporting trimester | `2021-T1` … `2021-T3` | ``TimeFrequency/trimester`` | 4 months |
/// | reporting quarter | `2021-Q1` … `2021-Q4` | ``TimeFrequency/quarter`` | 3 months |
/// | reporting month | `2021-M01` … `2021-M12` | ``TimeFrequency/month`` | 1 month |
/// | reporting week | `2021-W01` … `2021-W53` | ``TimeFrequency/week`` | 7 days, Monday to Sunday |
/// | reporting day | `2021-D001` … `2021-D366` | ``TimeFrequency/day`` | 1 day |
/// | SDMX 2.0 half-year | `2005-B1`, `2005-B2` | ``TimeFrequency/semester`` | as `S1`, `S2` |
/// | SDMX 2.0 week | `2005-W5` | ``TimeFrequency/week`` | as `W05` |
/// | time range | `2021-01-01/P1M`, `2021-01-01T00:00:00/PT6H` | ``TimeFrequency/range`` | start + duration |
///
/// Years have exactly four digits, 0001–9999. Every form except a range may end with a time zone,
/// `Z` or `±hh:mm` (−14:00 to +14:00); a range may carry one on its start (`2021-01-01Z/P1D`). The
/// time of a date-time is `hh:mm:ss` with an optional fraction; `24:00:00` means the start of the
/// next day. Surrounding XML whitespace (space, tab, CR, LF) is ignored. Anything else, including
/// forms seen in the wild such as `2021Q1`, is rejected rather than guessed at.
///
/// ## Interval
///
/// ``start`` is inclusive and ``end`` exclusive: `2021-Q1` runs from 2021-01-01T00:00:00 up to, not
/// including, 2021-04-01T00:00:00. Both carry the period's time zone, or none (floating local time).
/// A date-time is a distinct point in time (SDMX 2.1 Section 6, "Date Time"), so its `end` equals its
/// `start`.
///
/// - **Gregorian periods** (`2021`, `2021-07`, `2021-07-14`) are calendar periods; the
///   reporting-year start day does not apply to them.
/// - **Reporting periods** count from the reporting-year start day (`REPORTING_YEAR_START_DAY`,
///   default January 1) in the period's year: with `--07-01`, reporting year 2021 is 2021-07-01 to
///   2022-07-01 and `2021-Q1` is 2021-07-01 to 2021-10-01. Period *n* of a length of *k* months starts
///   *(n − 1)·k* months after the start day and ends *n·k* months after it; a start day late in the
///   month is clamped in shorter months (with `--01-31`, `2021-M02` is 2021-02-28 to 2021-03-31), so
///   the periods always tile the reporting year.
/// - **Reporting weeks** follow ISO 8601 relative to the start day: week 1 is the Monday-to-Sunday
///   week containing the first Thursday on or after the start day, i.e. the week starting on the
///   Monday nearest it. With January 1 these are ISO weeks (`2021-W01` starts 2021-01-04,
///   `2020-W01` starts 2019-12-30). A reporting year has 52 or 53 weeks; `W53` is rejected in a
///   52-week year.
/// - **Reporting days** count from the start day; `D366` exists only in reporting years of 366 days.
/// - **Ranges** end at start + duration. The ISO 8601 duration (`PnYnMnWnDTnHnMnS`, components in that
///   order, each optional but at least one present, a fraction only on seconds) is added as XML
///   Schema adds durations: years and months first, clamping the day to the length of the resulting
///   month, then weeks and days, then hours, minutes and seconds. So `2021-01-31/P1M` ends at
///   2021-02-28T00:00:00, and `2021-01-31/P1M1D` at 2021-03-01T00:00:00.
///
/// ## Equality and order
///
/// Two periods are equal when they denote the same interval: the same start instant and the same
/// end instant. The written form and the frequency do not matter (`2021-07 == 2021-M07`,
/// `2021 == 2021-A1 == 2021-01-01/P1Y`), and offsets are applied (`2021-07-14T10:00:00+01:00 ==
/// 2021-07-14T09:00:00Z`). A floating time (no time zone) never equals a zoned one.
///
/// Periods order by start instant, then by end instant, so when two periods start together the
/// shorter comes first: `2021-01-01T00:00:00 < 2021-01-01 < 2021-M01 < 2021-Q1 < 2021-S1 < 2021`. Floating
/// times are placed as if they were UTC; a floating and a zoned time at that same instant order
/// floating first. Sorting therefore gives a chronological, total and deterministic order.
///
/// ``lexical`` keeps the text as given, for output.
public struct TimePeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The period exactly as written, without surrounding XML whitespace.
    public let lexical: String
    /// The kind of period: its length in SDMX terms.
    public let frequency: TimeFrequency
    /// The first instant of the period (inclusive).
    public let start: CivilDateTime
    /// The instant the period ends (exclusive); equal to ``start`` for a date-time, which is a point.
    public let end: CivilDateTime
    /// ``start`` and ``end`` as instants, computed once: comparisons are frequent (first and last
    /// period of a file with millions of observations).
    private let startKey: InstantKey
    private let endKey: InstantKey

    /// Parses an SDMX time period.
    ///
    /// Parsing walks the UTF-8 bytes once and allocates nothing unless the text has surrounding
    /// whitespace to trim (then ``lexical`` is a new string) or is malformed (then the error message is).
    ///
    /// - Parameters:
    ///   - text: The lexical value, such as `2021-Q3` or `2021-07-14T10:00:00Z`.
    ///   - reportingYearStartDay: The `REPORTING_YEAR_START_DAY` that applies to the observation;
    ///     only reporting periods (`2021-Q1`, `2021-W05`, …) use it.
    /// - Throws: ``CoreError`` with code ``CoreError/Code/malformedTimePeriod`` and a message quoting
    ///   the text and saying what was expected, if the text is not an SDMX time period.
    public init(_ text: String, reportingYearStartDay: MonthDay = .januaryFirst) throws(CoreError) {
        let parsed = try Self.parse(text, reportingYearStartDay: reportingYearStartDay).get()
        self.lexical = parsed.trimmedLexical ?? text
        self.frequency = parsed.frequency
        self.start = parsed.start
        self.end = parsed.end
        self.startKey = InstantKey(parsed.start)
        self.endKey = InstantKey(parsed.end)
    }

    /// The period as written, ``lexical``.
    public var description: String { lexical }

    /// Whether two periods denote the same interval (same start and end instants).
    public static func == (lhs: TimePeriod, rhs: TimePeriod) -> Bool {
        lhs.startKey == rhs.startKey && lhs.endKey == rhs.endKey
    }

    /// Hashes the interval's start and end instants, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(startKey)
        hasher.combine(endKey)
    }

    /// Whether `lhs` starts earlier than `rhs`, or starts at the same instant and ends earlier.
    public static func < (lhs: TimePeriod, rhs: TimePeriod) -> Bool {
        if lhs.startKey != rhs.startKey { return lhs.startKey < rhs.startKey }
        return lhs.endKey < rhs.endKey
    }

    /// Whether a byte is XML whitespace: space, tab, line feed or carriage return.
    @inline(__always)
    static func isXMLWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// A date-time reduced to what equality and ordering of periods look at: the instant, and whether
/// it is floating local time (ordered as UTC, before a zoned time at the same instant).
struct InstantKey: Hashable, Comparable, Sendable {
    let seconds: Int
    let nanosecond: Int
    let isZoned: Bool

    init(_ dateTime: CivilDateTime) {
        seconds = dateTime.epochSeconds
        nanosecond = dateTime.nanosecond
        isZoned = dateTime.utcOffsetMinutes != nil
    }

    static func < (lhs: InstantKey, rhs: InstantKey) -> Bool {
        if lhs.seconds != rhs.seconds { return lhs.seconds < rhs.seconds }
        if lhs.nanosecond != rhs.nanosecond { return lhs.nanosecond < rhs.nanosecond }
        return !lhs.isZoned && rhs.isZoned
    }
}

extension TimePeriod {
    /// The year when the period is exactly one calendar year (`2021`, `2021-A1` with a January
    /// reporting year), else `nil`: the periods a yearly time series (growth rates, progress towards
    /// targets, the composite's reference year) is made of.
    public var calendarYear: Int? {
        guard frequency == .annual, start.date.month == 1, start.date.day == 1 else { return nil }
        return start.date.year
    }
}
