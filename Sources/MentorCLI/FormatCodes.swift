import MentorDiagnostics

/// Diagnostic codes of `mentor fmt` (documented in docs/diagnostics/tool.md).
extension DiagnosticCode {
    /// A path given to `fmt` cannot be read (missing, unreadable, a directory that cannot be listed).
    static let fmtCannotRead = DiagnosticCode(601)
    /// `fmt -w` cannot replace a file (read-only folder, full disk, no permission); the file is untouched.
    static let fmtCannotWrite = DiagnosticCode(602)
    /// The file changed between `fmt -w` reading it and replacing it; it is left as the other writer left it.
    static let fmtFileChanged = DiagnosticCode(603)
    /// `fmt -w` will not replace a file with other hard links, which would then keep the old text.
    static let fmtHardLinked = DiagnosticCode(604)
}
