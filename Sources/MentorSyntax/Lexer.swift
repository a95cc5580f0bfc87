import MentorDiagnostics

/// Turns a source file's bytes into tokens. A pure function of the bytes: it never fails and
/// never reports; malformed input becomes tokens carrying a `LexicalError`, which
/// `LexicalDiagnostics` explains.
public enum Lexer {
    /// All tokens of `file` in order, comments and newlines included, ending with exactly one
    /// `endOfFile`.
    public static func tokenize(_ file: SourceFile) -> [Token] {
        file.bytes.withUnsafeBufferPointer { buffer in
            var scanner = LexerScanner(buffer)
            scanner.scanAll()
            return scanner.tokens
        }
    }
}
