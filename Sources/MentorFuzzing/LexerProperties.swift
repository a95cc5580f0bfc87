import MentorDiagnostics
import MentorSyntax
import MentorSource

/// The lexer's promises (see `Lexer.tokenize`): it never fails, ends with exactly one
/// `endOfFile`, covers the input in order with tokens inside it, is a pure function of the
/// bytes, and every token it marks as malformed has a diagnostic.
enum LexerProperties {
    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        let sources = SourceMap()
        let file = sources.add(path: "fuzz.mentor", bytes: bytes)
        let tokens = Lexer.tokenize(file)
        var found: [String] = []
        guard let last = tokens.last, last.kind == .endOfFile else {
            return FuzzOutcome(summary: "", violations: ["tokens do not end with endOfFile"])
        }
        let count = UInt32(file.bytes.count)
        var previousEnd: UInt32 = 0
        var diagnostics: [Diagnostic] = []
        for (index, token) in tokens.enumerated() {
            if token.kind == .endOfFile, index != tokens.count - 1 { found.append("endOfFile at token \(index) of \(tokens.count)") }
            if token.start > token.end || token.end > count {
                found.append("token \(index) (\(token.kind)) spans \(token.start)..<\(token.end) of \(count) bytes")
            }
            if token.start < previousEnd {
                found.append("token \(index) (\(token.kind)) starts at \(token.start), before the previous end \(previousEnd)")
            }
            previousEnd = max(previousEnd, token.end)
            if token.error != .none {
                if let diagnostic = LexicalDiagnostics.diagnostic(forTokenAt: index, of: tokens, in: file) {
                    diagnostics.append(diagnostic)
                } else {
                    found.append("token \(index) marked \(token.error) has no diagnostic")
                }
            }
        }
        if Lexer.tokenize(file) != tokens { found.append("tokenizing the same bytes twice gave different tokens") }
        found += SpanChecks.violations(diagnostics, sources: sources)
        if found.isEmpty { _ = SpanChecks.renderAll(diagnostics, sources: sources) }
        let summary = "\(tokens.count) tokens\n" + FuzzOutcome.describe(diagnostics, in: sources)
        return FuzzOutcome(summary: summary, violations: found)
    }
}
