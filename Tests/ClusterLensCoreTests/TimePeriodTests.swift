import ClusterLensCore
import Testing

/// One row of a table of periods: the text, and the frequency, start and end worked out by hand.
struct TimePeriodCase: Sendable, CustomTestStringConvertible {
    let lexical: String
    let frequency: TimeFrequency
    let start: String
    let end: String

    init(_ lexical: String, _ frequency: TimeFrequency, _ start: String, _ end: String) {
        self.lexical = lexical
        self.frequency = frequency
        self.start = start
        self.end = end
    }

    var testDescription: String { lexical }
}

/// Parses `row.lexical` and checks every field against the row.
private func check(_ row: TimePeriodCase, startDay: MonthDay = .januaryFirst) throws {
    let period = try TimePeriod(row.lexical, reportingYearStartDay: startDay)
    #expect(period.lexical == row.lexical)
    #expect(period.description == row.lexical)
    #expect(period.frequency == row.frequency)
    #expect(period.start.description == row.start)
    #expect(period.end.description == row.end)
}

/// Midnight at the start of a day, as `CivilDateTime.description` writes it.
private func midnight(_ day: String) -> String { day + "T00:00:00" }

@Suite("Gregorian periods and date-times")
struct GregorianPeriodTests {
    static let cases: [TimePeriodCase] = [
        TimePeriodCase("2021", .annual, midnight("2021-01-01"), midnight("2022-01-01")),
        TimePeriodCase("2024", .annual, midnight("2024-01-01"), midnight("2025-01-01")),
        TimePeriodCase("0001", .annual, midnight("0001-01-01"), midnight("0002-01-01")),
        TimePeriodCase("9999", .annual, midnight("9999-01-01"), midnight("10000-01-01")),
        TimePeriodCase("2021-07", .month, midnight("2021-07-01"), midnight("2021-08-01")),
        TimePeriodCase("2021-12", .month, midnight("2021-12-01"), midnight("2022-01-01")),
        TimePeriodCase("2024-02", .month, midnight("2024-02-01"), midnight("2024-03-01")),
        TimePeriodCase("2021-07-14", .day, midnight("2021-07-14"), midnight("2021-07-15")),
        TimePeriodCase("2021-12-31", .day, midnight("2021-12-31"), midnight("2022-01-01")),
        TimePeriodCase("2024-02-29", .day, midnight("2024-02-29"), midnight("2024-03-01")),
        TimePeriodCase("2000-02-29", .day, midnight("2000-02-29"), midnight("2000-03-01")),
        TimePeriodCase("2021-07-14T10:00:00", .dateTime, "2021-07-14T10:00:00", "2021-07-14T10:00:00"),
        TimePeriodCase("2021-07-14T23:59:59", .dateTime, "2021-07-14T23:59:59", "2021-07-14T23:59:59"),
        TimePeriodCase("2021-07-14T10:00:00.123", .dateTime, "2021-07-14T10:00:00.123", "2021-07-14T10:00:00.123"),
        TimePeriodCase("2021-07-14T10:00:00.5", .dateTime, "2021-07-14T10:00:00.5", "2021-07-14T10:00:00.5"),
        TimePeriodCase(
            "2021-07-14T10:00:00.000000001", .dateTime, "2021-07-14T10:00:00.000000001",
            "2021-07-14T10:00:00.000000001"),
        // Digits beyond nanoseconds are accepted and dropped.
        TimePeriodCase(
            "2021-07-14T10:00:00.1234567899", .dateTime, "2021-07-14T10:00:00.123456789",
            "2021-07-14T10:00:00.123456789"),
        // 24:00:00 is the first instant of the next day.
        TimePeriodCase("2021-12-31T24:00:00", .dateTime, "2022-01-01T00:00:00", "2022-01-01T00:00:00"),
        TimePeriodCase("2021-07-14T24:00:00.000", .dateTime, "2021-07-15T00:00:00", "2021-07-15T00:00:00"),
    ]

    @Test("Gregorian years, months, days and date-times parse to their calendar intervals", arguments: cases)
    func gregorianForms(_ row: TimePeriodCase) throws {
        try check(row)
    }

    @Test(
        "Gregorian periods ignore the reporting-year start day",
        arguments: ["2021", "2021-07", "2021-07-14", "2021-07-14T10:00:00"])
    func gregorianIgnoresStartDay(_ text: String) throws {
        let july = try MonthDay(parsing: "--07-01")
        let plain = try TimePeriod(text)
        let shifted = try TimePeriod(text, reportingYearStartDay: july)
        #expect(plain.start == shifted.start)
        #expect(plain.end == shifted.end)
    }
}

@Suite("Time zones")
struct TimeZoneTests {
    static let cases: [TimePeriodCase] = [
        TimePeriodCase("2021Z", .annual, "2021-01-01T00:00:00Z", "2022-01-01T00:00:00Z"),
        TimePeriodCase("2021+01:00", .annual, "2021-01-01T00:00:00+01:00", "2022-01-01T00:00:00+01:00"),
        // A '-' followed by "hh:" is a time zone, not a month.
        TimePeriodCase("2021-05:00", .annual, "2021-01-01T00:00:00-05:00", "2022-01-01T00:00:00-05:00"),
        TimePeriodCase("2021-07+01:00", .month, "2021-07-01T00:00:00+01:00", "2021-08-01T00:00:00+01:00"),
        TimePeriodCase("2021-07-05:00", .month, "2021-07-01T00:00:00-05:00", "2021-08-01T00:00:00-05:00"),
        TimePeriodCase("2021-07-14Z", .day, "2021-07-14T00:00:00Z", "2021-07-15T00:00:00Z"),
        TimePeriodCase("2021-07-14-14:00", .day, "2021-07-14T00:00:00-14:00", "2021-07-15T00:00:00-14:00"),
        TimePeriodCase("2021-07-14+14:00", .day, "2021-07-14T00:00:00+14:00", "2021-07-15T00:00:00+14:00"),
        TimePeriodCase("2021-07-14T10:00:00Z", .dateTime, "2021-07-14T10:00:00Z", "2021-07-14T10:00:00Z"),
        TimePeriodCase(
            "2021-07-14T10:00:00+01:00", .dateTime, "2021-07-14T10:00:00+01:00", "2021-07-14T10:00:00+01:00"),
        TimePeriodCase(
            "2021-07-14T10:00:00.5-03:30", .dateTime, "2021-07-14T10:00:00.5-03:30", "2021-07-14T10:00:00.5-03:30"),
        TimePeriodCase(
            "2021-07-14T10:00:00+13:59", .dateTime, "2021-07-14T10:00:00+13:59", "2021-07-14T10:00:00+13:59"),
        // -00:00 is UTC, written back as Z.
        TimePeriodCase("2021-07-14T10:00:00-00:00", .dateTime, "2021-07-14T10:00:00Z", "2021-07-14T10:00:00Z"),
        TimePeriodCase("2021-A1Z", .annual, "2021-01-01T00:00:00Z", "2022-01-01T00:00:00Z"),
        TimePeriodCase("2021-Q1+01:00", .quarter, "2021-01-01T00:00:00+01:00", "2021-04-01T00:00:00+01:00"),
        TimePeriodCase("2021-M07-05:00", .month, "2021-07-01T00:00:00-05:00", "2021-08-01T00:00:00-05:00"),
        TimePeriodCase("2021-W01Z", .week, "2021-01-04T00:00:00Z", "2021-01-11T00:00:00Z"),
        TimePeriodCase("2021-D001+14:00", .day, "2021-01-01T00:00:00+14:00", "2021-01-02T00:00:00+14:00"),
        TimePeriodCase("2005-B2-01:00", .semester, "2005-07-01T00:00:00-01:00", "2006-01-01T00:00:00-01:00"),
        TimePeriodCase("2021-01-01Z/P1D", .range, "2021-01-01T00:00:00Z", "2021-01-02T00:00:00Z"),
        TimePeriodCase(
            "2021-01-01T10:00:00+02:00/PT1H", .range, "2021-01-01T10:00:00+02:00", "2021-01-01T11:00:00+02:00"),
    ]

    @Test("A time zone suffix is kept on both the start and the end", arguments: cases)
    func zones(_ row: TimePeriodCase) throws {
        try check(row)
    }

    @Test("Offsets are applied when comparing instants")
    func offsetsApplied() throws {
        let paris = try TimePeriod("2021-07-14T10:00:00+01:00")
        let utc = try TimePeriod("2021-07-14T09:00:00Z")
        let newYork = try TimePeriod("2021-07-14T04:00:00-05:00")
        #expect(paris == utc)
        #expect(utc == newYork)
        #expect(paris.start.epochSeconds == 1_626_253_200)  // 09:00:00Z
        #expect(try TimePeriod("2021-Q1+01:00") < TimePeriod("2021-Q1Z"))
    }

    @Test("A floating time never equals a zoned one")
    func floatingIsNotZoned() throws {
        #expect(try TimePeriod("2021-07-14T10:00:00") != TimePeriod("2021-07-14T10:00:00Z"))
        #expect(try TimePeriod("2021-Q1") != TimePeriod("2021-Q1Z"))
        #expect(try TimePeriod("2021-Q1") < TimePeriod("2021-Q1Z"))
        #expect(try TimePeriod("2021-Q1").start.utcOffsetMinutes == nil)
    }
}

@Suite("Reporting periods")
struct ReportingPeriodTests {
    static let januaryCases: [TimePeriodCase] = [
        TimePeriodCase("2021-A1", .annual, midnight("2021-01-01"), midnight("2022-01-01")),
        TimePeriodCase("2021-S1", .semester, midnight("2021-01-01"), midnight("2021-07-01")),
        TimePeriodCase("2021-S2", .semester, midnight("2021-07-01"), midnight("2022-01-01")),
        TimePeriodCase("2021-T1", .trimester, midnight("2021-01-01"), midnight("2021-05-01")),
        TimePeriodCase("2021-T2", .trimester, midnight("2021-05-01"), midnight("2021-09-01")),
        TimePeriodCase("2021-T3", .trimester, midnight("2021-09-01"), midnight("2022-01-01")),
        TimePeriodCase("2021-Q1", .quarter, midnight("2021-01-01"), midnight("2021-04-01")),
        TimePeriodCase("2021-Q2", .quarter, midnight("2021-04-01"), midnight("2021-07-01")),
        TimePeriodCase("2021-Q3", .quarter, midnight("2021-07-01"), midnight("2021-10-01")),
        TimePeriodCase("2021-Q4", .quarter, midnight("2021-10-01"), midnight("2022-01-01")),
        TimePeriodCase("2021-M01", .month, midnight("2021-01-01"), midnight("2021-02-01")),
        TimePeriodCase("2021-M02", .month, midnight("2021-02-01"), midnight("2021-03-01")),
        TimePeriodCase("2021-M07", .month, midnight("2021-07-01"), midnight("2021-08-01")),
        TimePeriodCase("2021-M12", .month, midnight("2021-12-01"), midnight("2022-01-01")),
        TimePeriodCase("2021-D001", .day, midnight("2021-01-01"), midnight("2021-01-02")),
        TimePeriodCase("2021-D032", .day, midnight("2021-02-01"), midnight("2021-02-02")),
        TimePeriodCase("2021-D365", .day, midnight("2021-12-31"), midnight("2022-01-01")),
        TimePeriodCase("2024-D060", .day, midnight("2024-02-29"), midnight("2024-03-01")),
        TimePeriodCase("2024-D366", .day, midnight("2024-12-31"), midnight("2025-01-01")),
        TimePeriodCase("2000-D366", .day, midnight("2000-12-31"), midnight("2001-01-01")),
        // SDMX 2.0: half-years (B), unpadded weeks, quarters and trimesters.
        TimePeriodCase("2005-B1", .semester, midnight("2005-01-01"), midnight("2005-07-01")),
        TimePeriodCase("2005-B2", .semester, midnight("2005-07-01"), midnight("2006-01-01")),
        TimePeriodCase("2005-Q1", .quarter, midnight("2005-01-01"), midnight("2005-04-01")),
        TimePeriodCase("2005-T1", .trimester, midnight("2005-01-01"), midnight("2005-05-01")),
        TimePeriodCase("2005-W5", .week, midnight("2005-01-31"), midnight("2005-02-07")),
        TimePeriodCase("2021-W5", .week, midnight("2021-02-01"), midnight("2021-02-08")),
    ]

    @Test("Reporting periods with the default January 1 start match the calendar", arguments: januaryCases)
    func januaryStart(_ row: TimePeriodCase) throws {
        try check(row)
    }

    static let julyCases: [TimePeriodCase] = [
        TimePeriodCase("2021-A1", .annual, midnight("2021-07-01"), midnight("2022-07-01")),
        TimePeriodCase("2021-S1", .semester, midnight("2021-07-01"), midnight("2022-01-01")),
        TimePeriodCase("2021-S2", .semester, midnight("2022-01-01"), midnight("2022-07-01")),
        TimePeriodCase("2021-T1", .trimester, midnight("2021-07-01"), midnight("2021-11-01")),
        TimePeriodCase("2021-T2", .trimester, midnight("2021-11-01"), midnight("2022-03-01")),
        TimePeriodCase("2021-T3", .trimester, midnight("2022-03-01"), midnight("2022-07-01")),
        TimePeriodCase("2021-Q1", .quarter, midnight("2021-07-01"), midnight("2021-10-01")),
        TimePeriodCase("2021-Q2", .quarter, midnight("2021-10-01"), midnight("2022-01-01")),
        TimePeriodCase("2021-Q3", .quarter, midnight("2022-01-01"), midnight("2022-04-01")),
        TimePeriodCase("2021-Q4", .quarter, midnight("2022-04-01"), midnight("2022-07-01")),
        TimePeriodCase("2021-M01", .month, midnight("2021-07-01"), midnight("2021-08-01")),
        TimePeriodCase("2021-M06", .month, midnight("2021-12-01"), midnight("2022-01-01")),
        TimePeriodCase("2021-M07", .month, midnight("2022-01-01"), midnight("2022-02-01")),
        TimePeriodCase("2021-M12", .month, midnight("2022-06-01"), midnight("2022-07-01")),
        // 2021-07-01 is a Thursday, so week 1 starts on the Monday before it.
        TimePeriodCase("2021-W01", .week, midnight("2021-06-28"), midnight("2021-07-05")),
        // 2022-07-01 is a Friday: reporting year 2022 starts its weeks on 2022-07-04, so 2021 has 53.
        TimePeriodCase("2021-W53", .week, midnight("2022-06-27"), midnight("2022-07-04")),
        TimePeriodCase("2022-W01", .week, midnight("2022-07-04"), midnight("2022-07-11")),
        TimePeriodCase("2021-D001", .day, midnight("2021-07-01"), midnight("2021-07-02")),
        TimePeriodCase("2021-D185", .day, midnight("2022-01-01"), midnight("2022-01-02")),
        TimePeriodCase("2021-D365", .day, midnight("2022-06-30"), midnight("2022-07-01")),
        // Reporting year 2023 runs 2023-07-01 to 2024-07-01 and contains 2024-02-29.
        TimePeriodCase("2023-D366", .day, midnight("2024-06-30"), midnight("2024-07-01")),
    ]

    @Test("Reporting periods count from a --07-01 start day", arguments: julyCases)
    func julyStart(_ row: TimePeriodCase) throws {
        try check(row, startDay: MonthDay(parsing: "--07-01"))
    }

    static let aprilCases: [TimePeriodCase] = [
        TimePeriodCase("2021-A1", .annual, midnight("2021-04-01"), midnight("2022-04-01")),
        TimePeriodCase("2021-S2", .semester, midnight("2021-10-01"), midnight("2022-04-01")),
        TimePeriodCase("2021-T2", .trimester, midnight("2021-08-01"), midnight("2021-12-01")),
        TimePeriodCase("2021-Q1", .quarter, midnight("2021-04-01"), midnight("2021-07-01")),
        TimePeriodCase("2021-Q4", .quarter, midnight("2022-01-01"), midnight("2022-04-01")),
        TimePeriodCase("2021-M10", .month, midnight("2022-01-01"), midnight("2022-02-01")),
        TimePeriodCase("2021-M11", .month, midnight("2022-02-01"), midnight("2022-03-01")),
        TimePeriodCase("2021-M12", .month, midnight("2022-03-01"), midnight("2022-04-01")),
        // 2021-04-01 is a Thursday; 2020-04-01 a Wednesday.
        TimePeriodCase("2021-W01", .week, midnight("2021-03-29"), midnight("2021-04-05")),
        TimePeriodCase("2020-W01", .week, midnight("2020-03-30"), midnight("2020-04-06")),
        TimePeriodCase("2021-D001", .day, midnight("2021-04-01"), midnight("2021-04-02")),
        // Reporting year 2023 runs 2023-04-01 to 2024-04-01 and contains 2024-02-29.
        TimePeriodCase("2023-D366", .day, midnight("2024-03-31"), midnight("2024-04-01")),
    ]

    @Test("Reporting periods count from a --04-01 start day", arguments: aprilCases)
    func aprilStart(_ row: TimePeriodCase) throws {
        try check(row, startDay: MonthDay(parsing: "--04-01"))
    }

    static let lateStartCases: [TimePeriodCase] = [
        TimePeriodCase("2021-M01", .month, midnight("2021-01-31"), midnight("2021-02-28")),
        TimePeriodCase("2021-M02", .month, midnight("2021-02-28"), midnight("2021-03-31")),
        TimePeriodCase("2024-M01", .month, midnight("2024-01-31"), midnight("2024-02-29")),
        TimePeriodCase("2021-M12", .month, midnight("2021-12-31"), midnight("2022-01-31")),
        TimePeriodCase("2021-Q1", .quarter, midnight("2021-01-31"), midnight("2021-04-30")),
        TimePeriodCase("2021-Q2", .quarter, midnight("2021-04-30"), midnight("2021-07-31")),
    ]

    @Test("A start day late in the month is clamped in shorter months", arguments: lateStartCases)
    func lateStartDayClamps(_ row: TimePeriodCase) throws {
        try check(row, startDay: MonthDay(parsing: "--01-31"))
    }

    @Test(
        "Reporting months and semesters tile the reporting year",
        arguments: ["--01-01", "--04-01", "--07-01", "--01-31"])
    func periodsTileTheYear(_ startDayText: String) throws {
        let startDay = try MonthDay(parsing: startDayText)
        for (indicator, count) in [("S", 2), ("T", 3), ("Q", 4)] {
            var previous = try TimePeriod("2021-A1", reportingYearStartDay: startDay).start
            for number in 1...count {
                let period = try TimePeriod("2021-\(indicator)\(number)", reportingYearStartDay: startDay)
                #expect(period.start == previous)
                previous = period.end
            }
            #expect(previous == (try TimePeriod("2021-A1", reportingYearStartDay: startDay)).end)
        }
        var previous = try TimePeriod("2021-A1", reportingYearStartDay: startDay).start
        for number in 1...12 {
            let month = number < 10 ? "0\(number)" : "\(number)"
            let period = try TimePeriod("2021-M\(month)", reportingYearStartDay: startDay)
            #expect(period.start == previous)
            previous = period.end
        }
        #expect(previous == (try TimePeriod("2022-A1", reportingYearStartDay: startDay)).start)
    }
}

@Suite("Reporting weeks")
struct ReportingWeekTests {
    static let cases: [TimePeriodCase] = [
        // 2020-01-01 is a Wednesday: week 1 starts on Monday 2019-12-30.
        TimePeriodCase("2020-W01", .week, midnight("2019-12-30"), midnight("2020-01-06")),
        TimePeriodCase("2020-W52", .week, midnight("2020-12-21"), midnight("2020-12-28")),
        TimePeriodCase("2020-W53", .week, midnight("2020-12-28"), midnight("2021-01-04")),
        // 2021-01-01 is a Friday: week 1 starts on Monday 2021-01-04.
        TimePeriodCase("2021-W01", .week, midnight("2021-01-04"), midnight("2021-01-11")),
        TimePeriodCase("2021-W05", .week, midnight("2021-02-01"), midnight("2021-02-08")),
        TimePeriodCase("2021-W52", .week, midnight("2021-12-27"), midnight("2022-01-03")),
        TimePeriodCase("2022-W01", .week, midnight("2022-01-03"), midnight("2022-01-10")),
        TimePeriodCase("2015-W53", .week, midnight("2015-12-28"), midnight("2016-01-04")),
        // 2026-01-01 is a Thursday: week 1 starts on Monday 2025-12-29.
        TimePeriodCase("2026-W01", .week, midnight("2025-12-29"), midnight("2026-01-05")),
        TimePeriodCase("2026-W53", .week, midnight("2026-12-28"), midnight("2027-01-04")),
        // 2018-01-01 is a Monday.
        TimePeriodCase("2018-W01", .week, midnight("2018-01-01"), midnight("2018-01-08")),
    ]

    @Test("Weeks follow ISO 8601 and cross year boundaries", arguments: cases)
    func weeks(_ row: TimePeriodCase) throws {
        try check(row)
    }

    @Test("Every reporting week starts on a Monday and lasts seven days", arguments: ["--01-01", "--04-01", "--07-01"])
    func weeksAreMondayToSunday(_ startDayText: String) throws {
        let startDay = try MonthDay(parsing: startDayText)
        for year in 2019...2027 {
            let first = try TimePeriod("\(year)-W01", reportingYearStartDay: startDay)
            let reportingYearStart = try TimePeriod("\(year)-A1", reportingYearStartDay: startDay).start
            let distance = first.start.date.daysSinceEpoch - reportingYearStart.date.daysSinceEpoch
            #expect((-3...3).contains(distance))
            #expect(first.start.date.isoWeekday == 1)
            #expect(first.end.date.daysSinceEpoch - first.start.date.daysSinceEpoch == 7)
        }
    }

    @Test(
        "W53 exists only in years with 53 weeks",
        arguments: [
            (2015, true), (2020, true), (2026, true), (2021, false), (2022, false), (2023, false), (2024, false),
            (2025, false),
        ])
    func week53(_ year: Int, _ exists: Bool) throws {
        if exists {
            let period = try TimePeriod("\(year)-W53")
            #expect(period.end == (try TimePeriod("\(year + 1)-W01")).start)
        } else {
            #expect(throws: CoreError.self) { try TimePeriod("\(year)-W53") }
            let last = try TimePeriod("\(year)-W52")
            #expect(last.end == (try TimePeriod("\(year + 1)-W01")).start)
        }
    }

    @Test("W53 is checked against the reporting year, not the calendar year")
    func week53WithStartDay() throws {
        let july = try MonthDay(parsing: "--07-01")
        _ = try TimePeriod("2021-W53", reportingYearStartDay: july)
        let error = #expect(throws: CoreError.self) { try TimePeriod("2022-W53", reportingYearStartDay: july) }
        #expect(error?.message.contains("52 weeks") == true)
    }
}

@Suite("Reporting days")
struct ReportingDayTests {
    @Test("D366 exists only in reporting years of 366 days")
    func day366() throws {
        #expect(try TimePeriod("2024-D366").start.description == midnight("2024-12-31"))
        #expect(try TimePeriod("2000-D366").start.description == midnight("2000-12-31"))
        for text in ["2021-D366", "2023-D366", "1900-D366", "2100-D366"] {
            let error = #expect(throws: CoreError.self) { try TimePeriod(text) }
            #expect(error?.code == .malformedTimePeriod)
            #expect(error?.message.contains("365 days") == true)
        }
    }

    @Test("With a July start, D366 follows the February 29 inside the reporting year")
    func day366WithStartDay() throws {
        let july = try MonthDay(parsing: "--07-01")
        #expect(try TimePeriod("2023-D366", reportingYearStartDay: july).start.description == midnight("2024-06-30"))
        // Calendar year 2024 is a leap year, but reporting year 2024 (2024-07-01 to 2025-07-01) is not.
        #expect(throws: CoreError.self) { try TimePeriod("2024-D366", reportingYearStartDay: july) }
    }
}

@Suite("Time ranges")
struct TimeRangeTests {
    static let cases: [TimePeriodCase] = [
        TimePeriodCase("2021-01-01/P1M", .range, midnight("2021-01-01"), midnight("2021-02-01")),
        TimePeriodCase("2021-01-01T00:00:00/PT6H", .range, "2021-01-01T00:00:00", "2021-01-01T06:00:00"),
        TimePeriodCase("2021-01-01/P1Y2M10DT2H30M", .range, midnight("2021-01-01"), "2022-03-11T02:30:00"),
        // Months are added first and the day clamped to the month's length.
        TimePeriodCase("2021-01-31/P1M", .range, midnight("2021-01-31"), midnight("2021-02-28")),
        TimePeriodCase("2020-01-31/P1M", .range, midnight("2020-01-31"), midnight("2020-02-29")),
        TimePeriodCase("2021-01-31/P1M1D", .range, midnight("2021-01-31"), midnight("2021-03-01")),
        TimePeriodCase("2021-03-31/P1M", .range, midnight("2021-03-31"), midnight("2021-04-30")),
        TimePeriodCase("2020-02-29/P1Y", .range, midnight("2020-02-29"), midnight("2021-02-28")),
        TimePeriodCase("2021-01-01/P14M", .range, midnight("2021-01-01"), midnight("2022-03-01")),
        TimePeriodCase("2021-01-01/P2W", .range, midnight("2021-01-01"), midnight("2021-01-15")),
        TimePeriodCase("2021-01-01/P1W3D", .range, midnight("2021-01-01"), midnight("2021-01-11")),
        TimePeriodCase("2021-01-01/PT36H", .range, midnight("2021-01-01"), "2021-01-02T12:00:00"),
        TimePeriodCase("2021-01-01/PT90M", .range, midnight("2021-01-01"), "2021-01-01T01:30:00"),
        TimePeriodCase("2021-12-31T23:00:00/PT2H", .range, "2021-12-31T23:00:00", "2022-01-01T01:00:00"),
        TimePeriodCase("2021-01-01T00:00:00/PT0.5S", .range, "2021-01-01T00:00:00", "2021-01-01T00:00:00.5"),
        TimePeriodCase("2021-01-01T00:00:00.75/PT1.5S", .range, "2021-01-01T00:00:00.75", "2021-01-01T00:00:02.25"),
        TimePeriodCase("2021-01-01T10:00:00Z/P1D", .range, "2021-01-01T10:00:00Z", "2021-01-02T10:00:00Z"),
        TimePeriodCase("2021-01-01/P0D", .range, midnight("2021-01-01"), midnight("2021-01-01")),
        TimePeriodCase("9999-12-01/P1M", .range, midnight("9999-12-01"), midnight("10000-01-01")),
    ]

    @Test("A range ends at its start plus the duration", arguments: cases)
    func ranges(_ row: TimePeriodCase) throws {
        try check(row)
    }
}

@Suite("Lexical form and whitespace")
struct LexicalTests {
    @Test(
        "Surrounding XML whitespace is trimmed from the lexical form",
        arguments: [
            (" 2021-Q1", "2021-Q1"), ("2021-Q1\n", "2021-Q1"), ("\t2021\r\n", "2021"),
            ("  2021-01-01/P1M  ", "2021-01-01/P1M"), ("\n\t 2021-07-14T10:00:00Z \r", "2021-07-14T10:00:00Z"),
        ])
    func trimsWhitespace(_ text: String, _ lexical: String) throws {
        let period = try TimePeriod(text)
        #expect(period.lexical == lexical)
        #expect(period == (try TimePeriod(lexical)))
    }

    @Test("A period cut out of a longer line parses on its own")
    func substringInput() throws {
        let line = "x;2021-Q3;y"
        let field = String(line.dropFirst(2).dropLast(2))
        let period = try TimePeriod(field)
        #expect(period.lexical == "2021-Q3")
        #expect(period.start.description == midnight("2021-07-01"))
    }
}

@Suite("Equality and order")
struct TimePeriodOrderTests {
    @Test(
        "Different spellings of one interval are equal and hash alike",
        arguments: [
            ["2021-07", "2021-M07", "2021-07-01/P1M", "2021-07-01T00:00:00/P1M"],
            ["2021", "2021-A1", "2021-01-01/P1Y", "2021-01-01/P12M", "2021-01-01/P365D"],
            ["2021-01-01", "2021-D001", "2021-01-01/P1D", "2021-01-01/PT24H", "2021-01-01T00:00:00/PT86400S"],
            ["2021-W01", "2021-01-04/P7D", "2021-01-04/P1W"],
            ["2021-S1", "2021-B1", "2021-01-01/P6M"],
            ["2021-12-31T24:00:00", "2022-01-01T00:00:00"],
            ["2021-07-14T10:00:00.5Z", "2021-07-14T10:00:00.500Z", "2021-07-14T11:00:00.5+01:00"],
        ])
    func equalSpellings(_ texts: [String]) throws {
        let periods = try texts.map { text throws(CoreError) in try TimePeriod(text) }
        for period in periods {
            #expect(period == periods[0])
            #expect(period.hashValue == periods[0].hashValue)
            #expect(!(period < periods[0]) && !(periods[0] < period))
        }
        #expect(Set(periods).count == 1)
    }

    @Test("2021-07 and 2021-M07 are equal but keep their own lexical form")
    func monthSpellings() throws {
        let gregorian = try TimePeriod("2021-07")
        let reporting = try TimePeriod("2021-M07")
        #expect(gregorian == reporting)
        #expect(gregorian.lexical == "2021-07")
        #expect(reporting.lexical == "2021-M07")
    }

    @Test("A reporting quarter equals the calendar quarter it falls on")
    func quarterAcrossStartDays() throws {
        let july = try MonthDay(parsing: "--07-01")
        #expect(try TimePeriod("2021-Q1", reportingYearStartDay: july) == TimePeriod("2021-Q3"))
        #expect(try TimePeriod("2021-Q1", reportingYearStartDay: july) != TimePeriod("2021-Q1"))
    }

    @Test(
        "Periods of different intervals differ",
        arguments: [
            ("2021-07", "2021-07-01"), ("2021", "2021-S1"), ("2021-07-14T10:00:00", "2021-07-14T10:00:00Z"),
            ("2021-07-14T10:00:00", "2021-07-14T10:00:00.000000001"), ("2021-Q1", "2021-Q1+01:00"),
        ])
    func differentIntervals(_ first: String, _ second: String) throws {
        #expect(try TimePeriod(first) != TimePeriod(second))
    }

    /// Chronological order, by start and then by end (shorter first). Floating times are placed as UTC
    /// and before a zoned time at the same instant.
    static let sorted = [
        "2020",  // 2020-01-01 to 2021-01-01
        "2020-S2",  // 2020-07-01 to 2021-01-01
        "2020-W53",  // 2020-12-28 to 2021-01-04
        "2020-12-31",  // 2020-12-31 to 2021-01-01
        "2021-01-01T01:00:00+02:00",  // 2020-12-31T23:00:00Z
        "2021-01-01T00:00:00",  // a point at 2021-01-01T00:00:00 (floating)
        "2021-01-01",
        "2021-01-01/P2D",
        "2021-M01",
        "2021-Q1",
        "2021-S1",
        "2021",
        "2021-01-01T00:00:00Z",  // the same instant, zoned: after every floating period starting then
        "2021-01-01T00:00:00.5Z",
        "2021-W01",  // 2021-01-04 to 2021-01-11
        "2021-01-04T12:00:00",
        "2021-Q2",
        "2021-T2",  // 2021-05-01 to 2021-09-01
        "2022",
    ]

    @Test("Sorting shuffled periods gives chronological order", arguments: 1...25)
    func sortsShuffled(_ seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed))
        let shuffled = Self.sorted.shuffled(using: &generator)
        let periods = try shuffled.map { text throws(CoreError) in try TimePeriod(text) }
        #expect(periods.sorted().map(\.lexical) == Self.sorted)
    }

    @Test("Ordering is a strict total order consistent with equality")
    func orderIsConsistent() throws {
        let periods = try (Self.sorted + ["2021-M01", "2021-01", "2021-A1"]).map { text throws(CoreError) in
            try TimePeriod(text)
        }
        for first in periods {
            #expect(!(first < first))
            for second in periods {
                let outcomes = [first < second, second < first, first == second].filter { $0 }
                #expect(outcomes.count == 1, "\(first) vs \(second)")
            }
        }
    }

    @Test("A quarter sorts before the year it starts")
    func quarterBeforeYear() throws {
        #expect(try TimePeriod("2021-Q1") < TimePeriod("2021"))
        #expect(try TimePeriod("2020") < TimePeriod("2021-Q1"))
        #expect(try TimePeriod("2021-Q4") > TimePeriod("2021"))
    }
}

@Suite("Malformed time periods")
struct MalformedTimePeriodTests {
    static let malformed: [String] = [
        // Not SDMX forms, or out of range.
        "2021Q1", "2021q1", "2021-q1", "2021-Q0", "2021-Q5", "2021-Q01", "2021-Q", "2021-M13", "2021-M00", "2021-M1",
        "2021-M001", "2021-13", "2021-00", "2021-1", "2021-001", "2021-02-30", "2021-02-29", "1900-02-29",
        "2021-04-31", "2021-01-00", "2021-01-32", "2021-1-01", "2021-01-1", "21", "202", "20211", "0000", "0000-01",
        "", "   ", "\n\t", "2021-S3", "2021-S0", "2021-S", "2021-B3", "2021-T4", "2021-T0", "2021-A2", "2021-A0",
        "2021-A", "2021-A01", "2021-W54", "2021-W00", "2021-W0", "2021-W005", "2021-W", "2021-W53", "2021-D367",
        "2021-D000", "2021-D366", "2021-D01", "2021-D1", "2021-D0001", "2021-X1", "2021-", "2021-Z1",
        // Dates and times.
        "2021-07-14T10:00", "2021-07-14T10", "2021-07-14T", "2021-07-14T25:00:00", "2021-07-14T10:60:00",
        "2021-07-14T10:00:60", "2021-07-14T24:00:01", "2021-07-14T24:30:00", "2021-07-14T24:00:00.1",
        "2021-07-14T10:00:00.", "2021-07-14T10:00:00,5", "2021-07-14 10:00:00", "2021-07-14t10:00:00",
        "2021-07-14T1:00:00", "2021-07-14T10:0:00",
        // Time zones.
        "2021-07-14T10:00:00+15:00", "2021-07-14T10:00:00+14:30", "2021-07-14T10:00:00-14:01",
        "2021-07-14T10:00:00+01", "2021-07-14T10:00:00+0100", "2021-07-14T10:00:00+01:60", "2021-07-14T10:00:00z",
        "2021-07-14T10:00:00ZZ", "2021-07-14T10:00:00Z+01:00", "2021-Q1+1:00", "2021-Q1Z Z", "2021-07-14+01:00:00",
        // Ranges.
        "2021-01-01/P", "2021-01-01/", "2021-01-01/PT", "2021-01-01/P1DT", "2021-01-01/1D", "2021-01-01/-P1D",
        "2021-01-01/P-1D", "2021-01-01/P1H", "2021-01-01/PT1D", "2021-01-01/PT1Y", "2021-01-01/P1M1Y",
        "2021-01-01/P1Y1Y", "2021-01-01/PT1H1H", "2021-01-01/P1.5D", "2021-01-01/PT1.5H", "2021-01-01/PT1,5S",
        "2021-01-01/PT1.S", "2021-01-01/P1DT1H2", "2021-01-01/p1d", "2021-01-01/P1d", "2021-01-01/PD",
        "2021-01-01/P1DTT1H", "2021-01-01/P1D/P1D", "2021/P1Y", "2021-07/P1M", "2021-Q1/P3M",
        "2021-W01/P1W", "2021-01-01T10:00/PT1H", "9999-01-01/P2Y", "2021-01-01/P999999999Y",
        "2021-01-01/P1000000000D", "2021-01-01/PT99999999999999999999S", "2021-01-01 /P1D", "2021-01-01/ P1D",
        // Trailing garbage, letters in numbers, signs, other digits.
        "2021-01-01x", "2021-Q1a", "2021-Q1 x", "2021 -Q1", "2021- Q1", "2O21", "2021-0a", "2021-0a-01",
        "2021-01-0a", "-2021", "-0001-01-01", "+2021", "12021", "12021-01-01", "2021-Q1\u{00A0}",
        "\u{00A0}2021", "2021-07-14\u{0}", "２０２１", "٢٠٢١", "2021-Q١", "2021-M0١", "2021-0７",
        "2021-01-01T10:00:00.5x", "2021-W01-", "2021-W01+", "2021-D001Z1",
    ]

    @Test("Malformed text throws malformedTimePeriod", arguments: malformed)
    func rejects(_ text: String) {
        let error = #expect(throws: CoreError.self) { try TimePeriod(text) }
        #expect(error?.code == .malformedTimePeriod)
        #expect(error?.message.hasPrefix("\"") == true)
        #expect(error?.message.contains("is not an SDMX time period: ") == true)
    }

    @Test(
        "Error messages quote the text and say what was expected",
        arguments: [
            ("2021-Q5", "\"2021-Q5\" is not an SDMX time period: quarter must be 1–4"),
            ("", "\"\" is not an SDMX time period: the text is empty"),
            (
                "2021Q1",
                "\"2021Q1\" is not an SDMX time period: expected '-' between the year and the period (2021-Q1, not 2021Q1)"
            ),
            ("2021-S3", "\"2021-S3\" is not an SDMX time period: semester must be 1–2"),
            ("2021-T4", "\"2021-T4\" is not an SDMX time period: trimester must be 1–3"),
            ("2021-M13", "\"2021-M13\" is not an SDMX time period: month must be 01–12 (two digits)"),
            ("2021-13", "\"2021-13\" is not an SDMX time period: month must be 01–12"),
            ("2021-02-30", "\"2021-02-30\" is not an SDMX time period: February 2021 has 28 days"),
            ("2021-W54", "\"2021-W54\" is not an SDMX time period: week must be 01–53"),
            (
                "2021-W53",
                "\"2021-W53\" is not an SDMX time period: reporting year 2021 has 52 weeks, so there is no week 53"
            ),
            ("2021-D367", "\"2021-D367\" is not an SDMX time period: day must be 001–366 (three digits)"),
            (
                "2021-D366",
                "\"2021-D366\" is not an SDMX time period: reporting year 2021 has 365 days, so there is no day 366"
            ),
            ("2021-01-01/P", "\"2021-01-01/P\" is not an SDMX time period: the duration after 'P' is empty"),
            ("21", "\"21\" is not an SDMX time period: expected a four-digit year (0001–9999) at the start"),
            ("2021-01-01x", "\"2021-01-01x\" is not an SDMX time period: unexpected \"x\" after \"2021-01-01\""),
            (" 2021-Q9 ", "\"2021-Q9\" is not an SDMX time period: quarter must be 1–4"),
        ])
    func messages(_ text: String, _ message: String) {
        let error = #expect(throws: CoreError.self) { try TimePeriod(text) }
        #expect(error?.message == message)
    }

    @Test("Long malformed text is shortened in the message")
    func longTextShortened() {
        let text = "2021-Q1" + String(repeating: "x", count: 500)
        let error = #expect(throws: CoreError.self) { try TimePeriod(text) }
        let message = error?.message ?? ""
        #expect(message.count < 200)
        #expect(message.contains("…"))
    }

    @Test("The start day is named when a week or day does not exist in a shifted reporting year")
    func messageNamesStartDay() throws {
        let july = try MonthDay(parsing: "--07-01")
        let error = #expect(throws: CoreError.self) { try TimePeriod("2021-D366", reportingYearStartDay: july) }
        #expect(error?.message.contains("reporting year 2021 (starting --07-01) has 365 days") == true)
    }
}

@Suite("Reporting-year start day")
struct MonthDayTests {
    @Test(
        "--MM-DD parses to its month and day",
        arguments: [("--07-01", 7, 1), ("--01-01", 1, 1), ("--12-31", 12, 31), ("--04-06", 4, 6), ("--02-28", 2, 28)])
    func parses(_ text: String, _ month: Int, _ day: Int) throws {
        let value = try MonthDay(parsing: text)
        #expect(value.month == month)
        #expect(value.day == day)
        #expect(value.description == text)
        #expect(try MonthDay(month: month, day: day) == value)
    }

    @Test("Surrounding whitespace is ignored")
    func trimsWhitespace() throws {
        #expect(try MonthDay(parsing: " --07-01\n") == MonthDay(month: 7, day: 1))
    }

    @Test("January 1 is the default")
    func januaryFirst() throws {
        #expect(MonthDay.januaryFirst == (try MonthDay(parsing: "--01-01")))
        #expect(MonthDay.januaryFirst.description == "--01-01")
        #expect(MonthDay.januaryFirst < (try MonthDay(parsing: "--07-01")))
    }

    @Test(
        "Malformed start days throw malformedCalendarValue",
        arguments: [
            "", "07-01", "-07-01", "--7-01", "--07-1", "--13-01", "--00-10", "--02-30", "--04-31", "--02-29",
            "--07-00", "--07-32", "--07-01Z", "--07-01+01:00", "--07-01x", "--0a-01", "- -07-01", "--07--1",
            "2021-07-01", "--07-01 --08-01", "--０７-01",
        ])
    func rejects(_ text: String) {
        let error = #expect(throws: CoreError.self) { try MonthDay(parsing: text) }
        #expect(error?.code == .malformedCalendarValue)
        #expect(error?.message.hasPrefix("\"\(text)\" is not a reporting-year start day: ") == true)
    }

    @Test("February 29 cannot start a reporting year")
    func february29() {
        let error = #expect(throws: CoreError.self) { try MonthDay(month: 2, day: 29) }
        #expect(error?.code == .malformedCalendarValue)
        #expect(error?.message.contains("February 29") == true)
    }

    @Test("A time zone on the start day is named in the message")
    func timeZoneMessage() {
        let error = #expect(throws: CoreError.self) { try MonthDay(parsing: "--07-01Z") }
        #expect(
            error?.message == "\"--07-01Z\" is not a reporting-year start day: expected --MM-DD without a time zone")
    }

    @Test("The start of a reporting year is the start day in that year")
    func dateInYear() throws {
        #expect(try MonthDay(parsing: "--07-01").date(inYear: 2021).description == "2021-07-01")
    }
}

@Suite("Frequencies")
struct TimeFrequencyTests {
    @Test("Raw values are the SDMX FREQ codes or period indicators")
    func rawValues() {
        #expect(TimeFrequency.allCases.map(\.rawValue) == ["A", "S", "T", "Q", "M", "W", "D", "I", "R"])
        #expect(TimeFrequency(rawValue: "Q") == .quarter)
        #expect(TimeFrequency(rawValue: "B") == nil)
    }
}

/// A small deterministic generator, so shuffled inputs are the same on every run.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
