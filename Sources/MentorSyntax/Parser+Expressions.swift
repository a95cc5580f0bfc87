import MentorDiagnostics

extension Parser {
    /// Binding strength of the binary and prefix operators (the grammar's precedence table).
    enum Precedence {
        static let limit = 1
        static let coalesce = 2
        static let or = 3
        static let and = 4
        static let not = 5
        static let comparison = 6
        static let additive = 7
        static let multiplicative = 8
    }

    /// An infix operator as the precedence-climbing loop sees it.
    struct InfixOperator {
        enum Associativity { case left, right, none }
        /// The operator, or nil for the cadence limit `C for D`.
        var binary: BinaryOperator?
        var precedence: Int
        var associativity: Associativity
        /// Whether the operator may begin a line and still continue the expression before it.
        var continuesAtLineStart: Bool

        init(_ binary: BinaryOperator?, _ precedence: Int, _ associativity: Associativity, continuesAtLineStart: Bool = true) {
            self.binary = binary
            self.precedence = precedence
            self.associativity = associativity
            self.continuesAtLineStart = continuesAtLineStart
        }

        static func forToken(_ kind: TokenKind) -> InfixOperator? {
            switch kind {
            case .kwFor: InfixOperator(nil, Precedence.limit, .none, continuesAtLineStart: false)
            case .questionQuestion: InfixOperator(.coalesce, Precedence.coalesce, .right)
            case .kwOr: InfixOperator(.or, Precedence.or, .left)
            case .kwAnd: InfixOperator(.and, Precedence.and, .left)
            case .equalEqual: InfixOperator(.equal, Precedence.comparison, .none)
            case .bangEqual: InfixOperator(.notEqual, Precedence.comparison, .none)
            case .less: InfixOperator(.less, Precedence.comparison, .none)
            case .lessEqual: InfixOperator(.lessEqual, Precedence.comparison, .none)
            case .greater: InfixOperator(.greater, Precedence.comparison, .none)
            case .greaterEqual: InfixOperator(.greaterEqual, Precedence.comparison, .none)
            case .plus: InfixOperator(.add, Precedence.additive, .left)
            // At the start of a line `-` is unary minus beginning a new statement.
            case .minus: InfixOperator(.subtract, Precedence.additive, .left, continuesAtLineStart: false)
            case .star: InfixOperator(.multiply, Precedence.multiplicative, .left)
            case .slash: InfixOperator(.divide, Precedence.multiplicative, .left)
            default: nil
            }
        }
    }
}

// Expressions, by precedence climbing over the table in `Grammar/mentor.ebnf`.
extension Parser.State {
    static func canBeginExpression(_ kind: TokenKind) -> Bool {
        switch kind {
        case .identifier, .integer, .decimal, .percent, .date, .time, .duration, .stringStart,
            .kwTrue, .kwFalse, .kwNone, .kwNot, .kwIf, .kwEvery, .minus,
            .leftParen, .leftBracket, .leftBrace, .error:
            true
        default:
            false
        }
    }

    /// expression = lambda | conditional | limit_expression ;
    mutating func parseExpression() -> Expr {
        let enclosingHeight = expressionHeight
        expressionHeight = 0
        defer {
            expressionHeight = max(enclosingHeight, expressionHeight + 1)
            exitNesting()
        }
        guard enterNesting() else { return Expr(.error, span: errorSpan) }
        switch kind {
        case .identifier where tokens[index + 1].kind == .arrow || (mayBeTrivia(at: index + 1) && nextKind == .arrow):
            // The arrow almost always follows at once; only trivia in between needs the search.
            return parseLambda()
        case .leftParen where lambdaParametersAhead():
            return parseLambda()
        case .kwIf:
            let ifToken = current
            advance()
            let condition = parseExpression()
            return parseConditional(from: ifToken, condition: condition)
        case .kwNot, .minus, .kwEvery:
            return parseLimitExpression()
        default:
            // Most expressions are one operand (a name, a literal, a string, a list) that a
            // comma, a closer or the next line ends. Reading the primary here and returning it
            // when nothing can continue it skips the operator and suffix levels, which would
            // each look at the same token and hand the same node back up.
            let primary = parsePrimary()
            if panicking || endsOperand { return primary }
            let operand = parseSuffixes(of: primary, enclosingHeight: 0)
            return checkedLimitExpression(parseOperators(after: operand, minimum: Parser.Precedence.limit, enclosingHeight: 0))
        }
    }

    /// True when the current token cannot continue the operand before it: no suffix, operator,
    /// weekday pin or `=>` begins with it.
    private var endsOperand: Bool {
        switch kind {
        case .comma, .rightBrace, .rightBracket, .rightParen, .semicolon, .interpolationEnd, .endOfFile: true
        case .identifier: currentStartsLine
        default: false
        }
    }

    /// limit_expression, with the lambda a misplaced `=>` shows was meant.
    private mutating func parseLimitExpression() -> Expr {
        checkedLimitExpression(parseBinary(minimum: Parser.Precedence.limit))
    }

    /// `expression`, after reporting a `=>` that follows it.
    private mutating func checkedLimitExpression(_ expression: Expr) -> Expr {
        if !panicking, at(.arrow) {
            expected(
                "an operator or the end of the expression",
                help: "a lambda is `x => …`, `(x, y) => …` or `() => …`; inside a larger expression, put it in parentheses",
                code: .invalidLambdaParameters,
                labels: [DiagnosticLabel(span: expression.span, message: "this is not a lambda's parameter list")])
        }
        return expression
    }

    /// True when the current `(` starts `lambda_parameters` followed by `=>`.
    func lambdaParametersAhead() -> Bool {
        var position = significantIndex(after: index)
        if tokens[position].kind == .rightParen {
            return tokens[significantIndex(after: position)].kind == .arrow
        }
        while tokens[position].kind == .identifier {
            position = significantIndex(after: position)
            switch tokens[position].kind {
            case .comma:
                position = significantIndex(after: position)
                if tokens[position].kind == .rightParen {
                    return tokens[significantIndex(after: position)].kind == .arrow
                }
            case .rightParen:
                return tokens[significantIndex(after: position)].kind == .arrow
            default:
                return false
            }
        }
        return false
    }

    /// lambda = lambda_parameters "=>" expression ;
    mutating func parseLambda() -> Expr {
        let start = current.start
        var parameters: [Identifier]
        var parentheses: Delimiters?
        if at(.identifier) {
            parameters = [identifier(current)]
            advance()
        } else {
            (parameters, parentheses) = parseParameterList()
        }
        // `lambdaParametersAhead` or the caller has seen the arrow.
        let arrowOffset = current.start
        advance()
        let body = parseExpression()
        return Expr(
            .lambda(parameters: parameters, body: body, parentheses: parentheses, arrowOffset: arrowOffset),
            span: span(from: start))
    }

    /// conditional = "if" expression "then" expression "else" expression ;
    /// `if` and the condition have been read.
    mutating func parseConditional(from ifToken: Token, condition: Expr) -> Expr {
        guard !panicking else { return Expr(.error, span: span(from: ifToken.start)) }
        guard at(.kwThen) else {
            expected("`then` after the condition", help: "an `if` expression is `if c then a else b`")
            return Expr(.error, span: span(from: ifToken.start))
        }
        let thenOffset = current.start
        advance()
        let thenBranch = parseExpression()
        guard !panicking else { return Expr(.error, span: span(from: ifToken.start)) }
        guard at(.kwElse) else {
            expected("`else` and the other branch", help: "an `if` expression needs both branches: `if c then a else b`")
            return Expr(.error, span: span(from: ifToken.start))
        }
        let elseOffset = current.start
        advance()
        let elseBranch = parseExpression()
        return Expr(
            .conditional(condition: condition, then: thenBranch, else: elseBranch, thenOffset: thenOffset, elseOffset: elseOffset),
            span: span(from: ifToken.start))
    }

    /// limit_expression, coalesce_expression, or_expression, and_expression, not_expression,
    /// comparison, additive, multiplicative: precedence climbing from `minimum`.
    mutating func parseBinary(minimum: Int) -> Expr {
        let enclosingHeight = expressionHeight
        expressionHeight = 0
        var left: Expr
        if at(.kwNot) {
            guard minimum <= Parser.Precedence.not else {
                expected(
                    "an operand",
                    help: "`not` binds more loosely than comparisons and arithmetic; put it in parentheses, as in `a == (not b)`")
                return Expr(.error, span: errorSpan)
            }
            left = parseNotExpression()
        } else {
            left = parsePrefixExpression()
        }
        return parseOperators(after: left, minimum: minimum, enclosingHeight: enclosingHeight)
    }

    /// The operator loop of `parseBinary`, from its first operand `first` (whose height is in
    /// `expressionHeight`); `enclosingHeight` is the height to fold the result's into.
    mutating func parseOperators(after first: Expr, minimum: Int, enclosingHeight: Int) -> Expr {
        var left = first
        // The loop builds a left-nested tree without recursing, so it counts the tree's height.
        var leftHeight = expressionHeight
        defer { expressionHeight = max(enclosingHeight, leftHeight) }
        var lastNonAssociative: Int?
        var pinned = false
        while !panicking {
            // `C on the first tuesday` binds like `for` but before it, once, on the same line.
            if minimum <= Parser.Precedence.limit, !pinned, atWeekdayPin {
                // After `for` the pin is out of place; it is read anyway, so nothing cascades.
                if lastNonAssociative != nil {
                    reportError(Diagnostic(
                        .unexpectedToken, .error, "a weekday pin comes before the phase's `for`, not after it",
                        at: span(of: current), label: "move this before `for`",
                        help: "write the pin first, as in `monthly on the first tuesday for 3 months`"))
                }
                left = parseWeekdayPin(cadence: left)
                pinned = true
                continue
            }
            // `=` between operands is read as the `==` it almost always means, after an error.
            guard let infix = Parser.InfixOperator.forToken(kind == .equal ? .equalEqual : kind), infix.precedence >= minimum else { break }
            if lineContext, !infix.continuesAtLineStart, currentStartsLine { break }
            let operatorToken = current
            if operatorToken.kind == .equal { reportAssignmentAsComparison(operatorToken) }
            if infix.associativity == .none, lastNonAssociative == infix.precedence {
                reportChained(operatorToken, previous: left)
            }
            advance()
            expressionHeight = 0
            let right: Expr
            if infix.associativity == .right {
                defer { exitNesting() }
                guard enterNesting() else { return Expr(.error, span: errorSpan) }
                right = parseBinary(minimum: infix.precedence)
            } else {
                right = parseBinary(minimum: infix.precedence + 1)
            }
            leftHeight = max(leftHeight, expressionHeight) + 1
            let whole = left.span.merged(with: right.span)
            if !expressionFits(height: leftHeight, at: operatorToken) {
                left = Expr(.error, span: whole)
                leftHeight = 1
            } else if let binary = infix.binary {
                left = Expr(.binary(binary, left, right, operatorOffset: operatorToken.start), span: whole)
            } else {
                left = Expr(.cadenceFor(cadence: left, limit: right, forOffset: operatorToken.start), span: whole)
            }
            lastNonAssociative = infix.associativity == .none ? infix.precedence : nil
        }
        return left
    }

    /// True at the `on` of a weekday pin: the word `on` on the line of the cadence before it.
    private var atWeekdayPin: Bool {
        at(.identifier) && !currentStartsLine && currentText(equals: "on")
    }

    /// weekday_pin = "on" "the" IDENTIFIER IDENTIFIER ; the words are checked when the cadence is built.
    private mutating func parseWeekdayPin(cadence: Expr) -> Expr {
        let onToken = current
        advance()
        guard at(.identifier), currentText(equals: "the") else {
            expected("`the` after `on`", help: "pin a weekday as in `monthly on the first tuesday`")
            return Expr(.error, span: span(from: cadence.span.start))
        }
        let theToken = current
        advance()
        guard at(.identifier), !currentStartsLine else {
            expected("an ordinal after `on the`", help: "write `first`, `second`, `third`, `fourth` or `last`, as in `monthly on the first tuesday`")
            return Expr(.error, span: span(from: cadence.span.start))
        }
        let ordinal = identifier(current)
        advance()
        guard at(.identifier), !currentStartsLine else {
            expected("a weekday after `on the \(ordinal.name)`", help: "write a weekday from `monday` to `sunday`, as in `monthly on the first tuesday`")
            return Expr(.error, span: span(from: cadence.span.start))
        }
        let weekday = identifier(current)
        advance()
        return Expr(.cadenceOn(cadence: cadence, ordinal: ordinal, weekday: weekday, onOffset: onToken.start, theOffset: theToken.start),
                    span: cadence.span.merged(with: weekday.span))
    }

    private mutating func reportChained(_ operatorToken: Token, previous: Expr) {
        let previousLabel = DiagnosticLabel(span: previous.span, message: "this is already complete")
        if operatorToken.kind == .kwFor {
            reportError(Diagnostic(
                .chainedCadenceLimit, .error, "a cadence limit `C for D` cannot be limited again",
                at: span(of: operatorToken), label: "a second `for`", labels: [previousLabel],
                help: "give each phase one limit, and chain phases with `, then`: `weekly for 4 weeks, then monthly`"))
        } else {
            reportError(Diagnostic(
                .chainedComparison, .error, "comparisons cannot be chained",
                at: span(of: operatorToken), label: "a second comparison", labels: [previousLabel],
                help: "join the comparisons with `and`, as in `a < b and b < c`"))
        }
    }

    /// M0210 for `a = b` inside an expression, with `==` as the fix.
    mutating func reportAssignmentAsComparison(_ token: Token) {
        let where_ = span(of: token)
        reportError(Diagnostic(
            .assignmentAsComparison, .error, "`=` does not compare values", at: where_,
            help: "`=` only names a value, in `let x = …` and `fn f(x) = …`",
            suggestions: [Suggestion(span: where_, replacement: "==", message: "to compare, write `==`")]))
    }

    /// not_expression = "not" not_expression | comparison ;
    mutating func parseNotExpression() -> Expr {
        let notToken = current
        defer { exitNesting() }
        guard enterNesting() else { return Expr(.error, span: errorSpan) }
        advance()
        let operand = parseBinary(minimum: Parser.Precedence.not)
        return Expr(.unary(.not, operand), span: span(from: notToken.start))
    }

    /// prefix_expression = "-" prefix_expression | "every" prefix_expression | postfix_expression ;
    mutating func parsePrefixExpression() -> Expr {
        guard at(.minus) || at(.kwEvery) else { return parsePostfixExpression() }
        let operatorToken = current
        defer { exitNesting() }
        guard enterNesting() else { return Expr(.error, span: errorSpan) }
        advance()
        let operand = parsePrefixExpression()
        let whole = span(from: operatorToken.start)
        return operatorToken.kind == .minus
            ? Expr(.unary(.negate, operand), span: whole)
            : Expr(.every(operand), span: whole)
    }

    /// postfix_expression = primary { call_suffix | member_suffix | with_suffix } ;
    mutating func parsePostfixExpression() -> Expr {
        let enclosingHeight = expressionHeight
        expressionHeight = 0
        return parseSuffixes(of: parsePrimary(), enclosingHeight: enclosingHeight)
    }

    /// The suffix loop of `parsePostfixExpression`, after `primary` (whose height is in
    /// `expressionHeight`); `enclosingHeight` is the height to fold the result's into.
    mutating func parseSuffixes(of primary: Expr, enclosingHeight: Int) -> Expr {
        var expression = primary
        // Like an operator chain, the suffixes build a left-nested tree in a loop.
        var height = expressionHeight
        defer { expressionHeight = max(enclosingHeight, height) }
        while !panicking {
            let suffixToken = current
            expressionHeight = 0
            switch kind {
            case .leftParen where onSameLogicalLine:
                expression = parseCallSuffix(callee: expression)
            case .leftBracket where onSameLogicalLine:
                expression = parseIndexSuffix(base: expression)
            case .dot:
                expression = parseMemberSuffix(base: expression)
            case .kwWith:
                expression = parseWithSuffix(base: expression)
            default:
                return expression
            }
            height = max(height, expressionHeight) + 1
            if !expressionFits(height: height, at: suffixToken) {
                expression = Expr(.error, span: expression.span)
                height = 1
            }
        }
        return expression
    }

    /// False when a chain has made the tree deeper than `SyntaxLimits.maximumExpressionDepth`.
    /// The caller then drops the tree built so far for an error node and reads on, so the rest
    /// of the chain (on this line or the next ones) is consumed as one expression; M0209 is
    /// reported once an item.
    mutating func expressionFits(height: Int, at link: Token) -> Bool {
        guard height > SyntaxLimits.maximumExpressionDepth else { return true }
        if !expressionTooDeepReported {
            expressionTooDeepReported = true
            reportError(Diagnostic(
                .expressionTooDeep, .error,
                "expression is too long: more than \(SyntaxLimits.maximumExpressionDepth) levels of chained operators, calls or members",
                at: span(of: link), label: "the limit is reached here",
                help: "split it with `let`: name a part, as in `let part = a + b`, and use `part` in the rest"))
        }
        return false
    }

    /// call_suffix = "(" [ argument { "," argument } [ "," ] ] ")" ;
    /// argument = [ IDENTIFIER ":" ] expression ;
    mutating func parseCallSuffix(callee: Expr) -> Expr {
        let opener = current
        advance()
        let savedLineContext = lineContext
        lineContext = false
        defer { lineContext = savedLineContext }
        var arguments: [Argument] = []
        arguments.reserveCapacity(4)
        while !at(.rightParen), !atEnd {
            var label: Identifier?
            var colonOffset: UInt32?
            if at(.identifier), nextKind == .colon {
                label = identifier(current)
                advance()
                colonOffset = current.start
                advance()
            }
            let value = parseExpression()
            if panicking { return Expr(.error, span: span(from: callee.span.start)) }
            arguments.append(Argument(label: label, colonOffset: colonOffset, value: value))
            if at(.comma) {
                advance()
                continue
            }
            break
        }
        let close = expectClosing(.rightParen, for: opener, separator: arguments.isEmpty ? nil : ",")
        if panicking { return Expr(.error, span: span(from: callee.span.start)) }
        let parentheses = Delimiters(open: opener.start, close: close)
        return Expr(.call(callee: callee, arguments: arguments, parentheses: parentheses), span: span(from: callee.span.start))
    }

    /// member_suffix = "." ( IDENTIFIER | keyword ) ;
    mutating func parseMemberSuffix(base: Expr) -> Expr {
        let dotOffset = current.start
        advance()
        guard at(.identifier) || Self.isKeyword(kind) else {
            expected("a member name after `.`")
            return Expr(.error, span: span(from: base.span.start))
        }
        let name = identifier(current)
        advance()
        return Expr(.member(base: base, name: name, dotOffset: dotOffset), span: span(from: base.span.start))
    }

    /// index_suffix = "[" expression "]" ;
    mutating func parseIndexSuffix(base: Expr) -> Expr {
        let opener = current
        advance()
        let savedLineContext = lineContext
        lineContext = false
        defer { lineContext = savedLineContext }
        let index = parseExpression()
        if panicking { return Expr(.error, span: span(from: base.span.start)) }
        let close = expectClosing(.rightBracket, for: opener, separator: nil)
        if panicking { return Expr(.error, span: span(from: base.span.start)) }
        return Expr(.index(base: base, index: index, brackets: Delimiters(open: opener.start, close: close)),
                    span: span(from: base.span.start))
    }

    /// with_suffix = "with" record ;
    mutating func parseWithSuffix(base: Expr) -> Expr {
        let withOffset = current.start
        advance()
        guard at(.leftBrace) else {
            expected("`{` after `with`", help: "a changed copy is written `x with { field: value }`")
            return Expr(.error, span: span(from: base.span.start))
        }
        let record = parseRecord()
        guard !panicking, case .record(let fields, let braces) = record.kind else {
            return Expr(.error, span: span(from: base.span.start))
        }
        return Expr(.with(base: base, fields: fields, withOffset: withOffset, braces: braces), span: span(from: base.span.start))
    }

    /// primary = literal | IDENTIFIER | string_literal | list | record | parenthesized ;
    mutating func parsePrimary() -> Expr {
        let token = current
        switch token.kind {
        case .identifier:
            advance()
            return Expr(identifier: identifier(token))
        case .integer, .decimal, .percent, .date, .time, .duration:
            return parseLiteral()
        case .kwTrue, .kwFalse:
            advance()
            return Expr(.boolLiteral(token.kind == .kwTrue), span: span(of: token))
        case .kwNone:
            advance()
            return Expr(.noneLiteral, span: span(of: token))
        case .stringStart:
            return parseStringLiteral()
        case .leftParen:
            return parseParenthesized()
        case .leftBracket:
            return parseList()
        case .leftBrace:
            return parseRecord()
        case .error:
            // Already reported by the lexer.
            advance()
            return Expr(.error, span: span(of: token))
        case .kwIf:
            expected(
                "an operand",
                help: "an `if … then … else …` expression inside a larger expression must be in parentheses")
            return Expr(.error, span: errorSpan)
        case .kwNot:
            expected("an operand", help: "`not` binds more loosely than this operator; put it in parentheses: `(not x)`")
            return Expr(.error, span: errorSpan)
        case .kwThen:
            expected(
                "an expression",
                help: "cadence phases `C1, then C2` are only read as the value of a field or of a `let`; bind them with `let` first")
            return Expr(.error, span: errorSpan)
        default:
            expected("an expression")
            return Expr(.error, span: errorSpan)
        }
    }

    /// parenthesized = "(" expression ")" ;
    mutating func parseParenthesized() -> Expr {
        let opener = current
        advance()
        let savedLineContext = lineContext
        lineContext = false
        defer { lineContext = savedLineContext }
        let inner = parseExpression()
        let close = expectClosing(.rightParen, for: opener)
        if panicking { return Expr(.error, span: span(from: opener.start)) }
        return Expr(.parenthesized(inner, parentheses: Delimiters(open: opener.start, close: close)), span: span(from: opener.start))
    }

    /// list = "[" [ expression { "," expression } [ "," ] ] "]" ;
    mutating func parseList() -> Expr {
        let opener = current
        advance()
        let savedLineContext = lineContext
        lineContext = false
        defer { lineContext = savedLineContext }
        // The elements are collected on `elementStack` and moved into an array of their number.
        let first = elementStack.count
        while !at(.rightBracket), !atEnd {
            // Pushed before the test, which drops the list anyway: pushing a bound element
            // copied it and then destroyed the original.
            elementStack.push(parseExpression())
            if panicking {
                elementStack.discard(from: first)
                return Expr(.error, span: span(from: opener.start))
            }
            if at(.comma) {
                advance()
                continue
            }
            break
        }
        let close = expectClosing(.rightBracket, for: opener, separator: elementStack.count == first ? nil : ",")
        if panicking {
            elementStack.discard(from: first)
            return Expr(.error, span: span(from: opener.start))
        }
        let elements = elementStack.popArray(from: first)
        return Expr(.list(elements, brackets: Delimiters(open: opener.start, close: close)), span: span(from: opener.start))
    }

    /// record = "{" [ field { member_separator field } [ "," ] ] "}" ;
    mutating func parseRecord() -> Expr {
        let opener = current
        advance()
        let savedLineContext = lineContext
        lineContext = true
        defer { lineContext = savedLineContext }
        let fields = parseRecordFields()
        let close = panicking ? previousEnd : expectClosing(.rightBrace, for: opener)
        if panicking { return Expr(.error, span: span(from: opener.start)) }
        return Expr(.record(fields, braces: Delimiters(open: opener.start, close: close)), span: span(from: opener.start))
    }
}
