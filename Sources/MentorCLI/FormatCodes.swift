import MentorDiagnostics

/// Diagnostic codes of `mentor fmt` (documented in docs/diagnostics/tool.md).
extension DiagnosticCode {
    /// A path given to `fmt` cannot be read (missing, unreadable, a directory that cannot be listed).
    static let fmtCannotRead = DiagnosticCode(601)
    /// `fmt -w` cannot replace a file (read-only folder, full disk, no permission); the file is untouched.
    static let fmtCannotWrite = DiagnosticCode(602)
}
