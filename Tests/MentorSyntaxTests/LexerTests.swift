import MentorDiagnostics
import Testing

@testable import MentorSyntax
import MentorSource

/// Shared helpers of the lexer tests.
enum LexerTestSupport {
    static func file(_ text: String) -> SourceFile {
        SourceFile(id: FileID(0), path: "test.mentor", text: text)
    }

    static func file(bytes: [UInt8]) -> SourceFile {
        SourceFile(id: FileID(0), path: "test.mentor", bytes: bytes)
    }

    /// The tokens of `file`, checked to end with exactly one `endOfFile`, which is dropped.
    static func tokens(_ file: SourceFile) -> [Token] {
        let tokens = Lexer.tokenize(file)
        #expect(tokens.last?.kind == .endOfFile)
        #expect(tokens.filter { $0.kind == .endOfFile }.count == 1)
        return Array(tokens.dropLast())
    }

    static func text(_ token: Token, _ file: SourceFile) -> String {
        String(decoding: file.bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
    }

    /// Kind and text of every token but `endOfFile`.
    static func pieces(_ file: SourceFile) -> [Piece] {
        tokens(file).map { Piece($0.kind, text($0, file), $0.error) }
    }

    static func pieces(_ source: String) -> [Piece] { pieces(file(source)) }
}

/// A token as tests write it: kind, text and (for malformed tokens) the error.
struct Piece: Equatable, CustomStringConvertible {
    var kind: TokenKind
    var text: String
    var error: LexicalError

    init(_ kind: TokenKind, _ text: String, _ error: LexicalError = .none) {
        self.kind = kind
        self.text = text
        self.error = error
    }

    var description: String { error == .none ? "\(kind) \(text.debugDescription)" : "\(kind)[\(error)] \(text.debugDescription)" }
}

/// One table row: a source and the tokens it lexes to.
struct LexerCase: Sendable, CustomTestStringConvertible {
    let source: String
    let expected: [(TokenKind, String)]

    init(_ source: String, _ expected: [(TokenKind, String)]) {
        self.source = source
        self.expected = expected
    }

    var testDescription: String { source.debugDescription }
}

@Suite("Lexer: tokens")
struct LexerTests {
    static let cases: [LexerCase] = [
        LexerCase("let x = 42", [(.kwLet, "let"), (.identifier, "x"), (.equal, "="), (.integer, "42")]),
        LexerCase("agreement ana_dave { mentor: ana }", [
            (.identifier, "agreement"), (.identifier, "ana_dave"), (.leftBrace, "{"),
            (.identifier, "mentor"), (.colon, ":"), (.identifier, "ana"), (.rightBrace, "}"),
        ]),
        LexerCase("( ) [ ] { } , : ; . + - * / = == != < <= > >= => ??", [
            (.leftParen, "("), (.rightParen, ")"), (.leftBracket, "["), (.rightBracket, "]"),
            (.leftBrace, "{"), (.rightBrace, "}"), (.comma, ","), (.colon, ":"), (.semicolon, ";"),
            (.dot, "."), (.plus, "+"), (.minus, "-"), (.star, "*"), (.slash, "/"), (.equal, "="),
            (.equalEqual, "=="), (.bangEqual, "!="), (.less, "<"), (.lessEqual, "<="), (.greater, ">"),
            (.greaterEqual, ">="), (.arrow, "=>"), (.questionQuestion, "??"),
        ]),
        LexerCase("a==b<=c>=d=>e??f!=g", [
            (.identifier, "a"), (.equalEqual, "=="), (.identifier, "b"), (.lessEqual, "<="),
            (.identifier, "c"), (.greaterEqual, ">="), (.identifier, "d"), (.arrow, "=>"),
            (.identifier, "e"), (.questionQuestion, "??"), (.identifier, "f"), (.bangEqual, "!="),
            (.identifier, "g"),
        ]),
        LexerCase("x => x.goals.count", [
            (.identifier, "x"), (.arrow, "=>"), (.identifier, "x"), (.dot, "."), (.identifier, "goals"),
            (.dot, "."), (.identifier, "count"),
        ]),
        // Identifiers: words that merely contain or resemble keywords stay identifiers.
        LexerCase("lets Let iff _x x1 nonee in_person f_", [
            (.identifier, "lets"), (.identifier, "Let"), (.identifier, "iff"), (.identifier, "_x"),
            (.identifier, "x1"), (.identifier, "nonee"), (.identifier, "in_person"), (.identifier, "f_"),
        ]),
        LexerCase("été naïve 日本 protégé", [
            (.identifier, "été"), (.identifier, "naïve"), (.identifier, "日本"), (.identifier, "protégé"),
        ]),
        // A decomposed accent (e + U+0301) stays inside the identifier.
        LexerCase("e\u{301}te\u{301} x", [(.identifier, "e\u{301}te\u{301}"), (.identifier, "x")]),
        // Numbers.
        LexerCase("0 42 007 9223372036854775807", [
            (.integer, "0"), (.integer, "42"), (.integer, "007"), (.integer, "9223372036854775807"),
        ]),
        LexerCase("3.5 0.25 15% 12.5% 100%", [
            (.decimal, "3.5"), (.decimal, "0.25"), (.percent, "15%"), (.percent, "12.5%"), (.percent, "100%"),
        ]),
        LexerCase("3. 3.x .5 1.2.3", [
            (.integer, "3"), (.dot, "."), (.integer, "3"), (.dot, "."), (.identifier, "x"), (.dot, "."),
            (.integer, "5"), (.decimal, "1.2"), (.dot, "."), (.integer, "3"),
        ]),
        LexerCase("15 % 2", [(.integer, "15"), (.error, "%"), (.integer, "2")]),
        LexerCase("-5 - 2", [(.minus, "-"), (.integer, "5"), (.minus, "-"), (.integer, "2")]),
        LexerCase("2026-01-12 2024-02-29 0001-01-01", [
            (.date, "2026-01-12"), (.date, "2024-02-29"), (.date, "0001-01-01"),
        ]),
        // Not the 4-2-2 shape: arithmetic.
        LexerCase("2026-01 2026-1-12 226-01-12", [
            (.integer, "2026"), (.minus, "-"), (.integer, "01"),
            (.integer, "2026"), (.minus, "-"), (.integer, "1"), (.minus, "-"), (.integer, "12"),
            (.integer, "226"), (.minus, "-"), (.integer, "01"), (.minus, "-"), (.integer, "12"),
        ]),
        LexerCase("09:30 9:30 00:00 23:59", [(.time, "09:30"), (.time, "9:30"), (.time, "00:00"), (.time, "23:59")]),
        LexerCase("at: 09:30", [(.identifier, "at"), (.colon, ":"), (.time, "09:30")]),
        LexerCase("{ a: 1, b: 2 }", [
            (.leftBrace, "{"), (.identifier, "a"), (.colon, ":"), (.integer, "1"), (.comma, ","),
            (.identifier, "b"), (.colon, ":"), (.integer, "2"), (.rightBrace, "}"),
        ]),
        LexerCase("4 weeks 90 minutes 1 year 1\tday 2 hour 3 months 0 days 1 minute", [
            (.duration, "4 weeks"), (.duration, "90 minutes"), (.duration, "1 year"), (.duration, "1\tday"),
            (.duration, "2 hour"), (.duration, "3 months"), (.duration, "0 days"), (.duration, "1 minute"),
        ]),
        LexerCase("every 3 months", [(.kwEvery, "every"), (.duration, "3 months")]),
        LexerCase("weekly for 4 weeks, then monthly", [
            (.identifier, "weekly"), (.kwFor, "for"), (.duration, "4 weeks"), (.comma, ","),
            (.kwThen, "then"), (.identifier, "monthly"),
        ]),
        // Not durations: the unit word must be whole, on the same line, after an integer.
        LexerCase("4 weeksx 4 week_ 4 dayé 4\nweeks 15% weeks", [
            (.integer, "4"), (.identifier, "weeksx"), (.integer, "4"), (.identifier, "week_"),
            (.integer, "4"), (.identifier, "dayé"), (.integer, "4"), (.newline, "\n"), (.identifier, "weeks"),
            (.percent, "15%"), (.identifier, "weeks"),
        ]),
        LexerCase("4 weeks.count", [(.duration, "4 weeks"), (.dot, "."), (.identifier, "count")]),
        // Comments.
        LexerCase("a // note\nb", [(.identifier, "a"), (.lineComment, "// note"), (.newline, "\n"), (.identifier, "b")]),
        LexerCase("/// doc\n//// rule\n///\n//", [
            (.docComment, "/// doc"), (.newline, "\n"), (.lineComment, "//// rule"), (.newline, "\n"),
            (.docComment, "///"), (.newline, "\n"), (.lineComment, "//"),
        ]),
        LexerCase("a /* b /* c */ d */ e", [
            (.identifier, "a"), (.blockComment, "/* b /* c */ d */"), (.identifier, "e"),
        ]),
        LexerCase("/**/x/*\n*/y", [(.blockComment, "/**/"), (.identifier, "x"), (.blockComment, "/*\n*/"), (.identifier, "y")]),
        LexerCase("a */ b", [(.identifier, "a"), (.star, "*"), (.slash, "/"), (.identifier, "b")]),
        LexerCase("x // \"not a string\n", [(.identifier, "x"), (.lineComment, "// \"not a string"), (.newline, "\n")]),
        // Newlines: a run of line breaks and blanks is one token; comments split runs.
        LexerCase("a\n\n  \n\tb", [(.identifier, "a"), (.newline, "\n\n  \n"), (.identifier, "b")]),
        LexerCase("a\n\n// c\n\nb\n", [
            (.identifier, "a"), (.newline, "\n\n"), (.lineComment, "// c"), (.newline, "\n\n"),
            (.identifier, "b"), (.newline, "\n"),
        ]),
        LexerCase("\n\nx", [(.newline, "\n\n"), (.identifier, "x")]),
        LexerCase("a \r b", [(.identifier, "a"), (.identifier, "b")]),
        LexerCase("", []),
        LexerCase("   \t ", []),
    ]

    @Test("token table", arguments: cases)
    func tokenTable(_ row: LexerCase) {
        let actual = LexerTestSupport.pieces(row.source).map { Piece($0.kind, $0.text) }
        #expect(actual == row.expected.map { Piece($0.0, $0.1) })
    }

    @Test("every reserved word is its keyword kind, and only those are reserved")
    func reservedWords() {
        let keywords = TokenKind.allCases.filter { "\($0)".hasPrefix("kw") }
        #expect(keywords.count == 21)
        for kind in keywords {
            let word = String("\(kind)".dropFirst(2)).lowercased()
            #expect(LexerTestSupport.pieces(word) == [Piece(kind, word)])
            #expect(LexerTestSupport.pieces(word + "s") == [Piece(.identifier, word + "s")])
            #expect(LexerTestSupport.pieces("_" + word) == [Piece(.identifier, "_" + word)])
        }
        for word in ["agreement", "person", "program", "rule", "test", "print", "today", "weekly", "a", "requires"] {
            #expect(LexerTestSupport.pieces(word) == [Piece(.identifier, word)])
        }
    }

    @Test("every token kind is produced by some input")
    func everyKindAppears() {
        let source = """
            /// doc
            let x = "a \\(1) b" // c
            /* d */ fn f() = [3.5, 15%, 2026-01-12, 09:30, 4 weeks, x ?? y]
            if then else for in where true false none and or not with every require warn fail expect import
            ( ) [ ] { } , : ; . + - * / = == != < <= > >= => ?? @
            """
        let kinds = Set(Lexer.tokenize(LexerTestSupport.file(source)).map(\.kind))
        #expect(kinds == Set(TokenKind.allCases))
    }

    // `d` counts as first on its line: no token starts before it there (the comment began above).
    @Test("atLineStart marks the first token of each line")
    func lineStartFlags() {
        let file = LexerTestSupport.file("a b\n  c // x\n// y\n\n/* z\n */ d\n")
        let flagged = LexerTestSupport.tokens(file).map { ($0.flags.contains(.atLineStart), LexerTestSupport.text($0, file)) }
        #expect(flagged.map(\.0) == [true, false, false, true, false, false, true, false, true, true, false])
        #expect(flagged.map(\.1) == ["a", "b", "\n", "c", "// x", "\n", "// y", "\n\n", "/* z\n */", "d", "\n"])
        let end = Lexer.tokenize(file).last!
        #expect(end.kind == .endOfFile && end.flags.contains(.atLineStart))
    }

    // The parser reads statement ends from `atLineStart`; a comment that took the flag for
    // itself glued `let x` to the statement on the line above.
    @Test("a block comment opening a line leaves the line start to the code after it")
    func blockCommentAtLineStart() {
        let file = LexerTestSupport.file("let y = 2\n/* c */ let x = 1\n  /* d */ /* e */ z\n")
        let flagged = LexerTestSupport.tokens(file)
            .filter { $0.flags.contains(.atLineStart) }
            .map { LexerTestSupport.text($0, file) }
        #expect(flagged == ["let", "/* c */", "let", "/* d */", "/* e */", "z"])
    }

    @Test("offsets refer to the normalised bytes: BOM skipped, CRLF read as LF")
    func byteOrderMarkAndCRLF() {
        let raw: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("let x = 1\r\n\r\ny\r\n".utf8)
        let file = LexerTestSupport.file(bytes: raw)
        #expect(LexerTestSupport.pieces(file) == [
            Piece(.kwLet, "let"), Piece(.identifier, "x"), Piece(.equal, "="), Piece(.integer, "1"),
            Piece(.newline, "\n\n"), Piece(.identifier, "y"), Piece(.newline, "\n"),
        ])
        #expect(Lexer.tokenize(file).first?.start == 0)
        let stringFile = LexerTestSupport.file(bytes: Array("s = \"\"\"\r\n  a\r\n  \"\"\"\r\n".utf8))
        #expect(LexerTestSupport.pieces(stringFile).map(\.kind) == [
            .identifier, .equal, .stringStart, .stringText, .stringEnd, .newline,
        ])
    }

    @Test("the tour program lexes without errors")
    func tourProgram() {
        let source = """
            program "Mentor Credential Program" {
              term: 12 months                              // default length of an agreement
              cadence: weekly for 4 weeks, then monthly    // default meeting rhythm
              session_length: 60 minutes
            }
            person ana "Ana Ruiz" {
              completed: { application: 2025-01-06, credentialed: 2025-06-30, }
            }
            agenda plan for ana_dave {
              at: 09:30
              session 1 "Getting started" { topics: ["Build rapport", "Agree boundaries"] }
            }
            rule smart_goals "Every goal is measurable" {
              for a in agreements, g in a.goals {
                require g.due <= a.end else "goal `\\(g.id)` is due \\(g.due), after \\(a.end)"
              }
            }
            test "no_supervisor" {
              expect violations(no_supervisor, ana_dave with { mentor: lee }).count == 1
            }
            """
        let tokens = Lexer.tokenize(LexerTestSupport.file(source))
        #expect(tokens.allSatisfy { $0.error == .none })
        #expect(tokens.filter { $0.kind == .duration }.count == 3)
        #expect(tokens.filter { $0.kind == .interpolationStart }.count == 3)
    }
}
