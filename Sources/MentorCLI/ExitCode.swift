/// The exit codes of `mentor`, documented in docs/cli.md.
public enum MentorExit {
    /// Success: no errors.
    public static let success: Int32 = 0
    /// Errors in the program (syntax, names, types, runtime, rule violations, failed tests).
    public static let programErrors: Int32 = 1
    /// Usage or I/O errors.
    public static let usageOrIO: Int32 = 2
}
