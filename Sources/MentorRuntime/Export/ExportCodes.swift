import MentorDiagnostics

// Codes of `mentor export` (M0620–M0639); docs/diagnostics/tool.md explains each.
extension DiagnosticCode {
    /// An AGREEMENT argument that names no declaration at all.
    public static let unknownAgreement = DiagnosticCode(620)
    /// An AGREEMENT argument that names a declaration of another kind (a person, a rule, …).
    public static let notAnAgreement = DiagnosticCode(621)
    /// `--format ics` or `md` without an agreement.
    public static let agreementRequired = DiagnosticCode(622)
    /// A `--tz` zone the time-zone database does not have.
    public static let unknownTimeZone = DiagnosticCode(623)
    /// No time-zone database at the expected place.
    public static let timeZoneDatabaseMissing = DiagnosticCode(624)
    /// A zone file that is not a valid TZif file.
    public static let invalidTimeZoneFile = DiagnosticCode(625)
    /// A session whose length cannot become a calendar event's duration.
    public static let sessionLengthNotExportable = DiagnosticCode(626)
    /// The `-o` file could not be written.
    public static let exportWriteFailed = DiagnosticCode(627)
    /// An agreement with neither sessions nor reviews: RFC 5545 needs at least one event.
    public static let nothingToExport = DiagnosticCode(628)
}
