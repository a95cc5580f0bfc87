import MentorDiagnostics

/// The closing line of a check: `no problems in 7 files`, or `2 errors, 1 warning in 7 files`.
public struct CheckSummary: Sendable {
    /// Diagnostics of severity error.
    public let errors: Int
    /// Diagnostics of severity warning.
    public let warnings: Int
    /// Files checked (the standard library not counted).
    public let fileCount: Int

    /// Counts the errors and warnings among `diagnostics`.
    public init(diagnostics: [Diagnostic], fileCount: Int) {
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.filter { $0.severity == .warning }.count
        self.fileCount = fileCount
    }

    /// The summary line, without a line break.
    public var line: String {
        let files = plural(fileCount, "file")
        if errors == 0 && warnings == 0 { return "no problems in \(files)" }
        var parts: [String] = []
        if errors > 0 { parts.append(plural(errors, "error")) }
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        return parts.joined(separator: ", ") + " in \(files)"
    }
}
