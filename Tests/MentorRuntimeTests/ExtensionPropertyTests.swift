import MentorRuntime
import PropertyBased
import Testing

/// An extension taken moves `end` by its length, and the calendar grows with it: the planned
/// agreement's sessions and reviews come first, then only dates in the extension window; a
/// session held in that window is inside the agreement.
@Suite struct ExtensionPropertyTests {
    @Test func anExtensionMovesTheEndAndKeepsTheCalendarBeforeIt() async {
        let cases = zip(ScheduleGen.interval, Gen.int(in: 1...24), Gen.int(in: 1...6), Gen.int(in: 0...40), Gen.int(in: 1...6))
        await propertyCheck(count: 80, input: cases) { pieces in
            let (interval, months, byMonths, startOffset, reviewMonths) = pieces
            let cadence = Cadence(phases: [CadencePhase(interval: interval, limit: nil)])!
            let start = CivilDate(year: 2026, month: 1, day: 1)!.adding(days: Int64(startOffset))!
            let planned = start.adding(months: Int64(months))!
            let end = planned.adding(months: Int64(byMonths))!
            // The last day of the extension window, always after the planned end.
            let heldInWindow = end.adding(days: -1)!
            let shared = "mentor: ana, mentee: dave, start: \(start), term: \(months) months, cadence: \(cadence), review: every \(reviewMonths) months"
            let engine = Engine(options: EngineOptions(today: end), output: { _ in })
            let loaded = engine.evaluateEntry("""
                person ana
                person dave
                agreement planned_one { \(shared) }
                agreement extended_one {
                  \(shared), extension: 6 months, held: [\(heldInWindow)]
                  extended: { by: \(byMonths) months, on: \(start) }
                }
                """)
            #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics.map(\.message))")
            for claim in [
                "extended_one.end == \(end) and planned_one.end == \(planned)",
                "extended_one.schedule.filter(d => d < \(planned)) == planned_one.schedule",
                "extended_one.schedule.filter(d => d >= \(planned)).all(d => d < \(end))",
                "extended_one.reviews.filter(d => d <= \(planned)) == planned_one.reviews",
                "extended_one.reviews.all(d => d <= \(end))",
                "(extended_one with { extended: none }).schedule == planned_one.schedule",
            ] {
                #expect(engine.evaluateEntry(claim).output == "true\n", "\(claim) with \(cadence) for \(months) months, extended by \(byMonths)")
            }
        }
    }
}
