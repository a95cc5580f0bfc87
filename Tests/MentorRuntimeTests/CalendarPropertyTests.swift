import Foundation
import MentorRuntime
import MentorSyntax
import PropertyBased
import Testing

/// Foundation's Gregorian calendar in UTC, the independent oracle for date arithmetic.
///
/// Foundation switches to the Julian calendar before 1582-10-15, so it only judges dates from
/// `FoundationOracle.firstGregorianYear` on; years before that are checked against the naive
/// counting oracle in `CalendarPropertyTests`.
enum FoundationOracle {
    // A fresh calendar per use: property tests run concurrently, and a shared Foundation
    // Calendar gave wrong answers under concurrent use on Linux.
    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    // Foundation still disagrees on month arithmetic in the decades after its 1582 Julian switch (1584-02-29 and 1700-03-01 are
    // real, yet it answers otherwise), so the month-clamp comparison is disabled; earlier years are walked by hand.
    /// The first whole year Foundation counts in the Gregorian calendar.
    static let firstGregorianYear = 1583
    /// Day numbers Foundation and the proleptic calendar agree on.
    static let gregorianDays: ClosedRange<Int> =
        Int(CivilDate(year: firstGregorianYear, month: 1, day: 1)!.daysSinceEpoch)...Int(CivilDate.latest.daysSinceEpoch)

    static func instant(_ date: CivilDate) -> Date {
        Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400)
    }

    /// The civil date of a Foundation instant, read through Foundation's own fields.
    static func civilDate(_ instant: Date) -> CivilDate? {
        let fields = calendar.dateComponents([.era, .year, .month, .day], from: instant)
        guard fields.era == 1, let year = fields.year, let month = fields.month, let day = fields.day else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// `date + duration` as Foundation computes it, or nil outside the years both calendars share.
    static func adding(_ duration: CalendarDuration, to date: CivilDate) -> CivilDate? {
        let amount = Int(duration.amount)
        let fields: DateComponents = switch duration.unit {
        case .day: DateComponents(day: amount)
        case .week: DateComponents(day: amount * 7)
        case .month: DateComponents(month: amount)
        case .year: DateComponents(year: amount)
        case .minute, .hour: DateComponents()
        }
        guard duration.kind != .time,
              let result = calendar.date(byAdding: fields, to: instant(date)),
              let civil = civilDate(result),
              civil.year >= firstGregorianYear
        else { return nil }
        return civil
    }

    /// Foundation's ISO weekday (it numbers Sunday 1 ... Saturday 7).
    static func isoWeekday(_ date: CivilDate) -> Int {
        let sundayFirst = calendar.component(.weekday, from: instant(date))
        return (sundayFirst + 5) % 7 + 1
    }
}

/// Generators of calendar values for property tests.
enum CalendarGen {
    /// Any representable date.
    static let anyDate = Gen.int(in: Int(CivilDate.earliest.daysSinceEpoch)...Int(CivilDate.latest.daysSinceEpoch))
        .map { CivilDate(daysSinceEpoch: $0)! }

    /// A date Foundation can judge, with the last days of months much more likely than by
    /// chance, because clamping happens there.
    static let gregorianDate = zip(
        Gen.int(in: FoundationOracle.firstGregorianYear...9999), Gen.int(in: 1...12), Gen.int(in: 1...31)
    ).map { fields in
        let (year, month, day) = fields
        return CivilDate(year: year, month: month, day: min(day, CivilDate.daysInMonth(year: year, month: month)))!
    }

    /// A 29 February Foundation can judge.
    static let leapDay = Gen.int(in: 396...2499).compactMap { CivilDate(year: $0 * 4, month: 2, day: 29) }

    /// A duration of any unit with a small amount (negative, zero or positive).
    static let smallDuration = zip(Gen.int(in: 0..<DurationUnit.allCases.count), Gen.int(in: -500...500))
        .map { CalendarDuration(amount: Int64($0.1), unit: DurationUnit.allCases[$0.0]) }
}

@Suite struct CalendarPropertyTests {
    // MARK: Day numbers against oracles

    /// Days since 1970-01-01 counted year by year and month by month, with its own leap rule
    /// and month table: slow, obviously right, and valid for every year.
    private static func countedDays(year: Int, month: Int, day: Int) -> Int64 {
        func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
        let monthLengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var days: Int64 = 0
        if year >= 1970 {
            for y in 1970..<year { days += isLeap(y) ? 366 : 365 }
        } else {
            for y in year..<1970 { days -= isLeap(y) ? 366 : 365 }
        }
        for m in 1..<month { days += Int64(monthLengths[m - 1]) }
        return days + Int64(day - 1)
    }

    @Test func dayNumbersMatchCountingOverTheWholeRange() async {
        await propertyCheck(count: 300, input: CalendarGen.anyDate) { date in
            let (year, month, day) = date.components
            #expect(Int64(date.daysSinceEpoch) == Self.countedDays(year: year, month: month, day: day))
        }
    }

    @Test func fieldsAndTextRoundTripOverTheWholeRange() async {
        await propertyCheck(count: 500, input: CalendarGen.anyDate) { date in
            #expect(CivilDate(year: date.year, month: date.month, day: date.day) == date)
            #expect(CivilDate(iso: date.description) == date)
            #expect(CivilDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        }
    }

    @Test func consecutiveDayNumbersAreConsecutiveDates() async {
        await propertyCheck(count: 300, input: CalendarGen.anyDate.filter { $0 < .latest }) { date in
            let next = date.adding(days: 1)!
            #expect(next.weekday == date.weekday % 7 + 1)
            if date.day < CivilDate.daysInMonth(year: date.year, month: date.month) {
                #expect((next.year, next.month, next.day) == (date.year, date.month, date.day + 1))
            } else if date.month < 12 {
                #expect((next.year, next.month, next.day) == (date.year, date.month + 1, 1))
            } else {
                #expect((next.year, next.month, next.day) == (date.year + 1, 1, 1))
            }
        }
    }

    @Test func fieldsAndWeekdaysMatchFoundation() async {
        await propertyCheck(count: 500, input: Gen.int(in: FoundationOracle.gregorianDays)) { days in
            let date = CivilDate(daysSinceEpoch: days)!
            #expect(FoundationOracle.civilDate(FoundationOracle.instant(date)) == date)
            let fields = FoundationOracle.calendar.dateComponents([.year, .month, .day], from: FoundationOracle.instant(date))
            #expect((fields.year, fields.month, fields.day) == (date.year, date.month, date.day))
            #expect(date.weekday == FoundationOracle.isoWeekday(date))
        }
    }

    @Test func validityAndDayNumbersOfFieldsMatchFoundation() async {
        await propertyCheck(
            count: 500,
            input: Gen.int(in: FoundationOracle.firstGregorianYear...9999), Gen.int(in: 1...12), Gen.int(in: 1...31)
        ) { year, month, day in
            // Foundation is lenient (Feb 30 becomes Mar 2), so a date is real when its fields survive.
            let instant = FoundationOracle.calendar.date(from: DateComponents(year: year, month: month, day: day))!
            let normalized = FoundationOracle.calendar.dateComponents([.year, .month, .day], from: instant)
            let foundationValid = (normalized.year, normalized.month, normalized.day) == (year, month, day)
            let date = CivilDate(year: year, month: month, day: day)
            #expect((date != nil) == foundationValid)
            #expect(CivilDate.isValid(year: year, month: month, day: day) == foundationValid)
            if let date {
                #expect(Double(date.daysSinceEpoch) * 86_400 == instant.timeIntervalSince1970)
            }
        }
    }

    // MARK: Arithmetic against Foundation

    @Test func addingDaysMatchesFoundation() async {
        await propertyCheck(count: 500, input: CalendarGen.gregorianDate, Gen.int(in: -200_000...200_000)) { date, days in
            let duration = CalendarDuration.days(Int64(days))
            let expected = FoundationOracle.adding(duration, to: date)
            let actual = date.adding(duration)
            if let expected { #expect(actual == expected) }
            if let actual, actual.year >= FoundationOracle.firstGregorianYear { #expect(actual == expected) }
            #expect(date.adding(days: Int64(days)) == actual)
        }
    }

    @Test func addingWeeksMatchesFoundation() async {
        await propertyCheck(count: 300, input: CalendarGen.gregorianDate, Gen.int(in: -30_000...30_000)) { date, weeks in
            let duration = CalendarDuration.weeks(Int64(weeks))
            if let expected = FoundationOracle.adding(duration, to: date) { #expect(date.adding(duration) == expected) }
        }
    }

    @Test(.disabled("Linux Foundation sometimes rolls month-end over instead of clamping (1962-03-01 for 1962-02-28); investigate before trusting it as an oracle"))
    func addingMonthsClampsLikeFoundation() async {
        await propertyCheck(count: 1000, input: CalendarGen.gregorianDate, Gen.int(in: -3_000...3_000)) { date, months in
            let duration = CalendarDuration.months(Int64(months))
            let expected = FoundationOracle.adding(duration, to: date)
            let actual = date.adding(duration)
            if let expected { #expect(actual == expected) }
            if let actual, actual.year >= FoundationOracle.firstGregorianYear { #expect(actual == expected) }
            #expect(date.adding(months: Int64(months)) == actual)
        }
    }

    @Test func addingYearsClampsLikeFoundation() async {
        await propertyCheck(count: 500, input: CalendarGen.gregorianDate, Gen.int(in: -400...400)) { date, years in
            let duration = CalendarDuration.years(Int64(years))
            if let expected = FoundationOracle.adding(duration, to: date) { #expect(date.adding(duration) == expected) }
        }
    }

    @Test func addingYearsToLeapDaysClampsLikeFoundation() async {
        await propertyCheck(count: 300, input: CalendarGen.leapDay, Gen.int(in: -400...400)) { date, years in
            let duration = CalendarDuration.years(Int64(years))
            if let expected = FoundationOracle.adding(duration, to: date) {
                #expect(date.adding(duration) == expected)
                #expect(expected.day == (CivilDate.isLeapYear(expected.year) ? 29 : 28))
            }
        }
    }

    @Test func subtractingIsAddingTheNegation() async {
        await propertyCheck(count: 300, input: CalendarGen.gregorianDate, CalendarGen.smallDuration) { date, duration in
            #expect(date.subtracting(duration) == date.adding(duration.negated()!))
            // Foundation is trusted for days and weeks only: its month arithmetic is wrong in the
            // decades after 1582 (see `FoundationOracle`; it once answered 1584-02-28 here).
            if duration.unit == .day || duration.unit == .week,
               let expected = FoundationOracle.adding(duration.negated()!, to: date) {
                #expect(date.subtracting(duration) == expected)
            }
        }
    }

    @Test func daysBetweenMatchesFoundation() async {
        await propertyCheck(count: 500, input: CalendarGen.gregorianDate, CalendarGen.gregorianDate) { a, b in
            let expected = FoundationOracle.calendar.dateComponents(
                [.day], from: FoundationOracle.instant(b), to: FoundationOracle.instant(a)).day
            #expect(a.days(since: b) == expected.map(Int64.init))
            #expect(b.adding(days: a.days(since: b)) == a)
        }
    }

    /// Month arithmetic over the whole range, against stepping one month at a time.
    @Test func addingMonthsMatchesSteppingOverTheWholeRange() async {
        await propertyCheck(count: 300, input: CalendarGen.anyDate, Gen.int(in: -1_500...1_500)) { date, months in
            var (year, month) = (date.year, date.month)
            for _ in 0..<abs(months) {
                month += months > 0 ? 1 : -1
                if month == 13 { (year, month) = (year + 1, 1) }
                if month == 0 { (year, month) = (year - 1, 12) }
            }
            let expected = CivilDate.yearRange.contains(year)
                ? CivilDate(year: year, month: month, day: min(date.day, CivilDate.daysInMonth(year: year, month: month)))
                : nil
            #expect(date.adding(months: Int64(months)) == expected)
        }
    }

    // MARK: Durations

    @Test func equalityHashingAndComparisonAgree() async {
        await propertyCheck(count: 500, input: CalendarGen.smallDuration, CalendarGen.smallDuration) { a, b in
            #expect((a == b) == (a.compare(to: b) == 0))
            if a == b { #expect(a.hashValue == b.hashValue) }
            #expect(a.compare(to: b) == b.compare(to: a).map { -$0 })
            #expect((a.compare(to: b) == nil) == (a.kind != b.kind))
            if let order = a.compare(to: b) {
                #expect(order == (a.normalizedAmount! < b.normalizedAmount! ? -1 : a.normalizedAmount! == b.normalizedAmount! ? 0 : 1))
            }
        }
    }

    @Test func sumsAreCommutativeAndExact() async {
        await propertyCheck(count: 500, input: CalendarGen.smallDuration, CalendarGen.smallDuration) { a, b in
            let sum = a.adding(b)
            #expect(sum == b.adding(a))
            #expect(sum?.unit == b.adding(a)?.unit)
            #expect((sum == nil) == (a.kind != b.kind))
            if let sum {
                #expect(sum.normalizedAmount == a.normalizedAmount! + b.normalizedAmount!)
                #expect(sum.unit == (a.unit == b.unit ? a.unit : a.kind.baseUnit))
                #expect(sum.subtracting(b) == a)
            }
        }
    }

    @Test func dayBasedSumsAddToDatesInEitherOrder() async {
        let dayBased = zip(Gen.bool, Gen.int(in: -5_000...5_000))
            .map { CalendarDuration(amount: Int64($0.1), unit: $0.0 ? .week : .day) }
        await propertyCheck(count: 300, input: CalendarGen.gregorianDate, dayBased, dayBased) { date, a, b in
            let whole = date.adding(a.adding(b)!)
            let stepwise = date.adding(a).flatMap { $0.adding(b) }
            if whole != nil, stepwise != nil { #expect(whole == stepwise) }
        }
    }

    @Test func timesOfDayRoundTripThroughText() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0..<TimeOfDay.minutesPerDay)) { minutes in
            let time = TimeOfDay(minutesSinceMidnight: minutes)!
            #expect(TimeOfDay(parsing: time.description) == time)
            #expect(TimeOfDay(hour: time.hour, minute: time.minute) == time)
        }
    }
}
