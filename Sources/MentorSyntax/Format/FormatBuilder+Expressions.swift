import MentorDiagnostics

extension FormatBuilder {
    /// An expression: comments before it, then its tokens with canonical spacing. Parentheses
    /// are kept exactly where they were written, so the printed text parses to the same tree.
    mutating func expression(_ expression: Expr) -> FormatDoc {
        var docs = comments.leading(before: expression.span.start, blankLines: false)
        docs.append(expressionBody(expression))
        comments.advance(to: expression.span.end)
        return docs.count == 1 ? docs[0] : .concat(docs)
    }

    private mutating func expressionBody(_ expression: Expr) -> FormatDoc {
        let span = expression.span
        switch expression.kind {
        case .noneLiteral, .boolLiteral, .integerLiteral, .decimalLiteral, .percentLiteral, .stringLiteral,
            .dateLiteral, .timeLiteral:
            // Literals keep their spelling: escapes, digits and `"""` layout as written.
            return verbatimToken(span)
        case .durationLiteral:
            // `4   weeks` is one token; only the blanks between number and unit are normalised.
            let words = verbatim(span).split(whereSeparator: { $0 == " " || $0 == "\t" })
            let text = words.joined(separator: " ")
            return token(text, at: span)
        case .identifier(let name):
            return token(name, at: span)
        case .list(let elements, let brackets):
            return bracketed("[", "]", elements.map(ListElement.expression), close: brackets.close, padded: false)
        case .record(let fields, let braces):
            return bracketed("{", "}", fields.map(ListElement.field), close: braces.close, padded: true)
        case .unary(let op, let operand):
            let inner = self.expression(operand)
            switch op {
            case .not: return .concat([.text("not "), inner])
            case .negate:
                // `- -x` keeps its space; `--x` would read the same but looks like a typo. No
                // literal starts with `-`, so only a negation can.
                let negatesNegation = if case .unary(.negate, _) = operand.kind { true } else { false }
                return .concat([.text(negatesNegation ? "- " : "-"), inner])
            }
        case .binary(let op, let left, let right, let operatorOffset):
            let lhs = self.expression(left)
            let symbol = keyword(op.rawValue, at: operatorOffset)
            let rhs = self.expression(right)
            return .concat([lhs, .text(" "), symbol, .text(" "), .indent([rhs])])
        case .conditional(let condition, let then, let otherwise, let thenOffset, let elseOffset):
            let test = self.expression(condition)
            let thenWord = keyword("then", at: thenOffset)
            let yes = self.expression(then)
            let elseWord = keyword("else", at: elseOffset)
            let no = self.expression(otherwise)
            return .group([.text("if "), test, .indent([.line, thenWord, .text(" "), yes, .line, elseWord, .text(" "), no])])
        case .lambda(let parameters, let body, let parentheses, let arrowOffset):
            let head: FormatDoc
            if let parentheses {
                head = bracketed("(", ")", parameters.map(ListElement.parameter), close: parentheses.close, padded: false)
            } else {
                head = token(parameters[0].name, at: parameters[0].span)
            }
            let arrow = keyword("=>", at: arrowOffset)
            let value = self.expression(body)
            return .concat([head, .text(" "), arrow, .text(" "), .indent([value])])
        case .call(let callee, let arguments, let parentheses):
            let function = self.expression(callee)
            let list = bracketed("(", ")", arguments.map(ListElement.argument), close: parentheses.close, padded: false)
            return .concat([function, list])
        case .member(let base, let name, let dotOffset):
            let object = self.expression(base)
            let dot = keyword(".", at: dotOffset)
            return .concat([object, dot, token(name.name, at: name.span)])
        case .index(let base, let index, let brackets):
            let list = self.expression(base)
            return .concat([list, keyword("[", at: brackets.open), self.expression(index), keyword("]", at: brackets.close)])
        case .with(let base, let fields, let withOffset, let braces):
            let object = self.expression(base)
            let withWord = keyword("with", at: withOffset)
            let record = bracketed("{", "}", fields.map(ListElement.field), close: braces.close, padded: true)
            return .concat([object, .text(" "), withWord, .text(" "), record])
        case .every(let interval):
            return .concat([.text("every "), self.expression(interval)])
        case .cadenceFor(let cadence, let limit, let forOffset):
            let phase = self.expression(cadence)
            let forWord = keyword("for", at: forOffset)
            return .concat([phase, .text(" "), forWord, .text(" "), self.expression(limit)])
        case .cadenceOn(let cadence, let ordinal, let weekday, let onOffset, let theOffset):
            let phase = self.expression(cadence)
            let onWord = keyword("on", at: onOffset)
            let theWord = keyword("the", at: theOffset)
            let ordinalWord = token(ordinal.name, at: ordinal.span)
            let weekdayWord = token(weekday.name, at: weekday.span)
            return .concat([phase, .text(" "), onWord, .text(" "), theWord, .text(" "), ordinalWord, .text(" "), weekdayWord])
        case .cadenceThen:
            return fieldValue(expression)
        case .parenthesized(let inner, let parentheses):
            let body = self.expression(inner)
            var docs: [FormatDoc] = [.text("("), body]
            docs += comments.leading(before: parentheses.close, blankLines: false)
            docs.append(.text(")"))
            return .concat(docs)
        case .error:
            return verbatimToken(span)
        }
    }
}
