/// Comments: `//` line comments, `///` doc comments and nesting `/* */` block comments.
/// A NUL byte or invalid UTF-8 inside a comment becomes its own error token, splitting the
/// comment into pieces of the same kind around it, so every bad byte is reported.
extension LexerScanner {
    /// `//…` or `///…` up to (not including) the line break.
    mutating func scanLineComment() {
        let start = position
        // `////…` is a plain comment, as in Rust: a row of slashes is decoration, not documentation.
        let kind: TokenKind = byte(at: start + 2) == 0x2F && byte(at: start + 3) != 0x2F ? .docComment : .lineComment
        var pieceStart = start
        var index = start + 2
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A { break }
            if byte != 0, byte < 0x80 {
                index += 1
                continue
            }
            let faultEnd: Int
            let error: LexicalError
            if byte == 0 {
                faultEnd = index + 1
                error = .nulByte
            } else if let length = LexerCharacters.sequenceLength(bytes, at: index) {
                index += length
                continue
            } else {
                faultEnd = LexerCharacters.invalidRunEnd(bytes, from: index)
                error = .invalidUTF8
            }
            if index > pieceStart {
                noteNextToken()
                append(kind, from: pieceStart, to: index, flags: beginToken())
            }
            append(.error, from: index, to: faultEnd, flags: beginToken(), error: error)
            index = faultEnd
            pieceStart = index
        }
        if index > pieceStart {
            noteNextToken()
            append(kind, from: pieceStart, to: index, flags: beginToken())
        }
        position = index
    }

    /// `/* … */` with nesting. An unterminated comment is one error token up to the end of input.
    mutating func scanBlockComment() {
        let start = position
        // A block comment is layout: the line break before it also comes before the code after
        // it (`/* c */ let x = 1` on its own line is a new statement), so it leaves the line
        // start pending for the next token.
        let followsLineBreak = lineStartPending
        var index = start + 2
        var depth = 1
        var sawLineBreak = false
        var faults: [Token] = []
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x2A: // *
                if self.byte(at: index + 1) == 0x2F {
                    index += 2
                    depth -= 1
                } else {
                    index += 1
                }
            case 0x2F: // /
                if self.byte(at: index + 1) == 0x2A {
                    index += 2
                    depth += 1
                } else {
                    index += 1
                }
            case 0x0A:
                sawLineBreak = true
                index += 1
            case 0x00:
                faults.append(Token(kind: .error, start: UInt32(truncatingIfNeeded: index),
                                    end: UInt32(truncatingIfNeeded: index + 1), error: .nulByte))
                index += 1
            case 0x80...0xFF:
                if let length = LexerCharacters.sequenceLength(bytes, at: index) {
                    index += length
                } else {
                    let end = LexerCharacters.invalidRunEnd(bytes, from: index)
                    faults.append(Token(kind: .error, start: UInt32(truncatingIfNeeded: index),
                                        end: UInt32(truncatingIfNeeded: end), error: .invalidUTF8))
                    index = end
                }
            default:
                index += 1
            }
            if depth == 0 { break }
        }
        if depth > 0 {
            append(.error, from: start, to: count, flags: beginToken(), error: .unterminatedBlockComment)
        } else if faults.isEmpty {
            noteNextToken()
            append(.blockComment, from: start, to: index, flags: beginToken())
        } else {
            appendCommentPieces(.blockComment, from: start, to: index, around: faults, followsLineBreak: followsLineBreak)
        }
        if sawLineBreak || followsLineBreak { lineStartPending = true }
        position = index
    }

    /// Appends a block comment split around the error tokens in `faults`. The pieces are one
    /// comment, so each is first on its line when the comment began a line (`followsLineBreak`)
    /// or a line break inside the comment comes before it.
    mutating func appendCommentPieces(
        _ kind: TokenKind, from start: Int, to end: Int, around faults: [Token], followsLineBreak: Bool
    ) {
        var pieceStart = start
        var first = true
        func lineFlags(at tokenStart: Int) -> Token.Flags {
            followsLineBreak || lineBreak(between: start, and: tokenStart) ? .atLineStart : []
        }
        for fault in faults {
            let faultStart = Int(fault.start)
            if faultStart > pieceStart {
                let flags = first ? beginToken() : lineFlags(at: pieceStart)
                noteNextToken()
                append(kind, from: pieceStart, to: faultStart, flags: flags)
                first = false
            }
            var error = fault
            error.flags = first ? beginToken() : lineFlags(at: faultStart)
            noteNextToken()
            tokens.append(error)
            first = false
            pieceStart = Int(fault.end)
        }
        if end > pieceStart {
            noteNextToken()
            append(kind, from: pieceStart, to: end, flags: lineFlags(at: pieceStart))
        }
    }

    /// Whether a line feed lies in `start..<end`.
    func lineBreak(between start: Int, and end: Int) -> Bool {
        var index = start
        while index < end {
            if bytes[index] == 0x0A { return true }
            index += 1
        }
        return false
    }
}
