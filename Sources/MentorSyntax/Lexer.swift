import MentorDiagnostics

/// Turns a source file's bytes into tokens. A pure function of the bytes: it never fails and
/// never reports; malformed input becomes tokens carrying a `LexicalError`, which
/// `LexicalDiagnostics` explains.
public enum Lexer {
    /// All tokens of `file` in order, comments and newlines included, ending with exactly one
    /// `endOfFile`.
    public static func tokenize(_ file: SourceFile) -> [Token] {
        file.bytes.withUnsafeBufferPointer { bytes in
            var spill: [Token] = []
            var indentationFaults: [Token] = []
            var tokens = [Token](unsafeUninitializedCapacity: LexerTokenSink.estimatedCount(forBytes: bytes.count)) {
                storage, initialized in
                var scanner = LexerScanner(bytes, into: LexerTokenSink(storage))
                scanner.scanAll()
                initialized = scanner.tokens.written
                spill = scanner.tokens.spill
                indentationFaults = scanner.indentationFaults
            }
            tokens += spill
            if !indentationFaults.isEmpty {
                tokens = LexerIndentation.merge(indentationFaults, into: tokens, bytes: bytes)
            }
            return tokens
        }
    }
}
