import MentorRuntime
import Testing

/// `:type` infers from the resolved code and the schema rows; nothing is evaluated.
struct StaticTypeTests {
    static let programme = """
        program "P" { term: 12 months, cadence: weekly }
        person ana "Ana"
        person dave "Dave"
        agreement ana_dave {
          mentor: ana
          mentee: dave
          start: 2026-01-12
          goal savings "Cut cost" { measure: "m", target: 15%, due: 2026-12-31 }
        }
        let start = ana_dave.start
        let names = people.map(p => p.name)
        fn twice(x) = x + x
        fn loud(x) {
          print("side effect")
          x
        }
        """

    func engine() -> Engine {
        var printed = ""
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 1, day: 1)!), output: { printed += $0 })
        let result = engine.evaluateEntry(Self.programme)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        return engine
    }

    @Test("the type of each expression, from literals, globals, schema rows and operators", arguments: [
        ("1 + 2", "number"),
        ("\"a\" + \"b\"", "string"),
        ("2026-01-01 + 3 days", "date"),
        ("2026-03-01 - 2026-01-01", "duration"),
        ("[1, 2]", "list of number"),
        ("[]", "list"),
        ("[1, \"a\"]", "list of (number or string)"),
        ("{ a: 1, b: \"x\" }", "record { a: number, b: string }"),
        ("today", "date"),
        ("agreements", "list of agreement"),
        ("people", "list of person"),
        ("goals", "list of goal"),
        ("program", "program"),
        ("ana_dave", "agreement"),
        ("ana_dave.start", "date"),
        ("ana_dave.mentor", "person"),
        ("ana_dave.schedule", "list of date"),
        ("ana_dave.schedule.count", "number"),
        ("ana_dave.schedule.first", "date or none"),
        ("ana_dave.agenda", "agenda or none"),
        ("ana_dave.goals.map(g => g.due)", "list of (date or none)"),
        ("ana_dave.goals.filter(g => g.id == \"savings\")", "list of goal"),
        ("ana.agreements", "list of agreement"),
        ("ana.name.count", "number"),
        ("start", "date"),
        ("names", "list of string"),
        ("twice", "function"),
        ("twice(2)", "number"),
        ("2.twice()", "number"),
        ("x => x", "function"),
        ("if ana.credentialed then 1 else none", "number or none"),
        ("(if true then 1 else none) ?? 2", "number"),
        ("ana_dave with { start: 2026-02-01 }", "agreement"),
        ("{ a: 1 } with { b: true }", "record { a: number, b: bool }"),
        ("every 2 weeks", "cadence"),
        ("print(\"x\")", "none"),
        ("\"\\(1)\"", "string"),
        ("1 < 2 and true", "bool"),
        ("video", "symbol"),
        ("ana_dave.booking", "symbol or none"),
        ("ana_dave.status", "symbol"),
        ("ana_dave.channels", "list of symbol or none"),
        // Falling back to a field the `program` gives, it is never none; to one it leaves out, it may be.
        ("ana_dave.cadence", "cadence"),
        ("ana_dave.review", "cadence or none"),
        ("[3, 1][0]", "number"),
        ("ana_dave.schedule[0]", "date"),
        ("[1, 2].take(1)", "list of number"),
        ("ana_dave.goals.drop(1)", "list of goal"),
        ("\"a,b\".split(\",\")", "list of string"),
        ("ana.name.lowercased", "string"),
        ("[2 weeks].sum", "duration"),
    ])
    func types(expression: String, type: String) {
        let result = engine().typeOf(expression)
        #expect(result.diagnostics.isEmpty)
        #expect(result.output == type + "\n")
    }

    @Test("nothing runs: no output, no runtime error, no division by zero")
    func nothingIsEvaluated() {
        var printed = ""
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 1, day: 1)!), output: { printed += $0 })
        _ = engine.evaluateEntry(Self.programme)
        printed = ""
        #expect(engine.typeOf("print(\"hi\")").output == "none\n")
        #expect(engine.typeOf("loud(1)").output == "number\n")
        #expect(engine.typeOf("1 / 0").output == "number\n")
        #expect(printed.isEmpty)
    }

    @Test("a member a kind does not have is an error with a did-you-mean; unknowable types say unknown")
    func unknownMembersAndUnknownTypes() {
        let engine = engine()
        let missing = engine.typeOf("ana_dave.strat")
        #expect(missing.output.isEmpty)
        #expect(missing.diagnostics.count == 1)
        #expect(missing.diagnostics.first?.message == "an agreement has no member `strat`")
        #expect(engine.typeOf("{ a: 1 }.get(\"a\")").output == "unknown\n")
        #expect(engine.typeOf("(x => x)(1)").output == "number\n")
    }
}
