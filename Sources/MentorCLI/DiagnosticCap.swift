import MentorDiagnostics
import MentorRuntime

/// The cap of `--max-diagnostics` on text output: the first N diagnostics are rendered, the
/// rest only counted, so one broken file cannot bury the terminal (or a CI log) in thousands
/// of messages. The summary line still counts everything; machine formats are not capped.
struct DiagnosticCap {
    /// The default of `--max-diagnostics`.
    static let defaultLimit = 200

    /// How many diagnostics may be rendered; 0 means no limit.
    let limit: Int
    private var shown = 0
    private var hiddenErrors = 0
    private var hiddenWarnings = 0
    private var hiddenOthers = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Renders as many of `diagnostics` as the cap still allows and counts the rest.
    mutating func render(_ diagnostics: [Diagnostic], with renderer: TextDiagnosticRenderer) -> String {
        var output = ""
        for diagnostic in diagnostics {
            if limit == 0 || shown < limit {
                output += renderer.render(diagnostic) + "\n"
                shown += 1
            } else {
                switch diagnostic.severity {
                case .error: hiddenErrors += 1
                case .warning: hiddenWarnings += 1
                default: hiddenOthers += 1
                }
            }
        }
        return output
    }

    /// `… and 3 more errors and 1 more warning not shown (…)`, or "" when nothing was held back.
    var omittedLine: String {
        var parts: [String] = []
        if hiddenErrors > 0 { parts.append(plural(hiddenErrors, "more error")) }
        if hiddenWarnings > 0 { parts.append(plural(hiddenWarnings, "more warning")) }
        if hiddenOthers > 0 { parts.append(plural(hiddenOthers, "more note")) }
        guard !parts.isEmpty else { return "" }
        return "… and \(parts.joined(separator: " and ")) not shown (`--max-diagnostics 0` shows all)\n"
    }
}
