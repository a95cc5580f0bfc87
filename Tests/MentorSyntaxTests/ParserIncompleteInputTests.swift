import MentorDiagnostics
import Testing

@testable import MentorSyntax

@Suite struct ParserIncompleteInputTests {
    /// Input the REPL should continue on a `...` prompt.
    static let incomplete: [String] = [
        "(",
        "[1, 2",
        "f(a,",
        "{ a: 1",
        "agreement a {",
        "agreement a {\n  mentor: ana",
        "1 +",
        "a and",
        "a ??",
        "x =>",
        "(x, y) =>",
        "let x =",
        "let x",
        "let c = weekly for 4 weeks,",
        "let c = weekly,\n",
        "person p { cadence: weekly, ",
        "x.",
        "if a",
        "if a {",
        "if a { } else",
        "if a then",
        "if a then b else",
        "for a in",
        "for a in xs",
        "rule r \"T\"",
        "rule r {\n  for a in agreements {\n    require a",
        "test \"t\"",
        "require a else",
        "fail",
        "fn f(",
        "fn f(a)",
        "fn f(a) =",
        "import",
        "not",
        "-",
        "every",
        "a with",
        "a with {",
        "agenda a for",
        "let s = \"\"\"\n  text",
        "let s = \"\"\"\n  text \\(x",
        "/* comment",
        "let a = 1 /* a comment\n that goes on",
    ]

    @Test(arguments: incomplete)
    func incompleteInput(source: String) {
        let (result, file) = parse(source)
        #expect(result.isIncomplete, "\(describe(result.diagnostics, in: file))")
        #expect(!result.diagnostics.isEmpty)
    }

    /// Complete input, and input with a genuine error: never a continuation prompt.
    static let notIncomplete: [String] = [
        "",
        "1 + 2",
        "agreement a { }",
        "person lee \"Lee Park\"",
        "let c = weekly for 4 weeks, then monthly",
        "if a { } else { }",
        "if a then b else c",
        "let s = \"\"\"\n  text\n  \"\"\"",
        "/* done */",
        // Genuine errors, even when the input also ends early.
        "let x = )",
        "let x = ) + (",
        "1 2 +",
        "let d = 2026-02-30 + (",
        "a < b < (",
        "let s = \"abc",
        "}",
        "let x = 1\nlet y = ] [",
        "@",
        "weekly for 4 weeks,",
        // A single-line string cannot go on to the next line, so its open interpolation cannot either.
        "let s = \"a \\(x",
    ]

    @Test(arguments: notIncomplete)
    func notIncompleteInput(source: String) {
        let (result, file) = parse(source)
        #expect(!result.isIncomplete, "\(describe(result.diagnostics, in: file))")
    }
}
