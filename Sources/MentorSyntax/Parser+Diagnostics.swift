import MentorDiagnostics
import MentorSource

// Reporting syntax errors. An error at the current token starts panic mode; until the
// enclosing statement or member list re-synchronises, further errors are not reported.
extension Parser.State {
    /// Records a diagnostic that does not disturb parsing.
    mutating func reportError(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        otherErrors += 1
    }

    /// Reports "expected `what`, found …" at the current token and enters panic mode.
    mutating func expected(
        _ what: String, help: String? = nil, code: DiagnosticCode = .unexpectedToken,
        labels: [DiagnosticLabel] = [], at location: Span? = nil
    ) {
        guard !panicking else { return }
        panicking = true
        let token = current
        // The lexer already explained a malformed token; a second message would only repeat it.
        if token.error != .none || token.kind == .error { return }
        let label = token.kind == .endOfFile ? "the input ends here" : location == nil ? "not expected here" : "missing here"
        diagnostics.append(Diagnostic(
            code, .error, "expected \(what), found \(describe(token))",
            at: location ?? errorSpan, label: label, labels: labels, help: help))
        if token.kind == .endOfFile { endOfInputErrors += 1 } else { otherErrors += 1 }
    }

    /// Consumes the closing delimiter for `opener`, or reports that it is missing. Returns the
    /// closer's offset, or where it was missed (the end of the last token read).
    @discardableResult
    mutating func expectClosing(_ closer: TokenKind, for opener: Token, separator: String? = nil) -> UInt32 {
        if at(closer) {
            let offset = current.start
            closeDelimiter()
            return offset
        }
        let closerText = Self.spelling(of: closer)
        let what = separator.map { "`\($0)` or `\(closerText)`" } ?? "`\(closerText)`"
        let openerLabel = DiagnosticLabel(
            span: span(of: opener), message: "`\(Self.spelling(of: opener.kind))` opened here")
        if atEnd || (Self.isCloser(kind) && kind != closer) {
            expected("\(what) to close `\(Self.spelling(of: opener.kind))`", code: .unclosedDelimiter, labels: [openerLabel])
        } else if currentStartsLine {
            // Most likely the closer was forgotten at the end of the previous line: point there.
            expected(
                "\(what) to close `\(Self.spelling(of: opener.kind))`", code: .unclosedDelimiter, labels: [openerLabel],
                at: Span(file: fileID, start: previousEnd, end: previousEnd))
        } else {
            expected(what, labels: [openerLabel])
        }
        return previousEnd
    }

    /// Reports two statements on one line.
    mutating func reportMissingStatementSeparator(after item: TopLevelItem?) {
        var help = at(.equal)
            ? "names are bound once, with `let name = value`; there is no assignment"
            : "put each statement on its own line, or separate them with `;`"
        if case .statement(let statement)? = item, case .expression(let expression) = statement.kind,
            case .identifier(let name) = expression.kind
        {
            switch name {
            case "step": help = "a `step` is declared inside a `pathway { … }`"
            case "goal": help = "a `goal` is declared inside an `agreement { … }`"
            case "session": help = "a `session` is declared inside an `agenda { … }`"
            default: break
            }
        }
        expected("a line break or `;` after the statement", help: help, code: .missingSeparator)
    }

    /// How a token is named in "found …".
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .endOfFile: return "end of file"
        case .newline: return "a line break"
        case .identifier: return "`\(shortText(of: token))`"
        case .integer, .decimal, .percent: return "the number `\(shortText(of: token))`"
        case .date: return "the date `\(shortText(of: token))`"
        case .time: return "the time `\(shortText(of: token))`"
        case .duration: return "the duration `\(shortText(of: token))`"
        case .stringStart, .stringText, .stringEnd: return "a string"
        case .interpolationStart: return "`\\(`"
        case .interpolationEnd: return "`)`"
        case .lineComment, .blockComment, .docComment: return "a comment"
        case .error: return "an invalid token"
        default: return "`\(Self.spelling(of: token.kind))`"
        }
    }

    private func shortText(of token: Token) -> String {
        let whole = text(of: token)
        return whole.unicodeScalars.count <= 40 ? whole : String(String.UnicodeScalarView(whole.unicodeScalars.prefix(37))) + "…"
    }

    /// The source spelling of a keyword or punctuation kind.
    static func spelling(of kind: TokenKind) -> String {
        if let word = kind.reservedWord { return word }
        return switch kind {
        case .leftParen: "("
        case .rightParen: ")"
        case .leftBracket: "["
        case .rightBracket: "]"
        case .leftBrace: "{"
        case .rightBrace: "}"
        case .comma: ","
        case .colon: ":"
        case .semicolon: ";"
        case .dot: "."
        case .plus: "+"
        case .minus: "-"
        case .star: "*"
        case .slash: "/"
        case .equal: "="
        case .equalEqual: "=="
        case .bangEqual: "!="
        case .less: "<"
        case .lessEqual: "<="
        case .greater: ">"
        case .greaterEqual: ">="
        case .arrow: "=>"
        case .questionQuestion: "??"
        case .stringStart, .stringEnd: "\""
        case .interpolationStart: "\\("
        case .interpolationEnd: ")"
        case .endOfFile: "end of file"
        case .newline: "line break"
        case .identifier: "name"
        case .integer, .decimal, .percent: "number"
        case .date: "date"
        case .time: "time"
        case .duration: "duration"
        case .stringText: "string"
        case .lineComment, .blockComment, .docComment: "comment"
        case .error: "invalid token"
        default: kind.reservedWord ?? "token"
        }
    }
}
