import MentorDiagnostics

/// The diagnostic code of a `DIR/...` pattern given where one programme is read (documented in
/// docs/diagnostics/tool.md); the REPL's `:load` reports it as the commands do.
extension DiagnosticCode {
    /// A command that reads one programme (`run`, `repl` and its `:load`, `status`, `export`,
    /// `doc`, `match`) was given `DIR/...`.
    public static let patternForOneProgramme = DiagnosticCode(647)
}

extension ProgrammePattern {
    /// M0647: `command` reads one programme, and `pattern` names several; the help lists them.
    public static func oneProgrammeOnly(_ pattern: String, command: String) -> Diagnostic {
        let shown = DisplayText.escapeControls(pattern)
        var help = "name one programme instead of the pattern"
        if let parsed = ProgrammePattern(pattern), case .success(let found) = parsed.programmes(), !found.isEmpty {
            help += ": " + found.map { "`\(DisplayText.escapeControls($0))`" }.joined(separator: ", ")
        }
        return Diagnostic(.patternForOneProgramme, .error,
                          "`\(command)` reads one programme, and `\(shown)` names every programme in its folder",
                          at: .unknown, help: help)
    }
}
