import Testing
import MentorRuntime
import MentorSource

@Suite("Position queries: hover")
struct HoverQueryTests {
    @Test("an agreement shows its facts at today: end, status, sessions to date, next session and review")
    func agreementFacts() throws {
        let fixture = try QueryFixture.credentialExample()
        let file = fixture.file("agreements/ana_dave.mentor").id
        let hover = try #require(fixture.queries.hover(in: file, at: fixture.offset(of: "ana_dave {", in: "agreements/ana_dave.mentor")))
        #expect(fixture.text(hover.span) == "ana_dave")
        #expect(hover.markdown.hasPrefix("**agreement** `ana_dave`"))
        #expect(hover.markdown.contains("Facts on 2026-06-01:"))
        #expect(hover.markdown.contains("- end: 2027-01-12"))
        #expect(hover.markdown.contains("- status: active"))
        #expect(hover.markdown.contains("- sessions to date: 7 planned, 0 held"))
        #expect(hover.markdown.contains("- next session: 2026-06-02"))
        #expect(hover.markdown.contains("- next review: 2026-07-12"))
    }

    @Test("a declaration shows its kind, title and doc; a rule its severity")
    func declarations() throws {
        let fixture = try QueryFixture.credentialExample()
        let program = fixture.file("program.mentor").id
        let pathway = try #require(fixture.queries.hover(in: program, at: fixture.offset(of: "credential \"", in: "program.mentor")))
        #expect(pathway.markdown == "**pathway** `credential` — Initial mentor credential\n\nThe steps from candidate to credentialed mentor, in order.")
        let rule = try #require(fixture.queries.hover(in: program, at: fixture.offset(of: "capacity", in: "program.mentor")))
        #expect(rule.markdown == "**rule** `capacity` — A mentor has at most the program's number of mentees\n\nSeverity: warning")
        let error = try #require(fixture.queries.hover(in: program, at: fixture.offset(of: "no_supervisor", in: "program.mentor")))
        #expect(error.markdown.hasSuffix("Severity: error"))
        let people = fixture.file("people.mentor").id
        let step = try #require(fixture.queries.hover(in: people, at: fixture.offset(of: "training:", in: "people.mentor")))
        #expect(step.markdown == "**step** `training` — Content training (in `credential`)")
    }

    @Test("a field name shows its type and doc from the schema; a member after `.` too")
    func fields() throws {
        let fixture = try QueryFixture.credentialExample()
        let dave = fixture.file("agreements/ana_dave.mentor").id
        let mentor = try #require(fixture.queries.hover(in: dave, at: fixture.offset(of: "mentor:", in: "agreements/ana_dave.mentor")))
        #expect(mentor.markdown.hasPrefix("**field** `mentor`: a person (required)\n\n"))
        #expect(fixture.text(mentor.span) == "mentor")
        let measure = try #require(fixture.queries.hover(in: dave, at: fixture.offset(of: "measure:", in: "agreements/ana_dave.mentor")))
        #expect(measure.markdown.hasPrefix("**field** `measure`: "))
        let program = fixture.file("program.mentor").id
        let member = try #require(fixture.queries.hover(in: program, at: fixture.offset(of: "max_mentees {", in: "program.mentor")))
        #expect(member.markdown.hasPrefix("**field** `program.max_mentees`: "))
        let end = try #require(fixture.queries.hover(in: program, at: fixture.offset(of: "end else", in: "program.mentor")))
        #expect(end.markdown.hasPrefix("**member** `agreement.end`: date\n\n"))
        #expect(fixture.queries.hover(in: program, at: fixture.offset(of: "12 months", in: "program.mentor")) == nil)
    }

    @Test("std.NAME shows the standard rule's documentation; locals and fns show their kind")
    func standardAndLocals() throws {
        let source = """
        import std
        /// Doubles.
        fn double(x) = x * 2
        let r = std.smart_goals
        """
        let fixture = QueryFixture([("main.mentor", source)])
        let file = fixture.file("main.mentor").id
        let rule = try #require(fixture.queries.hover(in: file, at: fixture.offset(of: "smart_goals", in: "main.mentor")))
        #expect(rule.markdown.contains("Every goal is measurable and time-bound within its agreement."))
        let function = try #require(fixture.queries.hover(in: file, at: fixture.offset(of: "double", in: "main.mentor")))
        #expect(function.markdown == "**fn** `double`\n\n```mentor\nfn double(x) = x * 2\n```\n\nDoubles.")
        let parameter = try #require(fixture.queries.hover(in: file, at: fixture.offset(of: "x * 2", in: "main.mentor")))
        #expect(parameter.markdown == "**parameter** `x`")
    }
}
