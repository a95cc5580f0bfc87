import MentorDiagnostics
import Testing

@testable import MentorSyntax

/// One table row of malformed input: raw bytes and the tokens (with errors) they lex to.
struct LexerErrorCase: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let expected: [(TokenKind, [UInt8], LexicalError)]

    init(_ source: String, _ expected: [(TokenKind, String, LexicalError)]) {
        self.init(bytes: Array(source.utf8), expected.map { ($0.0, Array($0.1.utf8), $0.2) })
    }

    init(bytes: [UInt8], _ expected: [(TokenKind, [UInt8], LexicalError)]) {
        self.bytes = bytes
        self.expected = expected
    }

    var testDescription: String { String(decoding: bytes, as: UTF8.self).debugDescription }
}

@Suite("Lexer: malformed input")
struct LexerErrorTests {
    static let ok = LexicalError.none

    static let cases: [LexerErrorCase] = [
        // Numbers whose value is wrong keep their kind.
        LexerErrorCase("9223372036854775808", [(.integer, "9223372036854775808", .integerOverflow)]),
        LexerErrorCase("99999999999999999999 days", [(.duration, "99999999999999999999 days", .integerOverflow)]),
        LexerErrorCase("2026-02-30 2025-02-29 2026-13-01 2026-00-10 2026-01-00 2026-04-31", [
            (.date, "2026-02-30", .invalidDate), (.date, "2025-02-29", .invalidDate),
            (.date, "2026-13-01", .invalidDate), (.date, "2026-00-10", .invalidDate),
            (.date, "2026-01-00", .invalidDate), (.date, "2026-04-31", .invalidDate),
        ]),
        LexerErrorCase("2026-01-123", [(.date, "2026-01-123", .invalidDate)]),
        LexerErrorCase("1900-02-29 2000-02-29", [(.date, "1900-02-29", .invalidDate), (.date, "2000-02-29", ok)]),
        LexerErrorCase("24:00 9:75 9:5 123:45 9:300 23:60", [
            (.time, "24:00", .invalidTime), (.time, "9:75", .invalidTime), (.time, "9:5", .invalidTime),
            (.time, "123:45", .invalidTime), (.time, "9:300", .invalidTime), (.time, "23:60", .invalidTime),
        ]),
        LexerErrorCase("1.5 hours 0.5\tday", [
            (.error, "1.5 hours", .fractionalDuration), (.error, "0.5\tday", .fractionalDuration),
        ]),
        LexerErrorCase("1.5 hoursx", [(.decimal, "1.5", ok), (.identifier, "hoursx", ok)]),
        LexerErrorCase("4weeks 1_000 0x1F 12abc 10:00am 2026-01-12x 3.5x 15%x 7é", [
            (.error, "4weeks", .malformedNumber), (.error, "1_000", .malformedNumber),
            (.error, "0x1F", .malformedNumber), (.error, "12abc", .malformedNumber),
            (.error, "10:00am", .malformedNumber), (.error, "2026-01-12x", .malformedNumber),
            (.error, "3.5x", .malformedNumber), (.error, "15%x", .malformedNumber), (.error, "7é", .malformedNumber),
        ]),
        LexerErrorCase("1" + String(repeating: "0", count: 400) + ".5", [
            (.decimal, "1" + String(repeating: "0", count: 400) + ".5", .integerOverflow),
        ]),
        LexerErrorCase(String(repeating: "9", count: 400) + "%", [
            (.percent, String(repeating: "9", count: 400) + "%", .integerOverflow),
        ]),
        LexerErrorCase("1" + String(repeating: "0", count: 300) + ".5", [
            (.decimal, "1" + String(repeating: "0", count: 300) + ".5", ok),
        ]),
        // Characters outside the syntax: one error token per scalar.
        LexerErrorCase("a @ # ! ? ' $ ` ~ ^ & | \\ b", [
            (.identifier, "a", ok), (.error, "@", .unexpectedCharacter), (.error, "#", .unexpectedCharacter),
            (.error, "!", .unexpectedCharacter), (.error, "?", .unexpectedCharacter), (.error, "'", .unexpectedCharacter),
            (.error, "$", .unexpectedCharacter), (.error, "`", .unexpectedCharacter), (.error, "~", .unexpectedCharacter),
            (.error, "^", .unexpectedCharacter), (.error, "&", .unexpectedCharacter), (.error, "|", .unexpectedCharacter),
            (.error, "\\", .unexpectedCharacter), (.identifier, "b", ok),
        ]),
        LexerErrorCase("x😀y \u{A0}\u{201C}", [
            (.identifier, "x", ok), (.error, "😀", .unexpectedCharacter), (.identifier, "y", ok),
            (.error, "\u{A0}", .unexpectedCharacter), (.error, "\u{201C}", .unexpectedCharacter),
        ]),
        LexerErrorCase("a\u{7}\u{C}b", [
            (.identifier, "a", ok), (.error, "\u{7}", .unexpectedCharacter), (.error, "\u{C}", .unexpectedCharacter),
            (.identifier, "b", ok),
        ]),
        // Comments.
        LexerErrorCase("x /* a /* b */ c\nd", [(.identifier, "x", ok), (.error, "/* a /* b */ c\nd", .unterminatedBlockComment)]),
        LexerErrorCase("/*", [(.error, "/*", .unterminatedBlockComment)]),
        LexerErrorCase("/*/", [(.error, "/*/", .unterminatedBlockComment)]),
        // Strings.
        LexerErrorCase("\"abc\nx", [
            (.stringStart, "\"", ok), (.stringText, "abc", ok), (.error, "", .unterminatedString),
            (.newline, "\n", ok), (.identifier, "x", ok),
        ]),
        LexerErrorCase("\"abc", [(.stringStart, "\"", ok), (.stringText, "abc", ok), (.error, "", .unterminatedString)]),
        LexerErrorCase("\"", [(.stringStart, "\"", ok), (.error, "", .unterminatedString)]),
        LexerErrorCase("\"\\\"", [(.stringStart, "\"", ok), (.stringText, "\\\"", ok), (.error, "", .unterminatedString)]),
        LexerErrorCase("\"a\\qb\"", [
            (.stringStart, "\"", ok), (.stringText, "a", ok), (.error, "\\q", .invalidEscape),
            (.stringText, "b", ok), (.stringEnd, "\"", ok),
        ]),
        LexerErrorCase("\"\\é\\u{110000}\\u{D800}\\u{}\\u{123456789}\\u12\\u{12\"", [
            (.stringStart, "\"", ok), (.error, "\\é", .invalidEscape), (.error, "\\u{110000}", .invalidEscape),
            (.error, "\\u{D800}", .invalidEscape), (.error, "\\u{}", .invalidEscape),
            (.error, "\\u{123456789}", .invalidEscape), (.error, "\\u", .invalidEscape), (.stringText, "12", ok),
            (.error, "\\u{12", .invalidEscape), (.stringEnd, "\"", ok),
        ]),
        LexerErrorCase("\"a\\\nb", [
            (.stringStart, "\"", ok), (.stringText, "a", ok), (.error, "\\", .invalidEscape),
            (.error, "", .unterminatedString), (.newline, "\n", ok), (.identifier, "b", ok),
        ]),
        LexerErrorCase("\"a\u{7}b\u{7F}\rc\"", [
            (.stringStart, "\"", ok), (.stringText, "a", ok), (.error, "\u{7}", .controlCharacterInString),
            (.stringText, "b", ok), (.error, "\u{7F}", .controlCharacterInString),
            (.error, "\r", .controlCharacterInString), (.stringText, "c", ok), (.stringEnd, "\"", ok),
        ]),
        // A line break inside a one-line string's interpolation ends the string there.
        LexerErrorCase("\"a\\(x\n)\"", [
            (.stringStart, "\"", ok), (.stringText, "a", ok), (.interpolationStart, "\\(", ok),
            (.identifier, "x", ok), (.error, "", .newlineInString), (.newline, "\n", ok),
            (.rightParen, ")", ok), (.stringStart, "\"", ok), (.error, "", .unterminatedString),
        ]),
        // Nested one-line strings all end at the line break, with one error.
        LexerErrorCase("\"a\\(\"b\\(\"c\n", [
            (.stringStart, "\"", ok), (.stringText, "a", ok), (.interpolationStart, "\\(", ok),
            (.stringStart, "\"", ok), (.stringText, "b", ok), (.interpolationStart, "\\(", ok),
            (.stringStart, "\"", ok), (.stringText, "c", ok), (.error, "", .unterminatedString), (.newline, "\n", ok),
        ]),
        LexerErrorCase("\"\\(", [(.stringStart, "\"", ok), (.interpolationStart, "\\(", ok), (.error, "", .unterminatedString)]),
        // Multi-line strings.
        LexerErrorCase("\"\"\"\n  abc", [
            (.stringStart, "\"\"\"", ok), (.stringText, "  abc", ok), (.error, "", .unterminatedString),
        ]),
        LexerErrorCase("\"\"\"", [(.stringStart, "\"\"\"", ok), (.error, "", .unterminatedString)]),
        LexerErrorCase("\"\"\"\n  \\(x", [
            (.stringStart, "\"\"\"", ok), (.stringText, "  ", ok), (.interpolationStart, "\\(", ok),
            (.identifier, "x", ok), (.error, "", .unterminatedString),
        ]),
        LexerErrorCase("\"\"\"\n  abc\"\"\" + 1", [
            (.stringStart, "\"\"\"", ok), (.stringText, "  abc", ok), (.error, "\"\"\"", .closingQuotesNotOnOwnLine),
            (.plus, "+", ok), (.integer, "1", ok),
        ]),
        LexerErrorCase("\"\"\"abc\"\"\" x", [
            (.stringStart, "\"\"\"", ok), (.error, "abc", .textAfterOpeningQuotes), (.stringEnd, "\"\"\"", ok),
            (.identifier, "x", ok),
        ]),
        LexerErrorCase("\"\"\"\"\"\"", [
            (.stringStart, "\"\"\"", ok), (.error, "", .textAfterOpeningQuotes), (.stringEnd, "\"\"\"", ok),
        ]),
        LexerErrorCase("\"\"\"abc \\q\n  x\n  \"\"\"", [
            (.stringStart, "\"\"\"", ok), (.error, "abc \\q", .textAfterOpeningQuotes), (.stringText, "  x", ok),
            (.stringEnd, "\"\"\"", ok),
        ]),
        LexerErrorCase("\"\"\"\n    a\n  b\n    c\n    \"\"\"", [
            (.stringStart, "\"\"\"", ok), (.stringText, "    a\n", ok), (.error, "  ", .underIndentedLine),
            (.stringText, "b\n    c", ok), (.stringEnd, "\"\"\"", ok),
        ]),
        LexerErrorCase("\"\"\"\n  x\ny\n  \"\"\"", [
            (.stringStart, "\"\"\"", ok), (.stringText, "  x\n", ok), (.error, "", .underIndentedLine),
            (.stringText, "y", ok), (.stringEnd, "\"\"\"", ok),
        ]),
        // Tabs are not spaces: the indentation must match byte for byte.
        LexerErrorCase("\"\"\"\n\tx\n    y\n\t\"\"\"", [
            (.stringStart, "\"\"\"", ok), (.stringText, "\tx\n", ok), (.error, "    ", .underIndentedLine),
            (.stringText, "y", ok), (.stringEnd, "\"\"\"", ok),
        ]),
        // An under-indented line that starts with an interpolation or a bad escape.
        LexerErrorCase("\"\"\"\n  a\n\\(x)\n\\q\n  \"\"\"", [
            (.stringStart, "\"\"\"", ok), (.stringText, "  a\n", ok), (.error, "", .underIndentedLine),
            (.interpolationStart, "\\(", ok), (.identifier, "x", ok), (.interpolationEnd, ")", ok),
            (.stringText, "\n", ok), (.error, "", .underIndentedLine), (.error, "\\q", .invalidEscape),
            (.stringEnd, "\"\"\"", ok),
        ]),
        // The first line of the text is checked too, and inner strings are checked on their own.
        LexerErrorCase("\"\"\"\n a\\(\"\"\"\n  b\n c\n  \"\"\")\n  \"\"\"", [
            (.stringStart, "\"\"\"", ok), (.error, " ", .underIndentedLine), (.stringText, "a", ok),
            (.interpolationStart, "\\(", ok), (.stringStart, "\"\"\"", ok), (.stringText, "  b\n", ok),
            (.error, " ", .underIndentedLine), (.stringText, "c", ok), (.stringEnd, "\"\"\"", ok),
            (.interpolationEnd, ")", ok), (.stringEnd, "\"\"\"", ok),
        ]),
        // A one-line string inside a `"""` string's interpolation ends at its line break alone.
        LexerErrorCase("\"\"\"\n  \\(\"a\n)\n  \"\"\"", [
            (.stringStart, "\"\"\"", ok), (.stringText, "  ", ok), (.interpolationStart, "\\(", ok),
            (.stringStart, "\"", ok), (.stringText, "a", ok), (.error, "", .unterminatedString),
            (.newline, "\n", ok), (.interpolationEnd, ")", ok), (.stringEnd, "\"\"\"", ok),
        ]),
        // NUL bytes, anywhere.
        LexerErrorCase(bytes: [0x61, 0x00, 0x62], [
            (.identifier, [0x61], ok), (.error, [0x00], .nulByte), (.identifier, [0x62], ok),
        ]),
        LexerErrorCase(bytes: Array("\"a".utf8) + [0] + Array("b\"".utf8), [
            (.stringStart, [0x22], ok), (.stringText, [0x61], ok), (.error, [0x00], .nulByte),
            (.stringText, [0x62], ok), (.stringEnd, [0x22], ok),
        ]),
        LexerErrorCase(bytes: Array("// a".utf8) + [0, 0] + Array("b\nc".utf8), [
            (.lineComment, Array("// a".utf8), ok), (.error, [0], .nulByte), (.error, [0], .nulByte),
            (.lineComment, [0x62], ok), (.newline, [0x0A], ok), (.identifier, [0x63], ok),
        ]),
        // Invalid UTF-8 at the start, in the middle and at the end, in code, strings and comments.
        LexerErrorCase(bytes: [0xFF, 0x61], [(.error, [0xFF], .invalidUTF8), (.identifier, [0x61], ok)]),
        LexerErrorCase(bytes: [0x61, 0xC3, 0x28, 0x62], [
            (.identifier, [0x61], ok), (.error, [0xC3], .invalidUTF8), (.leftParen, [0x28], ok), (.identifier, [0x62], ok),
        ]),
        LexerErrorCase(bytes: [0x61, 0x20, 0xE2, 0x82], [(.identifier, [0x61], ok), (.error, [0xE2, 0x82], .invalidUTF8)]),
        LexerErrorCase(bytes: [0xC3, 0xA9, 0xA9, 0xC0, 0x80, 0xED, 0xA0, 0x80, 0x61], [
            (.identifier, [0xC3, 0xA9], ok), (.error, [0xA9, 0xC0, 0x80, 0xED, 0xA0, 0x80], .invalidUTF8),
            (.identifier, [0x61], ok),
        ]),
        LexerErrorCase(bytes: [0x22, 0x61, 0xFE, 0x62, 0x22], [
            (.stringStart, [0x22], ok), (.stringText, [0x61], ok), (.error, [0xFE], .invalidUTF8),
            (.stringText, [0x62], ok), (.stringEnd, [0x22], ok),
        ]),
        LexerErrorCase(bytes: Array("/// a".utf8) + [0xF5] + Array(" b".utf8), [
            (.docComment, Array("/// a".utf8), ok), (.error, [0xF5], .invalidUTF8), (.docComment, Array(" b".utf8), ok),
        ]),
        LexerErrorCase(bytes: Array("/* a".utf8) + [0x80] + Array(" */x".utf8), [
            (.blockComment, Array("/* a".utf8), ok), (.error, [0x80], .invalidUTF8), (.blockComment, Array(" */".utf8), ok),
            (.identifier, [0x78], ok),
        ]),
        LexerErrorCase(bytes: Array("/* a".utf8) + [0x80], [(.error, Array("/* a".utf8) + [0x80], .unterminatedBlockComment)]),
        // A letter after a bad byte still starts an identifier.
        LexerErrorCase(bytes: [0x61, 0xFF, 0xC3, 0xA9], [
            (.identifier, [0x61], ok), (.error, [0xFF], .invalidUTF8), (.identifier, [0xC3, 0xA9], ok),
        ]),
    ]

    @Test("malformed input table", arguments: cases)
    func errorTable(_ row: LexerErrorCase) {
        let file = LexerTestSupport.file(bytes: row.bytes)
        let actual = LexerTestSupport.tokens(file).map { token in
            "\(token.kind) \(Array(file.bytes[Int(token.start)..<Int(token.end)])) \(token.error)"
        }
        #expect(actual == row.expected.map { "\($0.0) \($0.1) \($0.2)" })
        LexerRobustnessTests.checkInvariants(file)
    }
}
