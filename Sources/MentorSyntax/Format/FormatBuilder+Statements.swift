import MentorDiagnostics

extension FormatBuilder {
    /// One statement; blocks are always broken, one statement per line.
    mutating func statement(_ statement: Stmt) -> FormatDoc {
        var docs = comments.leading(before: statement.span.start, blankLines: false)
        docs.append(statementBody(statement))
        comments.advance(to: statement.span.end)
        return docs.count == 1 ? docs[0] : .concat(docs)
    }

    private mutating func statementBody(_ statement: Stmt) -> FormatDoc {
        switch statement.kind {
        case .letBinding(let name, let value):
            let binding = token(name.name, at: name.span)
            let equals = keyword("=", after: name.span.end)
            return .concat([.text("let "), binding, .text(" "), equals, .text(" "), fieldValue(value)])
        case .function(let function):
            return self.function(function, statementEnd: statement.span.end)
        case .ifStatement(let condition, let thenBody, let elseBody):
            return ifStatement(condition: condition, thenBody: thenBody, elseBody: elseBody, end: statement.span.end)
        case .forLoop(let bindings, let filter, let body):
            var docs: [FormatDoc] = [.text("for ")]
            for (index, binding) in bindings.enumerated() {
                if index > 0 { docs.append(.text(", ")) }
                let variable = token(binding.name.name, at: binding.name.span)
                let inWord = keyword("in", after: binding.name.span.end)
                docs += [variable, .text(" "), inWord, .text(" "), expression(binding.collection)]
            }
            if let filter {
                let whereWord = keyword("where", after: bindings.last?.collection.span.end ?? 0)
                docs += [.text(" "), whereWord, .text(" "), expression(filter)]
            }
            docs += [.text(" "), block(body, close: statement.span.end - 1)]
            return .concat(docs)
        case .require(let condition, let message):
            return checked("require", condition, message)
        case .warn(let condition, let message):
            return checked("warn", condition, message)
        case .expect(let condition, let message):
            return checked("expect", condition, message)
        case .fail(let message):
            return .concat([.text("fail "), expression(message)])
        case .expression(let expression):
            return self.expression(expression)
        case .error:
            return verbatimToken(statement.span)
        }
    }

    /// `require c else "message"`; the `else` part moves to the next line when it does not fit.
    private mutating func checked(_ keyword: String, _ condition: Expr, _ message: Expr?) -> FormatDoc {
        let head = expression(condition)
        guard let message else { return .concat([.text(keyword + " "), head]) }
        let elseWord = self.keyword("else", after: condition.span.end)
        let tail = expression(message)
        return .group([.text(keyword + " "), head, .indent([.line, elseWord, .text(" "), tail])])
    }

    /// `fn f(a, b) = e` or `fn f(a, b) { … }`.
    private mutating func function(_ function: FunctionDecl, statementEnd: UInt32) -> FormatDoc {
        let name = token(function.name.name, at: function.name.span)
        let open = scanner.nextSignificant(from: function.name.span.end)
        let close = scanner.nextSignificant(
            from: function.parameters.last?.span.end ?? open + 1, skipping: [UInt8(ascii: ",")])
        let parameters = bracketed("(", ")", function.parameters.map(ListElement.parameter), close: close, padded: false)
        switch function.body {
        case .expression(let body):
            let equals = keyword("=", after: close + 1)
            return .concat([.text("fn "), name, parameters, .text(" "), equals, .text(" "), expression(body)])
        case .block(let statements):
            return .concat([.text("fn "), name, parameters, .text(" "), block(statements, close: statementEnd - 1)])
        }
    }

    /// `if c { … } else if d { … } else { … }`; `else if` stays as written (`else { if … }`
    /// is the same tree, so the source decides).
    private mutating func ifStatement(condition: Expr, thenBody: [Stmt], elseBody: [Stmt]?, end: UInt32) -> FormatDoc {
        var docs: [FormatDoc] = [.text("if "), expression(condition), .text(" ")]
        guard let elseBody else {
            docs.append(block(thenBody, close: end - 1))
            return .concat(docs)
        }
        var thenClose = scanner.nextSignificant(from: thenBody.last?.span.end ?? condition.span.end, skipping: [UInt8(ascii: ";")])
        if thenBody.isEmpty { thenClose = scanner.nextSignificant(from: thenClose + 1) }
        docs.append(block(thenBody, close: thenClose))
        let elseKeyword = scanner.nextSignificant(from: thenClose + 1)
        let afterElse = scanner.nextSignificant(from: elseKeyword + 4)
        docs += [.text(" "), keyword("else", after: thenClose + 1), .text(" ")]
        if scanner.byte(at: afterElse) != UInt8(ascii: "{"), elseBody.count == 1, case .ifStatement = elseBody[0].kind {
            docs.append(statement(elseBody[0]))
        } else {
            docs.append(block(elseBody, close: end - 1))
        }
        return .concat(docs)
    }
}
