import MentorRuntime
import Testing

private func date(_ text: String) -> CivilDate {
    guard let date = CivilDate(iso: text) else { fatalError("bad test date \(text)") }
    return date
}

private func phase(_ interval: CalendarDuration, for limit: CalendarDuration? = nil) -> CadencePhase {
    CadencePhase(interval: interval, limit: limit)
}

private func cadence(_ phases: CadencePhase...) -> Cadence {
    guard let cadence = Cadence(phases: phases) else { fatalError("bad test cadence \(phases)") }
    return cadence
}

@Suite struct ScheduleTests {
    @Test func theDefaultRhythmGivesFifteenSessionsInTheFirstYear() {
        let start = date("2026-01-12")
        let result = Schedule.sessions(
            cadence: cadence(phase(.weeks(1), for: .weeks(4)), phase(.months(1))),
            start: start, end: date("2027-01-12"))
        #expect(result.dates.map(\.description) == [
            "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02",
            "2026-03-02", "2026-04-02", "2026-05-02", "2026-06-02", "2026-07-02", "2026-08-02",
            "2026-09-02", "2026-10-02", "2026-11-02", "2026-12-02", "2027-01-02",
        ])
        #expect(result.issues.isEmpty)
        #expect(result.phaseRanges == [0..<4, 4..<15])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let cadence: Cadence
        let start: String
        let end: String
        let dates: [String]
        let issues: [ScheduleIssue]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "monthly keeps the day of the month, clamped",
             cadence: .monthly, start: "2026-01-31", end: "2026-06-01",
             dates: ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"], issues: []),
        Case(name: "yearly from a leap day counts from the first session",
             cadence: cadence(phase(.years(1))), start: "2024-02-29", end: "2028-03-01",
             dates: ["2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"], issues: []),
        Case(name: "the end date is excluded",
             cadence: .weekly, start: "2026-01-12", end: "2026-01-26",
             dates: ["2026-01-12", "2026-01-19"], issues: []),
        Case(name: "a limit keeps sessions strictly before first + limit",
             cadence: cadence(phase(.weeks(1), for: .months(1))), start: "2026-01-31", end: "2026-12-31",
             dates: ["2026-01-31", "2026-02-07", "2026-02-14", "2026-02-21"], issues: []),
        Case(name: "the next phase starts one of its own intervals after the last session",
             cadence: cadence(phase(.months(1), for: .months(2)), phase(.weeks(1))),
             start: "2026-01-31", end: "2026-03-22",
             dates: ["2026-01-31", "2026-02-28", "2026-03-07", "2026-03-14", "2026-03-21"], issues: []),
        Case(name: "a limit past the end is cut by the end",
             cadence: cadence(phase(.weeks(2), for: .years(5)), phase(.months(1))),
             start: "2026-01-01", end: "2026-02-01",
             dates: ["2026-01-01", "2026-01-15", "2026-01-29"], issues: [.phaseNeverReached(index: 1)]),
        Case(name: "a phase starting after the end is never reached",
             cadence: cadence(phase(.weeks(1), for: .weeks(4)), phase(.months(1))),
             start: "2026-01-12", end: "2026-02-09",
             dates: ["2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"], issues: [.phaseNeverReached(index: 1)]),
        Case(name: "a phase starting on the end is never reached",
             cadence: cadence(phase(.weeks(1), for: .weeks(4)), phase(.months(1))),
             start: "2026-01-12", end: "2026-03-02",
             dates: ["2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"], issues: [.phaseNeverReached(index: 1)]),
        Case(name: "only the first unreached phase is reported",
             cadence: cadence(phase(.weeks(1), for: .weeks(1)), phase(.weeks(2), for: .weeks(4)), phase(.months(1))),
             start: "2026-01-12", end: "2026-01-13",
             dates: ["2026-01-12"], issues: [.phaseNeverReached(index: 1)]),
        Case(name: "no time at all",
             cadence: .weekly, start: "2026-01-12", end: "2026-01-12",
             dates: [], issues: [.phaseNeverReached(index: 0)]),
        Case(name: "an end before the start",
             cadence: .weekly, start: "2026-01-12", end: "2025-01-12",
             dates: [], issues: [.phaseNeverReached(index: 0)]),
        Case(name: "a zero limit makes an empty phase, and the next phase starts on the start",
             cadence: cadence(phase(.weeks(1), for: .days(0)), phase(.months(1))),
             start: "2026-01-12", end: "2026-04-01",
             dates: ["2026-01-12", "2026-02-12", "2026-03-12"], issues: [.emptyPhase(index: 0)]),
        Case(name: "an empty middle phase is skipped",
             cadence: cadence(phase(.weeks(1), for: .weeks(2)), phase(.days(1), for: .weeks(-1)), phase(.months(1))),
             start: "2026-01-12", end: "2026-03-01",
             dates: ["2026-01-12", "2026-01-19", "2026-02-19"], issues: [.emptyPhase(index: 1)]),
        Case(name: "a limit below year 1 is empty",
             cadence: cadence(phase(.weeks(1), for: .years(-5000)), phase(.months(1))),
             start: "2026-01-12", end: "2026-03-01",
             dates: ["2026-01-12", "2026-02-12"], issues: [.emptyPhase(index: 0)]),
        Case(name: "a limit past year 9999 leaves the end to bound the phase",
             cadence: cadence(phase(.weeks(1), for: .years(100)), phase(.months(1))),
             start: "9999-12-01", end: "9999-12-31",
             dates: ["9999-12-01", "9999-12-08", "9999-12-15", "9999-12-22", "9999-12-29"],
             issues: [.phaseNeverReached(index: 1)]),
        Case(name: "sessions stop at the last representable date",
             cadence: .monthly, start: "9999-10-31", end: "9999-12-31",
             dates: ["9999-10-31", "9999-11-30"], issues: []),
        Case(name: "a next phase past year 9999 is never reached",
             cadence: cadence(phase(.days(1), for: .days(1)), phase(.years(1))),
             start: "9999-12-30", end: "9999-12-31",
             dates: ["9999-12-30"], issues: [.phaseNeverReached(index: 1)]),
    ])
    func schedules(_ c: Case) {
        let result = Schedule.sessions(cadence: c.cadence, start: date(c.start), end: date(c.end))
        #expect(result.dates.map(\.description) == c.dates)
        #expect(result.issues == c.issues)
        #expect(result.phaseRanges.count == c.cadence.phases.count)
    }

    @Test func phaseRangesIncludeEmptyAndUnreachedPhases() {
        let result = Schedule.sessions(
            cadence: cadence(phase(.weeks(1), for: .weeks(2)), phase(.days(1), for: .days(0)),
                             phase(.months(1), for: .months(1)), phase(.weeks(1))),
            start: date("2026-01-12"), end: date("2026-02-20"))
        #expect(result.dates.map(\.description) == ["2026-01-12", "2026-01-19", "2026-02-19"])
        #expect(result.issues == [.emptyPhase(index: 1), .phaseNeverReached(index: 3)])
        #expect(result.phaseRanges == [0..<2, 2..<2, 2..<3, 3..<3])
    }

    @Test func aRunawayScheduleStopsAtTheLimit() throws {
        let daily = try #require(Cadence.every(.days(1)))
        let capped = Schedule.sessions(cadence: daily, start: date("2026-01-01"), end: date("2036-01-01"), sessionLimit: 100)
        #expect(capped.dates.count == 100)
        #expect(capped.dates.last == date("2026-04-10"))
        #expect(capped.issues == [.tooManySessions(limit: 100)])
        #expect(capped.phaseRanges == [0..<100])

        let exact = Schedule.sessions(cadence: daily, start: date("2026-01-01"), end: date("2026-04-11"), sessionLimit: 100)
        #expect(exact.dates.count == 100)
        #expect(exact.issues.isEmpty)
    }

    @Test func theDefaultLimitStopsAWholeCalendarOfDailySessions() throws {
        let daily = try #require(Cadence.every(.days(1)))
        let result = Schedule.sessions(cadence: daily, start: .earliest, end: .latest)
        #expect(result.dates.count == Schedule.maximumSessions)
        #expect(result.issues == [.tooManySessions(limit: Schedule.maximumSessions)])
    }

    @Test func reviewsFallEveryIntervalAfterTheStartUpToAndIncludingTheEnd() {
        #expect(Schedule.reviews(every: .months(3), start: date("2026-01-12"), end: date("2027-01-12")).map(\.description)
            == ["2026-04-12", "2026-07-12", "2026-10-12", "2027-01-12"])
        #expect(Schedule.reviews(every: .months(3), start: date("2026-01-12"), end: date("2027-01-11")).map(\.description)
            == ["2026-04-12", "2026-07-12", "2026-10-12"])
        #expect(Schedule.reviews(every: .months(1), start: date("2026-01-31"), end: date("2026-04-30")).map(\.description)
            == ["2026-02-28", "2026-03-31", "2026-04-30"])
        #expect(Schedule.reviews(every: .weeks(2), start: date("2026-01-12"), end: date("2026-01-25")).isEmpty)
        #expect(Schedule.reviews(every: .days(1), start: date("9999-12-30"), end: .latest).map(\.description)
            == ["9999-12-31"])
    }

    @Test(arguments: [CalendarDuration.days(0), .months(-1), .hours(1), .minutes(90)])
    func reviewsNeedAPositiveDateBasedInterval(_ interval: CalendarDuration) {
        #expect(Schedule.reviews(every: interval, start: date("2026-01-12"), end: date("2027-01-12")).isEmpty)
    }

    @Test func aRunawayReviewScheduleStopsAtTheLimit() {
        let result = Schedule.reviewSchedule(every: .days(1), start: date("2026-01-01"), end: date("2027-01-01"), sessionLimit: 10)
        #expect(result.dates.count == 10)
        #expect(result.dates.first == date("2026-01-02"))
        #expect(result.issues == [.tooManySessions(limit: 10)])
    }

    @Test(arguments: [
        (ScheduleIssue.emptyPhase(index: 0), "phase 1 of the cadence ends before its first session, so it holds no sessions",
         "the phase `weekly for 0 days` ends before its first session, so it holds no sessions"),
        (.phaseNeverReached(index: 1),
         "phase 2 of the cadence is never reached: it would start on or after the agreement's end",
         "the phase `monthly` is never reached: it would start on or after the agreement's end"),
        (.tooManySessions(limit: 100),
         "the schedule stops after 100 sessions; the cadence is too frequent for the agreement's length",
         "the schedule stops after 100 sessions; the cadence is too frequent for the agreement's length"),
        (.phaseNeverReached(index: 7),
         "phase 8 of the cadence is never reached: it would start on or after the agreement's end",
         "phase 8 of the cadence is never reached: it would start on or after the agreement's end"),
    ])
    func issuesExplainThemselves(_ issue: ScheduleIssue, _ message: String, _ messageInCadence: String) {
        let rhythm = cadence(phase(.weeks(1), for: .days(0)), phase(.months(1)))
        #expect(issue.message == message)
        #expect(issue.description == message)
        #expect(issue.message(in: rhythm) == messageInCadence)
    }

    @Test func onlyAnUnreachedPhaseIsAWarning() {
        #expect(ScheduleIssue.phaseNeverReached(index: 0).severity == .warning)
        #expect(ScheduleIssue.emptyPhase(index: 0).severity == .error)
        #expect(ScheduleIssue.tooManySessions(limit: 1).severity == .error)
    }
}
