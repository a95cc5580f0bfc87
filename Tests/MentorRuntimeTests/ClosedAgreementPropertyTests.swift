import MentorRuntime
import PropertyBased
import Testing

/// A closed agreement's calendar is the open agreement's, cut at `closed.on`: the same sessions
/// and reviews up to and including the closing day, none after, and `next_session` among them.
@Suite struct ClosedAgreementPropertyTests {
    @Test func theCalendarStopsAtTheClosingDay() async {
        let cases = zip(ScheduleGen.interval, Gen.int(in: 1...24), Gen.int(in: -10...800), Gen.int(in: 1...6), Gen.int(in: 0...900))
        await propertyCheck(count: 80, input: cases) { pieces in
            let (interval, months, closedAfter, reviewMonths, todayAfter) = pieces
            let cadence = Cadence(phases: [CadencePhase(interval: interval, limit: nil)])!
            let start = CivilDate(year: 2026, month: 1, day: 12)!
            let closing = start.adding(days: Int64(closedAfter))!
            let today = start.adding(days: Int64(todayAfter))!
            let shared = "mentor: ana, mentee: dave, start: \(start), term: \(months) months, cadence: \(cadence), review: every \(reviewMonths) months"
            let engine = Engine(options: EngineOptions(today: today), output: { _ in })
            let loaded = engine.evaluateEntry("""
                person ana
                person dave
                agreement open_one { \(shared) }
                agreement closed_one { \(shared), closed: { on: \(closing), reason: "moved" } }
                """)
            // Closing before the start is its own error (M0515); the cut is checked from the start on.
            guard closing >= start else {
                #expect(loaded.diagnostics.contains { $0.code == .closedBeforeStart })
                return
            }
            #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty)
            let kept = "filter(d => d <= \(closing))"
            for claim in [
                "closed_one.schedule == open_one.schedule.\(kept)",
                "closed_one.reviews == open_one.reviews.\(kept)",
                "closed_one.sessions.map(s => s.date) == closed_one.schedule",
                "closed_one.schedule.all(d => d <= \(closing))",
                "closed_one.next_session == closed_one.schedule.filter(d => d >= today).first",
            ] {
                #expect(engine.evaluateEntry(claim).output == "true\n", "\(claim) with \(cadence) for \(months) months, closed on \(closing), today \(today)")
            }
        }
    }
}
