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
        guard token.error == .none, let kind = decodeLiteral(token) else {
            return Expr(.error, span: tokenSpan)
        }
        return Expr(kind, span: tokenSpan)
    }

    private func decodeLiteral(_ token: Token) -> Expr.Kind? {
        switch token.kind {
        case .integer:
            return LiteralDecoder.integer(token, in: file).map { .integerLiteral($0) }
        case .decimal:
            return LiteralDecoder.decimal(token, in: file).map { .decimalLiteral($0) }
        case .percent:
            return LiteralDecoder.percent(token, in: file).map { .percentLiteral($0) }
        case .date:
            return LiteralDecoder.date(token, in: file).map {
                .dateLiteral(year: Int($0.year), month: Int($0.month), day: Int($0.day))
            }
        case .time:
            return LiteralDecoder.time(token, in: file).map { .timeLiteral(hour: Int($0.hour), minute: Int($0.minute)) }
        case .duration:
            return LiteralDecoder.duration(token, in: file).map { .durationLiteral(amount: $0.amount, unit: $0.unit) }
        default:
            return nil
        }
    }

    /// string_literal = STRING ; read from its tokens: stringStart, then text pieces and
    /// `\( expression )` interpolations, then stringEnd. A string holding a lexical error (a bad
    /// escape, a bad byte) becomes an `.error` node; the lexer's diagnostic explains it.
    mutating func parseStringLiteral() -> Expr {
        let opener = current
        advance()
        var pieces: [StringPiece] = []
        var faulty = false
        while true {
            switch kind {
            case .stringText:
                pieces.append(.text(index))
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
                pieces.append(.interpolation(expression))
            case .stringEnd:
                let closer = current
                closeDelimiter()
                let whole = span(from: opener.start)
                return faulty ? Expr(.error, span: whole) : Expr(.stringLiteral(decode(pieces, closer: closer)), span: whole)
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

    private enum StringPiece {
        case text(Int)
        case interpolation(Expr)
    }

    /// Decodes the text pieces (escapes, and for `"""` strings the closing delimiter's
    /// indentation) and merges adjacent text into one part.
    private func decode(_ pieces: [StringPiece], closer: Token) -> [StringPart] {
        let indentation = closer.flags.contains(.multiline)
            ? StringLiteralText.closingIndentation(closer, in: file)
            : bytes[0..<0]
        var parts: [StringPart] = []
        var pendingText: String?
        for piece in pieces {
            switch piece {
            case .text(let position):
                let token = tokens[position]
                let previous = tokens[position - 1].kind
                let startsLine = previous == .stringStart
                    || (token.start > 0 && bytes[Int(token.start) - 1] == UInt8(ascii: "\n"))
                let text = StringLiteralText.decode(token, in: file, indentation: indentation, startsLine: startsLine)
                if pendingText == nil { pendingText = text } else { pendingText!.append(text) }
            case .interpolation(let expression):
                if let text = pendingText {
                    parts.append(.text(text))
                    pendingText = nil
                }
                parts.append(.interpolation(expression))
            }
        }
        if let text = pendingText {
            parts.append(.text(text))
        } else if parts.isEmpty {
            parts.append(.text(""))
        }
        return parts
    }
}
