import MentorDiagnostics

/// Diagnostic codes of `DIR/...` path patterns (documented in docs/diagnostics/tool.md).
extension DiagnosticCode {
    /// A `DIR/...` pattern is given with plain paths, whose programme would be ambiguous.
    static let patternWithPlainPaths = DiagnosticCode(646)
    /// A command that reads one programme (`run`, `repl`, `status`, `export`, `doc`, `match`) was given `DIR/...`.
    static let patternForOneProgramme = DiagnosticCode(647)
}
