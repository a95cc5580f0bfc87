import MentorDiagnostics
import MentorSource

// Declarations and their bodies: `KIND name ["Title"] [for target] [{ members }]`, rules and tests.
extension Parser.State {
    /// Decides whether the current token begins a declaration. Declaration words are contextual:
    /// the word must be followed, on the same line, by what its kind needs next (a name, a
    /// session number, a title, or a body). Nested kinds (`step`, `goal`, `session`) count only
    /// inside a body; the checker reports kinds in the wrong body.
    func declarationKindHere(insideBody: Bool) -> DeclarationKind? {
        guard kind == .identifier else { return nil }
        let token = current
        let length = token.end - token.start
        guard length >= 4, length <= 10 else { return nil }
        // A field's name is followed at once by its colon, which follows no declaration word
        // (the switch below refuses it too); the token after an identifier is never past the end.
        if tokens[index + 1].kind == .colon { return nil }
        // Then the word: most other members are fields, whose names end the test here.
        guard let kind = declarationWord(token) else { return nil }
        let nextIndex = significantIndex(after: index)
        guard !lineBreak(before: nextIndex) else { return nil }
        let next = tokens[nextIndex].kind
        switch kind {
        case .program: return next == .stringStart || next == .leftBrace ? kind : nil
        case .competency, .pathway, .person, .agreement, .agenda, .rule, .waiver, .field:
            return next == .identifier ? kind : nil
        case .test: return next == .stringStart ? kind : nil
        case .step, .goal: return insideBody && next == .identifier ? kind : nil
        case .session: return insideBody && next == .integer ? kind : nil
        }
    }

    /// The declaration kind spelled by `token`, compared byte by byte (this runs at the start
    /// of every statement).
    func declarationWord(_ token: Token) -> DeclarationKind? {
        func spells(_ word: StaticString) -> Bool { text(of: token, equals: word) }
        switch bytes[Int(token.start)] {
        case UInt8(ascii: "a"):
            if spells("agreement") { return .agreement }
            if spells("agenda") { return .agenda }
        case UInt8(ascii: "c"):
            if spells("competency") { return .competency }
        case UInt8(ascii: "f"):
            if spells("field") { return .field }
        case UInt8(ascii: "g"):
            if spells("goal") { return .goal }
        case UInt8(ascii: "p"):
            if spells("program") { return .program }
            if spells("pathway") { return .pathway }
            if spells("person") { return .person }
        case UInt8(ascii: "r"):
            if spells("rule") { return .rule }
        case UInt8(ascii: "s"):
            if spells("step") { return .step }
            if spells("session") { return .session }
        case UInt8(ascii: "t"):
            if spells("test") { return .test }
        case UInt8(ascii: "w"):
            if spells("waiver") { return .waiver }
        default:
            break
        }
        return nil
    }

    /// declaration = program_declaration | entity_declaration | session_declaration
    ///             | rule_declaration | test_declaration ;
    /// The kind word is current and `declarationKindHere` has checked the token after it.
    /// Returns nil when the header cannot be read (the caller re-synchronises).
    /// The parts are gathered in locals and the node is made once at the end: filling in a
    /// `var` node and returning it made the optimiser copy the whole node (retaining each of
    /// its parts) and then destroy the original.
    /// `wrap` makes the node the caller keeps (`TopLevelItem.declaration`, `Member.nested`) at the
    /// return, so the 184-byte declaration is written once into the result rather than handed
    /// back as an optional and copied again by `Optional.map`.
    mutating func parseDeclaration<Wrapped>(
        _ kind: DeclarationKind, docComment: String?, as wrap: (Declaration) -> Wrapped
    ) -> Wrapped? {
        let kindToken = current
        advance()
        var name: Identifier?
        var number: Int64?
        var numberSpan: Span?
        var title: Expr?
        var forOffset: UInt32?
        var target: Identifier?
        var isWarning = false
        var members: [Member] = []
        var body: [Stmt] = []
        var braces: Delimiters?
        switch kind {
        case .program:
            break
        case .session:
            let numberToken = current
            numberSpan = span(of: numberToken)
            // An out-of-range number was already reported by the lexer.
            number = numberToken.error == .none ? LiteralDecoder.integer(numberToken, in: file) : nil
            advance()
        case .test:
            title = parseStringLiteral()
            if at(.identifier), !currentStartsLine, currentText(equals: "on") {
                forOffset = current.start
                advance()
                guard at(.date), let date = LiteralDecoder.date(current, in: file) else {
                    expected("a date after `on`", help: "pin the day a test runs at with `test \"name\" on 2026-09-01 { … }`")
                    return nil
                }
                number = Declaration.packedDate(year: Int(date.year), month: Int(date.month), day: Int(date.day))
                advance()
            }
        default:
            name = identifier(current)
            advance()
        }
        if kind == .rule, at(.identifier), !currentStartsLine, currentText(equals: "warning") {
            isWarning = true
            advance()
        }
        if kind != .test, at(.stringStart), !currentStartsLine {
            title = parseStringLiteral()
        }
        if kind != .rule, kind != .test, at(.kwFor), !currentStartsLine {
            forOffset = current.start
            advance()
            guard at(.identifier) else {
                expected("a name after `for`", help: "`for` names the declaration this \(kind.rawValue) belongs to, as in `agenda plan for ana_dave`")
                return nil
            }
            target = identifier(current)
            advance()
        }
        guard !panicking else { return nil }
        switch kind {
        case .rule, .test:
            guard at(.leftBrace) else {
                expected(
                    "`{` to begin the \(kind.rawValue)'s body",
                    help: kind == .rule
                        ? "a rule is `rule name [warning] [\"Title\"] { statements }`"
                        : "a test is `test \"name\" { statements }`")
                return nil
            }
            (body, braces) = parseBlock()
        default:
            if at(.leftBrace) {
                (members, braces) = parseBody()
            } else if onSameLogicalLine, !atEnd, !at(.semicolon), !at(.rightBrace), !at(.comma) {
                expected(
                    "`{` or the end of the line after the \(kind.rawValue) header",
                    help: "a declaration is `\(kind.rawValue) \(kind == .session ? "N" : "name") [\"Title\"] [for target] { members }`")
                return nil
            }
        }
        return wrap(Declaration(
            title: title, docComment: docComment, members: members, body: body, name: name,
            kindSpan: span(of: kindToken), target: target, span: span(from: kindToken.start),
            storedBraces: braces ?? Declaration.noBraces, number: number, kind: kind, isWarning: isWarning,
            numberSpan: numberSpan, storedForOffset: forOffset ?? 0))
    }

    /// body = "{" member_list "}" ;
    mutating func parseBody() -> (members: [Member], braces: Delimiters) {
        let opener = current
        defer { exitNesting() }
        guard enterNesting() else { return ([], Delimiters(open: opener.start, close: opener.start)) }
        advance()
        let savedLineContext = lineContext
        lineContext = true
        defer { lineContext = savedLineContext }
        let members = parseMemberList()
        let close = depthExceeded ? previousEnd : expectClosing(.rightBrace, for: opener)
        return (members, Delimiters(open: opener.start, close: close))
    }

    /// member_list = [ member { member_separator member } [ "," ] ] ;
    /// member = field | declaration ;
    /// In a declaration body an unreadable member is skipped up to the next line, `,` or `}`.
    /// The members are collected on `memberStack` and moved into an array of their number when
    /// the body closes.
    mutating func parseMemberList() -> [Member] {
        let target = openDelimiters.count
        let first = memberStack.count
        while !at(.rightBrace), !atEnd {
            let startIndex = index
            if let kind = declarationKindHere(insideBody: true) {
                let documentation = docComment(before: index)
                if let member = parseDeclaration(kind, docComment: documentation, as: Member.nested) {
                    memberStack.push(member)
                }
            } else if let field = parseField(inBody: true), !panicking {
                memberStack.push(.field(field))
            }
            guard continuesMemberList(from: startIndex, target: target, inBody: true) else { break }
        }
        return memberStack.popArray(from: first)
    }

    /// The fields of a record (`member_list` with fields only), collected on `fieldStack` and
    /// moved into an array of their number. An unreadable field unwinds to the enclosing
    /// statement or member.
    mutating func parseRecordFields() -> [Field] {
        let target = openDelimiters.count
        let first = fieldStack.count
        while !at(.rightBrace), !atEnd {
            let startIndex = index
            if let field = parseField(inBody: false), !panicking {
                fieldStack.push(field)
            }
            guard continuesMemberList(from: startIndex, target: target, inBody: false) else { break }
        }
        return fieldStack.popArray(from: first)
    }

    /// After a member that began at token `startIndex`: consumes its separator (or, in a body,
    /// re-synchronises after an error) and says whether the list goes on. `target` is the
    /// delimiter depth of the list.
    @inline(__always)
    private mutating func continuesMemberList(from startIndex: Int, target: Int, inBody: Bool) -> Bool {
        if depthExceeded { return false }
        if panicking {
            guard inBody else { return false }
            synchronize(toDelimiterDepth: target, stopAtComma: true, skipFirst: index == startIndex)
            if at(.comma) { advance() }
            return true
        }
        if at(.comma) {
            advance()
            return true
        }
        if at(.rightBrace) || atEnd || currentStartsLine { return true }
        expected(
            "a line break or `,` after the \(inBody ? "member" : "field")",
            help: "put each member on its own line, or separate them with `,`", code: .missingSeparator)
        guard inBody else { return false }
        synchronize(toDelimiterDepth: target, stopAtComma: true, skipFirst: false)
        if at(.comma) { advance() }
        return true
    }

    /// field = IDENTIFIER ":" field_value ;
    /// Inlined into the two lists: called, it handed the field back through a buffer of its
    /// own, copied again into the list.
    @inline(__always)
    mutating func parseField(inBody: Bool) -> Field? {
        let what = inBody ? "a field `name: value` or a nested declaration" : "a field `name: value`"
        guard at(.identifier) else {
            expected(what, help: at(.comma) ? "remove the extra `,`" : nil)
            return nil
        }
        let nameToken = current
        advance()
        guard at(.colon) else {
            expected(
                "`:` after the field name `\(text(of: nameToken))`",
                help: inBody
                    ? "a member is `name: value`, or a nested declaration such as `goal name \"Title\" { … }`"
                    : "a record field is `name: value`")
            return nil
        }
        let colonOffset = current.start
        advance()
        let value = parseFieldValue()
        return Field(name: identifier(nameToken), colonOffset: colonOffset, value: value, span: span(from: nameToken.start))
    }

    /// field_value = expression { "," "then" expression } ;
    mutating func parseFieldValue() -> Expr {
        let first = parseExpression()
        // Most values are one expression: the phases are read out of line.
        guard !panicking, at(.comma) else { return first }
        return parseCadencePhases(after: first)
    }

    /// The `, then C` phases after the first expression of a field value, a `,` being current.
    @inline(never)
    private mutating func parseCadencePhases(after first: consuming Expr) -> Expr {
        if !panicking, at(.comma), nextKind == .endOfFile {
            // `cadence: weekly for 4 weeks,` at the end of the input: a phase may follow.
            advance()
            expected("`then` and the next cadence phase")
        }
        guard !panicking, at(.comma), nextKind == .kwThen else { return first }
        var phases = [first]
        var thenOffsets: [UInt32] = []
        while !panicking, at(.comma), nextKind == .kwThen {
            advance()
            thenOffsets.append(current.start)
            advance()
            phases.append(parseExpression())
        }
        let whole = phases[0].span.merged(with: phases[phases.count - 1].span)
        return Expr(.cadenceThen(phases, thenOffsets: thenOffsets), span: whole)
    }

    /// The `///` lines alone on the lines just before the token at `position`, markers and one
    /// following space removed, joined with line feeds; nil when there are none.
    func docComment(before position: Int) -> String? {
        var before = position - 1
        while before >= 0, tokens[before].kind == .newline { before -= 1 }
        guard before >= 0, tokens[before].kind == .docComment else { return nil }
        var expectedLine = file.lineIndex(of: tokens[position].start) - 1
        var lines: [Token] = []
        var previous = position - 1
        while previous >= 0 {
            let token = tokens[previous]
            if token.kind == .newline {
                previous -= 1
                continue
            }
            guard token.kind == .docComment, file.lineIndex(of: token.start) == expectedLine else { break }
            // A `///` after code on the same line documents nothing.
            if previous > 0, tokens[previous - 1].kind != .newline,
                file.lineIndex(of: tokens[previous - 1].end) == expectedLine
            {
                break
            }
            lines.append(token)
            expectedLine -= 1
            previous -= 1
        }
        guard !lines.isEmpty else { return nil }
        var text = ""
        for (number, token) in lines.reversed().enumerated() {
            if number > 0 { text += "\n" }
            var start = Int(token.start) + 3
            let end = Int(token.end)
            if start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
            text += String(decoding: bytes[min(start, end)..<end], as: UTF8.self)
        }
        return text
    }
}
