@testable import MentorRuntime
import Testing

/// `Matcher`: proposals come from the rules run on the hypothetical agreement, a violation the
/// programme already has excludes no one, and each proposal counts for the next mentee.
@Suite("mentor match")
struct MatchTests {
    static let today = CivilDate(iso: "2026-06-01")!

    static func match(_ text: String, mentees: [String] = []) -> Result<MatchReport, MatchFailure> {
        let options = EngineOptions(today: today)
        let engine = Engine(options: options, output: { _ in })
        let file = engine.addSource(path: "p.mentor", bytes: Array(text.utf8))
        let loaded = engine.load([file])
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.message))")
        return Matcher(files: [file], options: options).match(in: engine, mentees: mentees, start: today)
    }

    static let people = """
        pathway t { step done }
        person ana { pathway: t, completed: { done: 2025-01-01 } }
        person bo { pathway: t }
        person dee { supervisor: bo }
        person eve

        """

    @Test func aRuleThatFailsForThePairExcludesTheMentorAndSaysWhy() throws {
        let report = try Self.match(Self.people + """
            rule no_supervisor { for a in agreements { require a.mentee.supervisor != a.mentor else "supervises" } }
            """).get()
        let dee = try #require(report.mentees.first { $0.mentee.id == "dee" })
        #expect(dee.candidates.map(\.mentor.id) == ["ana"])
        #expect(dee.excluded.map(\.mentor.id) == ["bo"])
        #expect(dee.excluded.first?.reasons == [MatchReason(rule: "no_supervisor", message: "supervises")])
        #expect(dee.proposal?.name == "ana_dee")
    }

    @Test func aViolationTheProgrammeAlreadyHasExcludesNoOne() throws {
        // eve has no email, with or without a mentor: not the pair's fault.
        let report = try Self.match(Self.people + """
            rule emails { for p in people { require p.email != none else "\\(p.id) has no email" } }
            """).get()
        for mentee in report.mentees {
            #expect(mentee.excluded.isEmpty, "\(mentee.excluded)")
            #expect(mentee.candidates.count == 2)
        }
    }

    @Test func eachProposalCountsForTheMenteesAfterIt() throws {
        let report = try Self.match("program { max_mentees: 1 }\n" + Self.people + """
            rule capacity { for m in people where m.mentees.count > program.max_mentees { fail "full" } }
            """, mentees: ["dee", "eve"]).get()
        #expect(report.mentees.map { $0.proposal?.mentor.id } == ["ana", "bo"])
        let eve = report.mentees[1]
        #expect(eve.excluded.map(\.mentor.id) == ["ana"])
        #expect(eve.excluded.first?.reasons.first?.rule == "capacity")
    }

    @Test func fitRanksSharedCompetenciesThenCredentialThenPlaces() throws {
        let report = try Self.match("""
            program { max_mentees: 3 }
            competency c
            pathway t { step done }
            person ana { pathway: t, completed: { done: 2025-01-01 } }
            person bo { pathway: t, competencies: [c] }
            person kim { competencies: [c] }
            """).get()
        let kim = try #require(report.mentees.first)
        #expect(kim.candidates.map(\.mentor.id) == ["bo", "ana"])
        #expect(kim.candidates.map(\.fit) == [103, 13])
        #expect(kim.candidates.first?.shared == ["c"])
    }

    @Test func warningsDoNotExclude() throws {
        let report = try Self.match(Self.people + """
            rule seasoned warning { for a in agreements where not a.mentor.credentialed { warn false else "new mentor" } }
            """, mentees: ["eve"]).get()
        let eve = try #require(report.mentees.first)
        #expect(eve.candidates.map(\.mentor.id) == ["ana", "bo"])
        #expect(eve.candidates[1].warnings == [MatchReason(rule: "seasoned", message: "new mentor")])
    }

    @Test func theProposalIsFormattedSource() throws {
        let report = try Self.match(Self.people, mentees: ["eve"]).get()
        let source = try #require(report.mentees.first?.proposal?.source)
        #expect(source.contains("agreement ana_eve {\n  mentor: ana\n  mentee: eve\n  start: 2026-06-01\n}\n"))
        #expect(source.hasPrefix("/// Proposed by `mentor match` on 2026-06-01"))
    }

    @Test func anErrorEveryMentorGetsAlikeIsATermNotAWhyNot() throws {
        let report = try Self.match(Self.people + """
            rule no_supervisor { for a in agreements { require a.mentee.supervisor != a.mentor else "supervises" } }
            rule ending { for a in agreements { require a.ending != none else "no ending" } }
            """, mentees: ["dee"]).get()
        let dee = try #require(report.mentees.first)
        #expect(dee.terms == [MatchReason(rule: "ending", message: "no ending")])
        #expect(dee.candidates.map(\.mentor.id) == ["ana"])
        #expect(dee.excluded.first?.reasons == [MatchReason(rule: "no_supervisor", message: "supervises")])
        let proposal = try #require(dee.proposal)
        #expect(proposal.needsTerms)
        #expect(proposal.source.contains("  // - rule `ending`: no ending\n}\n"))
    }

    @Test func withOneMentorTriedNothingIsCalledATerm() throws {
        // Alone, bo cannot be told apart from the agreement's terms: the error stays his "why not".
        let report = try Self.match("""
            pathway t { step done }
            person bo { pathway: t }
            person eve
            rule ending { for a in agreements { require a.ending != none else "no ending" } }
            """).get()
        let eve = try #require(report.mentees.first)
        #expect(eve.terms.isEmpty)
        #expect(eve.excluded.first?.reasons == [MatchReason(rule: "ending", message: "no ending")])
        #expect(eve.proposal == nil)
    }

    @Test func theProgrammesStandardTermsLeaveNothingToAgree() throws {
        let report = try Self.match("program { ending: \"At any review\" }\n" + Self.people + """
            rule ending { for a in agreements { require a.ending != none else "no ending" } }
            """, mentees: ["eve"]).get()
        let eve = try #require(report.mentees.first)
        #expect(eve.terms.isEmpty)
        #expect(eve.proposal?.needsTerms == false)
    }

    @Test func underStdAPendingProposalWithTheProgrammesTermsPassesCheck() throws {
        let programme = """
            import std
            program { cadence: monthly, review: every 3 months, channels: [video], contact: "weekdays", ending: "At any review" }

            """ + Self.people
        let options = EngineOptions(today: Self.today)
        let engine = Engine(options: options, output: { _ in })
        let file = engine.addSource(path: "p.mentor", bytes: Array(programme.utf8))
        #expect(!engine.load([file]).hasErrors)
        let start = try #require(Self.today.adding(days: 1))
        let report = try Matcher(files: [file], options: options).match(in: engine, mentees: [], start: start).get()
        let proposals = report.mentees.compactMap(\.proposal)
        #expect(proposals.map(\.name) == ["ana_dee", "ana_eve"])
        #expect(report.mentees.allSatisfy { $0.terms.isEmpty })
        let written = Engine(options: options, output: { _ in })
        let sources = [written.addSource(path: "p.mentor", bytes: Array(programme.utf8))]
            + proposals.map { written.addSource(path: "\($0.name).mentor", bytes: Array($0.source.utf8)) }
        #expect(!written.load(sources).hasErrors)
        let errors = written.check().diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
    }

    @Test func anUnknownMenteeIsM0660() {
        guard case .failure(let failure) = Self.match(Self.people, mentees: ["evee"]) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.diagnostics.map(\.code) == [.unknownPerson])
    }
}

/// `mentor doc`: the documentation is read from the declarations and their `///` comments.
@Suite("mentor doc")
struct ProgrammeDocumentationTests {
    @Test func docCommentsOfNestedStepsAndRulesAreKept() throws {
        let engine = Engine(options: EngineOptions(today: MatchTests.today), output: { _ in })
        let file = engine.addSource(path: "p.mentor", bytes: Array("""
            /// The programme.
            program "P" { term: 6 months }
            competency a
            competency b { requires: [a] }
            pathway t {
              /// First things first.
              step one "One" { competencies: [a] }
            }
            /// Why this rule.
            rule r warning "R" { for p in people { require true } }
            """.utf8))
        #expect(!engine.load([file]).hasErrors)
        let doc = try engine.documentation().get()
        #expect(doc.doc == "The programme.")
        #expect(doc.defaults.first { $0.name == "term" }?.value == "6 months")
        #expect(doc.defaults.first { $0.name == "cadence" }?.value == nil)
        #expect(doc.pathways.first?.steps.first?.item.doc == "First things first.")
        #expect(doc.rules.map(\.item.id) == ["r"])
        #expect(doc.rules.first?.item.doc == "Why this rule.")
        #expect(doc.rules.first?.isWarning == true)
        #expect(doc.standardRules.isEmpty)
        #expect(doc.mermaidGraph == "graph TD\n  a[\"a\"]\n  b[\"b\"]\n  a --> b")
    }
}
