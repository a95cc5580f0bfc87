import MentorDiagnostics

// Codes of the calendar and relationship checks of declarations (M0580–M0589);
// docs/diagnostics/domain.md explains each.
extension DiagnosticCode {
    /// A `held` date after `today`.
    public static let heldInFuture = DiagnosticCode(580)
    /// An agenda with more sessions than the agreement's schedule holds.
    public static let agendaLongerThanSchedule = DiagnosticCode(581)
    /// A person who is their own supervisor.
    public static let selfSupervision = DiagnosticCode(582)
    /// Supervisors that form a cycle.
    public static let supervisorCycle = DiagnosticCode(583)
    /// An agreement's co-mentor who is its mentee's supervisor.
    public static let coMentorSupervises = DiagnosticCode(584)
}

// Codes of an agreement's extension (M0590–M0599); docs/diagnostics/domain.md explains each.
extension DiagnosticCode {
    /// An extension taken (`extended.by`) longer than the `extension` the agreement allows.
    public static let extensionBeyondAllowed = DiagnosticCode(590)
    /// An extension taken by an agreement that gives no `extension` allowance.
    public static let extensionNotAllowed = DiagnosticCode(591)
    /// `extended.by` and `extension` in units that do not compare (months against days).
    public static let extensionUnitsDiffer = DiagnosticCode(592)
    /// `extended.by` of zero or less, which would not extend anything.
    public static let extensionNotPositive = DiagnosticCode(593)
    /// An extension agreed after the agreement had already ended.
    public static let extendedAfterEnd = DiagnosticCode(594)
}
