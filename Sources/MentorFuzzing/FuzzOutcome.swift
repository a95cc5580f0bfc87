import MentorDiagnostics
import MentorSource

/// What one input did on a fuzz target's path.
public struct FuzzOutcome: Sendable {
    /// A stable, readable account of the result (diagnostics by line, column and code; the
    /// REPL's entries), which a regression test compares with the behaviour the fix intended.
    public var summary: String
    /// Properties that did not hold; empty when all did.
    public var violations: [String]

    /// One line per diagnostic: `LINE:COLUMN CODE severity`, in the order given.
    static func describe(_ diagnostics: [Diagnostic], in sources: SourceMap) -> String {
        diagnostics.map { diagnostic in
            let place = sources.file(diagnostic.span.file).map { file in
                let location = file.location(of: diagnostic.span.start)
                return "\(file.path):\(location.line):\(location.column)"
            } ?? "?"
            return "\(place) \(diagnostic.code) \(diagnostic.severity.rawValue)\n"
        }.joined()
    }
}
