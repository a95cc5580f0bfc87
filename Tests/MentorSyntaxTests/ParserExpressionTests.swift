import MentorDiagnostics
import Testing

@testable import MentorSyntax

@Suite struct ParserExpressionTests {
    /// Source of one expression statement, and its fully parenthesised tree.
    static let precedence: [(String, String)] = [
        // Arithmetic and unary minus.
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("1 * 2 + 3", "((1 * 2) + 3)"),
        ("a - b - c", "((a - b) - c)"),
        ("a / b / c", "((a / b) / c)"),
        ("-a * b", "((- a) * b)"),
        ("- -a", "(- (- a))"),
        ("-a.b", "(- a.b)"),
        // Comparisons sit between `not` and arithmetic.
        ("a + 1 == b * 2", "((a + 1) == (b * 2))"),
        ("a < b and c >= d", "((a < b) and (c >= d))"),
        ("a != b or c <= d", "((a != b) or (c <= d))"),
        ("not a == b", "(not (a == b))"),
        ("not a and b", "((not a) and b)"),
        ("not not a", "(not (not a))"),
        ("a and not b or c", "((a and (not b)) or c)"),
        ("a or b and c", "(a or (b and c))"),
        ("a or b or c", "((a or b) or c)"),
        // `??` is right-associative and looser than `or`.
        ("a ?? b ?? c", "(a ?? (b ?? c))"),
        ("a or b ?? c", "((a or b) ?? c)"),
        ("a.b ?? 0 + 1", "(a.b ?? (0 + 1))"),
        // Cadences.
        ("every 2 weeks", "(every 2week)"),
        ("every 2 weeks for 3 months", "((every 2week) for 3month)"),
        ("weekly for 4 weeks", "(weekly for 4week)"),
        ("a ?? b for c ?? d", "((a ?? b) for (c ?? d))"),
        ("every -x", "(every (- x))"),
        // A weekday pin binds like `for`, before it; `on` is a name elsewhere.
        ("monthly on the first tuesday", "(monthly on the first tuesday)"),
        ("every 2 months on the last friday for 6 months", "(((every 2month) on the last friday) for 6month)"),
        ("a ?? b on the third sunday", "((a ?? b) on the third sunday)"),
        ("on + 1", "(on + 1)"),
        // Postfix binds tightest, left to right.
        ("a with { term: 6 months }.schedule", "(a with {term: 6month}).schedule"),
        ("a.b.c(d).e", "a.b.c(d).e"),
        ("f(x)(y)", "f(x)(y)"),
        ("sorted(by: f)", "sorted(by: f)"),
        ("xs.sorted(by: g => g.due)", "xs.sorted(by: ((g) => g.due))"),
        ("a.if.then", "a.if.then"),
        ("a with { x: 1 } with { y: 2 }", "((a with {x: 1}) with {y: 2})"),
        ("x with {}", "(x with {})"),
        // Lambdas extend as far right as possible.
        ("x => x + 1", "((x) => (x + 1))"),
        ("(x, y) => x * y", "((x, y) => (x * y))"),
        ("() => 1", "(() => 1)"),
        ("(x,) => x", "((x) => x)"),
        ("x => y => x + y", "((x) => ((y) => (x + y)))"),
        ("x => if x then 1 else 2", "((x) => (if x then 1 else 2))"),
        ("xs.map(x => x * 2).filter((y) => y > 2)", "xs.map(((x) => (x * 2))).filter(((y) => (y > 2)))"),
        // Conditionals: the else branch extends as far right as possible.
        ("if a then b else c", "(if a then b else c)"),
        ("if a then b else c ?? d", "(if a then b else (c ?? d))"),
        ("if a then b else if c then d else e", "(if a then b else (if c then d else e))"),
        ("if a or b then x + 1 else weekly for 2 weeks", "(if (a or b) then (x + 1) else (weekly for 2week))"),
        ("1 + (if c then 2 else 3)", "(1 + (paren (if c then 2 else 3)))"),
        // Parentheses are kept.
        ("(a + b) * c", "((paren (a + b)) * c)"),
        ("((a))", "(paren (paren a))"),
        ("(x)", "(paren x)"),
        // Literals.
        ("42", "42"),
        ("3.5", "3.5"),
        ("15%", "15.0%"),
        ("2026-01-12", "date(2026-1-12)"),
        ("09:30", "time(9:30)"),
        ("90 minutes", "90minute"),
        ("1 year", "1year"),
        ("true", "true"),
        ("false", "false"),
        ("none", "none"),
        ("\"plain\"", "\"plain\""),
        ("\"\"", "\"\""),
        ("\"a \\(b.c) d \\(e + 1)\"", "\"a \\(b.c) d \\((e + 1))\""),
        ("\"tab\\there\"", "\"tab\there\""),
        ("\"\\(x)\"", "\"\\(x)\""),
        ("\"outer \\(\"inner \\(x)\")\"", "\"outer \\(\"inner \\(x)\")\""),
        ("[]", "[]"),
        ("[1, 2, 3,]", "[1, 2, 3]"),
        ("[[a], [b, c]]", "[[a], [b, c]]"),
        ("{}", "{}"),
        ("{ a: 1, b: [2] }", "{a: 1, b: [2]}"),
        ("{ a: weekly, then monthly }", "{a: (weekly, then monthly)}"),
        // Line breaks do not matter inside brackets.
        ("[\n  1,\n  2\n]", "[1, 2]"),
        ("f(\n  a,\n  b\n)", "f(a, b)"),
        ("(a\n + b\n - c)", "(paren ((a + b) - c))"),
        ("[a\n(b)]", "[a(b)]"),
        // A line ending in an operator, or starting with a continuing one, goes on.
        ("a +\n  b", "(a + b)"),
        ("a\n  and b\n  or c", "((a and b) or c)"),
        ("a\n  ?? b", "(a ?? b)"),
        ("a\n  .b\n  .c", "a.b.c"),
        ("a\n  with { b: 1 }", "(a with {b: 1})"),
        ("x =>\n  x", "((x) => x)"),
        ("if a\n then b\n else c", "(if a then b else c)"),
        ("{\n  a: 1\n  b: 2\n}", "{a: 1, b: 2}"),
        ("{ a: 1 +\n 2, b: 3 }", "{a: (1 + 2), b: 3}"),
    ]

    @Test(arguments: precedence)
    func expressionTree(source: String, expected: String) {
        let (result, file) = parse(source)
        #expect(describe(result.diagnostics, in: file) == [])
        #expect(result.syntax.items.count == 1)
        #expect(TreeDump.file(result.syntax) == expected)
    }

    /// A line break ends an expression before these tokens: they begin the next statement.
    static let lineEnds: [(String, String)] = [
        ("a\n-b", "a\n(- b)"),
        ("f\n(x)", "f\n(paren x)"),
        ("a\n[1]", "a\n[1]"),
        ("weekly\nfor x in xs { }", "weekly\nfor x in xs {  }"),
        ("a\n\"s\"", "a\n\"s\""),
        ("a; b; c", "a\nb\nc"),
    ]

    @Test(arguments: lineEnds)
    func lineBreakEndsTheExpression(source: String, expected: String) {
        let (result, file) = parse(source)
        #expect(describe(result.diagnostics, in: file) == [])
        #expect(TreeDump.file(result.syntax) == expected)
    }

    @Test func multilineStringRemovesTheClosingIndentation() {
        let source = "let s = \"\"\"\n    first\n      second \\(x)\n    \"\"\"\n"
        let (result, file) = parse(source)
        #expect(describe(result.diagnostics, in: file) == [])
        #expect(TreeDump.file(result.syntax) == "let s = \"first\n  second \\(x)\"")
    }

    @Test func stringTextMergesAroundNothing() throws {
        let (result, _) = parse("\"a\\u{1F600}b\"")
        let item = try #require(result.syntax.items.first)
        guard case .statement(let statement) = item, case .expression(let expression) = statement.kind,
            case .stringLiteral(let parts) = expression.kind
        else {
            Issue.record("expected a string literal")
            return
        }
        #expect(parts == [.text("a\u{1F600}b")])
    }

    /// Errors that keep the rest of the expression: the message and the code.
    static let localErrors: [(String, String)] = [
        ("a < b < c", "1:7 M0204 comparisons cannot be chained"),
        ("a == b != c", "1:8 M0204 comparisons cannot be chained"),
        ("weekly for 4 weeks for 2 weeks", "1:20 M0205 a cadence limit `C for D` cannot be limited again"),
    ]

    /// A weekday pin written without `the`, or cut short, is one syntax error at the place.
    static let pinErrors: [(String, String)] = [
        ("monthly on first tuesday", "1:12 M0201 expected `the` after `on`, found `first`"),
        ("let m = monthly on the\nfirst tuesday", "2:1 M0201 expected an ordinal after `on the`, found `first`"),
        ("monthly on the first", "1:21 M0201 expected a weekday after `on the first`, found end of file"),
        ("monthly for 3 months on the first tuesday", "1:22 M0201 a weekday pin comes before the phase's `for`, not after it"),
    ]

    @Test(arguments: pinErrors)
    func weekdayPinErrors(source: String, expected: String) {
        let (result, file) = parse(source)
        #expect(describe(result.diagnostics, in: file) == [expected])
    }

    @Test(arguments: localErrors)
    func nonAssociativeOperators(source: String, expected: String) {
        let (result, file) = parse(source)
        #expect(describe(result.diagnostics, in: file) == [expected])
        #expect(!result.isIncomplete)
    }

    @Test func invalidLiteralsBecomeErrorNodes() {
        let (result, file) = parse("let d = 2026-02-30\nlet n = 99999999999999999999")
        #expect(result.diagnostics.count == 2)
        #expect(result.diagnostics.allSatisfy { $0.code.number / 100 == 1 })
        #expect(TreeDump.file(result.syntax) == "let d = <error>\nlet n = <error>")
        #expect(file.location(of: result.diagnostics[1].span.start).line == 2)
    }
}
