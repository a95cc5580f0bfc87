/// String literals: openings, text runs, escapes, interpolation starts and closings. Text is
/// scanned in place; `stringText` tokens keep raw bytes and `StringLiteralText` decodes them.
extension LexerScanner {
    /// `"` or `"""` in code.
    mutating func openString() {
        if byte(at: position + 1) == 0x22, byte(at: position + 2) == 0x22 {
            openMultilineString()
            return
        }
        appendHere(.stringStart, length: 1)
        frames.append(LexerFrame(multiline: false))
        scanningText = true
    }

    /// `"""`: its text starts on the next line, so only blanks may follow it on its own line.
    mutating func openMultilineString() {
        appendHere(.stringStart, length: 3, flags: .multiline)
        while position < count, LexerCharacters.isBlank(bytes[position]) { position += 1 }
        let frame = LexerFrame(multiline: true, lineStartsBase: textLineStarts.count)
        if position < count, bytes[position] != 0x0A {
            // Text on the opening line. If the line also holds a `"""` the writer most likely
            // meant a one-line string: end it there. Otherwise the string goes on below.
            let contentStart = position
            var lineEnd = position
            var closing: Int?
            while lineEnd < count, bytes[lineEnd] != 0x0A {
                if closing == nil, bytes[lineEnd] == 0x22, byte(at: lineEnd + 1) == 0x22, byte(at: lineEnd + 2) == 0x22 {
                    closing = lineEnd
                }
                lineEnd += 1
            }
            if let closing {
                appendHere(.error, length: closing - contentStart, flags: .multiline, error: .textAfterOpeningQuotes)
                appendHere(.stringEnd, length: 3, flags: .multiline)
                return
            }
            appendHere(.error, length: lineEnd - contentStart, flags: .multiline, error: .textAfterOpeningQuotes)
        }
        frames.append(frame)
        scanningText = true
        if position < count {
            position += 1 // the line break after the opening delimiter belongs to no token
            lineStartPending = true
            if let quotes = closingQuotes(onLineAt: position) {
                closeMultilineString(lineStart: position, quotes: quotes)
            } else {
                textLineStarts.append(UInt32(truncatingIfNeeded: position))
            }
        }
    }

    /// Position of the `"""` when the line starting at `lineStart` is blanks and then `"""`.
    @inline(__always)
    func closingQuotes(onLineAt lineStart: Int) -> Int? {
        var index = lineStart
        while index < count, LexerCharacters.isSpaceOrTab(bytes[index]) { index += 1 }
        guard index + 3 <= count, bytes[index] == 0x22, bytes[index + 1] == 0x22, bytes[index + 2] == 0x22
        else { return nil }
        return index
    }

    /// Starts a text run at `position`.
    @inline(__always)
    mutating func beginText() {
        textStart = position
        textFlags = beginToken()
    }

    /// Emits the text run up to `position`; an empty run emits nothing and hands its line start on.
    @inline(__always)
    mutating func flushText(multiline: Bool) {
        if position > textStart {
            append(.stringText, from: textStart, to: position, flags: multiline ? textFlags.union(.multiline) : textFlags)
        } else if textFlags.contains(.atLineStart) {
            lineStartPending = true
        }
    }

    /// Appends an error token of `length` bytes inside string text, after the text before it.
    mutating func appendTextError(_ error: LexicalError, length: Int, multiline: Bool) {
        flushText(multiline: multiline)
        appendHere(.error, length: length, flags: multiline ? .multiline : [], error: error)
        beginText()
    }

    /// Scans string text until the string ends, an interpolation starts, or the input ends.
    mutating func scanText() {
        let multiline = frames[frames.count - 1].multiline
        beginText()
        while position < count {
            if position + 8 <= count {
                let run = LexerWordScan.plainTextRunLength(LexerWordScan.load(bytes, at: position))
                position += run
                if run == 8 { continue }
            }
            let byte = bytes[position]
            if byte >= 0x20, byte < 0x7F, byte != 0x22, byte != 0x5C {
                position += 1
                continue
            }
            switch byte {
            case 0x09: // tab
                position += 1
            case 0x22: // "
                if !multiline {
                    flushText(multiline: false)
                    appendHere(.stringEnd, length: 1)
                    frames.removeLast()
                    scanningText = false
                    return
                }
                if self.byte(at: position + 1) == 0x22, self.byte(at: position + 2) == 0x22 {
                    // A closing `"""` mid-line: end the string here, with an error, rather than
                    // letting it swallow the rest of the file.
                    flushText(multiline: true)
                    appendHere(.error, length: 3, flags: .multiline, error: .closingQuotesNotOnOwnLine)
                    textLineStarts.removeSubrange(frames[frames.count - 1].lineStartsBase...)
                    frames.removeLast()
                    scanningText = false
                    return
                }
                position += 1
            case 0x5C: // backslash
                if self.byte(at: position + 1) == 0x28 { // \(
                    flushText(multiline: multiline)
                    appendHere(.interpolationStart, length: 2, flags: multiline ? .multiline : [])
                    frames.append(LexerFrame(multiline: multiline))
                    scanningText = false
                    return
                }
                scanEscape(multiline: multiline)
            case 0x0A: // line feed
                if !multiline {
                    flushText(multiline: false)
                    abandonSingleLineStrings(.unterminatedString)
                    return
                }
                let lineStart = position + 1
                if let quotes = closingQuotes(onLineAt: lineStart) {
                    flushText(multiline: true) // the last line break is not part of the text
                    lineStartPending = true
                    closeMultilineString(lineStart: lineStart, quotes: quotes)
                    return
                }
                position = lineStart
                lineStartPending = true
                textLineStarts.append(UInt32(truncatingIfNeeded: lineStart))
            case 0x00:
                appendTextError(.nulByte, length: 1, multiline: multiline)
            case 0x80...0xFF:
                if let length = LexerCharacters.sequenceLength(bytes, at: position) {
                    position += length
                } else {
                    let end = LexerCharacters.invalidRunEnd(bytes, from: position)
                    appendTextError(.invalidUTF8, length: end - position, multiline: multiline)
                }
            default: // other C0 controls and DEL
                appendTextError(.controlCharacterInString, length: 1, multiline: multiline)
            }
        }
        flushText(multiline: multiline)
    }

    /// A backslash that does not start an interpolation: a valid escape stays in the text run;
    /// an invalid one becomes an error token and the string goes on after it.
    mutating func scanEscape(multiline: Bool) {
        let next = byte(at: position + 1)
        switch next {
        case 0x5C, 0x22, 0x6E, 0x74, 0x72, 0x30: // \\ \" \n \t \r \0
            position += 2
            textFlags.insert(.escaped)
        case 0x75: // \u{…}
            let (end, valid) = unicodeEscape(at: position)
            if valid {
                position = end
                textFlags.insert(.escaped)
            } else {
                appendTextError(.invalidEscape, length: end - position, multiline: multiline)
            }
        default:
            // Cover the backslash and the scalar after it, unless that scalar has its own
            // meaning here (a line break, a control character, bad UTF-8, the end of input).
            var length = 1
            if next >= 0x20, next < 0x7F {
                length = 2
            } else if next >= 0x80, let scalarLength = LexerCharacters.sequenceLength(bytes, at: position + 1) {
                length = 1 + scalarLength
            }
            appendTextError(.invalidEscape, length: length, multiline: multiline)
        }
    }

    /// The end of the `\u{…}` escape starting at `start` and whether it names a valid scalar
    /// with 1–8 hex digits. An invalid escape ends after the digits (and `}` if present).
    func unicodeEscape(at start: Int) -> (end: Int, valid: Bool) {
        guard byte(at: start + 2) == 0x7B else { return (start + 2, false) } // {
        var index = start + 3
        var value: UInt32 = 0
        while index < count, LexerCharacters.isHexDigit(bytes[index]) {
            if index - (start + 3) < 8 { value = value << 4 | LexerCharacters.hexValue(bytes[index]) }
            index += 1
        }
        let digits = index - (start + 3)
        guard index < count, bytes[index] == 0x7D else { return (index, false) } // }
        let valid = digits >= 1 && digits <= 8 && Unicode.Scalar(value) != nil
        return (index + 1, valid)
    }

    /// The closing `"""` at `quotes`, on the line starting at `lineStart`: checks the string's
    /// lines against its indentation and leaves text mode.
    mutating func closeMultilineString(lineStart: Int, quotes: Int) {
        let base = frames[frames.count - 1].lineStartsBase
        checkIndentation(of: base..<textLineStarts.count, indentation: lineStart..<quotes)
        textLineStarts.removeSubrange(base...)
        position = quotes
        appendHere(.stringEnd, length: 3, flags: .multiline)
        frames.removeLast()
        scanningText = false
    }
}
