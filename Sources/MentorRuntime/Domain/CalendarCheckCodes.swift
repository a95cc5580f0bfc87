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
