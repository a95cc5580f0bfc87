/// One level of the lexer's mode stack: an open string whose text is being scanned, or an
/// interpolation `\( … )` inside one whose code is being scanned. Frames alternate (a string,
/// its interpolation, a string inside that, …), so `LexerScanner.scanningText` says which the
/// top one is. An explicit stack instead of recursion keeps any depth of nesting
/// (`"\("\("…")")"`) safe.
struct LexerFrame {
    /// The string, or the string that holds the interpolation, is a `"""` string.
    var multiline: Bool
    /// Unmatched `(` inside an interpolation; its `)` at depth 0 ends the interpolation.
    var parenDepth = 0
    /// Where this string's recorded line starts begin in `LexerScanner.textLineStarts`.
    var lineStartsBase = 0
}

/// The lexer's state while it walks one buffer. The scanning methods live in the `Lexer…`
/// files by topic (code, text, comments, numbers, indentation); all of them advance
/// `position` and append to `tokens` in source order.
struct LexerScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    var position = 0
    var tokens: LexerTokenSink
    /// A line break was consumed since the last token began, so the next token to begin is the
    /// first one on its line.
    var lineStartPending = true
    var frames: [LexerFrame] = []
    /// The top frame is a string: bytes are text, not code.
    var scanningText = false
    /// Start and flags of the string text run being scanned.
    var textStart = 0
    var textFlags: Token.Flags = []
    /// Line starts inside the text of open `"""` strings, checked against the closing
    /// delimiter's indentation once it is known (a stack shared by nested strings).
    var textLineStarts: [UInt32] = []
    /// Error tokens for under-indented `"""` lines, merged into the tokens at the end because a
    /// line is only known to be bad after the text holding it was emitted.
    var indentationFaults: [Token] = []
    /// Indices of the comments and of the tokens carrying a `LexicalError`, in order, so the
    /// parser can collect them without a second pass over every token.
    var notable: [UInt32] = []
    /// See `LexerNotes.topLevelLines`; the first line counts as one.
    var topLevelLines = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: LexerTokenSink) {
        self.bytes = bytes
        self.count = bytes.count
        self.tokens = tokens
    }

    /// The byte at `index`, or 0 past the end (0 never matches what a lookahead looks for).
    @inline(__always)
    func byte(at index: Int) -> UInt8 { index < count ? bytes[index] : 0 }

    /// The flags a token beginning now gets from the line structure; consumes the pending line start.
    @inline(__always)
    mutating func beginToken() -> Token.Flags {
        if lineStartPending {
            lineStartPending = false
            return .atLineStart
        }
        return []
    }

    @inline(__always)
    mutating func append(
        _ kind: TokenKind, from start: Int, to end: Int, flags: Token.Flags, error: LexicalError = .none
    ) {
        // Most call sites pass `.none`, so this test folds away there; comments note themselves.
        if error != .none { noteNextToken() }
        tokens.append(Token(kind: kind, start: UInt32(truncatingIfNeeded: start),
                            end: UInt32(truncatingIfNeeded: end), flags: flags, error: error))
    }

    /// Records the index of the token about to be appended in `notable`.
    @inline(__always)
    mutating func noteNextToken() {
        notable.append(UInt32(truncatingIfNeeded: tokens.count))
    }

    /// Appends a token that begins at `position` and spans `length` bytes, and moves past it.
    @inline(__always)
    mutating func appendHere(_ kind: TokenKind, length: Int, flags: Token.Flags = [], error: LexicalError = .none) {
        let lineFlags = beginToken()
        append(kind, from: position, to: position + length, flags: flags.union(lineFlags), error: error)
        position += length
    }

    /// Scans the whole buffer and closes the token list with `endOfFile`.
    mutating func scanAll() {
        while true {
            if scanningText {
                scanText()
                if scanningText { break } // text scanning only stops in text mode at the end of input
                continue
            }
            // In a local: `position` lives in the scanner, which the loop would store to for
            // every blank.
            var next = position
            while next < count, LexerCharacters.isBlank(bytes[next]) { next += 1 }
            position = next
            guard next < count else { break }
            scanCodeToken()
        }
        finish()
    }

    /// Scans one token of code (outside string text) starting at `position`, a non-blank byte.
    @inline(__always)
    mutating func scanCodeToken() {
        let byte = bytes[position]
        switch byte {
        case 0x0A: // line feed
            scanLineBreaksInCode()
        case 0x61...0x7A, 0x41...0x5A, 0x5F: // a-z A-Z _
            scanIdentifier(firstLength: 1, ascii: true)
        case 0x30...0x39: // 0-9
            scanNumber()
        case 0x22: // "
            openString()
        case 0x2F: // /
            switch self.byte(at: position + 1) {
            case 0x2F: scanLineComment()
            case 0x2A: scanBlockComment()
            default: appendHere(.slash, length: 1)
            }
        case 0x28: // (
            if !frames.isEmpty { frames[frames.count - 1].parenDepth += 1 }
            appendHere(.leftParen, length: 1)
        case 0x29: // )
            if let top = frames.last {
                if top.parenDepth == 0 {
                    closeInterpolation()
                    return
                }
                frames[frames.count - 1].parenDepth -= 1
            }
            appendHere(.rightParen, length: 1)
        case 0x5B: appendHere(.leftBracket, length: 1)  // [
        case 0x5D: appendHere(.rightBracket, length: 1) // ]
        case 0x7B: appendHere(.leftBrace, length: 1)    // {
        case 0x7D: appendHere(.rightBrace, length: 1)   // }
        case 0x2C: appendHere(.comma, length: 1)        // ,
        case 0x3A: appendHere(.colon, length: 1)        // :
        case 0x3B: appendHere(.semicolon, length: 1)    // ;
        case 0x2E: appendHere(.dot, length: 1)          // .
        case 0x2B: appendHere(.plus, length: 1)         // +
        case 0x2D: appendHere(.minus, length: 1)        // -
        case 0x2A: appendHere(.star, length: 1)         // *
        case 0x3D: // =
            switch self.byte(at: position + 1) {
            case 0x3D: appendHere(.equalEqual, length: 2) // ==
            case 0x3E: appendHere(.arrow, length: 2)      // =>
            default: appendHere(.equal, length: 1)
            }
        case 0x21: // !
            if self.byte(at: position + 1) == 0x3D {
                appendHere(.bangEqual, length: 2)
            } else {
                appendHere(.error, length: 1, error: .unexpectedCharacter)
            }
        case 0x3C: // <
            if self.byte(at: position + 1) == 0x3D {
                appendHere(.lessEqual, length: 2)
            } else {
                appendHere(.less, length: 1)
            }
        case 0x3E: // >
            if self.byte(at: position + 1) == 0x3D {
                appendHere(.greaterEqual, length: 2)
            } else {
                appendHere(.greater, length: 1)
            }
        case 0x3F: // ?
            if self.byte(at: position + 1) == 0x3F {
                appendHere(.questionQuestion, length: 2)
            } else {
                appendHere(.error, length: 1, error: .unexpectedCharacter)
            }
        case 0x00:
            appendHere(.error, length: 1, error: .nulByte)
        case 0x80...0xFF:
            scanNonASCIIInCode()
        default:
            appendHere(.error, length: 1, error: .unexpectedCharacter)
        }
    }

    /// A run of line breaks (blanks between them included) as one `newline` token, unless the
    /// break ends a single-line string's interpolation early.
    mutating func scanLineBreaksInCode() {
        if let top = frames.last, !top.multiline {
            abandonSingleLineStrings(.newlineInString)
            return
        }
        let start = position
        let flags = beginToken()
        position += 1
        var end = position
        while true {
            while position < count, LexerCharacters.isBlank(bytes[position]) { position += 1 }
            guard position < count, bytes[position] == 0x0A else { break }
            position += 1
            end = position
        }
        // No blank after the last break: the next line starts in the first column.
        if position == end, position < count, bytes[position] != 0x7D { topLevelLines += 1 }
        lineStartPending = true
        append(.newline, from: start, to: end, flags: flags)
    }

    /// An identifier or reserved word; `firstLength` bytes at `position` already belong to it.
    mutating func scanIdentifier(firstLength: Int, ascii startsASCII: Bool) {
        let start = position
        var end = start + firstLength
        var ascii = startsASCII
        while end < count {
            if end + 8 <= count {
                let run = LexerWordScan.identifierRunLength(LexerWordScan.load(bytes, at: end))
                end += run
                if run == 8 { continue }
                // The run stops at a byte that is not `[0-9A-Za-z_]`: if it is ASCII, the word ends.
                if bytes[end] < 0x80 { break }
            }
            let byte = bytes[end]
            if LexerCharacters.isASCIIIdentifierContinue(byte) {
                end += 1
            } else if byte >= 0x80, let length = LexerCharacters.identifierContinueLength(bytes, at: end) {
                end += length
                ascii = false
            } else {
                break
            }
        }
        var kind = TokenKind.identifier
        if ascii, end - start <= LexerWords.maximumLength {
            kind = LexerWords.keyword(LexerWords.pack(bytes, from: start, length: end - start))
        }
        append(kind, from: start, to: end, flags: beginToken())
        position = end
    }

    /// A non-ASCII byte in code: a letter starts an identifier; anything else is an error.
    mutating func scanNonASCIIInCode() {
        guard let length = LexerCharacters.sequenceLength(bytes, at: position) else {
            let end = LexerCharacters.invalidRunEnd(bytes, from: position)
            appendHere(.error, length: end - position, error: .invalidUTF8)
            return
        }
        if LexerCharacters.isIdentifierStart(LexerCharacters.scalar(bytes, at: position, length: length)) {
            scanIdentifier(firstLength: length, ascii: false)
        } else {
            appendHere(.error, length: length, error: .unexpectedCharacter)
        }
    }

    /// The `)` that ends an interpolation: back to the enclosing string's text.
    mutating func closeInterpolation() {
        let multiline = frames[frames.count - 1].multiline
        appendHere(.interpolationEnd, length: 1, flags: multiline ? .multiline : [])
        frames.removeLast()
        scanningText = true
    }

    /// Ends every innermost single-line string (and its interpolations) at a line break or the
    /// end of input with one zero-width error token, and resumes in the enclosing code.
    mutating func abandonSingleLineStrings(_ error: LexicalError) {
        appendHere(.error, length: 0, error: error)
        while let top = frames.last, !top.multiline { frames.removeLast() }
        scanningText = false
    }

    /// Closes what is still open at the end of input and appends `endOfFile`.
    mutating func finish() {
        // Said on `endOfFile` too, since the error above belongs to the innermost string, which
        // may be a single-line one inside a `"""` string's interpolation.
        let insideMultilineString = frames.contains { $0.multiline }
        if let top = frames.last {
            appendHere(.error, length: 0, flags: top.multiline ? .multiline : [], error: .unterminatedString)
            frames.removeAll()
            textLineStarts.removeAll()
            scanningText = false
        }
        appendHere(.endOfFile, length: 0, flags: insideMultilineString ? .multiline : [])
    }
}
