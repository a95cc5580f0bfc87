import MentorRuntime
import MentorSyntax
import Testing

@Suite struct CalendarDurationTests {
    @Test(arguments: [
        (CalendarDuration.minutes(90), "90 minutes"), (.days(1), "1 day"), (.weeks(2), "2 weeks"),
        (.days(-3), "-3 days"), (.days(-1), "-1 day"), (.months(0), "0 months"), (.years(1), "1 year"),
        (.hours(1), "1 hour"), (.minutes(1), "1 minute"), (.months(1), "1 month"), (.weeks(1), "1 week"),
        (.years(.min), "-9223372036854775808 years"),
    ])
    func printsInItsOwnUnit(_ duration: CalendarDuration, _ text: String) {
        #expect(duration.description == text)
    }

    @Test(arguments: [
        (CalendarDuration.minutes(90), CalendarDuration.Kind.time, Int64?(90)),
        (.hours(2), .time, 120), (.days(3), .day, 3), (.weeks(2), .day, 14),
        (.months(5), .month, 5), (.years(2), .month, 24), (.weeks(-1), .day, -7),
        (.years(.max), .month, nil), (.weeks(.min), .day, nil), (.hours(.max / 60 + 1), .time, nil),
        (.days(.max), .day, .max),
    ])
    func kindsAndNormalisedAmounts(_ duration: CalendarDuration, _ kind: CalendarDuration.Kind, _ normalized: Int64?) {
        #expect(duration.kind == kind)
        #expect(duration.normalizedAmount == normalized)
        #expect(duration.kind.baseUnit == CalendarDuration.Kind(duration.kind.baseUnit).baseUnit)
    }

    @Test(arguments: [
        (CalendarDuration.years(1), CalendarDuration.months(12), true),
        (.weeks(1), .days(7), true), (.minutes(60), .hours(1), true), (.weeks(2), .weeks(2), true),
        (.months(1), .days(30), false), (.days(1), .minutes(1440), false), (.days(0), .months(0), false),
        (.days(0), .minutes(0), false), (.weeks(1), .days(8), false), (.years(1), .months(13), false),
        (.years(.max), .years(.max), true), (.years(.max), .months(.max), false),
        (.years(.min), .months(.min), false), (.weeks(.max), .weeks(.max - 1), false),
    ])
    func equalityIsByMeaningWithinAKind(_ lhs: CalendarDuration, _ rhs: CalendarDuration, _ equal: Bool) {
        #expect((lhs == rhs) == equal)
        #expect((rhs == lhs) == equal)
        if equal { #expect(lhs.hashValue == rhs.hashValue) }
    }

    @Test func setsCollapseEqualDurations() {
        let set: Set<CalendarDuration> = [.years(1), .months(12), .weeks(1), .days(7), .hours(1), .minutes(60), .days(30)]
        #expect(set.count == 4)
    }

    struct SumCase: Sendable, CustomTestStringConvertible {
        let lhs: CalendarDuration, rhs: CalendarDuration
        let expected: CalendarDuration?
        var testDescription: String { "\(lhs) and \(rhs) -> \(expected.map { "\($0)" } ?? "nil")" }
    }

    @Test(arguments: [
        SumCase(lhs: .weeks(2), rhs: .days(3), expected: .days(17)),
        SumCase(lhs: .days(3), rhs: .weeks(2), expected: .days(17)),
        SumCase(lhs: .weeks(2), rhs: .weeks(1), expected: .weeks(3)),
        SumCase(lhs: .years(1), rhs: .months(2), expected: .months(14)),
        SumCase(lhs: .years(1), rhs: .years(1), expected: .years(2)),
        SumCase(lhs: .hours(1), rhs: .minutes(30), expected: .minutes(90)),
        SumCase(lhs: .months(1), rhs: .days(1), expected: nil),
        SumCase(lhs: .days(1), rhs: .minutes(1), expected: nil),
        SumCase(lhs: .days(.max), rhs: .days(1), expected: nil),
        SumCase(lhs: .weeks(.max), rhs: .days(1), expected: nil),
        SumCase(lhs: .weeks(.max), rhs: .weeks(0), expected: .weeks(.max)),
    ])
    func sums(_ c: SumCase) {
        let sum = c.lhs.adding(c.rhs)
        #expect(sum == c.expected)
        // Equality is semantic, so check the unit separately: the sum keeps the smaller unit.
        #expect(sum?.unit == c.expected?.unit)
    }

    @Test(arguments: [
        SumCase(lhs: .weeks(1), rhs: .days(1), expected: .days(6)),
        SumCase(lhs: .months(3), rhs: .years(1), expected: .months(-9)),
        SumCase(lhs: .weeks(3), rhs: .weeks(1), expected: .weeks(2)),
        SumCase(lhs: .hours(1), rhs: .days(1), expected: nil),
        SumCase(lhs: .days(.min), rhs: .days(1), expected: nil),
        SumCase(lhs: .days(0), rhs: .days(.min), expected: nil),
    ])
    func differences(_ c: SumCase) {
        let difference = c.lhs.subtracting(c.rhs)
        #expect(difference == c.expected)
        #expect(difference?.unit == c.expected?.unit)
    }

    @Test func negationAndMultiplicationKeepTheUnit() {
        #expect(CalendarDuration.weeks(2).negated()?.description == "-2 weeks")
        #expect(CalendarDuration.days(.min).negated() == nil)
        #expect(CalendarDuration.days(.max).negated()?.amount == -.max)
        #expect(CalendarDuration.weeks(2).multiplied(by: 3)?.description == "6 weeks")
        #expect(CalendarDuration.months(1).multiplied(by: -2)?.description == "-2 months")
        #expect(CalendarDuration.days(.max / 2 + 1).multiplied(by: 2) == nil)
    }

    @Test(arguments: [
        (CalendarDuration.months(1), CalendarDuration.days(30), Int?.none),
        (.days(1), .hours(24), nil), (.years(1), .months(11), 1), (.months(11), .years(1), -1),
        (.weeks(1), .days(7), 0), (.minutes(59), .hours(1), -1), (.days(-8), .weeks(-1), -1),
        (.years(.max), .months(.max), 1), (.months(.max), .years(.max), -1),
        (.years(-.max), .months(.min), -1), (.months(.min), .years(-.max), 1),
        (.years(.max), .years(.max - 1), 1), (.years(.min), .years(.min), 0),
    ])
    func comparison(_ lhs: CalendarDuration, _ rhs: CalendarDuration, _ order: Int?) {
        #expect(lhs.compare(to: rhs) == order)
        #expect(rhs.compare(to: lhs) == order.map { -$0 })
    }

    @Test func kindsDescribeThemselvesForMessages() {
        #expect(CalendarDuration.Kind.allCases.map(\.description) == ["time-based", "day-based", "month-based"])
        #expect(CalendarDuration.Kind.allCases.map(\.unitNames) == ["minutes or hours", "days or weeks", "months or years"])
        #expect(DurationUnit.allCases.map { CalendarDuration.Kind($0) } == [.time, .time, .day, .day, .month, .month])
    }
}
