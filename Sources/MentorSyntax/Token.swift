import MentorDiagnostics
import MentorSource

/// The kinds of token the lexer produces. Declaration words (`agreement`, `person`, …) are
/// contextual and arrive as `identifier`; only the words below are reserved.
public enum TokenKind: UInt8, Sendable, Hashable, CaseIterable {
    // End of input and layout.
    case endOfFile
    /// One or more line breaks (blank lines and comment-only lines fold into one token).
    case newline

    // Names and literals.
    case identifier
    /// `42`
    case integer
    /// `3.5`
    case decimal
    /// `15%`, `12.5%`
    case percent
    /// `2026-01-12`, checked against the calendar.
    case date
    /// `09:30`
    case time
    /// `4 weeks`, `90 minutes`: a number, blanks, and a unit word, as one token.
    case duration

    // Strings: `"a \(x) b"` is stringStart, stringText, interpolationStart, <tokens of x>,
    // interpolationEnd, stringText, stringEnd. `"""` strings set `Token.flags.multiline` on
    // every piece. stringText spans the raw bytes; escapes are decoded by `StringLiteralText`.
    case stringStart
    case stringText
    case interpolationStart
    case interpolationEnd
    case stringEnd

    // Comments, kept so the formatter and `:doc` can see them; the parser skips them.
    case lineComment
    case blockComment
    case docComment

    // Reserved words.
    case kwLet, kwFn, kwIf, kwThen, kwElse, kwFor, kwIn, kwWhere
    case kwTrue, kwFalse, kwNone, kwAnd, kwOr, kwNot, kwWith, kwEvery
    case kwRequire, kwWarn, kwFail, kwExpect, kwImport

    // Punctuation and operators.
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, colon, semicolon, dot
    case plus, minus, star, slash
    case equal            // =
    case equalEqual       // ==
    case bangEqual        // !=
    case less, lessEqual, greater, greaterEqual
    case arrow            // =>
    case questionQuestion // ??

    /// A malformed token; `Token.error` says what is wrong with it.
    case error
}

/// What is wrong with an `.error` token (or a literal the lexer could not accept).
public enum LexicalError: UInt8, Sendable, Hashable, CaseIterable {
    case none
    case invalidUTF8
    case unexpectedCharacter
    case unterminatedString
    case unterminatedBlockComment
    case invalidEscape
    case invalidDate
    case invalidTime
    case integerOverflow
    case malformedNumber
    case newlineInString
    case controlCharacterInString
    case nulByte
    /// A decimal with a unit word (`1.5 hours`): durations are whole numbers.
    case fractionalDuration
    /// Text after an opening `"""` on its own line: the text starts on the next line.
    case textAfterOpeningQuotes
    /// A closing `"""` that does not stand on its own line.
    case closingQuotesNotOnOwnLine
    /// A line of a `"""` string indented less than its closing delimiter.
    case underIndentedLine
}

/// One token: its kind and the byte range it covers. Literal values are decoded on demand
/// from the source bytes, so tokens stay small.
public struct Token: Sendable, Hashable {
    /// Bits carried alongside a token.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The token belongs to a `"""` multi-line string; on `endOfFile`, the input ended
        /// inside one.
        public static let multiline = Flags(rawValue: 1)
        /// A line break precedes this token (set on the token after skipped blanks/comments).
        public static let atLineStart = Flags(rawValue: 2)
        /// A `stringText` token may hold an escape (`\n`, `\"`, `\u{…}`), so its bytes may not be
        /// its text; without the flag the parser takes the bytes as they are, with no search for `\`.
        public static let escaped = Flags(rawValue: 4)
    }

    /// The token's kind.
    public var kind: TokenKind
    /// Flags such as `.multiline`.
    public var flags: Flags
    /// For `.error` tokens (and literals found invalid), what is wrong.
    public var error: LexicalError
    /// Offset of the first byte.
    public var start: UInt32
    /// Offset one past the last byte.
    public var end: UInt32

    /// Creates a token.
    public init(kind: TokenKind, start: UInt32, end: UInt32, flags: Flags = [], error: LexicalError = .none) {
        self.kind = kind
        self.flags = flags
        self.error = error
        self.start = start
        self.end = end
    }

    /// The token's span in `file`.
    public func span(in file: FileID) -> Span { Span(file: file, start: start, end: end) }
}

/// The unit word of a duration literal.
public enum DurationUnit: UInt8, Sendable, Hashable, CaseIterable, Comparable {
    case minute, hour, day, week, month, year

    /// The singular spelling (`minute`).
    public var singular: String {
        switch self {
        case .minute: "minute"
        case .hour: "hour"
        case .day: "day"
        case .week: "week"
        case .month: "month"
        case .year: "year"
        }
    }

    /// The plural spelling (`minutes`).
    public var plural: String { singular + "s" }

    public static func < (lhs: DurationUnit, rhs: DurationUnit) -> Bool { lhs.rawValue < rhs.rawValue }
}
