import MentorDiagnostics
import MentorSource

/// Turns a syntax tree into a `FormatDoc`. It visits the tree in source order, so the comment
/// cursor can hand each comment out at the place it was written.
struct FormatBuilder {
    let source: SourceFile
    var comments: FormatComments

    init(source: SourceFile, comments: [Comment]) {
        self.source = source
        self.comments = FormatComments(file: source, comments: comments)
    }

    /// The source text of `span`, as written.
    func verbatim(_ span: Span) -> String { source.text(span) }

    /// A token with a known place: comments before it first, then its text.
    mutating func token(_ text: String, at span: Span) -> FormatDoc {
        var docs = comments.leading(before: span.start, blankLines: false)
        docs.append(.text(text))
        comments.advance(to: span.end)
        return docs.count == 1 ? docs[0] : .concat(docs)
    }

    /// A keyword or punctuation the tree places at `offset`: comments before it are printed
    /// before it. Without an offset (a tree the parser did not make) it is the text alone.
    mutating func keyword(_ text: String, at offset: UInt32?) -> FormatDoc {
        guard let offset else { return .text(text) }
        return token(text, at: Span(file: source.id, start: offset, end: offset + UInt32(text.utf8.count)))
    }

    /// A token copied from the source; comments inside it (in an interpolation) go with it.
    mutating func verbatimToken(_ span: Span) -> FormatDoc {
        var docs = comments.leading(before: span.start, blankLines: false)
        docs.append(.text(verbatim(span)))
        comments.skip(inside: span)
        return docs.count == 1 ? docs[0] : .concat(docs)
    }

    // MARK: - Files

    /// The whole file, printed into `layout`: items one per line, one empty line around
    /// multi-line items, the user's single empty lines kept elsewhere. Each item is printed as
    /// soon as it is built (after the line break before it, where the layout may be cut), so the
    /// document of a long file never exists whole: it was most of `fmt`'s peak memory.
    mutating func sourceFile(_ syntax: SourceFileSyntax, into layout: inout FormatLayout) {
        // Whether an empty line goes before an item depends on how it and the item before it
        // are laid out, and their comments must be taken in source order.
        var previousIsBig = false
        for (index, item) in syntax.items.enumerated() {
            var docs: [FormatDoc] = []
            var leading = comments.leading(before: Self.start(of: item), blankLines: true, atBlockStart: index == 0)
            let doc = self.item(item)
            leading.append(doc)
            comments.advance(to: Self.end(of: item))
            let isLast = index + 1 == syntax.items.count
            let nextStart = isLast ? UInt32.max : Self.start(of: syntax.items[index + 1])
            let trailing = comments.trailing(before: nextStart)
            leading += trailing
            // A block comment after the item shares its line, so it counts towards whether the
            // item fits (else the item breaks without the empty line a second run would add).
            let sameLine = trailing.filter { if case .inlineComment = $0 { true } else { false } }
            let isBig = Self.isMultiLine(item, .concat([doc] + sameLine))
            if index > 0 { docs.append(isBig || previousIsBig ? .blankLine : .hardLine) }
            docs += leading
            // The comments after the last item follow it without a break of their own.
            if isLast { docs += restOfFile(isEmpty: false) }
            layout.print(.concat(docs))
            previousIsBig = isBig
        }
        if syntax.items.isEmpty { layout.print(.concat(restOfFile(isEmpty: true))) }
    }

    /// The comments after the last item (or of a file without items).
    private mutating func restOfFile(isEmpty: Bool) -> [FormatDoc] {
        var rest = comments.leading(before: UInt32.max, blankLines: true, atBlockStart: isEmpty)
        if case .blankLine = rest.last { rest.removeLast() }
        return rest
    }

    mutating func item(_ item: TopLevelItem) -> FormatDoc {
        switch item {
        case .declaration(let declaration): return self.declaration(declaration)
        case .importDecl(let importDecl):
            let keyword = FormatDoc.text("import ")
            guard case .std(let selection) = importDecl.target else { return .concat([keyword, verbatimToken(importDecl.targetSpan)]) }
            // `std`, then the selection in one canonical spacing: `std.x`, `std except a, b`.
            let std = Span(file: importDecl.targetSpan.file, start: importDecl.targetSpan.start, end: importDecl.targetSpan.start + 3)
            var parts = [keyword, verbatimToken(std)]
            switch selection {
            case .all:
                break
            case .only(let name):
                parts += [.text("."), verbatimToken(name.span)]
            case .except(let names):
                parts.append(.text(" except "))
                for (position, name) in names.enumerated() {
                    if position > 0 { parts.append(.text(", ")) }
                    parts.append(verbatimToken(name.span))
                }
            }
            return .concat(parts)
        case .statement(let statement): return self.statement(statement)
        }
    }

    static func start(of item: TopLevelItem) -> UInt32 {
        switch item {
        case .declaration(let declaration): declaration.span.start
        case .importDecl(let importDecl): importDecl.span.start
        case .statement(let statement): statement.span.start
        }
    }

    static func end(of item: TopLevelItem) -> UInt32 {
        switch item {
        case .declaration(let declaration): declaration.span.end
        case .importDecl(let importDecl): importDecl.span.end
        case .statement(let statement): statement.span.end
        }
    }

    /// An item that does not fit on one line (an empty line separates it from its neighbours).
    static func isMultiLine(_ item: TopLevelItem, _ doc: FormatDoc) -> Bool {
        !FormatLayout.fitsOnOneLine(doc, width: SourceFormatter.lineWidth)
    }

    // MARK: - Blocks

    /// `{ statements }`, one statement per line; `close` is the offset of the `}`.
    mutating func block(_ statements: [Stmt], close: UInt32) -> FormatDoc {
        var inner: [FormatDoc] = []
        for (index, statement) in statements.enumerated() {
            inner.append(.hardLine)
            inner += comments.leading(before: statement.span.start, blankLines: true, atBlockStart: index == 0)
            inner.append(self.statement(statement))
            comments.advance(to: statement.span.end)
            inner += comments.trailing(before: index + 1 < statements.count ? statements[index + 1].span.start : close)
        }
        inner += comments.leading(before: close, blankLines: true, atBlockStart: statements.isEmpty)
        if case .blankLine = inner.last { inner.removeLast() }
        comments.advance(to: close + 1)
        if inner.isEmpty { return .text("{}") }
        return .concat([.text("{"), .indent(inner), .hardLine, .text("}")])
    }

    // MARK: - Bracketed lists

    /// One element of a bracketed, comma-separated list.
    enum ListElement {
        case expression(Expr)
        case field(Field)
        case argument(Argument)
        case parameter(Identifier)

        var start: UInt32 {
            switch self {
            case .expression(let expression): expression.span.start
            case .field(let field): field.span.start
            case .argument(let argument): argument.label?.span.start ?? argument.value.span.start
            case .parameter(let name): name.span.start
            }
        }

        var end: UInt32 {
            switch self {
            case .expression(let expression): expression.span.end
            case .field(let field): field.span.end
            case .argument(let argument): argument.value.span.end
            case .parameter(let name): name.span.end
            }
        }
    }

    /// `open elements close` on one line when it fits (`padded` puts spaces inside, as in
    /// `{ a: 1 }`), else one element per line with a trailing comma. `close` is the offset of
    /// the closing bracket; comments inside force the broken layout.
    mutating func bracketed(_ open: String, _ closeText: String, _ elements: [ListElement], close: UInt32, padded: Bool) -> FormatDoc {
        let edge: FormatDoc = padded ? .line : .softLine
        var inner: [FormatDoc] = []
        inner += comments.trailing(before: elements.first?.start ?? close)
        for (index, element) in elements.enumerated() {
            inner.append(index == 0 ? edge : .line)
            inner += comments.leading(before: element.start, blankLines: false)
            inner.append(listElement(element))
            comments.advance(to: element.end)
            let isLast = index + 1 == elements.count
            inner.append(isLast ? .choice(broken: ",", flat: "") : .text(","))
            inner += comments.trailing(before: isLast ? close : elements[index + 1].start)
        }
        let dangling = comments.leading(before: close, blankLines: false)
        comments.advance(to: close + 1)
        if elements.isEmpty && inner.isEmpty && dangling.isEmpty { return .text(open + closeText) }
        inner += dangling
        return .group([.text(open), .indent(inner), elements.isEmpty ? .hardLine : edge, .text(closeText)])
    }

    mutating func listElement(_ element: ListElement) -> FormatDoc {
        switch element {
        case .expression(let expression): return self.expression(expression)
        case .field(let field): return self.field(field)
        case .argument(let argument):
            guard let label = argument.label else { return expression(argument.value) }
            let name = token(label.name, at: label.span)
            return .concat([name, keyword(":", at: argument.colonOffset), .text(" "), expression(argument.value)])
        case .parameter(let name): return token(name.name, at: name.span)
        }
    }

    /// `name: value`
    mutating func field(_ field: Field) -> FormatDoc {
        let name = token(field.name.name, at: field.name.span)
        let colon = keyword(":", at: field.colonOffset)
        let value = fieldValue(field.value)
        comments.advance(to: field.span.end)
        return .concat([name, colon, .text(" "), value])
    }

    /// A field or `let` value: an expression or cadence phases joined by `, then`.
    mutating func fieldValue(_ value: Expr) -> FormatDoc {
        guard case .cadenceThen(let phases, let thenOffsets) = value.kind else { return expression(value) }
        var docs = comments.leading(before: value.span.start, blankLines: false)
        for (index, phase) in phases.enumerated() {
            if index > 0 {
                let thenOffset = index - 1 < thenOffsets.count ? thenOffsets[index - 1] : nil
                docs += [.text(", "), keyword("then", at: thenOffset), .text(" ")]
            }
            docs.append(expression(phase))
        }
        comments.advance(to: value.span.end)
        return .concat(docs)
    }
}
