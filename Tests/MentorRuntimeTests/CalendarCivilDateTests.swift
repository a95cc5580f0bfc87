import MentorRuntime
import MentorSyntax
import Testing

/// Parses an ISO date that the test knows is valid.
private func date(_ text: String) -> CivilDate {
    guard let date = CivilDate(iso: text) else { fatalError("bad test date \(text)") }
    return date
}

@Suite struct CalendarCivilDateTests {
    struct FieldsCase: Sendable, CustomTestStringConvertible {
        let year: Int, month: Int, day: Int
        let valid: Bool
        var testDescription: String { "\(year)-\(month)-\(day) valid=\(valid)" }
    }

    @Test(arguments: [
        FieldsCase(year: 2026, month: 1, day: 12, valid: true),
        FieldsCase(year: 2024, month: 2, day: 29, valid: true),
        FieldsCase(year: 2000, month: 2, day: 29, valid: true),
        FieldsCase(year: 2026, month: 2, day: 29, valid: false),
        FieldsCase(year: 1900, month: 2, day: 29, valid: false),
        FieldsCase(year: 2026, month: 4, day: 30, valid: true),
        FieldsCase(year: 2026, month: 4, day: 31, valid: false),
        FieldsCase(year: 2026, month: 12, day: 31, valid: true),
        FieldsCase(year: 2026, month: 1, day: 32, valid: false),
        FieldsCase(year: 2026, month: 1, day: 0, valid: false),
        FieldsCase(year: 2026, month: 0, day: 1, valid: false),
        FieldsCase(year: 2026, month: 13, day: 1, valid: false),
        FieldsCase(year: 1, month: 1, day: 1, valid: true),
        FieldsCase(year: 9999, month: 12, day: 31, valid: true),
        FieldsCase(year: 0, month: 12, day: 31, valid: false),
        FieldsCase(year: 10000, month: 1, day: 1, valid: false),
        FieldsCase(year: -1, month: 1, day: 1, valid: false),
    ])
    func fieldValidation(_ c: FieldsCase) {
        #expect(CivilDate.isValid(year: c.year, month: c.month, day: c.day) == c.valid)
        let made = CivilDate(year: c.year, month: c.month, day: c.day)
        #expect((made != nil) == c.valid)
        if let made {
            #expect(made.year == c.year)
            #expect(made.month == c.month)
            #expect(made.day == c.day)
        }
    }

    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11017), ("2026-01-12", 20465),
        ("2026-01-31", 20484), ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ] as [(String, Int32)])
    func dayNumbers(_ text: String, _ days: Int32) {
        #expect(date(text).daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == date(text))
    }

    @Test(arguments: [Int64(-719_163), 2_932_897, Int64.max, Int64.min])
    func dayNumbersOutOfRange(_ days: Int64) {
        #expect(CivilDate(daysSinceEpoch: days) == nil)
    }

    @Test func boundsAreTheFirstAndLastFourDigitDates() {
        #expect(CivilDate.earliest.description == "0001-01-01")
        #expect(CivilDate.latest.description == "9999-12-31")
    }

    @Test(arguments: [
        ("2026-01-12", 1), ("1970-01-01", 4), ("2000-01-01", 6), ("2026-01-18", 7),
        ("0001-01-01", 1), ("9999-12-31", 5), ("1969-12-28", 7), ("1582-10-15", 5),
    ])
    func weekdays(_ text: String, _ weekday: Int) {
        #expect(date(text).weekday == weekday)
    }

    @Test(arguments: [
        ("2026-01-12", true), ("0001-01-01", true), ("0999-07-04", true), ("9999-12-31", true),
        ("2026-1-12", false), ("2026-01-1", false), ("20260112", false), ("2026-02-30", false),
        ("0000-01-01", false), ("2026/01/12", false), ("+026-01-12", false), ("2026-01-12 ", false),
        ("", false), ("2026-0a-12", false), ("２０２６-01-12", false),
    ])
    func isoParsingAndPrinting(_ text: String, _ valid: Bool) {
        let parsed = CivilDate(iso: text)
        #expect((parsed != nil) == valid)
        if let parsed { #expect(parsed.description == text) }
    }

    @Test(arguments: [
        (2026, 1, 31), (2026, 2, 28), (2024, 2, 29), (2100, 2, 28), (2400, 2, 29), (2026, 4, 30),
        (2026, 6, 30), (2026, 9, 30), (2026, 11, 30), (2026, 12, 31), (2026, 0, 0), (2026, 13, 0),
    ])
    func monthLengths(_ year: Int, _ month: Int, _ days: Int) {
        #expect(CivilDate.daysInMonth(year: year, month: month) == days)
    }

    @Test func ordersByDay() {
        #expect(date("2026-01-12") < date("2026-01-13"))
        #expect(date("2025-12-31") < date("2026-01-01"))
        #expect(!(date("2026-01-12") < date("2026-01-12")))
        #expect([date("2027-01-02"), date("0001-01-01"), date("2026-03-02")].sorted().map(\.description)
            == ["0001-01-01", "2026-03-02", "2027-01-02"])
    }

    struct ArithmeticCase: Sendable, CustomTestStringConvertible {
        let start: String
        let duration: CalendarDuration
        let expected: String?
        var testDescription: String { "\(start) + \(duration) = \(expected ?? "nil")" }
    }

    @Test(arguments: [
        ArithmeticCase(start: "2026-01-31", duration: .months(1), expected: "2026-02-28"),
        ArithmeticCase(start: "2024-01-31", duration: .months(1), expected: "2024-02-29"),
        ArithmeticCase(start: "2024-02-29", duration: .years(1), expected: "2025-02-28"),
        ArithmeticCase(start: "2024-02-29", duration: .years(4), expected: "2028-02-29"),
        ArithmeticCase(start: "2026-03-31", duration: .months(-1), expected: "2026-02-28"),
        ArithmeticCase(start: "2026-01-31", duration: .months(-2), expected: "2025-11-30"),
        ArithmeticCase(start: "2026-05-31", duration: .months(13), expected: "2027-06-30"),
        ArithmeticCase(start: "2026-01-12", duration: .months(12), expected: "2027-01-12"),
        ArithmeticCase(start: "2026-01-12", duration: .weeks(2), expected: "2026-01-26"),
        ArithmeticCase(start: "2026-12-31", duration: .days(1), expected: "2027-01-01"),
        ArithmeticCase(start: "2026-03-01", duration: .days(-1), expected: "2026-02-28"),
        ArithmeticCase(start: "2026-01-12", duration: .days(0), expected: "2026-01-12"),
        ArithmeticCase(start: "2026-01-12", duration: .minutes(90), expected: nil),
        ArithmeticCase(start: "2026-01-12", duration: .hours(0), expected: nil),
        ArithmeticCase(start: "9999-12-31", duration: .days(1), expected: nil),
        ArithmeticCase(start: "0001-01-01", duration: .days(-1), expected: nil),
        ArithmeticCase(start: "9999-12-15", duration: .months(1), expected: nil),
        ArithmeticCase(start: "0001-01-31", duration: .months(-1), expected: nil),
        ArithmeticCase(start: "0001-01-01", duration: .years(9998), expected: "9999-01-01"),
        ArithmeticCase(start: "2026-01-12", duration: .days(.max), expected: nil),
        ArithmeticCase(start: "2026-01-12", duration: .days(.min), expected: nil),
        ArithmeticCase(start: "2026-01-12", duration: .weeks(.max), expected: nil),
        ArithmeticCase(start: "2026-01-12", duration: .months(.max), expected: nil),
        ArithmeticCase(start: "2026-01-12", duration: .years(.min), expected: nil),
    ])
    func addingDurations(_ c: ArithmeticCase) {
        #expect(date(c.start).adding(c.duration)?.description == c.expected)
    }

    @Test(arguments: [
        ArithmeticCase(start: "2026-03-31", duration: .months(1), expected: "2026-02-28"),
        ArithmeticCase(start: "2025-02-28", duration: .years(1), expected: "2024-02-28"),
        ArithmeticCase(start: "2026-01-12", duration: .weeks(1), expected: "2026-01-05"),
        ArithmeticCase(start: "2026-01-12", duration: .days(-3), expected: "2026-01-15"),
        ArithmeticCase(start: "2026-01-12", duration: .hours(1), expected: nil),
        ArithmeticCase(start: "0001-01-01", duration: .days(1), expected: nil),
        ArithmeticCase(start: "2026-01-12", duration: .days(.min), expected: nil),
    ])
    func subtractingDurations(_ c: ArithmeticCase) {
        #expect(date(c.start).subtracting(c.duration)?.description == c.expected)
    }

    @Test func addingCountsDirectly() {
        #expect(date("2026-01-31").adding(months: 1) == date("2026-02-28"))
        #expect(date("2026-01-31").adding(days: 29) == date("2026-03-01"))
        #expect(date("2026-01-31").adding(months: .max) == nil)
        #expect(date("2026-01-31").adding(days: .min) == nil)
    }

    @Test(arguments: [
        ("2026-01-12", "2026-01-12", 0), ("2026-01-13", "2026-01-12", 1), ("2026-01-12", "2026-01-13", -1),
        ("2027-01-12", "2026-01-12", 365), ("2025-01-12", "2024-01-12", 366),
        ("9999-12-31", "0001-01-01", 3_652_058),
    ] as [(String, String, Int64)])
    func daysBetween(_ later: String, _ earlier: String, _ days: Int64) {
        #expect(date(later).days(since: date(earlier)) == days)
    }

    /// Every representable day, walked with an independent calendar (its own leap rule and
    /// month table): the fields, the day number and the weekday all agree, in both directions.
    @Test func everyDayOfTheWholeRangeAgreesWithAWalkedCalendar() {
        func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var (year, month, day) = (1, 1, 1)
        var weekday = 1  // 0001-01-01 was a Monday in the proleptic Gregorian calendar.
        var mismatches = 0
        for days in Int64(CivilDate.earliest.daysSinceEpoch)...Int64(CivilDate.latest.daysSinceEpoch) {
            guard let date = CivilDate(daysSinceEpoch: days) else {
                Issue.record("day \(days) is in range but made no date")
                return
            }
            let fields = date.components
            if fields.year != year || fields.month != month || fields.day != day || date.weekday != weekday
                || CivilDate(year: year, month: month, day: day) != date {
                mismatches += 1
                if mismatches <= 5 { Issue.record("day \(days): expected \(year)-\(month)-\(day) weekday \(weekday)") }
            }
            let length = month == 2 && isLeap(year) ? 29 : lengths[month - 1]
            weekday = weekday % 7 + 1
            if day < length {
                day += 1
            } else if month < 12 {
                (month, day) = (month + 1, 1)
            } else {
                (year, month, day) = (year + 1, 1, 1)
            }
        }
        #expect(mismatches == 0)
        #expect((year, month, day) == (10000, 1, 1))
    }
}
