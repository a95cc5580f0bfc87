import Foundation
import MentorDiagnostics
import Testing

@testable import MentorSyntax
import MentorSource

@Suite("Lexer: diagnostics")
struct LexerDiagnosticsTests {
    /// A minimal input for each lexical error.
    static let samples: [LexicalError: [UInt8]] = [
        .invalidUTF8: [0x61, 0xFF],
        .nulByte: [0x61, 0x00],
        .unexpectedCharacter: Array("a @".utf8),
        .unterminatedString: Array("\"abc\n".utf8),
        .newlineInString: Array("\"\\(a\n".utf8),
        .unterminatedBlockComment: Array("/* a".utf8),
        .invalidEscape: Array("\"\\q\"".utf8),
        .controlCharacterInString: Array("\"\u{7}\"".utf8),
        .textAfterOpeningQuotes: Array("\"\"\"abc\"\"\"".utf8),
        .closingQuotesNotOnOwnLine: Array("\"\"\"\n  abc\"\"\"".utf8),
        .underIndentedLine: Array("\"\"\"\n a\n  \"\"\"".utf8),
        .integerOverflow: Array("99999999999999999999".utf8),
        .malformedNumber: Array("4weeks".utf8),
        .invalidDate: Array("2026-02-30".utf8),
        .invalidTime: Array("24:00".utf8),
        .fractionalDuration: Array("1.5 hours".utf8),
    ]

    static func diagnostics(_ bytes: [UInt8]) -> [Diagnostic] {
        let file = LexerTestSupport.file(bytes: bytes)
        return LexicalDiagnostics.diagnostics(of: Lexer.tokenize(file), in: file)
    }

    static func diagnostic(_ source: String) -> Diagnostic? {
        let found = diagnostics(Array(source.utf8))
        #expect(found.count == 1, "\(source.debugDescription) gives \(found.count) diagnostics")
        return found.first
    }

    @Test("every lexical error has a sample that produces it and a documented M01xx diagnostic")
    func everyError() {
        var codes = Set<DiagnosticCode>()
        for error in LexicalError.allCases where error != .none {
            guard let sample = Self.samples[error] else {
                Issue.record("no sample for \(error)")
                continue
            }
            let file = LexerTestSupport.file(bytes: sample)
            let tokens = Lexer.tokenize(file)
            let flagged = tokens.indices.filter { tokens[$0].error != .none }
            #expect(flagged.map { tokens[$0].error } == [error], "sample of \(error)")
            guard let index = flagged.first,
                let diagnostic = LexicalDiagnostics.diagnostic(forTokenAt: index, of: tokens, in: file)
            else {
                continue
            }
            #expect((100...199).contains(diagnostic.code.number))
            #expect(diagnostic.severity == .error)
            #expect(!diagnostic.message.isEmpty && diagnostic.primaryLabel != nil && diagnostic.help != nil)
            #expect(diagnostic.span.file == file.id)
            codes.insert(diagnostic.code)
        }
        #expect(codes.count == LexicalError.allCases.count - 1, "each error has its own code")
    }

    @Test("no diagnostic for good tokens")
    func goodTokens() {
        let file = LexerTestSupport.file("let x = \"a\\(b)\" // c")
        #expect(LexicalDiagnostics.diagnostics(of: Lexer.tokenize(file), in: file).isEmpty)
    }

    @Test("messages say precisely what is wrong", arguments: [
        ("2026-02-30", "M0114", "day 30 does not exist in `2026-02-30`", "February 2026 has 28 days"),
        ("2026-13-01", "M0114", "month 13 does not exist in `2026-13-01`", "months run from 01 to 12"),
        ("2026-01-123", "M0114", "`2026-01-123` is not a valid date", "a date is written YYYY-MM-DD"),
        ("24:00", "M0115", "hour 24 does not exist in `24:00`", "hours run from 0 to 23"),
        ("9:75", "M0115", "minute 75 does not exist in `9:75`", "minutes run from 00 to 59"),
        ("9:5", "M0115", "`9:5` is not a valid time", "a time is written H:MM or HH:MM"),
        ("9223372036854775808", "M0112", "integer `9223372036854775808` is too large", "larger than 9223372036854775807, the largest integer"),
        ("1.5 hours", "M0116", "a duration is a whole number of units, not `1.5 hours`", "`1.5` is not a whole number"),
        ("4weeks", "M0113", "`4weeks` is not a valid number", "letters right after a number"),
        ("a @", "M0103", "unexpected character `@`", "not part of Mentor's syntax"),
        ("a \u{A0}", "M0103", "unexpected character U+00A0 (NO-BREAK SPACE)", "not part of Mentor's syntax"),
        ("\"a\\q\"", "M0107", "unknown escape sequence `\\q`", "not an escape"),
        ("\"\\u{D800}\"", "M0107", "invalid Unicode escape `\\u{D800}`", "U+D800 is a surrogate, not a Unicode scalar"),
        ("\"\\u{110000}\"", "M0107", "invalid Unicode escape `\\u{110000}`", "U+110000 is beyond the last Unicode scalar, U+10FFFF"),
        ("\"\\u{}\"", "M0107", "invalid Unicode escape `\\u{}`", "no hex digits between the braces"),
        ("\"\\u{123456789}\"", "M0107", "invalid Unicode escape `\\u{123456789}`", "more than 8 hex digits"),
        ("\"\\u{12\"", "M0107", "invalid Unicode escape `\\u{12`", "missing the closing `}`"),
        ("\"\\u12\"", "M0107", "invalid Unicode escape `\\u`", "`\\u` must be followed by `{`"),
        ("\"abc\nx", "M0104", "unterminated string", "this string is never closed"),
        ("\"abc", "M0104", "unterminated string", "this string is never closed"),
        ("\"\"\"\nabc", "M0104", "unterminated multi-line string", "this `\"\"\"` string is never closed"),
        ("/* a", "M0106", "unterminated block comment", "this `/*` is never closed"),
    ])
    func messages(_ source: String, _ code: String, _ message: String, _ label: String) {
        let diagnostic = Self.diagnostic(source)
        #expect(diagnostic?.code.description == code)
        #expect(diagnostic?.message == message)
        #expect(diagnostic?.primaryLabel == label)
    }

    // 2.5 weeks is 17.5 days: no whole number of a smaller unit, so no suggestion.
    @Test("fixes that are certain come as suggestions", arguments: [
        ("1.5 hours", "90 minutes"), ("2.5 weeks", nil), ("0.5 years", "6 months"), ("0.25 hours", "15 minutes"),
        ("1.5 days", nil), ("4weeks", "4 weeks"), ("1_000", "1000"), ("\"a\\qb\"", "\\\\q"), ("a \u{2212} b", "-"),
        ("9223372036854775808", "9223372036854775808.0"), ("\"\u{7}\"", "\\u{7}"),
    ] as [(String, String?)])
    func suggestions(_ source: String, _ replacement: String?) {
        let diagnostic = Self.diagnostic(source)
        #expect(diagnostic?.suggestions.map(\.replacement) == (replacement.map { [$0] } ?? []))
    }

    @Test("an unterminated comment points at its opening and at an open nested comment")
    func nestedCommentLabel() {
        let source = "x /* a /* b */ c /* d"
        let diagnostic = Self.diagnostic(source)
        #expect(diagnostic?.span.start == 2 && diagnostic?.span.end == 4)
        #expect(diagnostic?.labels.map(\.span.start) == [17])
    }

    // The opening quote is where the writer decides the fix; the line's (or file's) end is
    // where the lexer gave up, shown as a secondary label.
    @Test("an unterminated string is reported at its opening quote", arguments: [
        // source, offset of the opening quote, offset of the secondary label, its message; the
        // later cases walk back past a closed string, an interpolation, a string given up on an
        // earlier line, and `"""` strings closed (or not) around the one left open
        ("let s = \"abc\nx", 8, 12, "the line ends before the closing `\"`"),
        ("\"abc", 0, 4, "the file ends before the closing `\"`"),
        ("x = \"a\" + \"b \\(\"c\") d\n", 10, 21, "the line ends before the closing `\"`"),
        ("\"a \\(f(\"b)\n", 7, 10, "the line ends before the closing `\"`"),
        ("\"a \\(x", 0, 6, "the file ends before the closing `\"`"),
        ("\"x\nlet s = \"y\n", 11, 13, "the line ends before the closing `\"`"),
        ("s = \"\"\"\n  a \\(f(\"b\n  c\n", 4, 22, "the file ends before the closing `\"\"\"`"),
        ("a = \"\"\"\n  x \"\"\"\nb = \"\"\"\n  y\n", 20, 27, "the file ends before the closing `\"\"\"`"),
        ("s = \"\"\"\n  \\(\"\"\"\n    in\n    \"\"\")\n", 4, 31, "the file ends before the closing `\"\"\"`"),
    ])
    func unterminatedStringAtItsOpening(_ source: String, _ opening: Int, _ end: Int, _ message: String) throws {
        // Some inputs leave an earlier string open too; the last report is the one under test.
        let found = Self.diagnostics(Array(source.utf8)).filter { $0.code == .unterminatedString }
        let diagnostic = try #require(found.last)
        let quote = source.utf8.dropFirst(opening).prefix(3).elementsEqual("\"\"\"".utf8) ? 3 : 1
        #expect(diagnostic.span.start == UInt32(opening) && diagnostic.span.end == UInt32(opening + quote))
        #expect(diagnostic.labels.map(\.span.start) == [UInt32(end)])
        #expect(diagnostic.labels.map(\.message) == [message])
    }

    @Test("the February 29 of a common year gets a leap-year note")
    func leapYearNote() {
        let diagnostic = Self.diagnostic("2025-02-29")
        #expect(diagnostic?.notes.map(\.message) == ["2025 is not a leap year"])
    }
}

@Suite("Lexer: golden inputs")
struct LexerGoldenInputTests {
    /// Each golden input under `Tests/Golden/lexical` and the one lexical diagnostic it triggers.
    static let inputs: [(String, String)] = [
        ("invalid_utf8", "M0101"), ("nul_byte", "M0102"), ("unexpected_character", "M0103"),
        ("unterminated_string", "M0104"), ("unterminated_multiline_string", "M0104"),
        ("line_break_in_interpolation", "M0105"),
        ("unterminated_block_comment", "M0106"), ("invalid_escape", "M0107"),
        ("control_character_in_string", "M0108"), ("text_after_opening_quotes", "M0109"),
        ("closing_quotes_not_on_own_line", "M0110"), ("under_indented_line", "M0111"),
        ("number_too_large", "M0112"), ("malformed_number", "M0113"), ("invalid_date", "M0114"),
        ("invalid_time", "M0115"), ("fractional_duration", "M0116"),
    ]

    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden/lexical")
    }

    @Test("each golden input triggers exactly its diagnostic", arguments: inputs)
    func goldenInput(_ name: String, _ code: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name + ".mentor"))
        let file = SourceFile(id: FileID(0), path: name + ".mentor", bytes: Array(data))
        let diagnostics = LexicalDiagnostics.diagnostics(of: Lexer.tokenize(file), in: file)
        #expect(diagnostics.map(\.code.description) == [code])
    }

    @Test("every golden input is listed")
    func allListed() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".mentor") }.map { String($0.dropLast(".mentor".count)) }
        #expect(Set(names) == Set(Self.inputs.map(\.0)))
    }
}
