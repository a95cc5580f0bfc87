import MentorDiagnostics

/// The closing line of a check: `no problems in 7 files`, or `2 errors, 1 warning in 7 files`.
public struct CheckSummary: Sendable {
    /// Diagnostics of severity error.
    public let errors: Int
    /// Diagnostics of severity warning.
    public let warnings: Int
    /// Rule violations a waiver excuses (counted apart from errors and warnings).
    public let waived: Int
    /// Files checked (the standard library not counted).
    public let fileCount: Int

    /// Counts the errors, warnings and waived violations among `diagnostics`.
    public init(diagnostics: [Diagnostic], fileCount: Int) {
        errors = diagnostics.filter { $0.severity == .error && !$0.isWaived }.count
        warnings = diagnostics.filter { $0.severity == .warning && !$0.isWaived }.count
        waived = diagnostics.filter(\.isWaived).count
        self.fileCount = fileCount
    }

    /// The sum of `summaries`: the counts of several programmes checked one by one (`check DIR/...`).
    public init(adding summaries: [CheckSummary]) {
        errors = summaries.reduce(0) { $0 + $1.errors }
        warnings = summaries.reduce(0) { $0 + $1.warnings }
        waived = summaries.reduce(0) { $0 + $1.waived }
        fileCount = summaries.reduce(0) { $0 + $1.fileCount }
    }

    /// The summary line, without a line break: `1 error, 1 waived in 2 files`, or
    /// `no problems in 2 files (1 waived)`.
    public var line: String {
        let files = plural(fileCount, "file")
        if errors == 0 && warnings == 0 { return "no problems in \(files)" + (waived > 0 ? " (\(waived) waived)" : "") }
        var parts: [String] = []
        if errors > 0 { parts.append(plural(errors, "error")) }
        if warnings > 0 { parts.append(plural(warnings, "warning")) }
        if waived > 0 { parts.append("\(waived) waived") }
        return parts.joined(separator: ", ") + " in \(files)"
    }
}
