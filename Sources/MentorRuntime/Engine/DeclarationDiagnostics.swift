import MentorDiagnostics
import MentorSource

extension Diagnostic {
    /// `name` declared a second time at `span`, first at `earlier` (M0504): what `check` says,
    /// and what a REPL `:load` of files that declare a name twice says.
    static func declaredTwice(_ name: String, at span: Span, first earlier: Span) -> Diagnostic {
        Diagnostic(.duplicateDeclaration, .error, "`\(name)` is declared twice", at: span,
                   label: "declared again here",
                   notes: [DiagnosticNote("first declared here", at: earlier)],
                   help: "rename one of them; names are shared across all loaded files")
    }

    /// A second `program` at `span`, the first at `earlier` (M0511).
    static func secondProgram(at span: Span, first earlier: Span) -> Diagnostic {
        Diagnostic(.secondProgram, .error, "a programme has only one `program` declaration", at: span,
                   label: "second `program`", notes: [DiagnosticNote("the first is here", at: earlier)])
    }
}
