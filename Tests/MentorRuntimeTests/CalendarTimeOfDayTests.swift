import MentorRuntime
import Testing

@Suite struct CalendarTimeOfDayTests {
    @Test(arguments: [
        (0, 0, "00:00"), (9, 30, "09:30"), (12, 5, "12:05"), (23, 59, "23:59"),
    ])
    func validTimesPrintWithTwoDigitHours(_ hour: Int, _ minute: Int, _ text: String) throws {
        let time = try #require(TimeOfDay(hour: hour, minute: minute))
        #expect(time.hour == hour)
        #expect(time.minute == minute)
        #expect(time.minutesSinceMidnight == hour * 60 + minute)
        #expect(time.description == text)
        #expect(TimeOfDay(parsing: text) == time)
        #expect(TimeOfDay(minutesSinceMidnight: hour * 60 + minute) == time)
    }

    @Test(arguments: [(24, 0), (-1, 0), (0, 60), (12, -1), (99, 99)])
    func outOfRangeTimes(_ hour: Int, _ minute: Int) {
        #expect(TimeOfDay(hour: hour, minute: minute) == nil)
    }

    @Test(arguments: [-1, 1440, Int.max])
    func outOfRangeMinuteCounts(_ minutes: Int) {
        #expect(TimeOfDay(minutesSinceMidnight: minutes) == nil)
    }

    @Test(arguments: [
        ("9:30", "09:30"), ("09:30", "09:30"), ("0:00", "00:00"), ("23:59", "23:59"),
        ("24:00", nil), ("12:60", nil), ("930", nil), ("009:30", nil), ("9:3", nil), ("9:300", nil),
        ("a9:30", nil), ("09-30", nil), ("", nil), (" 9:30", nil), ("9:3a", nil),
    ] as [(String, String?)])
    func parsing(_ text: String, _ expected: String?) {
        #expect(TimeOfDay(parsing: text)?.description == expected)
    }

    @Test func ordersByMinute() throws {
        let early = try #require(TimeOfDay(hour: 8, minute: 59))
        let late = try #require(TimeOfDay(hour: 9, minute: 0))
        #expect(early < late)
        #expect(!(late < early))
    }
}
