import MentorDiagnostics
import MentorSource

// Statements and blocks.
extension Parser.State {
    /// block = "{" statement_list "}" ;
    mutating func parseBlock() -> (statements: [Stmt], braces: Delimiters) {
        guard at(.leftBrace) else {
            expected("`{`")
            return ([], Delimiters(open: previousEnd, close: previousEnd))
        }
        let opener = current
        defer { exitNesting() }
        guard enterNesting() else { return ([], Delimiters(open: opener.start, close: opener.start)) }
        advance()
        let savedLineContext = lineContext
        lineContext = true
        defer { lineContext = savedLineContext }
        let statements = parseStatementList()
        let close = depthExceeded ? previousEnd : expectClosing(.rightBrace, for: opener)
        return (statements, Delimiters(open: opener.start, close: close))
    }

    /// statement_list = { ";" } [ statement { statement_separator { ";" } statement } ] { ";" } ;
    /// An unreadable statement becomes `.error` and the list carries on at the next line or `;`.
    mutating func parseStatementList() -> [Stmt] {
        let target = openDelimiters.count
        var statements: [Stmt] = []
        statements.reserveCapacity(8)
        while true {
            while at(.semicolon) { advance() }
            if at(.rightBrace) || atEnd { break }
            let startIndex = index
            let startOffset = current.start
            let statement = parseStatement(expecting: "a statement")
            if depthExceeded { return statements }
            if panicking {
                synchronize(toDelimiterDepth: target, stopAtComma: false, skipFirst: index == startIndex)
                statements.append(Stmt(.error, span: span(from: startOffset)))
                continue
            }
            statements.append(statement)
            if at(.semicolon) || at(.rightBrace) || atEnd || currentStartsLine { continue }
            reportMissingStatementSeparator(after: .statement(statement))
            synchronize(toDelimiterDepth: target, stopAtComma: false, skipFirst: false)
        }
        return statements
    }

    /// statement = let_statement | function_declaration | if_statement | for_statement
    ///           | require_statement | warn_statement | fail_statement | expect_statement
    ///           | expression ;
    mutating func parseStatement(expecting what: String) -> Stmt {
        switch kind {
        case .kwLet: return parseLetStatement()
        case .kwFn: return parseFunctionDeclaration()
        case .kwIf: return parseIfStatement()
        case .kwFor: return parseForStatement()
        case .kwRequire, .kwWarn, .kwExpect: return parseCheckStatement()
        case .kwFail: return parseFailStatement()
        default:
            guard Self.canBeginExpression(kind) else {
                let help: String? = switch kind {
                case .kwImport: "`import` is only allowed at the top level of a file"
                case .kwElse: "`else` must follow the `}` of an `if`, or the condition of `require`, `warn` or `expect`"
                case .rightBrace: "this `}` has no matching `{`"
                default: nil
                }
                expected(what, help: help)
                return Stmt(.error, span: errorSpan)
            }
            let expression = parseExpression()
            return Stmt(.expression(expression), span: expression.span)
        }
    }

    /// let_statement = "let" IDENTIFIER "=" field_value ;
    mutating func parseLetStatement() -> Stmt {
        let letToken = current
        advance()
        guard at(.identifier) else {
            expected("a name after `let`")
            return Stmt(.error, span: span(from: letToken.start))
        }
        let name = identifier(current)
        advance()
        guard at(.equal) else {
            expected("`=` after `let \(name.name)`")
            return Stmt(.error, span: span(from: letToken.start))
        }
        let equalsOffset = current.start
        advance()
        let value = parseFieldValue()
        return Stmt(.letBinding(name: name, value: value, equalsOffset: equalsOffset), span: span(from: letToken.start))
    }

    /// function_declaration = "fn" IDENTIFIER "(" [ parameter_list ] ")" ( "=" expression | block ) ;
    mutating func parseFunctionDeclaration() -> Stmt {
        let fnToken = current
        advance()
        guard at(.identifier) else {
            expected("a function name after `fn`")
            return Stmt(.error, span: span(from: fnToken.start))
        }
        let name = identifier(current)
        advance()
        guard at(.leftParen) else {
            expected("`(` to begin the parameters of `\(name.name)`", help: "a function is `fn name(a, b) = expression` or `fn name(a, b) { statements }`")
            return Stmt(.error, span: span(from: fnToken.start))
        }
        let (parameters, parentheses) = parseParameterList()
        guard !panicking else { return Stmt(.error, span: span(from: fnToken.start)) }
        let body: FunctionBody
        var offsets = FunctionOffsets(parentheses: parentheses)
        if at(.equal) {
            offsets.equalsOffset = current.start
            advance()
            body = .expression(parseExpression())
        } else if at(.leftBrace) {
            let block = parseBlock()
            body = .block(block.statements)
            offsets.braces = block.braces
        } else {
            expected("`=` or `{` after the parameters of `\(name.name)`")
            return Stmt(.error, span: span(from: fnToken.start))
        }
        let function = FunctionDecl(name: name, parameters: parameters, body: body)
        return Stmt(.function(function, offsets), span: span(from: fnToken.start))
    }

    /// parameter_list = IDENTIFIER { "," IDENTIFIER } [ "," ] ; between "(" and ")".
    mutating func parseParameterList() -> (parameters: [Identifier], parentheses: Delimiters) {
        let opener = current
        advance()
        let savedLineContext = lineContext
        lineContext = false
        defer { lineContext = savedLineContext }
        var parameters: [Identifier] = []
        while !at(.rightParen), !atEnd {
            guard at(.identifier) else {
                expected("a parameter name")
                return (parameters, Delimiters(open: opener.start, close: previousEnd))
            }
            parameters.append(identifier(current))
            advance()
            if at(.comma) {
                advance()
                continue
            }
            if !at(.rightParen) { break }
        }
        let close = expectClosing(.rightParen, for: opener, separator: parameters.isEmpty ? nil : ",")
        return (parameters, Delimiters(open: opener.start, close: close))
    }

    /// if_statement = "if" expression block [ "else" ( if_statement | block ) ] ;
    /// With `then` after the condition, the statement is a `conditional` expression instead.
    mutating func parseIfStatement() -> Stmt {
        let ifToken = current
        defer { exitNesting() }
        guard enterNesting() else { return Stmt(.error, span: errorSpan) }
        advance()
        let condition = parseExpression()
        guard !panicking else { return Stmt(.error, span: span(from: ifToken.start)) }
        if at(.kwThen) {
            let conditional = parseConditional(from: ifToken, condition: condition)
            return Stmt(.expression(conditional), span: conditional.span)
        }
        guard at(.leftBrace) else {
            expected(
                "`{` or `then` after the condition",
                help: "an `if` statement is `if c { … } else { … }`; an `if` expression is `if c then a else b`")
            return Stmt(.error, span: span(from: ifToken.start))
        }
        let (thenBody, thenBraces) = parseBlock()
        var offsets = IfOffsets(thenBraces: thenBraces)
        var elseBody: [Stmt]?
        if !panicking, at(.kwElse) {
            offsets.elseOffset = current.start
            advance()
            if at(.kwIf) {
                elseBody = [parseIfStatement()]
            } else if at(.leftBrace) {
                let block = parseBlock()
                elseBody = block.statements
                offsets.elseBraces = block.braces
            } else {
                expected("`{` or `if` after `else`")
            }
        }
        return Stmt(
            .ifStatement(condition: condition, thenBody: thenBody, elseBody: elseBody, offsets: offsets),
            span: span(from: ifToken.start))
    }

    /// for_statement = "for" for_binding { [ "where" expression ] "," for_binding } [ "where" expression ] block ;
    /// for_binding = IDENTIFIER "in" expression ;
    mutating func parseForStatement() -> Stmt {
        let forToken = current
        advance()
        var bindings: [ForBinding] = []
        var bindingFilters: [BindingFilter] = []
        while true {
            guard at(.identifier) else {
                expected(bindings.isEmpty ? "a loop variable after `for`" : "a loop variable after `,`")
                return Stmt(.error, span: span(from: forToken.start))
            }
            let name = identifier(current)
            advance()
            guard at(.kwIn) else {
                expected("`in` after the loop variable `\(name.name)`")
                return Stmt(.error, span: span(from: forToken.start))
            }
            let inOffset = current.start
            advance()
            let collection = parseExpression()
            guard !panicking else { return Stmt(.error, span: span(from: forToken.start)) }
            let binding = ForBinding(name: name, inOffset: inOffset, collection: collection)
            if at(.kwWhere) {
                let offset = current.start
                advance()
                let condition = parseExpression()
                guard !panicking else { return Stmt(.error, span: span(from: forToken.start)) }
                // A `where` followed by another binding filters the bindings so far; the last is the loop's.
                if at(.comma) {
                    bindingFilters.append(BindingFilter(binding: bindings.count, whereOffset: offset, condition: condition))
                } else {
                    bindings.append(binding)
                    return finishForStatement(forToken, bindings: bindings, bindingFilters: bindingFilters, filter: condition, whereOffset: offset)
                }
            }
            bindings.append(binding)
            guard at(.comma) else { break }
            advance()
        }
        return finishForStatement(forToken, bindings: bindings, bindingFilters: bindingFilters, filter: nil, whereOffset: nil)
    }

    /// The block of a `for` after its bindings and last `where`.
    private mutating func finishForStatement(_ forToken: Token, bindings: [ForBinding], bindingFilters: [BindingFilter],
                                             filter: Expr?, whereOffset: UInt32?) -> Stmt {
        guard at(.leftBrace) else {
            expected(filter == nil ? "`{`, `,` or `where` after the loop's collection" : "`{` or `,` after the `where` condition")
            return Stmt(.error, span: span(from: forToken.start))
        }
        let (body, braces) = parseBlock()
        return Stmt(
            .forLoop(bindings: bindings, filter: filter, body: body, whereOffset: whereOffset, braces: braces, bindingFilters: bindingFilters),
            span: span(from: forToken.start))
    }

    /// require_statement = "require" expression [ "else" expression ] ;
    /// warn_statement    = "warn" expression [ "else" expression ] ;
    /// expect_statement  = "expect" expression [ "else" expression ] ;
    mutating func parseCheckStatement() -> Stmt {
        let keyword = current
        advance()
        let condition = parseExpression()
        var message: Expr?
        var elseOffset: UInt32?
        if !panicking, at(.kwElse) {
            elseOffset = current.start
            advance()
            message = parseExpression()
        } else if !panicking, at(.stringStart), !currentStartsLine {
            // `require c "message"`: the message is there, the `else` before it is not.
            let word = text(of: keyword)
            let messageStart = Span(file: fileID, start: current.start, end: current.start)
            let text = parseExpression()
            reportError(Diagnostic(
                .missingElse, .error, "`\(word)` needs `else` before its message", at: text.span,
                label: "the message", help: "write `\(word) condition else \"message\"`",
                suggestions: [Suggestion(span: messageStart, replacement: "else ", message: "insert `else` before the message")]))
            message = text
        }
        let kind: Stmt.Kind = switch keyword.kind {
        case .kwRequire: .require(condition: condition, message: message, elseOffset: elseOffset)
        case .kwWarn: .warn(condition: condition, message: message, elseOffset: elseOffset)
        default: .expect(condition: condition, message: message, elseOffset: elseOffset)
        }
        return Stmt(kind, span: span(from: keyword.start))
    }

    /// fail_statement = "fail" expression ;
    mutating func parseFailStatement() -> Stmt {
        let failToken = current
        advance()
        let message = parseExpression()
        return Stmt(.fail(message: message), span: span(from: failToken.start))
    }
}
