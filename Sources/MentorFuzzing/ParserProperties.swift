import MentorDiagnostics
import MentorSyntax
import MentorSource

/// The parser's promises (see `ParseResult`): it never fails; diagnostics point into the file,
/// sorted, at most one per line; an input it calls incomplete has a diagnostic saying what is
/// missing; and every diagnostic renders.
enum ParserProperties {
    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        let sources = SourceMap()
        let file = sources.add(path: "fuzz.mentor", bytes: bytes)
        let result = Parser.parse(file)
        var found = SpanChecks.violations(result.diagnostics, sources: sources)
        var lastLine = -1
        for diagnostic in result.diagnostics where found.isEmpty {
            let line = file.lineIndex(of: diagnostic.span.start)
            if line <= lastLine { found.append("\(diagnostic.code) on line \(line + 1) after one on line \(lastLine + 1)") }
            lastLine = line
        }
        if result.isIncomplete, result.diagnostics.isEmpty { found.append("incomplete input without a diagnostic") }
        if found.isEmpty { _ = SpanChecks.renderAll(result.diagnostics, sources: sources) }
        let summary = "\(result.syntax.items.count) items\(result.isIncomplete ? ", incomplete" : "")\n"
            + FuzzOutcome.describe(result.diagnostics, in: sources)
        return FuzzOutcome(summary: summary, violations: found)
    }
}
