/// Where the REPL's lines come from: the line editor, plain standard input, or a script in tests.
public protocol REPLLineSource: AnyObject {
    /// True when a person types the lines, so prompts, hints and a parting newline make sense.
    var isInteractive: Bool { get }
    /// Shows `prompt` (when interactive) and reads one line, without its newline.
    func readLine(prompt: String) -> LineEditor.Input
    /// Remembers a complete accepted entry (several lines joined by newlines) for Up and Ctrl-R.
    func remember(_ entry: String)
}
