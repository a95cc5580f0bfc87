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
            return token(name.name, at: name.span)
        case .list(let elements):
            return bracketed("[", "]", elements.map(ListElement.expression), close: span.end - 1, padded: false)
        case .record(let fields):
            return bracketed("{", "}", fields.map(ListElement.field), close: span.end - 1, padded: true)
        case .unary(let op, let operand):
            let inner = self.expression(operand)
            switch op {
            case .not: return .concat([.text("not "), inner])
            case .negate:
                // `- -x` keeps its space; `--x` would read the same but looks like a typo.
                let glued = scanner.byte(at: operand.span.start) != UInt8(ascii: "-")
                return .concat([.text(glued ? "-" : "- "), inner])
            }
        case .binary(let op, let left, let right):
            let lhs = self.expression(left)
            let symbol = keyword(op.rawValue, after: left.span.end)
            let rhs = self.expression(right)
            return .concat([lhs, .text(" "), symbol, .text(" "), .indent([rhs])])
        case .conditional(let condition, let then, let otherwise):
            let test = self.expression(condition)
            let thenWord = keyword("then", after: condition.span.end)
            let yes = self.expression(then)
            let elseWord = keyword("else", after: then.span.end)
            let no = self.expression(otherwise)
            return .group([.text("if "), test, .indent([.line, thenWord, .text(" "), yes, .line, elseWord, .text(" "), no])])
        case .lambda(let parameters, let body):
            let head: FormatDoc
            if scanner.byte(at: span.start) == UInt8(ascii: "(") {
                let close = scanner.nextSignificant(
                    from: parameters.last?.span.end ?? span.start + 1, skipping: [UInt8(ascii: ",")])
                head = bracketed("(", ")", parameters.map(ListElement.parameter), close: close, padded: false)
            } else {
                head = token(parameters[0].name, at: parameters[0].span)
            }
            let arrow = keyword("=>", after: parameters.last.map { $0.span.end } ?? span.start, skipping: [UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: ")")])
            let value = self.expression(body)
            return .concat([head, .text(" "), arrow, .text(" "), .indent([value])])
        case .call(let callee, let arguments):
            let function = self.expression(callee)
            let list = bracketed("(", ")", arguments.map(ListElement.argument), close: span.end - 1, padded: false)
            return .concat([function, list])
        case .member(let base, let name):
            let object = self.expression(base)
            let dot = keyword(".", after: base.span.end)
            return .concat([object, dot, token(name.name, at: name.span)])
        case .with(let base, let fields):
            let object = self.expression(base)
            let withWord = keyword("with", after: base.span.end)
            let record = bracketed("{", "}", fields.map(ListElement.field), close: span.end - 1, padded: true)
            return .concat([object, .text(" "), withWord, .text(" "), record])
        case .every(let interval):
            return .concat([.text("every "), self.expression(interval)])
        case .cadenceFor(let cadence, let limit):
            let phase = self.expression(cadence)
            let forWord = keyword("for", after: cadence.span.end)
            return .concat([phase, .text(" "), forWord, .text(" "), self.expression(limit)])
        case .cadenceThen:
            return fieldValue(expression)
        case .parenthesized(let inner):
            let body = self.expression(inner)
            var docs: [FormatDoc] = [.text("("), body]
            docs += comments.leading(before: span.end - 1, blankLines: false)
            docs.append(.text(")"))
            return .concat(docs)
        case .error:
            return verbatimToken(span)
        }
    }
}
