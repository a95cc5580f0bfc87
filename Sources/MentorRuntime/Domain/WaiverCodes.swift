import MentorDiagnostics

// Codes of waivers (M0570–M0579); docs/diagnostics/domain.md explains each.
extension DiagnosticCode {
    /// A waiver whose `until` day has passed: the violation it waived is reported again.
    public static let waiverExpired = DiagnosticCode(570)
    /// A waiver that matches no violation: the rule holds for its entity.
    public static let waiverStale = DiagnosticCode(571)
    /// A waiver without a `for` naming what it is for.
    public static let waiverTarget = DiagnosticCode(572)
}
