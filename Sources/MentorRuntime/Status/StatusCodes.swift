import MentorDiagnostics

/// Diagnostic codes of `mentor status` and the forecast (documented in docs/diagnostics/tool.md).
extension DiagnosticCode {
    /// `--status` names no status.
    public static let unknownStatusFilter = DiagnosticCode(640)
    /// `--due-within` is not a duration in days, weeks, months or years.
    public static let invalidDueWithin = DiagnosticCode(642)
    /// `--until` is not a calendar date.
    public static let invalidUntil = DiagnosticCode(643)
    /// `--until` is before `--today`.
    public static let untilBeforeToday = DiagnosticCode(644)
    /// `check --until`: what breaks first for an agreement if nothing is done (a note).
    public static let forecastBreak = DiagnosticCode(645)
}
