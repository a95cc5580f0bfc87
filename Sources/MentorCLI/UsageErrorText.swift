import MentorDiagnostics

/// The text of a usage error as it may reach a terminal. swift-argument-parser quotes the
/// offending argument (`--today`, `--color`, an unknown option, an unexpected argument)
/// verbatim, so an argument holding ESC, OSC, BEL or C1 would drive the terminal; it is shown
/// through the same escaping as source text instead, keeping the message's own line breaks.
enum UsageErrorText {
    /// `message` with every control character but its line breaks written as `\u{1B}`.
    static func displayable(_ message: String) -> String {
        DisplayText.escapeControls(message, keepingLineBreaks: true)
    }
}
