import ClusterLensCore
import Testing

/// A date that the test knows to be valid.
private func date(_ year: Int, _ month: Int, _ day: Int) throws -> CivilDate {
    try #require(CivilDate(year: year, month: month, day: day))
}

@Suite("Civil dates")
struct CivilDateTests {
    @Test(
        "Known dates have known day numbers",
        arguments: [
            (1970, 1, 1, 0), (1969, 12, 31, -1), (1970, 1, 2, 1), (2000, 1, 1, 10_957), (2000, 3, 1, 11_017),
            (2021, 1, 1, 18_628), (2021, 1, 4, 18_631), (2024, 2, 29, 19_782), (1, 1, 1, -719_162),
            (0, 3, 1, -719_468), (1900, 1, 1, -25_567), (9999, 12, 31, 2_932_896),
        ])
    func knownDayNumbers(_ year: Int, _ month: Int, _ day: Int, _ days: Int) throws {
        let value = try date(year, month, day)
        #expect(value.daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == value)
    }

    @Test("Day numbers round-trip for every day from 1600 to 2400, against a day-by-day count")
    func roundTripEveryDay() throws {
        var year = 1600
        var month = 1
        var day = 1
        var number = try date(1600, 1, 1).daysSinceEpoch
        var mismatches: [String] = []
        while year <= 2400 {
            let expected = try date(year, month, day)
            let fromNumber = CivilDate(daysSinceEpoch: number)
            if fromNumber != expected || expected.daysSinceEpoch != number {
                mismatches.append("\(expected) ↔ \(number) gave \(fromNumber)")
            }
            // Step one day by hand, without the algorithm under test.
            number += 1
            day += 1
            if day > CivilDate.numberOfDays(inMonth: month, year: year) {
                day = 1
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(number == (try date(2401, 1, 1)).daysSinceEpoch)
    }

    @Test("Day numbers round-trip far into the past and future")
    func roundTripWideRange() throws {
        let first = try date(-100_000, 1, 1).daysSinceEpoch
        let last = try date(100_000, 12, 31).daysSinceEpoch
        var failures = 0
        for number in stride(from: first, through: last, by: 997) {
            let value = CivilDate(daysSinceEpoch: number)
            if value.daysSinceEpoch != number || CivilDate(year: value.year, month: value.month, day: value.day) == nil
            {
                failures += 1
            }
        }
        #expect(failures == 0)
        #expect(CivilDate(daysSinceEpoch: first).description == "-100000-01-01")
    }

    @Test(
        "ISO weekdays are right for known dates",
        arguments: [
            (2021, 1, 4, 1), (1970, 1, 1, 4), (2000, 1, 1, 6), (2024, 2, 29, 4), (1, 1, 1, 1), (1969, 12, 28, 7),
            (2025, 12, 29, 1), (2026, 1, 1, 4), (2021, 1, 1, 5), (2020, 1, 1, 3), (1582, 10, 15, 5), (2021, 7, 1, 4),
            (1900, 1, 1, 1),
        ])
    func knownWeekdays(_ year: Int, _ month: Int, _ day: Int, _ weekday: Int) throws {
        #expect(try date(year, month, day).isoWeekday == weekday)
    }

    @Test("Weekdays advance by one each day, including before 1970")
    func weekdaysCycle() throws {
        var value = try date(1965, 1, 1)
        for _ in 0..<4000 {
            let next = value.adding(days: 1)
            #expect(next.isoWeekday == value.isoWeekday % 7 + 1)
            value = next
        }
    }

    @Test(
        "Leap years follow the Gregorian rule",
        arguments: [
            (1900, false), (2000, true), (2024, true), (2023, false), (2100, false), (1600, true), (2400, true),
            (1700, false), (2020, true), (0, true), (-4, true), (-100, false),
        ])
    func leapYears(_ year: Int, _ isLeap: Bool) {
        #expect(CivilDate.isLeapYear(year) == isLeap)
        #expect(CivilDate.numberOfDays(inYear: year) == (isLeap ? 366 : 365))
        #expect(CivilDate.numberOfDays(inMonth: 2, year: year) == (isLeap ? 29 : 28))
        #expect((CivilDate(year: year, month: 2, day: 29) != nil) == isLeap)
    }

    @Test("Month lengths")
    func monthLengths() {
        let lengths = (1...12).map { CivilDate.numberOfDays(inMonth: $0, year: 2021) }
        #expect(lengths == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(CivilDate.numberOfDays(inMonth: 13, year: 2021) == 0)
    }

    @Test(
        "Days that do not exist are rejected",
        arguments: [
            (2021, 2, 29), (1900, 2, 29), (2021, 4, 31), (2021, 13, 1), (2021, 0, 1), (2021, 1, 0), (2021, 1, 32),
            (2_000_000, 1, 1),
        ])
    func invalidDates(_ year: Int, _ month: Int, _ day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test(
        "Adding days crosses months, years and leap days",
        arguments: [
            ((2021, 12, 31), 1, "2022-01-01"), ((2024, 2, 28), 1, "2024-02-29"), ((2021, 3, 1), -1, "2021-02-28"),
            ((2021, 1, 1), 365, "2022-01-01"), ((2024, 1, 1), 365, "2024-12-31"), ((2021, 1, 1), -18_628, "1970-01-01"),
            ((2021, 7, 14), 0, "2021-07-14"),
        ])
    func addingDays(_ start: (Int, Int, Int), _ days: Int, _ expected: String) throws {
        #expect(try date(start.0, start.1, start.2).adding(days: days).description == expected)
    }

    @Test(
        "Adding months clamps the day to the month's length",
        arguments: [
            ((2021, 1, 31), 1, "2021-02-28"), ((2024, 1, 31), 1, "2024-02-29"), ((2021, 3, 31), -1, "2021-02-28"),
            ((2021, 5, 31), 1, "2021-06-30"), ((2021, 12, 15), 1, "2022-01-15"), ((2021, 1, 15), -1, "2020-12-15"),
            ((2021, 1, 1), 12, "2022-01-01"), ((2021, 1, 1), -13, "2019-12-01"), ((2020, 2, 29), 12, "2021-02-28"),
            ((2020, 2, 29), 48, "2024-02-29"), ((1, 1, 1), -1, "0000-12-01"), ((2021, 7, 14), 0, "2021-07-14"),
            ((2021, 8, 31), 6, "2022-02-28"),
        ])
    func addingMonths(_ start: (Int, Int, Int), _ months: Int, _ expected: String) throws {
        #expect(try date(start.0, start.1, start.2).adding(months: months).description == expected)
    }

    @Test("Dates print in ISO 8601 form")
    func descriptions() throws {
        #expect(try date(2021, 7, 4).description == "2021-07-04")
        #expect(try date(1, 1, 1).description == "0001-01-01")
        #expect(try date(10_000, 1, 1).description == "10000-01-01")
        #expect(try date(-1, 12, 31).description == "-0001-12-31")
    }

    @Test("Dates order chronologically")
    func ordering() throws {
        #expect(try date(2021, 1, 31) < date(2021, 2, 1))
        #expect(try date(2020, 12, 31) < date(2021, 1, 1))
        #expect(try date(-1, 12, 31) < date(0, 1, 1))
        #expect(try !(date(2021, 1, 1) < date(2021, 1, 1)))
    }
}

@Suite("Civil date-times")
struct CivilDateTimeTests {
    @Test("Components out of range are rejected")
    func validation() throws {
        let day = try date(2021, 7, 14)
        #expect(CivilDateTime(date: day, secondsSinceMidnight: 86_400) == nil)
        #expect(CivilDateTime(date: day, secondsSinceMidnight: -1) == nil)
        #expect(CivilDateTime(date: day, nanosecond: 1_000_000_000) == nil)
        #expect(CivilDateTime(date: day, nanosecond: -1) == nil)
        #expect(CivilDateTime(date: day, utcOffsetMinutes: 841) == nil)
        #expect(CivilDateTime(date: day, utcOffsetMinutes: -841) == nil)
        #expect(
            CivilDateTime(date: day, secondsSinceMidnight: 86_399, nanosecond: 999_999_999, utcOffsetMinutes: 840)
                != nil)
    }

    @Test("Hours, minutes and seconds come from the seconds since midnight")
    func components() throws {
        let value = try #require(CivilDateTime(date: date(2021, 7, 14), secondsSinceMidnight: 37_845))
        #expect(value.hour == 10)
        #expect(value.minute == 30)
        #expect(value.second == 45)
        #expect(value.description == "2021-07-14T10:30:45")
        #expect(CivilDateTime(startOf: try date(2021, 7, 14)).description == "2021-07-14T00:00:00")
    }

    @Test(
        "Epoch seconds apply the UTC offset",
        arguments: [
            ((1970, 1, 1), 0, nil as Int?, 0), ((1970, 1, 1), 3600, 60, 0), ((1969, 12, 31), 82_800, -60, 0),
            ((2021, 7, 14), 36_000, nil, 1_626_256_800), ((2021, 7, 14), 36_000, 0, 1_626_256_800),
            ((2021, 7, 14), 36_000, 330, 1_626_237_000), ((1969, 12, 31), 86_399, nil, -1),
        ])
    func epochSeconds(_ day: (Int, Int, Int), _ seconds: Int, _ offset: Int?, _ expected: Int) throws {
        let value = try #require(
            CivilDateTime(date: date(day.0, day.1, day.2), secondsSinceMidnight: seconds, utcOffsetMinutes: offset))
        #expect(value.epochSeconds == expected)
    }

    @Test("Adding seconds carries into days and years, both ways")
    func addingSeconds() throws {
        let offset = try #require(
            CivilDateTime(date: date(2021, 12, 31), secondsSinceMidnight: 86_399, utcOffsetMinutes: 60))
        #expect(offset.adding(seconds: 1).description == "2022-01-01T00:00:00+01:00")
        let half = try #require(
            CivilDateTime(date: date(2021, 12, 31), secondsSinceMidnight: 86_399, nanosecond: 500_000_000))
        #expect(half.adding(seconds: 0, nanoseconds: 500_000_000).description == "2022-01-01T00:00:00")
        #expect(half.adding(seconds: 0, nanoseconds: 499_999_999).description == "2021-12-31T23:59:59.999999999")
        let midnight = CivilDateTime(startOf: try date(2021, 1, 1))
        #expect(midnight.adding(seconds: -1).description == "2020-12-31T23:59:59")
        #expect(midnight.adding(seconds: 0, nanoseconds: -1).description == "2020-12-31T23:59:59.999999999")
        #expect(midnight.adding(seconds: 86_400 * 366).description == "2022-01-02T00:00:00")
        #expect(midnight.adding(seconds: -86_400 * 3 - 1).description == "2020-12-28T23:59:59")
    }

    @Test("Adding days and months keeps the time and the offset")
    func addingDaysAndMonths() throws {
        let value = try #require(
            CivilDateTime(
                date: date(2021, 1, 31), secondsSinceMidnight: 3_600, nanosecond: 250_000_000, utcOffsetMinutes: -300))
        #expect(value.adding(months: 1).description == "2021-02-28T01:00:00.25-05:00")
        #expect(value.adding(days: 1).description == "2021-02-01T01:00:00.25-05:00")
    }

    @Test(
        "Date-times print in ISO 8601 form with fraction and offset",
        arguments: [
            (0, 0, nil as Int?, "2021-07-14T00:00:00"), (36_000, 0, 0, "2021-07-14T10:00:00Z"),
            (36_000, 500_000_000, nil, "2021-07-14T10:00:00.5"), (36_000, 1, nil, "2021-07-14T10:00:00.000000001"),
            (36_000, 123_456_789, 330, "2021-07-14T10:00:00.123456789+05:30"),
            (36_000, 0, -840, "2021-07-14T10:00:00-14:00"),
            (36_000, 0, -30, "2021-07-14T10:00:00-00:30"), (86_399, 0, 840, "2021-07-14T23:59:59+14:00"),
        ])
    func descriptions(_ seconds: Int, _ nanosecond: Int, _ offset: Int?, _ expected: String) throws {
        let value = try #require(
            CivilDateTime(
                date: date(2021, 7, 14), secondsSinceMidnight: seconds, nanosecond: nanosecond, utcOffsetMinutes: offset
            ))
        #expect(value.description == expected)
    }

    @Test("Equality compares the written fields, not the instant")
    func structuralEquality() throws {
        let paris = try #require(
            CivilDateTime(date: date(2021, 7, 14), secondsSinceMidnight: 36_000, utcOffsetMinutes: 60))
        let utc = try #require(
            CivilDateTime(date: date(2021, 7, 14), secondsSinceMidnight: 32_400, utcOffsetMinutes: 0))
        #expect(paris != utc)
        #expect(paris.epochSeconds == utc.epochSeconds)
        #expect(paris.utcOffsetMinutes == 60)
    }
}
