import MentorDiagnostics

/// What parsing one file produced: the tree, every lexical and syntax diagnostic, and whether
/// the input stopped while a construct was still open.
public struct ParseResult: Sendable {
    /// The file's tree; parts the parser could not read are `.error` nodes or are left out.
    public var syntax: SourceFileSyntax
    /// Lexical and syntax diagnostics, sorted by position, at most one per line.
    public var diagnostics: [Diagnostic]
    /// True when the only problems are that the input ended inside an open construct (an
    /// unclosed bracket, a trailing operator, an unterminated `"""` string …), so a REPL should
    /// ask for another line rather than report an error.
    public var isIncomplete: Bool

    /// Creates a parse result.
    public init(syntax: SourceFileSyntax, diagnostics: [Diagnostic], isIncomplete: Bool) {
        self.syntax = syntax
        self.diagnostics = diagnostics
        self.isIncomplete = isIncomplete
    }
}
