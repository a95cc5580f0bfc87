import MentorDiagnostics

/// Diagnostic codes of `DIR/...` path patterns (documented in docs/diagnostics/tool.md); M0647,
/// which the REPL reports too, is `MentorRuntime`'s.
extension DiagnosticCode {
    /// A `DIR/...` pattern is given with plain paths, whose programme would be ambiguous.
    static let patternWithPlainPaths = DiagnosticCode(646)
}
