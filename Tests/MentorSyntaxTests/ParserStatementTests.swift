import MentorDiagnostics
import Testing

@testable import MentorSyntax

@Suite struct ParserStatementTests {
    /// Every statement form, at the top level and inside blocks.
    static let forms: [(String, String)] = [
        ("let x = 1", "let x = 1"),
        ("let c = weekly for 4 weeks, then monthly", "let c = ((weekly for 4week), then monthly)"),
        ("let c = weekly,\n  then biweekly,\n  then monthly", "let c = (weekly, then biweekly, then monthly)"),
        ("let x =\n  1 + 2", "let x = (1 + 2)"),
        ("fn double(x) = x * 2", "fn double(x) = (x * 2)"),
        ("fn zero() = 0", "fn zero() = 0"),
        ("fn add(a, b,) = a + b", "fn add(a, b) = (a + b)"),
        ("fn f(a) {\n  let b = a + 1\n  b * 2\n}", "fn f(a) { let b = (a + 1); (b * 2) }"),
        ("fn f() { }", "fn f() {  }"),
        ("if a { b }", "if a { b }"),
        ("if a { b } else { c }", "if a { b } else { c }"),
        ("if a {\n  b\n}\nelse {\n  c\n}", "if a { b } else { c }"),
        ("if a { b } else if c { d } else { e }", "if a { b } else { if c { d } else { e } }"),
        ("if x.y > 2 { }", "if (x.y > 2) {  }"),
        ("if a then b else c", "(if a then b else c)"),
        ("if a\nthen b\nelse c", "(if a then b else c)"),
        ("for a in agreements { print(a) }", "for a in agreements { print(a) }"),
        ("for a in agreements, g in a.goals { x }", "for a in agreements, g in a.goals { x }"),
        ("for m in people where m.mentees.count > 3 {\n  fail \"too many\"\n}",
         "for m in people where (m.mentees.count > 3) { fail \"too many\" }"),
        ("for a in xs\n  where a {\n}", "for a in xs where a {  }"),
        ("require a", "require a"),
        ("require a else \"msg\"", "require a else \"msg\""),
        ("require g.due != none\n  else \"no due date\"", "require (g.due != none) else \"no due date\""),
        ("warn a else \"w\"", "warn a else \"w\""),
        ("warn a", "warn a"),
        ("fail \"\\(m.name) mentors too many\"", "fail \"\\(m.name) mentors too many\""),
        ("expect a == 15", "expect (a == 15)"),
        ("expect a else \"message\"", "expect a else \"message\""),
        ("print(1)", "print(1)"),
        ("a; b", "a\nb"),
        (";;a;;", "a"),
        ("{ a: 1 }.a", "{a: 1}.a"),
        ("if a { b; c; }", "if a { b; c }"),
        ("if a {\n\n  b\n\n}", "if a { b }"),
        ("-1", "(- 1)"),
    ]

    @Test(arguments: forms)
    func statementForm(source: String, expected: String) {
        let (result, file) = parse(source)
        #expect(describe(result.diagnostics, in: file) == [])
        #expect(TreeDump.file(result.syntax) == expected)
        #expect(!result.isIncomplete)
    }

    @Test func statementSpans() throws {
        let source = "let x = 1 + 2\nfor a in xs where a { require a else \"m\" }\nfn f(a) { a }"
        let (result, file) = parse(source)
        #expect(result.diagnostics.isEmpty)
        let statements: [Stmt] = result.syntax.items.compactMap {
            if case .statement(let statement) = $0 { return statement }
            return nil
        }
        #expect(statements.map { file.text($0.span) } == [
            "let x = 1 + 2",
            "for a in xs where a { require a else \"m\" }",
            "fn f(a) { a }",
        ])
        guard case .letBinding(let name, let value, _) = statements[0].kind,
            case .forLoop(let bindings, _, let body, _, _, _) = statements[1].kind
        else {
            Issue.record("unexpected statements")
            return
        }
        #expect(file.text(name.span) == "x")
        #expect(file.text(value.span) == "1 + 2")
        #expect(file.text(bindings[0].name.span) == "a")
        #expect(file.text(bindings[0].collection.span) == "xs")
        #expect(file.text(body[0].span) == "require a else \"m\"")
    }

    /// The span of every expression node covers exactly its text.
    static let expressionSpans: [(String, String)] = [
        ("a.b.c", "a.b.c"),
        ("f(x, y: 2)", "f(x, y: 2)"),
        ("(a + b) * c", "(a + b) * c"),
        ("-x", "-x"),
        ("not x", "not x"),
        ("every 2 weeks", "every 2 weeks"),
        ("x => x + 1", "x => x + 1"),
        ("(a, b) => a", "(a, b) => a"),
        ("if a then b else c", "if a then b else c"),
        ("a with { b: 1 }", "a with { b: 1 }"),
        ("[1, 2]", "[1, 2]"),
        ("{ a: 1 }", "{ a: 1 }"),
        ("\"a \\(b) c\"", "\"a \\(b) c\""),
        ("weekly for 4 weeks", "weekly for 4 weeks"),
        ("4 weeks", "4 weeks"),
    ]

    @Test(arguments: expressionSpans)
    func expressionSpan(source: String, expected: String) throws {
        let (result, file) = parse("  " + source + "  // after")
        guard case .statement(let statement)? = result.syntax.items.first, case .expression(let expression) = statement.kind
        else {
            Issue.record("expected an expression statement")
            return
        }
        #expect(file.text(expression.span) == expected)
        #expect(file.text(statement.span) == expected)
    }

    @Test func nestedExpressionSpans() throws {
        let (result, file) = parse("let c = weekly for 4 weeks, then every 2 weeks")
        guard case .statement(let statement)? = result.syntax.items.first,
            case .letBinding(_, let value, _) = statement.kind, case .cadenceThen(let phases, _) = value.kind,
            case .cadenceFor(let cadence, let limit, _) = phases[0].kind, case .every(let interval) = phases[1].kind
        else {
            Issue.record("unexpected tree")
            return
        }
        #expect(file.text(value.span) == "weekly for 4 weeks, then every 2 weeks")
        #expect(file.text(phases[0].span) == "weekly for 4 weeks")
        #expect(file.text(cadence.span) == "weekly")
        #expect(file.text(limit.span) == "4 weeks")
        #expect(file.text(phases[1].span) == "every 2 weeks")
        #expect(file.text(interval.span) == "2 weeks")
    }

    @Test func fieldSpans() throws {
        let (result, file) = parse("person p {\n  completed: { a: 2025-01-06, b: 2025-01-20 }\n}")
        guard case .declaration(let person)? = result.syntax.items.first, case .field(let field) = person.members[0],
            case .record(let fields, _) = field.value.kind
        else {
            Issue.record("unexpected tree")
            return
        }
        #expect(file.text(field.span) == "completed: { a: 2025-01-06, b: 2025-01-20 }")
        #expect(file.text(field.name.span) == "completed")
        #expect(fields.map { file.text($0.span) } == ["a: 2025-01-06", "b: 2025-01-20"])
    }
}
