import MentorRuntime
import MentorSyntax
import PropertyBased
import Testing

/// Generators of cadences and agreement spans for schedule properties.
enum ScheduleGen {
    private static let dateUnits: [DurationUnit] = [.day, .week, .month, .year]

    /// A positive interval of any date-based unit.
    static let interval = zip(Gen.int(in: 0..<dateUnits.count), Gen.int(in: 1...12))
        .map { CalendarDuration(amount: Int64($0.1), unit: dateUnits[$0.0]) }

    /// A limit, now and then zero or negative so that empty phases come up.
    static let limit = zip(Gen.int(in: 0..<dateUnits.count), Gen.int(in: -1...12))
        .map { CalendarDuration(amount: Int64($0.1), unit: dateUnits[$0.0]) }

    /// One to four phases; the last one sometimes has a limit too.
    static let cadence = zip(zip(interval, limit).array(of: 1...4), Gen.bool(0.25)).map { pieces in
        let (phases, lastIsLimited) = pieces
        return Cadence(phases: phases.enumerated().map { index, phase in
            CadencePhase(interval: phase.0, limit: index < phases.count - 1 || lastIsLimited ? phase.1 : nil)
        })!
    }

    /// A start late enough that a negative limit stays in Foundation's Gregorian years.
    static let start = Gen.int(
        in: Int(CivilDate(year: 1600, month: 1, day: 1)!.daysSinceEpoch)...Int(CivilDate(year: 9000, month: 12, day: 31)!.daysSinceEpoch)
    ).map { CivilDate(daysSinceEpoch: $0)! }

    /// The agreement's length in days, now and then empty or negative.
    static let term = Gen.int(in: -30...1_500)
}

@Suite struct SchedulePropertyTests {
    /// `first + k × interval` by Foundation.
    private static func session(_ k: Int, of phase: CadencePhase, from first: CivilDate) -> CivilDate? {
        FoundationOracle.adding(phase.interval.multiplied(by: Int64(k))!, to: first)
    }

    @Test func sessionsIncreaseAndStayBetweenStartAndEnd() async {
        await propertyCheck(count: 300, input: ScheduleGen.cadence, ScheduleGen.start, ScheduleGen.term) { cadence, start, term in
            let end = start.adding(days: Int64(term))!
            let dates = Schedule.sessions(cadence: cadence, start: start, end: end).dates
            #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 < $1 })
            #expect(dates.allSatisfy { start <= $0 && $0 < end })
            let firstPhaseHolds = cadence.phases[0].limit.map(\.isPositive) ?? true
            if start < end, firstPhaseHolds { #expect(dates.first == start) }
        }
    }

    /// Walks the phases as LANGUAGE.md describes them, with Foundation's arithmetic, and
    /// checks every session, every phase boundary and every issue.
    @Test func phasesFollowTheLanguageDefinition() async {
        await propertyCheck(count: 300, input: ScheduleGen.cadence, ScheduleGen.start, ScheduleGen.term) { cadence, start, term in
            let end = start.adding(days: Int64(term))!
            let result = Schedule.sessions(cadence: cadence, start: start, end: end)

            #expect(result.phaseRanges.count == cadence.phases.count)
            #expect(result.phaseRanges.first?.lowerBound == 0)
            #expect(result.phaseRanges.last?.upperBound == result.dates.count)
            #expect(zip(result.phaseRanges, result.phaseRanges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })

            var expectedIssues: [ScheduleIssue] = []
            var lastSession: CivilDate?
            var stopped = false
            for (index, phase) in cadence.phases.enumerated() {
                let range = result.phaseRanges[index]
                guard !stopped else {
                    #expect(range.isEmpty)
                    continue
                }
                // The first phase starts on `start`; a later one, one of its own intervals after the last session.
                let first = lastSession.map { Self.session(1, of: phase, from: $0) } ?? start
                guard let first, first < end else {
                    expectedIssues.append(.phaseNeverReached(index: index))
                    #expect(range.isEmpty)
                    stopped = true
                    continue
                }
                let bound = phase.limit.map { min(end, FoundationOracle.adding($0, to: first)!) } ?? end
                guard first < bound else {
                    expectedIssues.append(.emptyPhase(index: index))
                    #expect(range.isEmpty)
                    continue
                }
                let sessions = result.dates[range]
                #expect(!sessions.isEmpty)
                for (k, session) in sessions.enumerated() {
                    #expect(session == Self.session(k, of: phase, from: first))
                    #expect(session < bound)
                }
                // The phase is as long as it may be: its next session would not fall before the bound.
                if let next = Self.session(sessions.count, of: phase, from: first) { #expect(next >= bound) }
                lastSession = sessions.last ?? lastSession
            }
            #expect(result.issues == expectedIssues)
        }
    }

    @Test func aSessionLimitCutsTheScheduleShort() async {
        await propertyCheck(
            count: 200, input: ScheduleGen.cadence, ScheduleGen.start, ScheduleGen.term, Gen.int(in: 0...30)
        ) { cadence, start, term, limit in
            let end = start.adding(days: Int64(term))!
            let full = Schedule.sessions(cadence: cadence, start: start, end: end)
            let capped = Schedule.sessions(cadence: cadence, start: start, end: end, sessionLimit: limit)
            #expect(capped.dates == Array(full.dates.prefix(limit)))
            #expect(capped.issues.contains(.tooManySessions(limit: limit)) == (full.dates.count > limit))
            #expect(capped.phaseRanges.count == cadence.phases.count)
        }
    }

    @Test func reviewsAreWholeIntervalsAfterTheStart() async {
        await propertyCheck(count: 300, input: ScheduleGen.interval, ScheduleGen.start, ScheduleGen.term) { interval, start, term in
            let end = start.adding(days: Int64(term))!
            let reviews = Schedule.reviews(every: interval, start: start, end: end)
            let phase = CadencePhase(interval: interval)
            for (index, review) in reviews.enumerated() {
                #expect(review == Self.session(index + 1, of: phase, from: start))
                #expect(start < review && review <= end)
            }
            if let next = Self.session(reviews.count + 1, of: phase, from: start) { #expect(next > end) }
        }
    }
}
