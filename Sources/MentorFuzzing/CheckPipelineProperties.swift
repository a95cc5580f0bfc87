import MentorDiagnostics
import MentorRuntime

/// `mentor check` on one file, as `CheckRun` does it: load (parse, declare, resolve,
/// type-check, `import std`), then every rule. The step and size limits are far below the
/// defaults so each input takes milliseconds; a limit being hit is a diagnostic, not a finding.
enum CheckPipelineProperties {
    /// The limits used while fuzzing.
    static let limits = EvaluationLimits(maxSteps: 20_000, maxCallDepth: 200, maxStringLength: 20_000, maxListLength: 20_000)

    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        let options = EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!, limits: limits)
        let engine = Engine(options: options, reader: RefusingReader(), output: { _ in })
        let file = engine.addSource(path: "fuzz/input.mentor", bytes: bytes)
        let loaded = engine.load([file])
        var diagnostics = loaded.diagnostics
        var stage = "stopped before the rules"
        if loaded.elaborated {
            let report = engine.check()
            diagnostics += report.diagnostics
            stage = "\(report.rules.count) rules run"
        }
        diagnostics = engine.sources.inReadingOrder(diagnostics)
        let violations = SpanChecks.violations(diagnostics, sources: engine.sources)
        if violations.isEmpty { _ = SpanChecks.renderAll(diagnostics, sources: engine.sources) }
        return FuzzOutcome(summary: stage + "\n" + FuzzOutcome.describe(diagnostics, in: engine.sources), violations: violations)
    }
}
