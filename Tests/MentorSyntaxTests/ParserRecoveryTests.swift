import Foundation
import MentorDiagnostics
import Testing

@testable import MentorSyntax
import MentorSource

@Suite struct ParserRecoveryTests {
    @Test func threeUnrelatedErrorsGiveThreeDiagnosticsInOrder() {
        let source = """
            person ana "Ana" {
              email "ana@example.org"
              pathway: credential
            }

            let x = (1 + 2

            rule r {
              for a in agreements {
                require a.mentor != else "x"
              }
            }
            person lee "Lee"
            """
        let (result, file) = parse(source)
        #expect(describe(result.diagnostics, in: file) == [
            "2:9 M0201 expected `:` after the field name `email`, found a string",
            "6:15 M0202 expected `)` to close `(`, found `rule`",
            "10:25 M0201 expected an expression, found `else`",
        ])
        #expect(!result.isIncomplete)
        // Recovery keeps what could be read around the errors.
        let dump = TreeDump.file(result.syntax)
        #expect(dump.contains("person ana \"Ana\" { pathway: credential }"))
        #expect(dump.contains("person lee \"Lee\""))
        #expect(dump.contains("rule r { for a in agreements { <error> } }"))
    }

    /// Each source has errors on the listed lines, and nothing else is reported.
    static let recoveries: [(String, [Int])] = [
        // Two statements on one line.
        ("let a = 1 2\nlet b = 3", [1]),
        // An error in one member does not hide one in the next.
        // (`mentee:` goes on to the next line, where `start` is then its value.)
        ("agreement a {\n  mentor ana\n  mentee: \n  start: 2026-01-12\n}", [2, 4]),
        // A stray closer at the top level.
        ("}\nlet a = 1", [1]),
        ("let a = 1)\nlet b = [1, 2)\nlet c = 3", [1, 2]),
        // An unclosed bracket inside a body skips to the body's next member.
        ("person p {\n  a: [1, 2\n  b: 3\n}", [2]),
        // A broken header skips the declaration's body.
        ("agenda a for { x: y z }\nperson p", [1]),
        // Errors inside nested blocks recover inside the block.
        ("rule r {\n  if a {\n    let = 1\n  }\n  let ok = 2\n  fail )\n}", [3, 6]),
        // A keyword that cannot begin a statement.
        ("then x\nelse y\nlet z = 1", [1, 2]),
        // An unknown character is reported once, by the lexer.
        ("let a = 1 @ 2\nlet b = 2", [1]),
        // Multi-line lists inside an error are skipped as a whole.
        ("let a = [\n  1 2,\n  3\n]\nlet b = 1", [2]),
        // `if` needs parentheses inside an operator.
        ("let a = 1 + if c then 2 else 3\nlet b = 1", [1]),
        ("let a = b == not c", [1]),
        // A lambda needs parameters before `=>`.
        ("let f = (a + b) => a", [1]),
        // An unterminated string ends at the line break.
        ("let a = \"abc\nlet b = 1", [1]),
        ("let a = \"x \\(\"abc\nlet b = 1", [1]),
        // Interpolation is not allowed in import paths.
        ("import \"\\(x).mentor\"\nimport std", [1]),
        ("import 42", [1]),
        // Chained comparisons are one diagnostic and the statement is kept.
        ("let a = 1 < 2 < 3 < 4", [1]),
        // `, then` is only for fields and `let`s.
        ("print(weekly, then monthly)", [1]),
        // A declaration header with junk after it.
        ("competency c \"C\" junk\nperson p", [1]),
        ("rule r \"no body\"\nperson p", [2]),
    ]

    @Test(arguments: recoveries)
    func recovery(source: String, lines: [Int]) {
        let (result, file) = parse(source)
        #expect(result.diagnostics.map { file.location(of: $0.span.start).line } == lines,
                "\(describe(result.diagnostics, in: file))")
        #expect(!result.isIncomplete)
    }

    @Test func badBytesInCommentsLeaveTheCodeAlone() {
        let source: [UInt8] = Array("let a = 1 // bad ".utf8) + [0x00, 0xFF] + Array(" bytes\nlet b = /* \u{0} */ 2".utf8)
        let file = SourceFile(id: FileID(0), path: "bytes.mentor", bytes: source)
        let result = Parser.parse(file)
        #expect(result.diagnostics.map { $0.code.number / 100 } == [1, 1])
        #expect(TreeDump.file(result.syntax) == "let a = 1\nlet b = 2")
    }

    @Test func diagnosticsAreSortedAndOnePerLine() {
        let (result, file) = parse("let a = 2026-02-30 + 2026-13-01 )\nlet b = @ @ @")
        let lines = result.diagnostics.map { file.location(of: $0.span.start).line }
        #expect(lines == [1, 2])
        let starts = result.diagnostics.map(\.span.start)
        #expect(starts == starts.sorted())
    }

    @Test func expectedMessagesNameWhatWasFound() {
        let cases: [(String, String)] = [
            ("let = 1", "1:5 M0201 expected a name after `let`, found `=`"),
            ("let x 1", "1:7 M0201 expected `=` after `let x`, found the number `1`"),
            ("for x of xs { }", "1:7 M0201 expected `in` after the loop variable `x`, found `of`"),
            ("fn f = 1", "1:6 M0201 expected `(` to begin the parameters of `f`, found `=`"),
            ("if a b", "1:6 M0201 expected `{` or `then` after the condition, found `b`"),
            ("x.1", "1:3 M0201 expected a member name after `.`, found the number `1`"),
            ("f(a b)", "1:5 M0201 expected `,` or `)`, found `b`"),
            ("[1, 2)", "1:6 M0202 expected `,` or `]` to close `[`, found `)`"),
            ("a b", "1:3 M0206 expected a line break or `;` after the statement, found `b`"),
            ("person p { a: 1 b: 2 }", "1:17 M0206 expected a line break or `,` after the member, found `b`"),
            ("x with y", "1:8 M0201 expected `{` after `with`, found `y`"),
            ("if a then b", "1:12 M0201 expected `else` and the other branch, found end of file"),
            ("import", "1:7 M0201 expected a path string or `std` after `import`, found end of file"),
            ("rule r \"T\"", "1:11 M0201 expected `{` to begin the rule's body, found end of file"),
            ("step a \"A\"", "1:6 M0206 expected a line break or `;` after the statement, found `a`"),
        ]
        for (source, expected) in cases {
            let (result, file) = parse(source)
            #expect(describe(result.diagnostics, in: file) == [expected])
        }
    }

    @Test func missingSeparatorExplainsNestedKindsAtTheTopLevel() throws {
        let (result, _) = parse("goal g \"G\"")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .missingSeparator)
        #expect(diagnostic.help == "a `goal` is declared inside an `agreement { … }`")
    }

    @Test func unclosedDelimiterPointsAtTheOpener() throws {
        let (result, file) = parse("let a = [1,\n  2,\n  3")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unclosedDelimiter)
        #expect(diagnostic.labels.map { file.text($0.span) } == ["["])
        #expect(result.isIncomplete)
    }

    @Test func nestingLimitGivesOneDiagnostic() {
        // No wall-clock bound here (timed unit tests flake on a loaded machine); the fuzzers'
        // per-input timeout and Scripts/bench guard against the parser slowing down.
        let result = parse(String(repeating: "[", count: 100_000)).0
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.code == .nestingTooDeep)
    }

    /// Deep input of every nesting kind: the limit holds without exhausting the stack.
    static let deepInputs: [String] = [
        String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000),
        String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
        String(repeating: "-", count: 5000) + "x",
        String(repeating: "not ", count: 5000) + "x",
        String(repeating: "every ", count: 5000) + "x",
        String(repeating: "a ?? ", count: 5000) + "x",
        String(repeating: "x => ", count: 5000) + "x",
        String(repeating: "if a then b else ", count: 5000) + "c",
        String(repeating: "f(", count: 5000) + String(repeating: ")", count: 5000),
        "let r = " + String(repeating: "{ a: ", count: 5000) + "1" + String(repeating: " }", count: 5000),
        String(repeating: "\"\\(", count: 5000) + "x" + String(repeating: "\")", count: 5000) + "\"",
        "rule r {" + String(repeating: " if a {", count: 5000) + String(repeating: " }", count: 5000) + " }",
        String(repeating: "if a { } else ", count: 5000) + "{ }",
        "person p {" + String(repeating: " step s {", count: 5000) + String(repeating: " }", count: 5000) + " }",
        // Unclosed brackets end at a line that can only begin a declaration or statement.
        String(repeating: "(", count: 5000),
        String(repeating: "f(", count: 5000),
    ]

    /// Where the input is too deep, one diagnostic; the next top-level item is still read. The
    /// source is not printed on failure: it is long.
    @Test(arguments: deepInputs.indices)
    func nestingLimitHoldsForEveryKind(case number: Int) {
        let source = Self.deepInputs[number]
        let (result, file) = parse(source + "\nperson after")
        let codes = result.diagnostics.map(\.code)
        let readsOn = TreeDump.file(result.syntax).hasSuffix("person after")
        #expect(codes == [.nestingTooDeep] && readsOn, "\(describe(result.diagnostics, in: file))")
    }

    @Test func nestingJustBelowTheLimitIsFine() {
        let depth = SyntaxLimits.maximumNestingDepth - 1
        let source = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let (result, _) = parse(source)
        #expect(result.diagnostics.isEmpty)
    }

    /// Nesting up to the limit parses even when the caller's thread has a small stack: the
    /// parser moves deep input to a thread of its own.
    @Test(arguments: [
        ("let r = " + String(repeating: "{ a: ", count: 250) + "1" + String(repeating: " }", count: 250), false),
        ("person p {" + String(repeating: " step s {", count: 250) + String(repeating: " }", count: 250) + " }", false),
        ("let f = " + String(repeating: "g(x => ", count: 120) + "1" + String(repeating: ")", count: 120), false),
        ("let r = " + String(repeating: "{ a: ", count: 400) + "1" + String(repeating: " }", count: 400), true),
    ])
    func deepInputOnASmallStack(source: String, beyondLimit: Bool) {
        let outcome = ParseOutcome()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            outcome.result = parse(source).0
            done.signal()
        }
        thread.stackSize = 512 << 10
        thread.start()
        done.wait()
        let expected: [DiagnosticCode] = beyondLimit ? [.nestingTooDeep] : []
        #expect(outcome.result?.diagnostics.map(\.code) == expected)
    }
}

/// Carries a parse result out of a thread.
private final class ParseOutcome: @unchecked Sendable {
    // Written by the thread before it signals, read after the wait.
    var result: ParseResult?
}
