import MentorDiagnostics
import MentorSource

/// Codes of the lexical diagnostics (M01xx); each is documented in `docs/diagnostics/lexical.md`.
extension DiagnosticCode {
    /// M0101: bytes that are not valid UTF-8.
    public static let invalidUTF8 = DiagnosticCode(101)
    /// M0102: a NUL byte in the source.
    public static let nulByte = DiagnosticCode(102)
    /// M0103: a character that is not part of Mentor's syntax.
    public static let unexpectedCharacter = DiagnosticCode(103)
    /// M0104: a string that is not closed before the end of its line (or of the file).
    public static let unterminatedString = DiagnosticCode(104)
    /// M0105: a line break inside an interpolation of a one-line string.
    public static let lineBreakInInterpolation = DiagnosticCode(105)
    /// M0106: a block comment that is never closed.
    public static let unterminatedBlockComment = DiagnosticCode(106)
    /// M0107: an unknown or malformed escape sequence in a string.
    public static let invalidEscape = DiagnosticCode(107)
    /// M0108: a raw control character inside a string.
    public static let controlCharacterInString = DiagnosticCode(108)
    /// M0109: text on the same line as an opening `"""`.
    public static let textAfterOpeningQuotes = DiagnosticCode(109)
    /// M0110: a closing `"""` that does not stand on its own line.
    public static let closingQuotesNotOnOwnLine = DiagnosticCode(110)
    /// M0111: a line of a `"""` string indented less than its closing delimiter.
    public static let underIndentedLine = DiagnosticCode(111)
    /// M0112: a number literal too large for its type.
    public static let numberLiteralTooLarge = DiagnosticCode(112)
    /// M0113: a number with letters glued to it (`4weeks`, `1_000`).
    public static let malformedNumberLiteral = DiagnosticCode(113)
    /// M0114: a date literal that is not a real calendar date.
    public static let invalidDateLiteral = DiagnosticCode(114)
    /// M0115: a time literal outside 00:00–23:59 or not written H:MM / HH:MM.
    public static let invalidTimeLiteral = DiagnosticCode(115)
    /// M0116: a duration with a fractional amount (`1.5 hours`).
    public static let fractionalDurationLiteral = DiagnosticCode(116)
}

/// Explains tokens the lexer marked as malformed. The lexer only marks; this is where the
/// words are, so the lexer stays a pure, fast function of the bytes.
public enum LexicalDiagnostics {
    /// The diagnostic for the token at `index` of `tokens` (the lexer's tokens of `file`) when
    /// its `error` is not `.none`; nil otherwise. The other tokens are read only to point an
    /// unterminated string at its opening quote.
    public static func diagnostic<Tokens: RandomAccessCollection<Token>>(
        forTokenAt index: Int, of tokens: Tokens, in file: SourceFile
    ) -> Diagnostic? where Tokens.Index == Int {
        let token = tokens[index]
        let context = LexerErrorExplainer(token: token, file: file)
        switch token.error {
        case .none: return nil
        case .invalidUTF8: return context.invalidUTF8()
        case .nulByte:
            return context.make(.nulByte, "NUL byte in the source", label: "a zero byte",
                                help: "remove it: Mentor source is plain UTF-8 text")
        case .unexpectedCharacter: return context.unexpectedCharacter()
        case .unterminatedString:
            return context.unterminatedString(opening: openingQuote(ofUnterminatedStringAt: index, in: tokens, file: file))
        case .newlineInString:
            return context.make(
                .lineBreakInInterpolation, "line break inside an interpolation of a one-line string",
                label: "the `\\(` is still open here",
                help: "close the interpolation with `)` on the same line, or use a `\"\"\"` string")
        case .unterminatedBlockComment: return context.unterminatedBlockComment()
        case .invalidEscape: return context.invalidEscape()
        case .controlCharacterInString: return context.controlCharacter()
        case .textAfterOpeningQuotes:
            return context.make(
                .textAfterOpeningQuotes, "text on the same line as the opening `\"\"\"`",
                label: "the text of a `\"\"\"` string starts on the next line",
                help: "move this text to the next line, or use `\"…\"` for a one-line string")
        case .closingQuotesNotOnOwnLine:
            return context.make(
                .closingQuotesNotOnOwnLine, "the closing `\"\"\"` of a multi-line string must be on its own line",
                label: "only blanks may come before it on its line",
                help: "put a line break before the closing `\"\"\"`")
        case .underIndentedLine:
            return context.make(
                .underIndentedLine, "line is indented less than the closing `\"\"\"`",
                label: "indentation shorter than the closing delimiter's",
                help: "indent every line of a `\"\"\"` string at least as far as its closing `\"\"\"`, "
                    + "with the same spaces and tabs")
        case .integerOverflow: return context.numberTooLarge()
        case .malformedNumber: return context.malformedNumber()
        case .invalidDate: return context.invalidDate()
        case .invalidTime: return context.invalidTime()
        case .fractionalDuration: return context.fractionalDuration()
        }
    }

    /// All diagnostics of the lexer's `tokens` of `file`, in token order.
    public static func diagnostics(of tokens: [Token], in file: SourceFile) -> [Diagnostic] {
        tokens.indices.compactMap { diagnostic(forTokenAt: $0, of: tokens, in: file) }
    }

    /// The `"` or `"""` token that opened the string the unterminated-string token at `index`
    /// gives up on: the innermost string still open there, found by walking back over the
    /// delimiters of its kind. A one-line string opened on the line it breaks off (a line break
    /// ends it), so that walk stops at the line's start; the delimiters of the other kind are
    /// balanced on their own and skipped.
    static func openingQuote<Tokens: RandomAccessCollection<Token>>(
        ofUnterminatedStringAt index: Int, in tokens: Tokens, file: SourceFile
    ) -> Token? where Tokens.Index == Int {
        let multiline = tokens[index].flags.contains(.multiline)
        let lineStart = multiline ? 0 : file.lineStarts[file.lineIndex(of: tokens[index].start)]
        var unmatchedClosers = 0
        var position = index - 1
        while position >= tokens.startIndex, tokens[position].start >= lineStart {
            let token = tokens[position]
            position -= 1
            guard token.flags.contains(.multiline) == multiline else { continue }
            switch token.kind {
            case .stringEnd, .interpolationEnd:
                unmatchedClosers += 1
            case .error where token.error == .closingQuotesNotOnOwnLine:
                unmatchedClosers += 1 // it ends its `"""` string
            case .interpolationStart:
                // At depth 0 the string ended inside this interpolation: its string is further back.
                if unmatchedClosers > 0 { unmatchedClosers -= 1 }
            case .stringStart:
                if unmatchedClosers == 0 { return token }
                unmatchedClosers -= 1
            default:
                break
            }
        }
        return nil
    }
}
