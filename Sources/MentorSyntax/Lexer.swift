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

    /// The tokens of `file`, and what the lexer noted for the parser on the way (`LexerNotes`).
    static func tokenizeNotingComments(_ file: SourceFile) -> (tokens: [Token], notes: LexerNotes) {
        file.bytes.withUnsafeBufferPointer { bytes in
            var spill: [Token] = []
            var notable: [UInt32] = []
            var indentationFaults: [Token] = []
            var topLevelLines = 0
            var tokens = [Token](unsafeUninitializedCapacity: LexerTokenSink.estimatedCount(forBytes: bytes.count)) {
                storage, initialized in
                var scanner = LexerScanner(bytes, into: LexerTokenSink(storage))
                scanner.scanAll()
                initialized = scanner.tokens.written
                spill = scanner.tokens.spill
                indentationFaults = scanner.indentationFaults
                notable = scanner.notable
                topLevelLines = scanner.topLevelLines
            }
            tokens += spill
            if !indentationFaults.isEmpty {
                let merged = LexerIndentation.merge(indentationFaults, into: tokens, bytes: bytes)
                return (merged, LexerNotes(notable: nil, topLevelLines: topLevelLines))
            }
            return (tokens, LexerNotes(notable: notable, topLevelLines: topLevelLines))
        }
    }
}

/// What the lexer noted for the parser while scanning, so the parser need not look for it.
struct LexerNotes {
    /// Indices of the comments and of the tokens carrying a `LexicalError`, in order; nil when
    /// they are not known (tokens were inserted after scanning), and the parser must look at
    /// every token.
    var notable: [UInt32]?
    /// Lines of code that begin in the first column with something other than `}`: about one
    /// a top-level item (a declaration's closing brace aside), so the parser sizes its item list
    /// once instead of growing it by doubling, each step copying every item (184 bytes).
    var topLevelLines = 0
}
