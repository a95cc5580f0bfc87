import MentorDiagnostics
import MentorRuntime
import MentorSource

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
        let room = limit == 0 ? diagnostics.count : min(diagnostics.count, max(0, limit - shown))
        shown += room
        for diagnostic in diagnostics.dropFirst(room) {
            switch diagnostic.severity {
            case .error: hiddenErrors += 1
            case .warning: hiddenWarnings += 1
            default: hiddenOthers += 1
            }
        }
        return DiagnosticCap.render(Array(diagnostics.prefix(room)), with: renderer)
    }

    /// Diagnostics rendered in order. Rendering one reads only the sources, so many are
    /// rendered in chunks on every core and joined in order: rendered one after another, the
    /// 200 of a large `check` were a serial stretch at the end of the run (about 24 M
    /// instructions) while the other cores had nothing left to do.
    private static func render(_ diagnostics: [Diagnostic], with renderer: TextDiagnosticRenderer) -> String {
        let chunkSize = 16
        guard diagnostics.count > 2 * chunkSize else { return diagnostics.reduce(into: "") { $0 += renderer.render($1) + "\n" } }
        let chunks = stride(from: 0, to: diagnostics.count, by: chunkSize).map {
            Array(diagnostics[$0..<min($0 + chunkSize, diagnostics.count)])
        }
        var output = ""
        ParallelMap.forEach(chunks, workers: ParallelMap.processorCount, { chunk in
            chunk.reduce(into: "") { $0 += renderer.render($1) + "\n" }
        }, inOrder: { output += $0 })
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
