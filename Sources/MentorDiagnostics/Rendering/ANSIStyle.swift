/// The ANSI SGR sequences the text renderer uses, and a switch that turns them all off.
struct ANSIStyle {
    static let reset = "\u{1B}[0m"
    static let bold = "\u{1B}[1m"
    static let boldRed = "\u{1B}[1;31m"
    static let boldYellow = "\u{1B}[1;33m"
    static let boldBlue = "\u{1B}[1;34m"
    static let boldCyan = "\u{1B}[1;36m"

    /// When false, `paint` returns its text untouched, so uncoloured output has no escapes at all.
    let enabled: Bool

    /// `text` wrapped in `style` and a reset; empty text stays empty so no bare pairs appear.
    func paint(_ text: String, _ style: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return style + text + ANSIStyle.reset
    }

    /// The colour of a severity's name and of its primary carets.
    static func color(of severity: Severity) -> String {
        switch severity {
        case .error: boldRed
        case .warning: boldYellow
        case .note: boldCyan
        }
    }

    /// Gutter, pipes, `=` and secondary `-` markers.
    static let gutter = boldBlue
    /// The words `note` and `help` in trailing lines and note headers.
    static let annotation = boldCyan
}
