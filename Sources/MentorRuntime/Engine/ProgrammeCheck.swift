import MentorDiagnostics
import MentorSource

/// What `mentor check` reports for a programme: the diagnostics of loading, of every rule and
/// of the top-level `let`s nothing read. The command and the language server both build it
/// here, so an editor shows exactly what `check` prints.
public struct ProgrammeCheck {
    /// Every diagnostic, in reading order.
    public var diagnostics: [Diagnostic]
    /// Each rule that ran, with what it reported.
    public var rules: [(name: String, title: String?, diagnostics: [Diagnostic])]
    /// True when the programme got past resolving, so its rules ran.
    public var elaborated: Bool
}

extension Engine {
    /// Loads `files`, then (when they resolve) runs every rule and evaluates the unread
    /// top-level `let`s. `shouldStop` is asked between the phases: a caller whose answer is
    /// no longer wanted (an editor typed again) gets back what was found so far.
    public func loadAndCheck(_ files: [SourceFile], shouldStop: () -> Bool = { false }) -> ProgrammeCheck {
        let loaded = load(files)
        var diagnostics = loaded.diagnostics
        var rules: [(name: String, title: String?, diagnostics: [Diagnostic])] = []
        if loaded.elaborated, !shouldStop() {
            let report = check()
            diagnostics += report.diagnostics
            rules = report.rules
            if !shouldStop() { diagnostics += evaluateUnreadLets() }
        }
        return ProgrammeCheck(diagnostics: sources.inReadingOrder(diagnostics), rules: rules, elaborated: loaded.elaborated)
    }
}
