import MentorSyntax
import MentorSource

/// What an editor shows over a position: Markdown, and the span it describes.
public struct Hover: Sendable, Hashable {
    /// The text, in Markdown.
    public var markdown: String
    /// The name or word hovered.
    public var span: Span
}

extension ProgramQueries {
    /// What to show over `offset` of `file`: for a declared name its kind, title and `///` doc
    /// (for an agreement also its facts at the engine's `today`, for a rule its title and
    /// severity); for a field name or a member after `.` its type and doc from the schema. Nil
    /// where nothing is named.
    public func hover(in file: FileID, at offset: UInt32) -> Hover? {
        if let occurrence = index.occurrence(in: file, at: offset) {
            return Hover(markdown: describe(occurrence.symbol), span: occurrence.span)
        }
        guard let source = engine.sources.file(file) else { return nil }
        let context = TokenContext(source)
        guard let position = context.tokenIndex(at: offset), context.tokens[position].kind == .identifier else { return nil }
        let name = context.text(position)
        if let previous = context.previousSignificant(before: position), context.tokens[previous].kind == .dot {
            let rows = Self.memberRows(named: name)
            guard !rows.isEmpty else { return nil }
            return Hover(markdown: rows.map { Self.describe($0.row, of: $0.kind, qualified: true) }.joined(separator: "\n\n"),
                         span: context.span(position))
        }
        guard let next = context.nextSignificant(after: position), context.tokens[next].kind == .colon,
              let entity = fieldOwner(context, fieldAt: position),
              let row = DomainSchema.schema(of: entity.kind).rows.first(where: { $0.name == name }) else { return nil }
        return Hover(markdown: Self.describe(row, of: entity.kind, qualified: false), span: context.span(position))
    }

    /// The markdown describing a symbol.
    func describe(_ id: SymbolIndex.SymbolID) -> String {
        let symbol = index.symbols[id]
        var heading = "**\(symbol.kind.word)** `\(symbol.name)`"
        if let title = symbol.title, symbol.kind != .declaration(.test) { heading += " — \(title)" }
        if let container = symbol.containerName { heading += " (in `\(container)`)" }
        var parts = [heading]
        if case .topLevelFunction = symbol.kind, let file = engine.sources.file(symbol.span.file) {
            let firstLine = file.text(symbol.span).split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            parts.append("```mentor\n\(firstLine)\n```")
        }
        if let doc = symbol.docComment, !doc.isEmpty { parts.append(doc) }
        if let entity = index.entities[id] {
            switch entity.kind {
            case .agreement: parts.append(agreementFacts(entity))
            case .rule: parts.append("Severity: \(engine.model.site(of: entity).isWarning ? "warning" : "error")")
            default: break
            }
        }
        return parts.joined(separator: "\n\n")
    }

    /// An agreement's computed facts at `today`: a list of what `check` and the exports read.
    private func agreementFacts(_ agreement: EntityRef) -> String {
        let interpreter = engine.interpreter
        let today = interpreter.today
        // A fresh step budget: what ran before (the rules of `check`) must not leave the hover short.
        interpreter.resetBudget()
        func member(_ name: String) -> Value? {
            engine.withLargeStack { try? engine.model.member(of: agreement, name: name, span: engine.model.nameSpan(of: agreement), interpreter: interpreter) }
        }
        var lines = ["Facts on \(today):"]
        if let end = member("end") { lines.append("- end: \(end.displayText(in: engine.model.store))") }
        if let status = member("status") { lines.append("- status: \(status.displayText(in: engine.model.store))") }
        if case .list(let dates)? = member("schedule") {
            let planned = dates.count { if case .date(let date) = $0 { date <= today } else { false } }
            var held = 0
            if case .list(let heldDates)? = member("held") {
                held = heldDates.count { if case .date(let date) = $0 { date <= today } else { false } }
            }
            lines.append("- sessions to date: \(planned) planned, \(held) held")
        }
        if let next = member("next_session") { lines.append("- next session: \(next.displayText(in: engine.model.store))") }
        if case .list(let reviews)? = member("reviews") {
            let next = reviews.first { if case .date(let date) = $0 { date >= today } else { false } }
            lines.append("- next review: \(next?.displayText(in: engine.model.store) ?? "none")")
        }
        return lines.joined(separator: "\n")
    }

    /// The entity whose body gives the field named by the token at `position`: the innermost
    /// declaration around it, when no bracket of a value stands between the two.
    func fieldOwner(_ context: TokenContext, fieldAt position: Int) -> EntityRef? {
        let offset = context.tokens[position].start
        guard let entity = innermostEntity(in: context.file.id, at: offset) else { return nil }
        var depth = 0
        for token in context.tokens where token.start >= engine.model.site(of: entity).span.start && token.start < offset {
            switch token.kind {
            case .leftBrace, .leftBracket, .leftParen: depth += 1
            case .rightBrace, .rightBracket, .rightParen: depth -= 1
            default: break
            }
        }
        return depth == 1 ? entity : nil
    }

    /// The innermost declaration whose extent holds `offset` of `file`.
    func innermostEntity(in file: FileID, at offset: UInt32) -> EntityRef? {
        var best: EntityRef?
        for entity in index.entities.values {
            let span = engine.model.site(of: entity).span
            guard span.file == file, span.start <= offset, offset <= span.end else { continue }
            if let current = best, engine.model.site(of: current).span.start > span.start { continue }
            best = entity
        }
        return best
    }

    /// Every kind's field or computed member called `name`.
    static func memberRows(named name: String) -> [(kind: DeclarationKind, row: SchemaRow)] {
        DeclarationKind.allCases.compactMap { kind in DomainSchema.schema(of: kind).rows.first { $0.name == name }.map { (kind, $0) } }
    }

    /// A schema row in Markdown: name, type, whether required, doc.
    static func describe(_ row: SchemaRow, of kind: DeclarationKind, qualified: Bool) -> String {
        let name = qualified ? "\(kind.rawValue).\(row.name)" : row.name
        switch row {
        case .field(let field):
            return "**field** `\(name)`: \(field.type.description)\(field.isRequired ? " (required)" : "")\n\n\(field.doc)"
        case .computed(let member):
            return "**member** `\(name)`: \(member.typeName)\n\n\(member.doc)"
        }
    }
}
