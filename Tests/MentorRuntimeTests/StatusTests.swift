import MentorDiagnostics
@testable import MentorRuntime
import Testing

/// `Engine.status` and the forecast, on small programmes written here, with each expected
/// value worked out by hand in the comments.
@Suite("Status and forecast")
struct StatusTests {
    static let programme = """
        program { term: 6 months, cadence: monthly, review: every 2 months, max_mentees: 1 }
        person a
        person b
        person c
        person d
        // Active from 2026-01-05; last held 2026-02-02; 4 weeks -> lapses on 2026-03-03.
        agreement ab {
          mentor: a, mentee: b, start: 2026-01-05, inactivity: 4 weeks
          signed: { a: 2026-01-01 }
          held: [2026-01-05, 2026-02-02]
        }
        // Pending until 2026-04-06, when `a` would mentor two people.
        agreement ac { mentor: a, mentee: c, start: 2026-04-06, signed: { a: 2026-01-01, c: 2026-01-01 } }
        // Closed on 2026-02-01.
        agreement db { mentor: d, mentee: b, start: 2026-01-12, closed: { on: 2026-02-01, reason: "moved" } }
        """

    static func engine(today: String) throws -> Engine {
        let engine = Engine(options: EngineOptions(today: try #require(CivilDate(iso: today))), output: { _ in })
        let file = engine.addSource(path: "status.mentor", bytes: Array(programme.utf8))
        #expect(engine.load([file], replacing: true).hasErrors == false)
        return engine
    }

    @Test("the new members, by hand: planned to date, next review, overdue reviews, lapse day, unsigned")
    func members() throws {
        let engine = try Self.engine(today: "2026-03-10")
        // Sessions Jan 5, Feb 5, Mar 5 are on or before Mar 10; reviews Mar 5, May 5, Jul 5 (the end);
        // Mar 5 had no session after it -> 1 overdue; lapses the day after Feb 2 + 28 days.
        let output = engine.evaluateEntry("[ab.planned_to_date, ab.next_review, ab.reviews_overdue, ab.lapses_on, ab.unsigned, ab.status]").output
        #expect(output == "[3, 2026-05-05, 1, 2026-03-03, [b], lapsed]\n")
        // Closed on Feb 1: only the Jan 12 session was planned; no review before it.
        #expect(engine.evaluateEntry("[db.planned_to_date, db.reviews_overdue, db.lapses_on, db.status]").output == "[1, 0, none, closed]\n")
    }

    @Test("a line per agreement, most urgent first, with its violations-free facts")
    func lines() throws {
        let engine = try Self.engine(today: "2026-03-10")
        let status = try engine.status(StatusRequest()).get()
        // ab lapsed (attention); ac pending; db closed.
        #expect(status.lines.map(\.id) == ["ab", "ac", "db"])
        #expect(status.lines.map(\.status) == ["lapsed", "pending", "closed"])
        let ab = try #require(status.lines.first)
        #expect(ab.daysLeft == nil && ab.lapsesOn == CivilDate(iso: "2026-03-03") && ab.held == 2 && ab.planned == 3)
        #expect(status.plannedTotal == 4 && status.heldTotal == 2)
        #expect(status.lapseRate == 0.5)
    }

    @Test("filters: status, person, due within")
    func filters() throws {
        let engine = try Self.engine(today: "2026-02-10")
        var request = StatusRequest()
        request.statuses = ["pending"]
        #expect(try engine.status(request).get().lines.map(\.id) == ["ac"])
        request = StatusRequest()
        request.person = "b"
        #expect(try engine.status(request).get().lines.map(\.id).sorted() == ["ab", "db"])
        request = StatusRequest()
        request.dueWithin = CalendarDuration(amount: 3, unit: .week)
        // ab is due on its lapse day, Mar 3 = Feb 10 + 21 days; ac on Apr 6; db never.
        #expect(try engine.status(request).get().lines.map(\.id) == ["ab"])
        request.person = "nobody"
        guard case .failure(let failure) = engine.status(request) else { Issue.record("an unknown person was accepted"); return }
        #expect(failure.diagnostics.map(\.code) == [.unknownPerson])
    }

    @Test("the forecast names each agreement's first break on its day")
    func forecast() throws {
        let engine = try Self.engine(today: "2026-02-10")
        var request = StatusRequest()
        request.until = CivilDate(iso: "2026-12-31")
        let lines = try engine.status(request).get().lines
        let found = Dictionary(uniqueKeysWithValues: lines.map { ($0.id, $0.forecast) })
        // ab: its first review (Mar 5) comes after its lapse (Mar 3).
        #expect(found["ab"]??.kind == .lapses && found["ab"]??.date == CivilDate(iso: "2026-03-03"))
        // ac starts Apr 6: ab lapsed on Mar 3, so a has one active mentee and is within max_mentees 1;
        // its first review is Jun 6.
        #expect(found["ac"]??.kind == .reviewDue && found["ac"]??.date == CivilDate(iso: "2026-06-06"))
        #expect(found["db"]! == nil)
    }

    @Test("the forecast's lapse day is the first day a day-by-day walk of the status sees lapsed")
    func forecastAgreesWithEveryDay() throws {
        let engine = try Self.engine(today: "2026-01-20")
        let ab = try #require(engine.model.entities(of: .agreement).first { engine.model.name(of: $0) == "ab" })
        var day = try #require(CivilDate(iso: "2026-01-20"))
        var firstLapsed: CivilDate?
        while firstLapsed == nil, let next = day.adding(days: 1), day < CivilDate(iso: "2026-07-01")! {
            if try engine.model.status(of: ab, on: day, interpreter: engine.interpreter) == "lapsed" { firstLapsed = day }
            day = next
        }
        #expect(try engine.model.lapseDate(of: ab, interpreter: engine.interpreter) == firstLapsed)
        #expect(firstLapsed == CivilDate(iso: "2026-03-03"))
    }
}
