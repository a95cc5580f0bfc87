import MentorDiagnostics
import MentorSource

// Moving through the token array. The cursor indexes the lexer's array directly and steps
// over comments and line breaks; whether a line break came before a token is read from the
// token itself, so no filtered copy of the array is needed.
extension Parser.State {
    var current: Token { tokens[index] }
    var kind: TokenKind { tokens[index].kind }
    var atEnd: Bool { tokens[index].kind == .endOfFile }

    func at(_ kind: TokenKind) -> Bool { tokens[index].kind == kind }

    /// Whether the token at `position` is layout the parser steps over: a line break, a
    /// comment, or a bad byte inside a comment (the lexer splits such a comment around an error
    /// token, which it reports; the comment stays a comment).
    func isTrivia(at position: Int) -> Bool {
        switch tokens[position].kind {
        case .newline, .lineComment, .blockComment, .docComment:
            return true
        case .error:
            var piece = position
            while piece > 0 {
                let token = tokens[piece]
                guard token.kind == .error, token.error == .nulByte || token.error == .invalidUTF8,
                    tokens[piece - 1].end == token.start
                else { return false }
                switch tokens[piece - 1].kind {
                case .lineComment, .blockComment, .docComment: return true
                case .error: piece -= 1
                default: return false
                }
            }
            return false
        default:
            return false
        }
    }

    static func isOpener(_ kind: TokenKind) -> Bool {
        switch kind {
        case .leftParen, .leftBracket, .leftBrace, .stringStart, .interpolationStart: true
        default: false
        }
    }

    static func isCloser(_ kind: TokenKind) -> Bool {
        switch kind {
        case .rightParen, .rightBracket, .rightBrace, .stringEnd, .interpolationEnd: true
        default: false
        }
    }

    /// Whether the current token can only begin a statement or a declaration, never stand
    /// inside brackets: a statement keyword, or a declaration word followed by its name.
    var beginsItemOnly: Bool {
        switch kind {
        case .kwLet, .kwFn, .kwRequire, .kwWarn, .kwFail, .kwExpect, .kwImport: true
        case .identifier: declarationKindHere(insideBody: true) != nil
        default: false
        }
    }

    /// Whether `closer` is the closing partner of `opener`.
    static func closes(_ closer: TokenKind, _ opener: TokenKind) -> Bool {
        switch (opener, closer) {
        case (.leftParen, .rightParen), (.leftBracket, .rightBracket), (.leftBrace, .rightBrace),
            (.stringStart, .stringEnd), (.interpolationStart, .interpolationEnd):
            true
        default:
            false
        }
    }

    static func isKeyword(_ kind: TokenKind) -> Bool {
        kind.rawValue >= TokenKind.kwLet.rawValue && kind.rawValue <= TokenKind.kwImport.rawValue
    }

    /// Kinds that are, or may be, trivia (`isTrivia`): line breaks, comments, and error tokens.
    /// Every `TokenKind` raw value is below 64, so one shift and test answers for any token.
    /// Computed rather than stored, so it folds to a constant instead of a lazy global.
    @inline(__always)
    private static var mayBeTriviaMask: UInt64 {
        1 << UInt64(TokenKind.newline.rawValue) | 1 << UInt64(TokenKind.lineComment.rawValue)
            | 1 << UInt64(TokenKind.blockComment.rawValue) | 1 << UInt64(TokenKind.docComment.rawValue)
            | 1 << UInt64(TokenKind.error.rawValue)
    }

    /// Whether the token at `position` may be trivia; false means it is certainly not.
    @inline(__always)
    func mayBeTrivia(at position: Int) -> Bool {
        (Self.mayBeTriviaMask >> UInt64(tokens[position].kind.rawValue & 63)) & 1 != 0
    }

    /// Moves `index` forward past comments and line breaks.
    mutating func skipTrivia() {
        let last = tokens.count - 1
        while index < last, isTrivia(at: index) { index += 1 }
    }

    /// Kinds `advance` has more to do for: openers (kept open) and error tokens.
    @inline(__always)
    private static var needsBookkeepingMask: UInt64 {
        1 << UInt64(TokenKind.leftParen.rawValue) | 1 << UInt64(TokenKind.leftBracket.rawValue)
            | 1 << UInt64(TokenKind.leftBrace.rawValue) | 1 << UInt64(TokenKind.stringStart.rawValue)
            | 1 << UInt64(TokenKind.interpolationStart.rawValue) | 1 << UInt64(TokenKind.error.rawValue)
            | 1 << UInt64(TokenKind.endOfFile.rawValue)
    }

    /// Consumes the current token. An opening delimiter stays open until `closeDelimiter`.
    /// Inlined: it runs once a token, and most tokens need no more than the three steps here;
    /// the rest is out of line.
    @inline(__always)
    mutating func advance() {
        let token = tokens[index]
        if (Self.needsBookkeepingMask >> UInt64(token.kind.rawValue & 63)) & 1 != 0 {
            advanceWithBookkeeping()
            return
        }
        previousEnd = token.end
        index += 1
        // Most tokens are followed by a significant token: test that inline, skip out of line.
        if mayBeTrivia(at: index) { skipTrivia() }
    }

    /// `advance` for the end of input (which stays current), openers and error tokens.
    @inline(never)
    private mutating func advanceWithBookkeeping() {
        let token = tokens[index]
        if token.kind == .endOfFile { return }
        previousEnd = token.end
        if Self.isOpener(token.kind) {
            openDelimiters.append(token)
        } else if token.kind == .error, token.error == .unterminatedString || token.error == .newlineInString {
            abandonStrings(atEndOfInput: tokens[index + 1].kind == .endOfFile)
        }
        index += 1
        if mayBeTrivia(at: index) { skipTrivia() }
    }

    /// Consumes the current token, a closing delimiter that matches an open one.
    mutating func closeDelimiter() {
        advance()
        if !openDelimiters.isEmpty { openDelimiters.removeLast() }
    }

    /// Mirrors the lexer ending strings early: at a line break it ends the innermost
    /// single-line strings with everything opened inside them; at the end of input, every
    /// string. The lexer has reported it; the statement holding the string is given up silently.
    mutating func abandonStrings(atEndOfInput: Bool) {
        var cut: Int?
        var position = openDelimiters.count - 1
        while position >= 0 {
            let opener = openDelimiters[position]
            if opener.kind == .stringStart || opener.kind == .interpolationStart {
                if !atEndOfInput, opener.flags.contains(.multiline) { break }
                if opener.kind == .stringStart { cut = position }
            }
            position -= 1
        }
        if let cut { openDelimiters.removeSubrange(cut...) }
        panicking = true
    }

    /// Index of the next significant token after `position`.
    func significantIndex(after position: Int) -> Int {
        let last = tokens.count - 1
        var next = position + 1
        while next < last, isTrivia(at: next) { next += 1 }
        return min(next, last)
    }

    /// The kind of the significant token after the current one.
    var nextKind: TokenKind { tokens[significantIndex(after: index)].kind }

    /// True when a line break separates the token at `position` from the token before it
    /// (the lexer marks the first token of every line).
    func lineBreak(before position: Int) -> Bool {
        tokens[position].flags.contains(.atLineStart)
    }

    /// True when the current token begins a line.
    var currentStartsLine: Bool { lineBreak(before: index) }

    /// True when an optional continuation at the current token belongs to what came before:
    /// always inside brackets, and in line context only when it is on the same line.
    var onSameLogicalLine: Bool { !lineContext || !currentStartsLine }

    // MARK: Text and spans

    func text(of token: Token) -> String {
        String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)
    }

    func currentText(equals word: StaticString) -> Bool { text(of: current, equals: word) }

    func text(of token: Token, equals word: StaticString) -> Bool {
        let length = Int(token.end - token.start)
        guard length == word.utf8CodeUnitCount else { return false }
        let start = Int(token.start)
        return word.withUTF8Buffer { buffer in
            for offset in 0..<length where buffer[offset] != bytes[start + offset] { return false }
            return true
        }
    }

    func span(of token: Token) -> Span { Span(file: fileID, start: token.start, end: token.end) }

    /// From `start` to the end of the last consumed token.
    func span(from start: UInt32) -> Span { Span(file: fileID, start: start, end: max(start, previousEnd)) }

    mutating func identifier(_ token: Token) -> Identifier {
        Identifier(spelling(from: Int(token.start), to: Int(token.end)), span: span(of: token))
    }

    /// The source bytes `start..<end` as a string, shared with earlier identical spellings.
    mutating func spelling(from start: Int, to end: Int) -> String {
        bytes.withUnsafeBufferPointer { spellings.string($0, from: start, to: end) }
    }

    /// Where a node that could not be read stands: the current token, or the end of the
    /// input right after the last token.
    var errorSpan: Span {
        atEnd ? Span(file: fileID, start: previousEnd, end: previousEnd) : span(of: current)
    }

    // MARK: Nesting

    /// Opens one nesting level; false (after one diagnostic for the whole item) past the limit.
    /// Every call is paired with `exitNesting()`, whatever it returns.
    /// Inlined: every expression and body opens a level, and almost all stay within both limits.
    @inline(__always)
    mutating func enterNesting() -> Bool {
        nestingDepth += 1
        if nestingDepth <= SyntaxLimits.maximumNestingDepth, !stack.isExhausted() { return true }
        return refuseNesting()
    }

    /// `enterNesting` past the nesting limit or the stack budget: always false.
    @inline(never)
    private mutating func refuseNesting() -> Bool {
        let beyondLimit = nestingDepth > SyntaxLimits.maximumNestingDepth
        if !beyondLimit, !reportsStackExhaustion {
            // Unwind at once; `Parser.parse` starts again on a thread with a larger stack.
            stackExhausted = true
            depthExceeded = true
            panicking = true
            return false
        }
        if !depthExceeded {
            depthExceeded = true
            if !panicking {
                reportError(Diagnostic(
                    .nestingTooDeep, .error,
                    "nesting is too deep: more than \(SyntaxLimits.maximumNestingDepth) levels of brackets, blocks or operators",
                    at: errorSpan, label: "the limit is reached here",
                    help: "split the expression into smaller parts with `let` or `fn`"))
            }
            panicking = true
        }
        return false
    }

    mutating func exitNesting() { nestingDepth -= 1 }

    // MARK: Recovery

    /// Skips to where a statement or member at delimiter depth `target` can begin: a line
    /// break, a `;`, (for member lists) a `,`, or the closing delimiter of the enclosing
    /// construct. `skipFirst` forces progress when the failed item consumed nothing.
    mutating func synchronize(toDelimiterDepth target: Int, stopAtComma: Bool, skipFirst: Bool) {
        var first = skipFirst
        while !atEnd {
            let token = current
            if openDelimiters.count > target, currentStartsLine, beginsItemOnly, !first,
                openDelimiters[target...].allSatisfy({ $0.kind == .leftParen || $0.kind == .leftBracket })
            {
                // Brackets the failed item left open: a line that can only begin a statement or
                // a declaration shows they were never going to be closed.
                break
            }
            if openDelimiters.count <= target {
                if first {
                    // The token itself could not begin anything; a stray closer is dropped unmatched.
                    first = false
                    advance()
                    continue
                }
                if Self.isCloser(token.kind) || token.kind == .semicolon { break }
                if stopAtComma, token.kind == .comma { break }
                if currentStartsLine { break }
                advance()
            } else if Self.isCloser(token.kind) {
                // Close the innermost delimiter this closer matches; one that matches nothing the
                // failed item opened belongs to the enclosing construct.
                guard let match = openDelimiters[target...].lastIndex(where: { Self.closes(token.kind, $0.kind) })
                else { break }
                advance()
                openDelimiters.removeSubrange(match...)
            } else {
                advance()
            }
            first = false
        }
        if openDelimiters.count > target { openDelimiters.removeSubrange(target...) }
        panicking = false
    }
}
