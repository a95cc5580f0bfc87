import MentorDiagnostics
import MentorSource

/// An error that stops evaluation, carrying the diagnostic to show.
struct RuntimeError: Error {
    let diagnostic: Diagnostic

    init(_ code: DiagnosticCode, _ message: String, at span: Span, label: String? = nil, help: String? = nil, notes: [DiagnosticNote] = []) {
        diagnostic = Diagnostic(code, .error, message, at: span, label: label, notes: notes, help: help)
    }

    init(diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}

/// Thrown by a failed `require` or `fail` to skip the rest of the current rule iteration.
struct SkipIteration: Error {}
