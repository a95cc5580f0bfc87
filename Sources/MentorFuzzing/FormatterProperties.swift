import MentorDiagnostics
import MentorSyntax
import MentorSource

/// `mentor fmt`'s promises (docs/formatting.md): a file without syntax errors formats to text
/// that parses without errors to the same tree and the same comments (`SyntaxTreeDump`), and
/// formatting that text again changes nothing. A file with syntax errors is refused, never
/// formatted.
enum FormatterProperties {
    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        let file = SourceFile(id: FileID(0), path: "fuzz.mentor", bytes: bytes)
        let parsed = Parser.parse(file)
        let hasErrors = parsed.diagnostics.contains { $0.severity == .error }
        let outcome = SourceFormatter.format(file)
        if hasErrors {
            let violations = outcome.formatted == nil ? [] : ["a file with syntax errors was formatted"]
            return FuzzOutcome(summary: "refused: \(parsed.diagnostics.count) diagnostics\n", violations: violations)
        }
        guard let once = outcome.formatted else {
            return FuzzOutcome(summary: "", violations: ["a file without syntax errors was refused"])
        }
        let formattedFile = SourceFile(id: FileID(0), path: "fuzz.mentor", text: once)
        let reparsed = Parser.parse(formattedFile)
        if let error = reparsed.diagnostics.first(where: { $0.severity == .error }) {
            return FuzzOutcome(summary: once, violations: ["the formatted text does not parse: \(error.code) \(error.message)"])
        }
        var violations: [String] = []
        if SyntaxTreeDump.render(reparsed.syntax, source: formattedFile) != SyntaxTreeDump.render(parsed.syntax, source: file) {
            violations.append("formatting changed the tree or the comments")
        }
        if SourceFormatter.format(reparsed.syntax, source: formattedFile) != once {
            violations.append("formatting the formatted text changed it")
        }
        return FuzzOutcome(summary: once, violations: violations)
    }
}
