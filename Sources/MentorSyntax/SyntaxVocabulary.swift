/// The words and characters of Mentor's surface syntax, stated once for every layer that names
/// them: the parser's messages, REPL completion, `export`'s name test, an editor's grammar.
///
/// The lexer does not read these tables (its reserved-word match is a packed-integer switch, see
/// `LexerWords`); `SyntaxVocabularyTests` lexes every entry and checks the two agree.
public enum SyntaxVocabulary {
    /// Every reserved word and the token kind the lexer gives it, in `TokenKind` order.
    public static let reservedWords: [(word: String, kind: TokenKind)] =
        TokenKind.allCases.compactMap { kind in kind.reservedWord.map { ($0, kind) } }

    /// The words that begin a declaration, with the kind each declares. They are contextual (a
    /// name elsewhere), so the lexer gives them as identifiers.
    public static let declarationWords: [(word: String, kind: DeclarationKind)] =
        DeclarationKind.allCases.map { ($0.rawValue, $0) }

    /// Every word with a meaning of its own at the start of a statement or inside an expression:
    /// the reserved words, then the declaration words.
    public static let allWords: [String] = reservedWords.map(\.word) + declarationWords.map(\.word)

    /// `//` starts a comment that runs to the end of the line.
    public static let lineCommentStart = "//"
    /// `///` starts a doc comment, which documents the next declaration.
    public static let docCommentStart = "///"
    /// `/*` opens a block comment; block comments nest.
    public static let blockCommentOpen = "/*"
    /// `*/` closes the innermost open block comment.
    public static let blockCommentClose = "*/"

    /// True when `scalar` may begin a name: an ASCII letter, `_`, or a Unicode letter.
    public static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return LexerCharacters.isASCIIIdentifierStart(UInt8(scalar.value)) }
        return LexerCharacters.isIdentifierStart(scalar)
    }

    /// True when `scalar` may continue a name: also an ASCII digit, or a combining mark.
    public static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return LexerCharacters.isASCIIIdentifierContinue(UInt8(scalar.value)) }
        return LexerCharacters.isIdentifierContinue(scalar)
    }

    /// True when `text` is spelled as a name the user can declare: an identifier that is not a
    /// reserved word.
    public static func isName(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isIdentifierStart(first) else { return false }
        while let scalar = scalars.next() {
            guard isIdentifierContinue(scalar) else { return false }
        }
        return !reservedWords.contains { $0.word == text }
    }
}

extension TokenKind {
    /// The spelling of a reserved word's kind (`require` for `.kwRequire`); nil for other kinds.
    public var reservedWord: String? {
        switch self {
        case .kwLet: "let"
        case .kwFn: "fn"
        case .kwIf: "if"
        case .kwThen: "then"
        case .kwElse: "else"
        case .kwFor: "for"
        case .kwIn: "in"
        case .kwWhere: "where"
        case .kwTrue: "true"
        case .kwFalse: "false"
        case .kwNone: "none"
        case .kwAnd: "and"
        case .kwOr: "or"
        case .kwNot: "not"
        case .kwWith: "with"
        case .kwEvery: "every"
        case .kwRequire: "require"
        case .kwWarn: "warn"
        case .kwFail: "fail"
        case .kwExpect: "expect"
        case .kwImport: "import"
        case .endOfFile, .newline, .identifier, .integer, .decimal, .percent, .date, .time, .duration,
             .stringStart, .stringText, .interpolationStart, .interpolationEnd, .stringEnd,
             .lineComment, .blockComment, .docComment,
             .leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace,
             .comma, .colon, .semicolon, .dot, .plus, .minus, .star, .slash,
             .equal, .equalEqual, .bangEqual, .less, .lessEqual, .greater, .greaterEqual,
             .arrow, .questionQuestion, .error:
            nil
        }
    }
}
