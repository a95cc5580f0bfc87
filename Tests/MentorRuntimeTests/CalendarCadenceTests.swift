import MentorRuntime
import Testing

/// `weekly for 4 weeks, then monthly`, built the way the interpreter builds it.
private func defaultRhythm() throws -> Cadence {
    let firstMonth = try #require(Cadence.weekly.limited(to: .weeks(4)))
    return try #require(firstMonth.then(.monthly))
}

@Suite struct CalendarCadenceTests {
    @Test func namedCadences() {
        #expect(Cadence.weekly.phases == [CadencePhase(interval: .weeks(1))])
        #expect(Cadence.biweekly.phases == [CadencePhase(interval: .weeks(2))])
        #expect(Cadence.monthly.phases == [CadencePhase(interval: .months(1))])
    }

    @Test(arguments: [
        (CalendarDuration.weeks(1), "weekly"), (.weeks(2), "biweekly"), (.months(1), "monthly"),
        (.days(3), "every 3 days"), (.days(7), "every 7 days"), (.days(14), "every 14 days"),
        (.weeks(3), "every 3 weeks"), (.months(3), "every 3 months"), (.years(1), "every 1 year"),
        (.months(12), "every 12 months"), (.days(1), "every 1 day"),
    ])
    func everyPrintsItsSourceSyntax(_ interval: CalendarDuration, _ text: String) throws {
        let cadence = try #require(Cadence.every(interval))
        #expect(cadence.description == text)
        #expect(cadence.phases == [CadencePhase(interval: interval)])
    }

    @Test(arguments: [
        (CalendarDuration.days(0), CadenceError.intervalNotPositive(.days(0))),
        (.weeks(-1), .intervalNotPositive(.weeks(-1))),
        (.months(0), .intervalNotPositive(.months(0))),
        (.minutes(90), .intervalNotDateBased(.minutes(90))),
        (.hours(24), .intervalNotDateBased(.hours(24))),
        (.hours(-1), .intervalNotDateBased(.hours(-1))),
    ])
    func invalidIntervals(_ interval: CalendarDuration, _ error: CadenceError) {
        #expect(Cadence.every(interval) == nil)
        #expect(throws: error) { try Cadence.checkedEvery(interval) }
    }

    @Test func equalityIsByMeaning() throws {
        #expect(Cadence.every(.weeks(1)) == .weekly)
        #expect(Cadence.every(.days(7)) == .weekly)
        #expect(Cadence.every(.days(14)) == .biweekly)
        #expect(Cadence.every(.months(12)) == Cadence.every(.years(1)))
        #expect(Cadence.every(.days(30)) != .monthly)
        #expect(Cadence.weekly.limited(to: .weeks(4)) == Cadence.weekly.limited(to: .days(28)))
        #expect(Cadence.weekly.limited(to: .weeks(4)) != .weekly)
    }

    @Test func limitsAndPhasesPrintAsWritten() throws {
        #expect(try defaultRhythm().description == "weekly for 4 weeks, then monthly")
        let threePhases = try #require(
            Cadence.every(.days(2))?.limited(to: .weeks(1))?
                .then(.biweekly)?.limited(to: .months(3))?
                .then(.monthly)
        )
        #expect(threePhases.description == "every 2 days for 1 week, then biweekly for 3 months, then monthly")
        #expect(threePhases.phases.map(\.limit) == [.weeks(1), .months(3), nil])
        #expect(Cadence.monthly.limited(to: .years(1))?.description == "monthly for 1 year")
        #expect(Cadence.weekly.limited(to: .days(0))?.description == "weekly for 0 days")
    }

    @Test func limitAppliesToTheLastPhaseOfTheLeftSide() throws {
        let limited = try #require(defaultRhythm().limited(to: .months(6)))
        #expect(limited.phases == [
            CadencePhase(interval: .weeks(1), limit: .weeks(4)),
            CadencePhase(interval: .months(1), limit: .months(6)),
        ])
    }

    @Test func chainingIsAssociative() throws {
        let a = try #require(Cadence.weekly.limited(to: .weeks(4)))
        let b = try #require(Cadence.biweekly.limited(to: .months(2)))
        let c = Cadence.monthly
        #expect(try #require(a.then(b)).then(c) == a.then(try #require(b.then(c))))
    }

    @Test func aPhaseThatRunsOnCannotBeFollowed() throws {
        #expect(Cadence.weekly.then(.monthly) == nil)
        #expect(throws: CadenceError.unlimitedPhaseBeforeAnother(index: 0, phase: CadencePhase(interval: .weeks(1)))) {
            try Cadence.weekly.checkedThen(.monthly)
        }
        let twoPhases = try defaultRhythm()
        #expect(throws: CadenceError.unlimitedPhaseBeforeAnother(index: 1, phase: CadencePhase(interval: .months(1)))) {
            try twoPhases.checkedThen(.weekly)
        }
    }

    @Test func aPhaseTakesOneLimit() throws {
        let limited = try #require(Cadence.weekly.limited(to: .weeks(4)))
        #expect(limited.limited(to: .weeks(2)) == nil)
        #expect(throws: CadenceError.phaseAlreadyLimited(CadencePhase(interval: .weeks(1), limit: .weeks(4)))) {
            try limited.checkedLimited(to: .weeks(2))
        }
    }

    @Test(arguments: [CalendarDuration.minutes(90), .hours(2), .hours(0)])
    func limitsMustBeDateBased(_ limit: CalendarDuration) {
        #expect(Cadence.weekly.limited(to: limit) == nil)
        #expect(throws: CadenceError.limitNotDateBased(limit)) { try Cadence.weekly.checkedLimited(to: limit) }
    }

    @Test(arguments: [CalendarDuration.days(0), .weeks(-1), .months(0)])
    func nonPositiveLimitsAreLeftToTheSchedule(_ limit: CalendarDuration) {
        // Such a phase is empty; the schedule reports it against the agreement that uses it.
        #expect(Cadence.weekly.limited(to: limit) != nil)
    }

    struct PhasesCase: Sendable, CustomTestStringConvertible {
        let phases: [CadencePhase]
        let problem: CadenceError?
        var testDescription: String { phases.map(\.description).joined(separator: ", then ") }
    }

    @Test(arguments: [
        PhasesCase(phases: [], problem: .noPhases),
        PhasesCase(phases: [CadencePhase(interval: .weeks(1))], problem: nil),
        PhasesCase(phases: [CadencePhase(interval: .weeks(1), limit: .weeks(4))], problem: nil),
        PhasesCase(
            phases: [CadencePhase(interval: .weeks(1), limit: .weeks(4)), CadencePhase(interval: .months(1))],
            problem: nil),
        PhasesCase(
            phases: [CadencePhase(interval: .weeks(1)), CadencePhase(interval: .months(1))],
            problem: .unlimitedPhaseBeforeAnother(index: 0, phase: CadencePhase(interval: .weeks(1)))),
        PhasesCase(
            phases: [CadencePhase(interval: .weeks(1), limit: .weeks(4)), CadencePhase(interval: .days(0))],
            problem: .intervalNotPositive(.days(0))),
        PhasesCase(
            phases: [CadencePhase(interval: .hours(1), limit: .weeks(4))],
            problem: .intervalNotDateBased(.hours(1))),
        PhasesCase(
            phases: [CadencePhase(interval: .weeks(1), limit: .minutes(4))],
            problem: .limitNotDateBased(.minutes(4))),
    ])
    func validation(_ c: PhasesCase) throws {
        #expect(Cadence.problem(in: c.phases) == c.problem)
        #expect((Cadence(phases: c.phases) == nil) == (c.problem != nil))
        if let problem = c.problem {
            #expect(throws: problem) { try Cadence(checking: c.phases) }
        } else {
            #expect(try Cadence(checking: c.phases).phases == c.phases)
        }
    }

    @Test(arguments: [
        (CadenceError.noPhases, "a cadence needs at least one phase"),
        (.intervalNotDateBased(.minutes(90)),
         "a cadence's interval must be in days, weeks, months or years, not `90 minutes`"),
        (.intervalNotPositive(.days(0)), "a cadence's interval must be positive, not `0 days`"),
        (.limitNotDateBased(.hours(2)), "a cadence's `for` must be in days, weeks, months or years, not `2 hours`"),
        (.phaseAlreadyLimited(CadencePhase(interval: .weeks(1), limit: .weeks(4))),
         "the phase `weekly for 4 weeks` already has a `for`; a phase takes only one"),
        (.unlimitedPhaseBeforeAnother(index: 0, phase: CadencePhase(interval: .months(1))),
         "the phase `monthly` has no `for`, so it never ends and the phase after it never starts"),
    ])
    func errorsExplainThemselves(_ error: CadenceError, _ message: String) {
        #expect(error.message == message)
        #expect(error.description == message)
        #expect(!error.help.isEmpty)
    }

    @Test func helpForAnUnlimitedPhaseShowsTheFix() {
        let error = CadenceError.unlimitedPhaseBeforeAnother(index: 0, phase: CadencePhase(interval: .weeks(2)))
        #expect(error.help == "add a length to it, such as `biweekly for 3 months, then …`")
    }
}
