import MentorDiagnostics
import Testing

@testable import MentorSyntax
import MentorSource

/// A small deterministic generator (SplitMix64), so random inputs are the same on every run.
struct LexerFuzzGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

@Suite("Lexer: robustness")
struct LexerRobustnessTests {
    @Test("100,000 open brackets lex to 100,000 tokens")
    func manyBrackets() {
        let file = LexerTestSupport.file(String(repeating: "[", count: 100_000))
        let tokens = Lexer.tokenize(file)
        #expect(tokens.count == 100_001)
        #expect(tokens.dropLast().allSatisfy { $0.kind == .leftBracket })
    }

    @Test("deeply nested block comments are one token")
    func deepComments() {
        let depth = 100_000
        let closed = LexerTestSupport.file(String(repeating: "/*", count: depth) + String(repeating: "*/", count: depth) + "x")
        #expect(LexerTestSupport.tokens(closed).map(\.kind) == [.blockComment, .identifier])
        let open = LexerTestSupport.file(String(repeating: "/*", count: depth) + String(repeating: "*/", count: depth - 1))
        #expect(LexerTestSupport.pieces(open).map(\.error) == [.unterminatedBlockComment])
    }

    @Test("deeply nested interpolations and parentheses")
    func deepInterpolations() {
        let depth = 50_000
        let source = String(repeating: "\"\\(", count: depth) + String(repeating: ")\"", count: depth)
        let tokens = LexerTestSupport.tokens(LexerTestSupport.file(source))
        #expect(tokens.count == 4 * depth)
        #expect(tokens.allSatisfy { $0.error == .none })
        #expect(tokens.filter { $0.kind == .stringEnd }.count == depth)

        let unclosed = LexerTestSupport.tokens(LexerTestSupport.file(String(repeating: "\"\\((", count: depth)))
        #expect(unclosed.last?.error == .unterminatedString)
        #expect(unclosed.filter { $0.error != .none }.count == 1)

        let multiline = String(repeating: "\"\"\"\n\\(", count: 2_000) + String(repeating: ")\n\"\"\"", count: 2_000)
        let multilineTokens = LexerTestSupport.tokens(LexerTestSupport.file(multiline))
        #expect(multilineTokens.filter { $0.kind == .stringEnd }.count == 2_000)
        #expect(multilineTokens.allSatisfy { $0.error == .none })
    }

    @Test("the identifier byte mask is exactly [0-9A-Za-z_]")
    func identifierMask() {
        for byte in UInt8.min...UInt8.max {
            let scalar = Unicode.Scalar(byte)
            let expected = byte < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
            #expect(LexerCharacters.isASCIIIdentifierContinue(byte) == expected, "byte \(byte)")
        }
    }

    @Test("the lexer's UTF-8 validation agrees with UTF8Scan")
    func utf8ValidationAgrees() {
        // Every lead byte with every second byte, followed by continuation or non-continuation
        // bytes, and cut short at each length.
        let tails: [[UInt8]] = [[], [0x80], [0xBF], [0x41], [0x80, 0x80], [0xBF, 0xBF], [0x80, 0xC0], [0x80, 0x80, 0x80]]
        for lead in 0...255 {
            for second in 0...255 {
                for tail in tails {
                    let bytes = [UInt8(lead), UInt8(second)] + tail
                    let expected = UTF8Scan.sequenceLength(bytes, at: 0)
                    let actual = bytes.withUnsafeBufferPointer { LexerCharacters.sequenceLength($0, at: 0) }
                    if actual != expected {
                        Issue.record("\(bytes): lexer says \(String(describing: actual)), UTF8Scan \(String(describing: expected))")
                        return
                    }
                }
            }
            let single = [UInt8(lead)]
            #expect(single.withUnsafeBufferPointer { LexerCharacters.sequenceLength($0, at: 0) }
                    == UTF8Scan.sequenceLength(single, at: 0))
        }
    }

    /// Where the block comment opening at `start` ends: after its matching `*/`, or at the end.
    static func blockCommentEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < bytes.count {
            let pair = (bytes[index], index + 1 < bytes.count ? bytes[index + 1] : 0)
            if pair == (0x2F, 0x2A) {
                depth += 1
                index += 2
            } else if pair == (0x2A, 0x2F) {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    /// Checks what must hold for any input: tokens in order and within the file, one
    /// `endOfFile`, only blanks and line breaks left uncovered, the line-start rule (a token is
    /// first on its line when a line break lies between it and the start of the last token
    /// before it outside block comments, which are layout), and a diagnostic for exactly the
    /// tokens that carry an error.
    static func checkInvariants(_ file: SourceFile) {
        let tokens = Lexer.tokenize(file)
        let bytes = file.bytes
        #expect(tokens.last?.kind == .endOfFile)
        #expect(tokens.last?.start == UInt32(bytes.count))
        #expect(tokens.filter { $0.kind == .endOfFile }.count == 1)
        var covered = 0
        var previousStart: Int?
        var blockComment = 0..<0
        for (index, token) in tokens.enumerated() {
            let start = Int(token.start), end = Int(token.end)
            #expect(start <= end && end <= bytes.count)
            #expect(start >= covered, "token \(index) overlaps the one before")
            for gap in covered..<max(covered, start) {
                #expect([0x20, 0x09, 0x0D, 0x0A].contains(bytes[gap]), "byte \(gap) belongs to no token")
            }
            covered = max(covered, end)
            if !blockComment.contains(start),
                token.kind == .blockComment || token.error == .unterminatedBlockComment {
                blockComment = start..<blockCommentEnd(bytes, from: start)
            }
            let lineStart = previousStart.map { bytes[$0..<start].contains(0x0A) } ?? true
            #expect(token.flags.contains(.atLineStart) == lineStart, "line-start flag of token \(index)")
            if !blockComment.contains(start) { previousStart = start }
            #expect((token.error == .none) == (LexicalDiagnostics.diagnostic(forTokenAt: index, of: tokens, in: file) == nil))
            #expect(token.kind != .error || token.error != .none)
            #expect(start < end || token.kind == .error || token.kind == .endOfFile, "empty token \(index)")
            // The decoders must not trap on any token.
            _ = LiteralDecoder.integer(token, in: file)
            _ = LiteralDecoder.decimal(token, in: file)
            _ = LiteralDecoder.percent(token, in: file)
            _ = LiteralDecoder.date(token, in: file)
            _ = LiteralDecoder.time(token, in: file)
            _ = LiteralDecoder.duration(token, in: file)
            if token.kind == .stringText {
                _ = StringLiteralText.decode(token, in: file, indentation: [0x20, 0x20], startsLine: true)
            }
            if token.kind == .stringEnd { _ = StringLiteralText.closingIndentation(token, in: file) }
        }
        // Literals the lexer accepted decode to a value.
        for token in tokens where token.error == .none {
            switch token.kind {
            case .integer: #expect(LiteralDecoder.integer(token, in: file) != nil)
            case .decimal: #expect(LiteralDecoder.decimal(token, in: file) != nil)
            case .percent: #expect(LiteralDecoder.percent(token, in: file) != nil)
            case .date: #expect(LiteralDecoder.date(token, in: file) != nil)
            case .time: #expect(LiteralDecoder.time(token, in: file) != nil)
            case .duration: #expect(LiteralDecoder.duration(token, in: file) != nil)
            default: break
            }
        }
        // Every invalid UTF-8 byte lies inside an error token.
        var index = 0
        while index < bytes.count {
            guard let length = UTF8Scan.sequenceLength(bytes, at: index) else {
                #expect(tokens.contains { $0.error != .none && Int($0.start) <= index && index < Int($0.end) },
                        "invalid byte \(index) is not reported")
                index += 1
                continue
            }
            index += length
        }
    }

    static let fragments: [[UInt8]] = [
        "\"", "\"\"\"", "\\(", "\\", ")", "(", "\n", " ", "  ", "\t", "/*", "*/", "//", "///", "a", "let", "x_1",
        "4", "2026-02-28", "2026-02-30", "09:30", "9:7", "1.5", "15%", " weeks", " hours", "\\u{41}", "\\u{", "}",
        "\\q", "é", "e\u{301}", "😀", ":", "-", ".", "=", "?", "!", "{", "[", "\r", "\u{7}",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80]]

    @Test("random inputs keep the lexer's invariants", arguments: 0..<40)
    func randomInputs(seed: Int) {
        var generator = LexerFuzzGenerator(state: UInt64(seed) &* 7919 &+ 1)
        var bytes: [UInt8] = []
        let length = 1 + generator.below(120)
        for _ in 0..<length {
            if generator.below(10) == 0 {
                bytes.append(UInt8(truncatingIfNeeded: generator.next()))
            } else {
                bytes += Self.fragments[generator.below(Self.fragments.count)]
            }
        }
        Self.checkInvariants(LexerTestSupport.file(bytes: bytes))
    }

    @Test("every prefix of a realistic program keeps the invariants")
    func prefixes() {
        let source = Array("""
            /// doc
            agreement a { start: 2026-01-12, at: 09:30, term: 12 months, target: 15% }
            let s = \"\"\"
              Dear \\(p.name),
                see you at \\(a.at) /* not a comment */
              \"\"\"
            rule r { for x in xs where x.n > 1.5 { require x.ok else "\\(x.id) fails \\("nested \\(1)")" } }
            /* block /* nested */ */ // end
            """.utf8)
        for end in 0...source.count {
            Self.checkInvariants(LexerTestSupport.file(bytes: Array(source[..<end])))
        }
    }
}
