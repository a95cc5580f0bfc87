/// What the REPL needs from the evaluation engine.
public protocol REPLBackend: AnyObject {
    /// True when `source` stopped in the middle of a construct (open bracket, trailing operator…), asked of the parser.
    ///
    /// Entries come as bytes, as read: piped input need not be valid UTF-8, and the lexer
    /// reports where it is not.
    func isIncomplete(_ source: [UInt8]) -> Bool
    /// Evaluates one entry; returns the text to print (values echoed, declarations described, diagnostics rendered).
    func evaluate(_ source: [UInt8]) -> REPLOutput
    /// Completion candidates for the text before the cursor.
    ///
    /// The REPL answers meta-command names (`:lo`) and file paths after `:load` and `:save` itself;
    /// everything else, including the arguments of other meta-commands, is asked here.
    func completions(for lineBeforeCursor: String) -> Completion
    /// Runs a meta-command such as `:load a.mentor` (without the colon handling of unknown commands, which the REPL does).
    ///
    /// `name` comes without its colon and is one of `metaCommands`, followed by `!` when the
    /// user typed one (`:save! FILE`, which may overwrite); `argument` is the rest of the line, trimmed.
    func runMetaCommand(_ name: String, argument: String) -> REPLOutput
    /// Names of the meta-commands the backend provides (for `:help`, completion and did-you-mean).
    ///
    /// Names come without the colon; `help` and `quit` belong to the REPL and are ignored here.
    var metaCommands: [(name: String, summary: String)] { get }
    /// Asks a running evaluation to stop (called from the SIGINT handler path; must be async-signal-safe in effect: set a flag).
    ///
    /// It is called from a signal handler, possibly on another thread, only while `evaluate` or
    /// `runMetaCommand` runs; an evaluation that stops this way returns normally (with a message
    /// saying it was interrupted). Clear the flag when an evaluation starts.
    func requestInterrupt()
}

/// What one entry or meta-command gives back to print.
public struct REPLOutput: Sendable, Equatable {
    /// Text for standard output: echoed values and descriptions of declarations.
    public var stdout: String
    /// Text for standard error: rendered diagnostics.
    public var stderr: String
    /// True when the REPL should end after printing this (for example after a `:quit`-like command).
    public var shouldQuit: Bool
    /// True when the entry or command failed (an error diagnostic, a file not written…): a
    /// piped session that had one exits with status 1, as `run` and `check` would.
    public var failed: Bool

    /// Creates an output; a missing final newline is added when printing.
    public init(stdout: String = "", stderr: String = "", shouldQuit: Bool = false, failed: Bool = false) {
        self.stdout = stdout
        self.stderr = stderr
        self.shouldQuit = shouldQuit
        self.failed = failed
    }
}

extension REPLBackend {
    /// Evaluates an entry given as text.
    public func evaluate(_ source: String) -> REPLOutput { evaluate(Array(source.utf8)) }
}
