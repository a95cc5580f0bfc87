import MentorDiagnostics

// Codes of `import std…` (M0330–M0339); docs/diagnostics/names-and-runtime.md explains each.
extension DiagnosticCode {
    /// `import std.NAME` or `import std except NAME` with a name that is not a standard rule.
    public static let unknownStandardRule = DiagnosticCode(330)
    /// `std.NAME` for a standard rule the programme's imports left out.
    public static let standardRuleNotImported = DiagnosticCode(331)
}
