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
        case .letBinding(let name, let value, let equalsOffset):
            let binding = token(name.name, at: name.span)
            let equals = keyword("=", at: equalsOffset)
            return .concat([.text("let "), binding, .text(" "), equals, .text(" "), fieldValue(value)])
        case .function(let function, let offsets):
            return self.function(function, offsets)
        case .ifStatement(let condition, let thenBody, let elseBody, let offsets):
            return ifStatement(condition: condition, thenBody: thenBody, elseBody: elseBody, offsets: offsets)
        case .forLoop(let bindings, let filter, let body, let whereOffset, let braces, let bindingFilters):
            var docs: [FormatDoc] = [.text("for ")]
            for (index, binding) in bindings.enumerated() {
                if index > 0 { docs.append(.text(", ")) }
                let variable = token(binding.name.name, at: binding.name.span)
                let inWord = keyword("in", at: binding.inOffset)
                docs += [variable, .text(" "), inWord, .text(" "), expression(binding.collection)]
                for bindingFilter in bindingFilters where bindingFilter.binding == index {
                    docs += [.text(" "), keyword("where", at: bindingFilter.whereOffset), .text(" "), expression(bindingFilter.condition)]
                }
            }
            if let filter {
                let whereWord = keyword("where", at: whereOffset)
                docs += [.text(" "), whereWord, .text(" "), expression(filter)]
            }
            docs += [.text(" "), block(body, close: braces.close)]
            return .concat(docs)
        case .require(let condition, let message, let elseOffset):
            return checked("require", condition, message, elseOffset: elseOffset)
        case .warn(let condition, let message, let elseOffset):
            return checked("warn", condition, message, elseOffset: elseOffset)
        case .expect(let condition, let message, let elseOffset):
            return checked("expect", condition, message, elseOffset: elseOffset)
        case .fail(let message):
            return .concat([.text("fail "), expression(message)])
        case .expression(let expression):
            return self.expression(expression)
        case .error:
            return verbatimToken(statement.span)
        }
    }

    /// `require c else "message"`; the `else` part moves to the next line when it does not fit.
    private mutating func checked(_ keyword: String, _ condition: Expr, _ message: Expr?, elseOffset: UInt32?) -> FormatDoc {
        let head = expression(condition)
        guard let message else { return .concat([.text(keyword + " "), head]) }
        let elseWord = self.keyword("else", at: elseOffset)
        let tail = expression(message)
        return .group([.text(keyword + " "), head, .indent([.line, elseWord, .text(" "), tail])])
    }

    /// `fn f(a, b) = e` or `fn f(a, b) { … }`.
    private mutating func function(_ function: FunctionDecl, _ offsets: FunctionOffsets) -> FormatDoc {
        let name = token(function.name.name, at: function.name.span)
        let parameters = bracketed(
            "(", ")", function.parameters.map(ListElement.parameter), close: offsets.parentheses.close, padded: false)
        switch function.body {
        case .expression(let body):
            let equals = keyword("=", at: offsets.equalsOffset)
            return .concat([.text("fn "), name, parameters, .text(" "), equals, .text(" "), expression(body)])
        case .block(let statements):
            // The parser records the braces of every block body; the fallback only keeps a tree
            // made by hand from taking comments that follow the function.
            let close = offsets.braces?.close ?? offsets.parentheses.close
            return .concat([.text("fn "), name, parameters, .text(" "), block(statements, close: close)])
        }
    }

    /// `if c { … } else if d { … } else { … }`; `else if` stays as written (`else { if … }`
    /// is the same tree, so the source decides).
    private mutating func ifStatement(condition: Expr, thenBody: [Stmt], elseBody: [Stmt]?, offsets: IfOffsets) -> FormatDoc {
        var docs: [FormatDoc] = [.text("if "), expression(condition), .text(" ")]
        docs.append(block(thenBody, close: offsets.thenBraces.close))
        guard let elseBody else { return .concat(docs) }
        docs += [.text(" "), keyword("else", at: offsets.elseOffset), .text(" ")]
        if let elseBraces = offsets.elseBraces {
            docs.append(block(elseBody, close: elseBraces.close))
        } else {
            // `else if`: the nested `if` is the branch's one statement, and has no braces of its own.
            for statement in elseBody { docs.append(self.statement(statement)) }
        }
        return .concat(docs)
    }
}
