import MentorDiagnostics
import MentorSource

/// Turns a source file's bytes into tokens. A pure function of the bytes: it never fails and
/// never reports; malformed input becomes tokens carrying a `LexicalError`, which
/// `LexicalDiagnostics` explains.
public enum Lexer {
    /// All tokens of `file` in order, comments and newlines included, ending with exactly one
    /// `endOfFile`.
    public static func tokenize(_ file: SourceFile) -> [Token] {
        tokenizeNotingComments(file).tokens
    }

    /// The tokens of `file`, and the indices of its comments and of the tokens carrying a
    /// `LexicalError`, in order; nil when they are not known (tokens were inserted after
    /// scanning), and the caller must look at every token.
    static func tokenizeNotingComments(_ file: SourceFile) -> (tokens: [Token], notable: [UInt32]?) {
        file.bytes.withUnsafeBufferPointer { bytes in
            var spill: [Token] = []
            var notable: [UInt32] = []
            var indentationFaults: [Token] = []
            var tokens = [Token](unsafeUninitializedCapacity: LexerTokenSink.estimatedCount(forBytes: bytes.count)) {
                storage, initialized in
                var scanner = LexerScanner(bytes, into: LexerTokenSink(storage))
                scanner.scanAll()
                initialized = scanner.tokens.written
                spill = scanner.tokens.spill
                indentationFaults = scanner.indentationFaults
                notable = scanner.notable
            }
            tokens += spill
            if !indentationFaults.isEmpty {
                return (LexerIndentation.merge(indentationFaults, into: tokens, bytes: bytes), nil)
            }
            return (tokens, notable)
        }
    }
}
