import MentorRuntime
import Testing

@testable import MentorREPL

/// `:type`, `:test`, `:show`, `:doc`, `:list`, the usage errors and the echoes of declarations.
struct InspectionCommandTests {
    static let programme = """
        import std
        /// The programme.
        program "P" { term: 12 months, cadence: weekly }
        person ana "Ana"
        person dave "Dave"
        agreement ana_dave {
          mentor: ana
          mentee: dave
          start: 2026-01-12
          channels: [video]
          /// Saving money.
          goal savings "Cut cost" { measure: "m", target: 15%, due: 2026-12-31 }
        }
        test "ana mentors" { expect ana_dave.mentor == ana }
        test "a failing one" { expect 1 == 2 }
        """

    func backend() -> EngineBackend {
        let options = EngineOptions(today: CivilDate(year: 2026, month: 1, day: 1)!)
        let backend = EngineBackend(makeEngine: { Engine(options: options, output: { _ in }) }, useColor: false)
        #expect(!backend.evaluate(Self.programme).failed)
        return backend
    }

    @Test(":type does not evaluate: a print prints nothing and a division by zero is no error")
    func typeDoesNotEvaluate() {
        let repl = backend()
        #expect(repl.runMetaCommand("type", argument: "print(\"hi\")") == REPLOutput(stdout: "none\n"))
        #expect(repl.runMetaCommand("type", argument: "1 / 0") == REPLOutput(stdout: "number\n"))
        #expect(repl.runMetaCommand("type", argument: "ana_dave.schedule") == REPLOutput(stdout: "list of date\n"))
        #expect(repl.runMetaCommand("type", argument: "people") == REPLOutput(stdout: "list of person\n"))
    }

    @Test(":test runs the tests whose title contains the filter, as mentor test prints them")
    func testCommand() {
        let repl = backend()
        let all = repl.runMetaCommand("test", argument: "")
        #expect(all.failed)
        #expect(all.stdout.hasPrefix("PASS ana mentors\nFAIL a failing one\n"))
        #expect(all.stdout.contains("expectation failed: `1 == 2`"))
        #expect(all.stdout.hasSuffix("1 passed, 1 failed\n"))
        #expect(repl.runMetaCommand("test", argument: "mentors") == REPLOutput(stdout: "PASS ana mentors\n1 passed, 0 failed\n"))
        #expect(repl.runMetaCommand("test", argument: "nothing").stdout == "no test's title contains \"nothing\"\n0 passed, 0 failed\n")
    }

    @Test(":show and :doc address the programme, std rules, nested goals and tests, with a did-you-mean")
    func showAndDoc() {
        let repl = backend()
        #expect(repl.runMetaCommand("show", argument: "program").stdout.hasPrefix("/// The programme.\nprogram \"P\""))
        #expect(repl.runMetaCommand("doc", argument: "program").stdout == "The programme.\n")
        #expect(repl.runMetaCommand("show", argument: "std.smart_goals").stdout.contains("rule smart_goals"))
        #expect(repl.runMetaCommand("show", argument: "ana_dave.savings").stdout.hasPrefix("/// Saving money.\ngoal savings"))
        #expect(repl.runMetaCommand("doc", argument: "ana_dave.savings").stdout == "Saving money.\n")
        #expect(repl.runMetaCommand("show", argument: "\"ana mentors\"").stdout.hasPrefix("test \"ana mentors\""))
        let unknown = repl.runMetaCommand("show", argument: "std.smart_goal")
        #expect(unknown == REPLOutput(stderr: "error: no declaration named `std.smart_goal`; did you mean `std.smart_goals`?\n", failed: true))
    }

    @Test(":list shows the programme, the std rules and the tests; an unknown kind is an error listing the kinds")
    func list() {
        let repl = backend()
        let listed = repl.runMetaCommand("list", argument: "").stdout.split(separator: "\n").map(String.init)
        #expect(listed.first == "program program")
        #expect(listed.contains("rule std.smart_goals"))
        #expect(listed.contains("test \"ana mentors\""))
        #expect(listed.contains("goal ana_dave.savings"))
        #expect(repl.runMetaCommand("list", argument: "test").stdout == "test \"ana mentors\"\ntest \"a failing one\"\n")
        let unknown = repl.runMetaCommand("list", argument: "agreemnt")
        #expect(unknown.failed)
        #expect(unknown.stderr.hasPrefix("error: no kind `agreemnt`; did you mean `agreement`? the kinds are program, competency,"))
    }

    @Test("every usage error has one form", arguments: [
        ("load", "", "usage: :load FILE…\n"),
        ("save", "", "usage: :save FILE\n"),
        ("save!", "", "usage: :save FILE\n"),
        ("save", "a b", "usage: :save FILE\n"),
        ("show", "", "usage: :show NAME\n"),
        ("doc", "", "usage: :doc NAME\n"),
        ("type", "", "usage: :type EXPR\n"),
        ("list", "a b", "usage: :list [KIND]\n"),
        ("check", "now", "usage: :check\n"),
        ("reset", "x", "usage: :reset\n"),
    ])
    func usage(name: String, argument: String, message: String) {
        #expect(backend().runMetaCommand(name, argument: argument) == REPLOutput(stderr: message, failed: true))
    }

    @Test("echoes paste back: declarations and nested entities as comments, symbols as their words")
    func echoes() {
        let repl = backend()
        #expect(repl.evaluate("let k = 1").stdout == "// let k\n")
        #expect(repl.evaluate("fn f(x) = x").stdout == "// fn f\n")
        #expect(repl.evaluate("person cy \"Cy\"").stdout == "// person cy\n")
        #expect(repl.evaluate("agreement cy_dave { mentor: cy, mentee: dave, start: 2026-01-12 }").stdout
                == "// agreement cy_dave: 2026-01-12 to 2027-01-12, 53 sessions\n")
        #expect(repl.evaluate("ana_dave.channels").stdout == "[video]\n")
        #expect(repl.evaluate("ana_dave.goals").stdout == "// [goal ana_dave.savings]\n")
        #expect(repl.evaluate("[ana, 1]").stdout == "[ana, 1]\n")
    }

    @Test("Tab completes field names inside with { … } and the standard rules after std.")
    func completion() {
        let repl = backend()
        #expect(repl.completions(for: "ana_dave with { sta").candidates == ["start"])
        #expect(repl.completions(for: "ana_dave with { start: 2026-01-01, ment").candidates == ["mentee", "mentor"])
        #expect(repl.completions(for: "std.smart").candidates == ["smart_goals"])
        #expect(!repl.completions(for: "std.").candidates.contains("keys"))
    }
}
