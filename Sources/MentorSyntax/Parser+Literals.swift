import MentorDiagnostics

// Literal tokens into literal nodes. Values are decoded here, once, from the source bytes.
extension Parser.State {
    /// literal = INTEGER | DECIMAL | PERCENT | DATE | TIME | DURATION ;
    /// A literal the lexer marked invalid (an impossible date, an overflowing integer) becomes an
    /// `.error` node; the lexer's diagnostic explains it.
    mutating func parseLiteral() -> Expr {
        let token = current
        advance()
        let tokenSpan = span(of: token)
        // Each case makes its node where it decodes the value: handing an optional `Expr.Kind`
        // back from a helper copied the large enum (a `memcpy`) on the way.
        if token.error == .none {
            switch token.kind {
            case .integer:
                if let value = LiteralDecoder.integer(token, in: file) { return Expr(.integerLiteral(value), span: tokenSpan) }
            case .decimal:
                if let value = LiteralDecoder.decimal(token, in: file) { return Expr(.decimalLiteral(value), span: tokenSpan) }
            case .percent:
                if let value = LiteralDecoder.percent(token, in: file) { return Expr(.percentLiteral(value), span: tokenSpan) }
            case .date:
                // Only tokens without an error get here, whose date the lexer checked.
                let date = bytes.withUnsafeBufferPointer { LiteralDecoder.lexedDateFields($0, of: token) }
                return Expr(.dateLiteral(
                    year: Int32(truncatingIfNeeded: date.year), month: UInt8(truncatingIfNeeded: date.month),
                    day: UInt8(truncatingIfNeeded: date.day)), span: tokenSpan)
            case .time:
                if let time = LiteralDecoder.time(token, in: file) {
                    return Expr(.timeLiteral(hour: time.hour, minute: time.minute), span: tokenSpan)
                }
            case .duration:
                if let duration = LiteralDecoder.duration(token, in: file) {
                    return Expr(.durationLiteral(amount: duration.amount, unit: duration.unit), span: tokenSpan)
                }
            default:
                break
            }
        }
        return Expr(.error, span: tokenSpan)
    }

    /// string_literal = STRING ; read from its tokens: stringStart, then text pieces and
    /// `\( expression )` interpolations, then stringEnd. A string holding a lexical error (a bad
    /// escape, a bad byte) becomes an `.error` node; the lexer's diagnostic explains it.
    mutating func parseStringLiteral() -> Expr {
        let opener = current
        if !opener.flags.contains(.multiline), tokens[index + 1].kind == .stringText,
           tokens[index + 2].kind == .stringEnd, isPlainText(tokens[index + 1])
        {
            // One plain single-line text, the common case: its parts are shared by spelling,
            // and the three tokens are stepped over at once, the quotes opened and closed.
            let parts = plainStringParts(of: tokens[index + 1])
            index += 2
            previousEnd = tokens[index].end
            index += 1
            if mayBeTrivia(at: index) { skipTrivia() }
            return Expr(.stringLiteral(parts), span: span(from: opener.start))
        }
        let indentation = opener.flags.contains(.multiline) ? closingIndentation(ofStringAt: index) : bytes[0..<0]
        advance()
        var parts: [StringPart] = []
        var pendingText: String?
        var faulty = false
        while true {
            switch kind {
            case .stringText where pendingText == nil && parts.isEmpty && indentation.isEmpty
                && tokens[index + 1].kind == .stringEnd && isPlainText(current):
                // The whole literal is one plain text: the common case, shared by spelling.
                parts = plainStringParts(of: current)
                advance()
            case .stringText:
                let text = decodeText(at: index, indentation: indentation)
                if pendingText == nil { pendingText = text } else { pendingText!.append(text) }
                advance()
            case .interpolationStart:
                let interpolationOpener = current
                advance()
                let savedLineContext = lineContext
                lineContext = false
                let expression = parseExpression()
                lineContext = savedLineContext
                if !panicking { expectClosing(.interpolationEnd, for: interpolationOpener) }
                if panicking { return Expr(.error, span: span(from: opener.start)) }
                if let text = pendingText {
                    parts.append(.text(text))
                    pendingText = nil
                }
                parts.append(.interpolation(expression))
            case .stringEnd:
                closeDelimiter()
                let whole = span(from: opener.start)
                if faulty { return Expr(.error, span: whole) }
                if let text = pendingText {
                    parts.append(.text(text))
                } else if parts.isEmpty {
                    parts.append(.text(""))
                }
                return Expr(.stringLiteral(parts), span: whole)
            case .error where current.error == .closingQuotesNotOnOwnLine:
                // The lexer ended the string at these quotes.
                closeDelimiter()
                return Expr(.error, span: span(from: opener.start))
            case .error where current.error == .unterminatedString || current.error == .newlineInString:
                // The lexer ended the string early; `advance` gives up the enclosing statement.
                advance()
                return Expr(.error, span: span(from: opener.start))
            case .error:
                faulty = true
                advance()
            default:
                expectClosing(.stringEnd, for: opener)
                return Expr(.error, span: span(from: opener.start))
            }
        }
    }

    /// The indentation removed from the lines of the `"""` string opened at `position`: that of
    /// its closing delimiter, found by looking ahead past any strings nested in interpolations.
    private func closingIndentation(ofStringAt position: Int) -> ArraySlice<UInt8> {
        var depth = 0
        var ahead = position
        while ahead < tokens.count {
            let token = tokens[ahead]
            switch token.kind {
            case .stringStart:
                depth += 1
            case .stringEnd:
                depth -= 1
                if depth == 0 { return StringLiteralText.closingIndentation(token, in: file) }
            case .error where token.error == .closingQuotesNotOnOwnLine:
                depth -= 1
                if depth == 0 { return bytes[0..<0] }
            case .error where token.error == .unterminatedString, .endOfFile:
                return bytes[0..<0]
            default:
                break
            }
            ahead += 1
        }
        return bytes[0..<0]
    }

    /// Whether a `stringText` token holds no escape, so that its bytes are its text (the lexer
    /// marks the ones that do).
    private func isPlainText(_ token: Token) -> Bool {
        !token.flags.contains(.escaped)
    }

    /// The parts of a literal whose only piece is the plain `stringText` token `token`.
    private mutating func plainStringParts(of token: Token) -> [StringPart] {
        bytes.withUnsafeBufferPointer { spellings.plainStringParts($0, from: Int(token.start), to: Int(token.end)) }
    }

    /// The text of the `stringText` token at `position`, escapes decoded and indentation removed.
    private mutating func decodeText(at position: Int, indentation: ArraySlice<UInt8>) -> String {
        let token = tokens[position]
        let start = Int(token.start)
        let end = Int(token.end)
        if indentation.isEmpty, isPlainText(token) {
            // Most text has no escapes and no indentation to remove: it is its own decoding.
            return spelling(from: start, to: end)
        }
        // The lexer marks a piece that begins a line (not one after an interpolation's `)`).
        let startsLine = token.flags.contains(.atLineStart)
        return StringLiteralText.decode(token, in: file, indentation: indentation, startsLine: startsLine)
    }
}
