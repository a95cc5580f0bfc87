import Foundation
import MentorDiagnostics
@testable import MentorRuntime
import MentorSource
import Testing

/// Rules and declaration checks run on several threads at once report exactly what they
/// report run one by one: the same diagnostics in the same order, the same rules, and the same
/// `print`ed lines in the same order, for the examples and for generated programmes that
/// print, fail, exhaust their step budget and read a `let` still waiting to be evaluated.
@Suite("Parallel check")
struct ParallelCheckTests {
    /// What loading and checking a programme reported, in a comparable form.
    struct Outcome: Equatable {
        var diagnostics: [Diagnostic]
        var rules: [String]
        var ruleDiagnostics: [[Diagnostic]]
        var printed: [String]
        var elaborated: Bool
    }

    static let today = CivilDate(year: 2026, month: 6, day: 1)!

    /// Loads `sources` (path and text) with `workers` threads and checks them.
    static func check(_ sources: [(String, String)], workers: Int, limits: EvaluationLimits = EvaluationLimits()) -> Outcome {
        var options = EngineOptions(today: today, limits: limits)
        options.workers = workers
        var printed: [String] = []
        let engine = Engine(options: options, output: { printed.append($0) })
        let files = sources.map { engine.addSource(path: $0.0, bytes: Array($0.1.utf8)) }
        let checked = engine.loadAndCheck(files)
        return Outcome(diagnostics: checked.diagnostics, rules: checked.rules.map(\.name),
                       ruleDiagnostics: checked.rules.map(\.diagnostics), printed: printed, elaborated: checked.elaborated)
    }

    /// Every `.mentor` file under the example `name` (a file or a folder), in path order.
    static func example(_ name: String) throws -> [(String, String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples").appendingPathComponent(name)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [(root.path, try String(contentsOf: root, encoding: .utf8))] }
        let paths = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".mentor") }.sorted()
        return try paths.map { path in
            let url = root.appendingPathComponent(path)
            return (url.path, try String(contentsOf: url, encoding: .utf8))
        }
    }

    /// A programme with `agreements` agreements (and so more entities than one chunk of
    /// declaration checks), breaking the standard rules and declaration checks here and there,
    /// with rules that print, fail with a runtime error and pass.
    static func generated(agreements: Int) -> [(String, String)] {
        var text = """
            import std
            program "Generated" { max_mentees: 2, term: 12 months, cadence: every 2 weeks, review: every 3 months }
            rule loud "Busy mentors are announced" {
              for a in agreements where a.mentor.mentees.count >= 2 { print("busy: \\(a.mentor.name)") }
            }
            rule broken "A rule that divides by zero" {
              for a in agreements { require a.goals.count / 0 > 0 }
            }
            rule capacity warning "A mentor has at most max_mentees mentees" {
              for m in people where m.mentees.count > program.max_mentees { fail "\\(m.name) mentors \\(m.mentees.count) people" }
            }

            """
        let people = agreements / 2 + 3
        for person in 0..<people {
            let supervisor = person % 7 == 3 ? ", supervisor: p\(person - 1)" : ""
            text += "person p\(person) \"Person \(person)\" { email: \"p\(person)@example.org\"\(supervisor) }\n"
        }
        for index in 0..<agreements {
            let mentor = (index * 7) % people
            let mentee = index % 53 == 0 ? mentor : (index * 7 + 1 + index % 5) % people
            let held = index % 41 == 0 ? "\n  held: [2026-02-02, 2026-09-01]" : ""
            let ending = index % 3 == 0 ? "\n  ending: \"a closing conversation\"" : ""
            text += """
                agreement a\(index) "Agreement \(index)" {
                  mentor: p\(mentor)
                  mentee: p\(mentee)
                  start: 2026-0\(1 + index % 9)-0\(1 + index % 9)
                  channels: [video]\(held)\(ending)
                  goal g\(index) "Goal \(index)" { measure: "talks", target: \(index % 4), due: 2026-\(10 + index % 3)-01 }
                }

                """
        }
        return [("generated.mentor", text)]
    }

    @Test("the examples report the same on 1, 2 and 4 threads", arguments: ["hello.mentor", "credential-program", "professional-body"])
    func examples(name: String) throws {
        let sources = try Self.example(name)
        #expect(!sources.isEmpty)
        let serial = Self.check(sources, workers: 1)
        #expect(serial.elaborated)
        for workers in [2, 4] {
            #expect(Self.check(sources, workers: workers) == serial)
        }
    }

    @Test("a generated programme reports the same on 1, 2 and 4 threads")
    func generatedProgramme() {
        let sources = Self.generated(agreements: 1_200)
        let serial = Self.check(sources, workers: 1)
        #expect(serial.rules.count > 3, "the standard rules ran too")
        #expect(serial.diagnostics.contains { $0.code == .ruleFailed }, "the dividing rule stopped")
        #expect(serial.diagnostics.contains { $0.code == .mentorIsMentee }, "a declaration check reported")
        #expect(serial.diagnostics.contains { $0.code == .ruleViolation })
        #expect(!serial.printed.isEmpty, "the loud rule printed")
        for workers in [2, 4] {
            #expect(Self.check(sources, workers: workers) == serial)
        }
    }

    @Test("a rule over its step budget stops the same way on several threads")
    func stepBudget() {
        var sources = Self.generated(agreements: 300)
        sources.append(("runaway.mentor", """
            rule runaway "Every pair of agreements" {
              for a in agreements, b in agreements { require a.start != none }
            }
            """))
        let limits = EvaluationLimits(maxSteps: 50_000)
        let serial = Self.check(sources, workers: 1, limits: limits)
        #expect(serial.diagnostics.contains { $0.code == .ruleFailed && $0.message.contains("steps") })
        for workers in [2, 4] {
            #expect(Self.check(sources, workers: workers, limits: limits) == serial)
        }
    }

    @Test("rules reading a let still waiting run one by one: it is evaluated, and prints, once")
    func waitingLet() {
        var sources = Self.generated(agreements: 50)
        sources.append(("let.mentor", """
            fn noisy(value) {
              print("evaluating the limit")
              value
            }
            let limit = noisy(1)
            rule over_limit "A mentor has at most the limit" {
              for m in people where m.mentees.count > limit { fail "\\(m.name) is over the limit" }
            }
            rule also_limit warning "A mentee has at most the limit of mentors" {
              for m in people where m.mentors.count > limit { fail "\\(m.name) has many mentors" }
            }
            """))
        let serial = Self.check(sources, workers: 1)
        #expect(serial.printed.filter { $0.contains("evaluating the limit") }.count == 1)
        #expect(serial.rules.contains("over_limit"))
        for workers in [2, 4] {
            #expect(Self.check(sources, workers: workers) == serial)
        }
    }
}
