import MentorDiagnostics
import Testing

@testable import MentorSyntax

@Suite("Lexer: strings")
struct LexerStringTests {
    static let cases: [LexerCase] = [
        LexerCase(#""abc""#, [(.stringStart, "\""), (.stringText, "abc"), (.stringEnd, "\"")]),
        LexerCase(#""""#, [(.stringStart, "\""), (.stringEnd, "\"")]),
        LexerCase(#""a" "b""#, [
            (.stringStart, "\""), (.stringText, "a"), (.stringEnd, "\""),
            (.stringStart, "\""), (.stringText, "b"), (.stringEnd, "\""),
        ]),
        LexerCase(#""a\(x)b""#, [
            (.stringStart, "\""), (.stringText, "a"), (.interpolationStart, "\\("), (.identifier, "x"),
            (.interpolationEnd, ")"), (.stringText, "b"), (.stringEnd, "\""),
        ]),
        LexerCase(#""\(x)""#, [
            (.stringStart, "\""), (.interpolationStart, "\\("), (.identifier, "x"), (.interpolationEnd, ")"),
            (.stringEnd, "\""),
        ]),
        LexerCase(#""\( a.b )\(c)""#, [
            (.stringStart, "\""), (.interpolationStart, "\\("), (.identifier, "a"), (.dot, "."), (.identifier, "b"),
            (.interpolationEnd, ")"), (.interpolationStart, "\\("), (.identifier, "c"), (.interpolationEnd, ")"),
            (.stringEnd, "\""),
        ]),
        // Parentheses inside an interpolation nest; only the matching `)` ends it.
        LexerCase(#""\(f(1, (2)))!""#, [
            (.stringStart, "\""), (.interpolationStart, "\\("), (.identifier, "f"), (.leftParen, "("),
            (.integer, "1"), (.comma, ","), (.leftParen, "("), (.integer, "2"), (.rightParen, ")"),
            (.rightParen, ")"), (.interpolationEnd, ")"), (.stringText, "!"), (.stringEnd, "\""),
        ]),
        // Strings inside interpolations inside strings.
        LexerCase(#""a\("b\("c")d")e""#, [
            (.stringStart, "\""), (.stringText, "a"), (.interpolationStart, "\\("),
            (.stringStart, "\""), (.stringText, "b"), (.interpolationStart, "\\("),
            (.stringStart, "\""), (.stringText, "c"), (.stringEnd, "\""),
            (.interpolationEnd, ")"), (.stringText, "d"), (.stringEnd, "\""),
            (.interpolationEnd, ")"), (.stringText, "e"), (.stringEnd, "\""),
        ]),
        LexerCase(#""\(")")""#, [
            (.stringStart, "\""), (.interpolationStart, "\\("), (.stringStart, "\""), (.stringText, ")"),
            (.stringEnd, "\""), (.interpolationEnd, ")"), (.stringEnd, "\""),
        ]),
        LexerCase(#"f("\(a))")"#, [
            (.identifier, "f"), (.leftParen, "("), (.stringStart, "\""), (.interpolationStart, "\\("),
            (.identifier, "a"), (.interpolationEnd, ")"), (.stringText, ")"), (.stringEnd, "\""), (.rightParen, ")"),
        ]),
        // Valid escapes stay inside the text run; comments and keywords in strings are text.
        LexerCase(#""a\\\"\n\t\r\0\u{1F600}\u{e9}b""#, [
            (.stringStart, "\""), (.stringText, #"a\\\"\n\t\r\0\u{1F600}\u{e9}b"#), (.stringEnd, "\""),
        ]),
        LexerCase(#""// let /* x""#, [(.stringStart, "\""), (.stringText, "// let /* x"), (.stringEnd, "\"")]),
        LexerCase("\"a\tb é\"", [(.stringStart, "\""), (.stringText, "a\tb é"), (.stringEnd, "\"")]),
        // Multi-line strings.
        LexerCase("s = \"\"\"\n    hello\n      world\n    \"\"\"", [
            (.identifier, "s"), (.equal, "="), (.stringStart, "\"\"\""),
            (.stringText, "    hello\n      world"), (.stringEnd, "\"\"\""),
        ]),
        LexerCase("\"\"\"\n\"\"\"", [(.stringStart, "\"\"\""), (.stringEnd, "\"\"\"")]),
        LexerCase("\"\"\"  \n\n  \"\"\".count", [
            (.stringStart, "\"\"\""), (.stringEnd, "\"\"\""), (.dot, "."), (.identifier, "count"),
        ]),
        LexerCase("\"\"\"\n\n\n\"\"\"", [(.stringStart, "\"\"\""), (.stringText, "\n"), (.stringEnd, "\"\"\"")]),
        LexerCase("\"\"\"\n  a \\(x) b\n  c\\(y)\n  \"\"\"", [
            (.stringStart, "\"\"\""), (.stringText, "  a "), (.interpolationStart, "\\("), (.identifier, "x"),
            (.interpolationEnd, ")"), (.stringText, " b\n  c"), (.interpolationStart, "\\("), (.identifier, "y"),
            (.interpolationEnd, ")"), (.stringEnd, "\"\"\""),
        ]),
        // Single quotes and pairs of quotes inside a `"""` string are text.
        LexerCase("\"\"\"\n  say \"hi\" and \"\"\n  \"\"\"", [
            (.stringStart, "\"\"\""), (.stringText, "  say \"hi\" and \"\""), (.stringEnd, "\"\"\""),
        ]),
        // An interpolation in a `"""` string may span lines.
        LexerCase("\"\"\"\n  a \\(f(\n    1)) b\n  \"\"\"", [
            (.stringStart, "\"\"\""), (.stringText, "  a "), (.interpolationStart, "\\("), (.identifier, "f"),
            (.leftParen, "("), (.newline, "\n"), (.integer, "1"), (.rightParen, ")"), (.interpolationEnd, ")"),
            (.stringText, " b"), (.stringEnd, "\"\"\""),
        ]),
        // A `"""` string inside an interpolation of a `"""` string.
        LexerCase("\"\"\"\n  a\\(\"\"\"\n    b\n    \"\"\")\n  \"\"\"", [
            (.stringStart, "\"\"\""), (.stringText, "  a"), (.interpolationStart, "\\("),
            (.stringStart, "\"\"\""), (.stringText, "    b"), (.stringEnd, "\"\"\""),
            (.interpolationEnd, ")"), (.stringEnd, "\"\"\""),
        ]),
        // Blank lines may be indented less than the closing delimiter.
        LexerCase("\"\"\"\n    a\n\n    b\n  \t\n    \"\"\"", [
            (.stringStart, "\"\"\""), (.stringText, "    a\n\n    b\n  \t"), (.stringEnd, "\"\"\""),
        ]),
    ]

    @Test("string token table", arguments: cases)
    func stringTable(_ row: LexerCase) {
        let actual = LexerTestSupport.pieces(row.source)
        #expect(actual == row.expected.map { Piece($0.0, $0.1) })
        LexerRobustnessTests.checkInvariants(LexerTestSupport.file(row.source))
    }

    @Test("every piece of a \"\"\" string is multiline; the code inside interpolations is not")
    func multilineFlags() {
        let file = LexerTestSupport.file("x = \"\"\"\n  a\\(y + \"b\")c\\q\n  \"\"\"\nz = \"d\"")
        let tokens = LexerTestSupport.tokens(file)
        let flagged = tokens.filter { $0.flags.contains(.multiline) }.map { LexerTestSupport.text($0, file) }
        #expect(flagged == ["\"\"\"", "  a", "\\(", ")", "c", "\\q", "\"\"\""])
    }

    @Test("text pieces of \"\"\" strings carry atLineStart exactly when they begin a line")
    func multilineLineStarts() {
        let file = LexerTestSupport.file("\"\"\"\n  a\\(x)b\n  \\(y)\n  \"\"\"")
        let tokens = LexerTestSupport.tokens(file)
        let starts = tokens.map { ($0.flags.contains(.atLineStart), LexerTestSupport.text($0, file)) }
        #expect(starts.map(\.1) == ["\"\"\"", "  a", "\\(", "x", ")", "b\n  ", "\\(", "y", ")", "\"\"\""])
        #expect(starts.map(\.0) == [true, true, false, false, false, false, true, false, false, true])
    }

    /// Decodes the first string literal of `source` the way the parser is meant to.
    static func decodedStrings(_ source: String) -> [String] {
        let file = LexerTestSupport.file(source)
        let tokens = Lexer.tokenize(file)
        var results: [String] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .stringStart else {
                index += 1
                continue
            }
            // Find the matching end, skipping nested strings.
            var depth = 0
            var end = index
            for candidate in index..<tokens.count {
                if tokens[candidate].kind == .stringStart { depth += 1 }
                if tokens[candidate].kind == .stringEnd { depth -= 1 }
                if depth == 0 {
                    end = candidate
                    break
                }
            }
            let indentation = StringLiteralText.closingIndentation(tokens[end], in: file)
            var text = ""
            var nesting = 0
            for piece in tokens[(index + 1)..<end] {
                switch piece.kind {
                case .interpolationStart: nesting += 1; if nesting == 1 { text += "{…}" }
                case .interpolationEnd: nesting -= 1
                case .stringText where nesting == 0:
                    text += StringLiteralText.decode(piece, in: file, indentation: indentation,
                                                     startsLine: piece.flags.contains(.atLineStart))
                default: break
                }
            }
            results.append(text)
            index = end + 1
        }
        return results
    }

    @Test("decoding string literals", arguments: [
        (#""abc""#, "abc"),
        (#""a\\b\"c\nd\te\rf\0g""#, "a\\b\"c\nd\te\rf\u{0}g"),
        (#""\u{1F600}\u{e9}\u{0041}\u{10FFFF}""#, "\u{1F600}\u{e9}A\u{10FFFF}"),
        (#""x = \(x)!""#, "x = {…}!"),
        ("\"\"\"\n    hello\n      world\n    \"\"\"", "hello\n  world"),
        ("\"\"\"\n\thello\n\t\"\"\"", "hello"),
        ("\"\"\"\n  a\n\n  b\n\"\"\"", "  a\n\n  b"),
        ("\"\"\"\n    a\n\n    b\n  \t\n    \"\"\"", "a\n\nb\n"),
        ("\"\"\"\n    a\n     \n    \"\"\"", "a\n "),
        ("\"\"\"\n\n\"\"\"", ""),
        ("\"\"\"\n\n\n\"\"\"", "\n"),
        ("\"\"\"\n  line one\\n\n  \\(x) and \\(y)\n    end\n  \"\"\"", "line one\n\n{…} and {…}\n  end"),
        ("\"\"\"\n  a \\\"\"\" b\n  \"\"\"", "a \"\"\" b"),
        ("\"\"\"\n  tab\\tand \\u{41}\n  \"\"\"", "tab\tand A"),
    ])
    func decoding(_ source: String, _ expected: String) {
        #expect(Self.decodedStrings(source) == [expected])
    }

    @Test("closing indentation is the blanks before a closing \"\"\" on its own line")
    func closingIndentation() {
        let file = LexerTestSupport.file("x = \"\"\"\n \t a\n \t \"\"\" + \"b\"")
        let ends = Lexer.tokenize(file).filter { $0.kind == .stringEnd }
        #expect(ends.count == 2)
        #expect(Array(StringLiteralText.closingIndentation(ends[0], in: file)) == Array(" \t ".utf8))
        #expect(StringLiteralText.closingIndentation(ends[1], in: file).isEmpty)
        let sameLine = LexerTestSupport.file("\"\"\"abc\"\"\"")
        let end = Lexer.tokenize(sameLine).first { $0.kind == .stringEnd }!
        #expect(StringLiteralText.closingIndentation(end, in: sameLine).isEmpty)
    }
}
