import MentorDiagnostics
import MentorSource

/// Reads Mentor source into a `SourceFileSyntax`, following `Grammar/mentor.ebnf`. It never
/// throws on bad input: it records diagnostics, re-synchronises, and carries on.
public enum Parser {
    /// Lexes and parses `file`, returning the tree, every lexical and syntax diagnostic, and
    /// whether the input ended inside an open construct.
    public static func parse(_ file: SourceFile) -> ParseResult {
        let (lexed, notes) = Lexer.tokenizeNotingComments(file)
        let tokens = State.endingWithEndOfFile(lexed, file: file)
        let budget = LargeStack.isCurrentThreadLarge ? StackBudget.deepInputThreadBytes : StackBudget.callerThreadBytes
        let (result, stackExhausted) = State.parse(file, tokens: tokens, notes: notes, stack: .here(bytes: budget))
        return stackExhausted ? parseOnDeepInputThread(file, tokens: tokens, notes: notes) : result
    }
}

extension Parser {
    /// The parser's cursor and bookkeeping. Production functions live in extensions, one file
    /// per concern, and are named after the grammar's productions.
    struct State {
        let file: SourceFile
        let fileID: FileID
        /// The lexer's tokens, read in place: the cursor touches every token, and an `Array`
        /// read pays a bounds check and keeps the storage alive by reference each time.
        let tokens: UnsafeBufferPointer<Token>
        let bytes: [UInt8]

        /// Index of the current token; always a significant token (never a comment or line break).
        var index = 0
        /// End offset of the last consumed token, for spans that end "here".
        var previousEnd: UInt32 = 0

        /// Names and plain texts, each spelling turned into a `String` once.
        var spellings: SpellingTable

        var diagnostics: [Diagnostic] = []
        var comments: [Comment] = []
        /// Errors caused only by the input ending early, and all other errors.
        var endOfInputErrors = 0
        var otherErrors = 0

        /// Set by an error until the enclosing statement or member list re-synchronises;
        /// suppresses follow-on diagnostics and makes every loop unwind.
        var panicking = false
        /// Set when the nesting limit is hit; only the top-level loop clears it.
        var depthExceeded = false
        var nestingDepth = 0
        /// Height of the deepest expression tree finished since the innermost expression being
        /// built began; each builder saves it, resets it, and folds its own height back in.
        var expressionHeight = 0
        /// Set when M0209 has been reported in the current top-level item.
        var expressionTooDeepReported = false
        /// How deep the recursion may go on this thread (see `Parser+Stack.swift`).
        let stack: StackBudget
        /// Set when the stack budget ran out first: the parse is abandoned and started again
        /// on a thread with a larger stack.
        var stackExhausted = false
        /// Set where no larger stack is available: running out is then the nesting limit.
        var reportsStackExhaustion = false
        /// Opening delimiters (brackets, braces, strings, interpolations) consumed and not yet
        /// closed, innermost last; recovery skips to the end of those a failed item opened.
        var openDelimiters: [Token] = []
        /// True where line breaks end things (top level, blocks, bodies, records); false inside
        /// `( )`, `[ ]` and interpolations.
        var lineContext = true
        /// The members of the bodies being read, the fields of the records being read and the
        /// elements of the list literals being read, innermost on top (see `ScratchStack`).
        var memberStack = ScratchStack<Member>(capacity: 64)
        var fieldStack = ScratchStack<Field>(capacity: 16)
        var elementStack = ScratchStack<Expr>(capacity: 16)

        /// A state over `tokens`, which must end with `endOfFile` (see `endingWithEndOfFile`)
        /// and stay alive and unchanged while the state is used.
        private init(file: SourceFile, tokens: UnsafeBufferPointer<Token>, stack: StackBudget) {
            self.file = file
            self.stack = stack
            self.fileID = file.id
            self.bytes = file.bytes
            self.spellings = SpellingTable(byteCount: file.bytes.count)
            self.tokens = tokens
        }

        /// The lexer always ends with `endOfFile`; this keeps the cursor safe if it did not.
        static func endingWithEndOfFile(_ tokens: [Token], file: SourceFile) -> [Token] {
            if let last = tokens.last, last.kind == .endOfFile { return tokens }
            let end = UInt32(file.bytes.count)
            return tokens + [Token(kind: .endOfFile, start: end, end: end)]
        }

        /// Parses `tokens` (ending with `endOfFile`) and says whether the stack budget ran out
        /// first. `notes` are the lexer's (see `LexerNotes`). `reportsStackExhaustion` makes running out the
        /// nesting limit instead.
        static func parse(
            _ file: SourceFile, tokens: [Token], notes: LexerNotes, stack: StackBudget,
            reportsStackExhaustion: Bool = false
        ) -> (ParseResult, stackExhausted: Bool) {
            tokens.withUnsafeBufferPointer { buffer in
                var state = State(file: file, tokens: buffer, stack: stack)
                state.reportsStackExhaustion = reportsStackExhaustion
                state.collectCommentsAndLexicalDiagnostics(notes.notable)
                let result = state.parseSourceFile(expectedItems: notes.topLevelLines)
                state.memberStack.deallocate()
                state.fieldStack.deallocate()
                state.elementStack.deallocate()
                return (result, state.stackExhausted)
            }
        }
    }
}

// MARK: - Source file

extension Parser.State {
    /// source_file = statement_list EOF ; (whose items are top_level_items)
    /// `expectedItems` sizes the item list (see `LexerNotes.topLevelLines`).
    mutating func parseSourceFile(expectedItems: Int) -> ParseResult {
        skipTrivia()
        var items: [TopLevelItem] = []
        // Capped at one item per 32 bytes, so unindented lines inside a long declaration
        // reserve at most about 7 bytes a source byte; denser files (`1` a line) grow past it.
        items.reserveCapacity(min(expectedItems, bytes.count / 32 + 1))
        while true {
            while at(.semicolon) { advance() }
            if atEnd { break }
            let startIndex = index
            let startOffset = current.start
            expressionTooDeepReported = false
            let item = parseTopLevelItem()
            if stackExhausted { break }
            if depthExceeded {
                // Skip the rest of this top-level item: every bracket it opened, then to the next line.
                synchronize(toDelimiterDepth: 0, stopAtComma: false, skipFirst: false)
                depthExceeded = false
                if let item, case .declaration = item {
                    items.append(item)
                } else {
                    items.append(.statement(Stmt(.error, span: span(from: startOffset))))
                }
                continue
            }
            if panicking {
                synchronize(toDelimiterDepth: 0, stopAtComma: false, skipFirst: index == startIndex)
                // A declaration whose body failed part-way is kept; anything else becomes an
                // error statement covering the text that was skipped.
                if let item, case .declaration = item {
                    items.append(item)
                } else if startOffset < previousEnd {
                    items.append(.statement(Stmt(.error, span: span(from: startOffset))))
                }
                continue
            }
            // The separator is looked at before the item is appended, so that the item moves
            // into the list: used after the append, it was copied (a retain of every part).
            if at(.semicolon) || atEnd || currentStartsLine {
                if let item { items.append(item) }
                continue
            }
            reportMissingStatementSeparator(after: item)
            if let item { items.append(item) }
            synchronize(toDelimiterDepth: 0, stopAtComma: false, skipFirst: false)
        }
        return finish(items: items)
    }

    /// top_level_item = import | declaration | statement ;
    mutating func parseTopLevelItem() -> TopLevelItem? {
        if at(.kwImport) {
            return parseImport().map(TopLevelItem.importDecl)
        }
        if let kind = declarationKindHere(insideBody: false) {
            let documentation = docComment(before: index)
            return parseDeclaration(kind, docComment: documentation, as: TopLevelItem.declaration)
        }
        let documentation = at(.kwLet) || at(.kwFn) ? docComment(before: index) : nil
        var statement = parseStatement(expecting: "a declaration or a statement")
        statement.docComment = documentation
        return .statement(statement)
    }

    /// import = "import" ( STRING | std_import ) ;
    mutating func parseImport() -> ImportDecl? {
        let importToken = current
        advance()
        if at(.stringStart) {
            let path = parseStringLiteral()
            guard !panicking, case .stringLiteral(let parts) = path.kind else { return nil }
            var text = ""
            for part in parts {
                switch part {
                case .text(let piece): text += piece
                case .interpolation:
                    reportError(Diagnostic(
                        .interpolatedImportPath, .error, "an import path cannot contain interpolation",
                        at: path.span, label: "this path interpolates a value",
                        help: "write the path as plain text, such as `import \"agreements/ana_dave.mentor\"`"))
                    return nil
                }
            }
            return ImportDecl(target: .path(text), targetSpan: path.span, span: span(from: importToken.start))
        }
        if at(.identifier), currentText(equals: "std") {
            let stdStart = current.start
            advance()
            guard let selection = parseStandardSelection() else { return nil }
            return ImportDecl(target: .std(selection), targetSpan: span(from: stdStart), span: span(from: importToken.start))
        }
        expected("a path string or `std` after `import`",
                 help: "import a file with `import \"path/to/file.mentor\"`, or the standard rules with `import std`")
        return nil
    }

    /// std_import = 'std' [ "." IDENTIFIER | 'except' IDENTIFIER { "," IDENTIFIER } ] ;
    /// `std` has been read; nil (with a diagnostic) when what follows cannot be read.
    mutating func parseStandardSelection() -> StandardSelection? {
        if at(.dot), !currentStartsLine {
            advance()
            guard at(.identifier) else {
                expected("a standard rule's name after `std.`", help: "import one standard rule with `import std.smart_goals`")
                return nil
            }
            let name = identifier(current)
            advance()
            return .only(name)
        }
        guard at(.identifier), !currentStartsLine, currentText(equals: "except") else { return .all }
        advance()
        var names: [Identifier] = []
        repeat {
            if !names.isEmpty { advance() }
            guard at(.identifier), names.isEmpty ? !currentStartsLine : true else {
                expected("a standard rule's name after `\(names.isEmpty ? "except" : ",")`",
                         help: "leave out standard rules with `import std except no_supervisor, boundaries`")
                return nil
            }
            names.append(identifier(current))
            advance()
        } while at(.comma) && !currentStartsLine
        return .except(names)
    }

    /// Sorts and de-duplicates the diagnostics and packages the result.
    mutating func finish(items: [TopLevelItem]) -> ParseResult {
        let ordered = diagnostics.enumerated().sorted { lhs, rhs in
            lhs.element.span.start != rhs.element.span.start
                ? lhs.element.span.start < rhs.element.span.start
                : lhs.offset < rhs.offset
        }
        var kept: [Diagnostic] = []
        kept.reserveCapacity(ordered.count)
        var lastLine = -1
        for (_, diagnostic) in ordered {
            let line = file.lineIndex(of: diagnostic.span.start)
            if line == lastLine { continue }
            lastLine = line
            kept.append(diagnostic)
        }
        let syntax = SourceFileSyntax(file: fileID, items: items, comments: comments)
        return ParseResult(
            syntax: syntax, diagnostics: kept,
            isIncomplete: endOfInputErrors > 0 && otherErrors == 0)
    }

    /// Comments for the formatter, and the lexer's diagnostics: from the tokens at `notable`,
    /// or from every token when the lexer could not say which those are.
    mutating func collectCommentsAndLexicalDiagnostics(_ notable: [UInt32]?) {
        if let notable {
            for position in notable { collectCommentOrLexicalDiagnostic(at: Int(position)) }
        } else {
            for position in tokens.indices { collectCommentOrLexicalDiagnostic(at: position) }
        }
    }

    /// Records the token at `position` if it is a comment or carries a lexical error.
    private mutating func collectCommentOrLexicalDiagnostic(at position: Int) {
        let token = tokens[position]
        switch token.kind {
        case .lineComment: comments.append(Comment(kind: .line, span: span(of: token)))
        case .blockComment: comments.append(Comment(kind: .block, span: span(of: token)))
        case .docComment: comments.append(Comment(kind: .doc, span: span(of: token)))
        default: break
        }
        guard token.error != .none,
            let diagnostic = LexicalDiagnostics.diagnostic(forTokenAt: position, of: tokens, in: file)
        else {
            return
        }
        diagnostics.append(diagnostic)
        // An unterminated `"""` string or block comment runs to the end of the input: the
        // REPL should ask for more rather than report it.
        let runsToEnd = token.error == .unterminatedBlockComment
            || (token.error == .unterminatedString && token.flags.contains(.multiline))
        if diagnostic.severity == .error {
            if runsToEnd { endOfInputErrors += 1 } else { otherErrors += 1 }
        }
    }
}
