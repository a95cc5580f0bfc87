import MentorDiagnostics

// Codes of the coordinator's tools (M0660–M0679): `export --programme`/`--person`, `mentor doc`
// and `mentor match`; docs/diagnostics/tool.md explains each.
extension DiagnosticCode {
    /// A `--person` or `--mentee` argument that names no person.
    public static let unknownPerson = DiagnosticCode(660)
    /// A programme or person calendar with no event at all.
    public static let emptyCalendar = DiagnosticCode(661)
    /// An output folder (`doc -o`, `match --write`) that cannot be made or written.
    public static let outputFolderUnwritable = DiagnosticCode(662)
}
