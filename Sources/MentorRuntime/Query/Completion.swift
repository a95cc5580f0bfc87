import MentorSyntax
import MentorSource

/// One thing an editor can offer at the cursor.
public struct CompletionItem: Sendable, Hashable {
    /// What is offered.
    public enum Kind: String, Sendable, Hashable {
        /// A field of the declaration being written (`mentor`), inserted with its `: `.
        case field
        /// A member after `.`: a field, a computed member, or a built-in member of a value.
        case member
        /// A declared name (a person, a competency…), a `let`, a `fn` or a built-in.
        case name
        /// A reserved word or a declaration word.
        case keyword
        /// A word standing for itself: a channel, a booking role, a cadence.
        case value
        /// A rule of the standard library, after `std.`.
        case standardRule
        /// A file to import, relative to the importing file.
        case file
    }

    /// What the list shows and what is matched against what was typed.
    public var label: String
    /// What is offered.
    public var kind: Kind
    /// A short line beside the label: a field's type, a declaration's kind.
    public var detail: String?
    /// Longer documentation: a field's doc, a declaration's `///` doc.
    public var documentation: String?
    /// The text inserted in place of `replacing` (the label, or `name: ` for a field).
    public var insertText: String
    /// The bytes of the typed text that the insertion replaces: the part of the word already typed.
    public var replacing: Range<UInt32>
}

extension ProgramQueries {
    /// What to offer at `offset` of `text`, the current contents of the file at `path` (which may
    /// not parse, and may differ from what the programme was built from). The context is read from
    /// the text's tokens: field names for the declaration being written (less those already
    /// given), names of the kind the field expects, members after `.` (of the receiver's kind when
    /// it is known), channel, booking and cadence words, `std.` rules, import paths, keywords.
    /// Items start with the part of the word already typed.
    public func completions(path: String, text: String, at offset: UInt32) -> [CompletionItem] {
        let file = SourceFile(id: FileID(UInt32.max - 1), path: path, text: text)
        let context = TokenContext(file)
        var completer = Completer(queries: self, context: context, offset: min(offset, UInt32(file.bytes.count)))
        return completer.items()
    }
}

/// Works out what to offer at one cursor position.
private struct Completer {
    let queries: ProgramQueries
    let context: TokenContext
    let offset: UInt32
    /// Where the word being typed starts, and what of it is typed.
    private(set) var wordStart: UInt32
    private(set) var prefix = ""
    /// The position of the last significant token before the word being typed.
    private var previous: Int?

    init(queries: ProgramQueries, context: TokenContext, offset: UInt32) {
        self.queries = queries
        self.context = context
        self.offset = offset
        wordStart = offset
        var before = context.tokens.lastIndex { $0.end <= offset && $0.kind != .endOfFile }
        if let position = before, context.tokens[position].end == offset,
           context.tokens[position].kind == .identifier || context.tokens[position].kind.reservedWord != nil {
            wordStart = context.tokens[position].start
            prefix = context.text(position)
            before = position
            previous = context.previousSignificant(before: position)
        } else if let position = before {
            previous = Self.isSignificant(context.tokens[position].kind) ? position : context.previousSignificant(before: position)
        }
    }

    private static func isSignificant(_ kind: TokenKind) -> Bool {
        switch kind {
        case .lineComment, .blockComment, .docComment, .newline, .endOfFile: false
        default: true
        }
    }

    private var previousKind: TokenKind? { previous.map { context.tokens[$0].kind } }

    mutating func items() -> [CompletionItem] {
        if let importItems = importPaths() { return filtered(importItems) }
        if previousKind == .dot, let dot = previous { return filtered(members(beforeDot: dot)) }
        if let owner = enclosingDeclaration() {
            if let field = fieldBeingValued(owner) { return filtered(values(for: field, of: owner.kind)) }
            if startsEntry() { return filtered(fieldItems(owner) + nestedKindItems(owner.kind)) }
        } else if startsEntry(), braceDepth() == 0 {
            return filtered(keywordItems(SyntaxVocabulary.declarationWords.map(\.word) + ["let", "fn", "import"]) + nameItems())
        }
        return filtered(localItems() + nameItems() + keywordItems(SyntaxVocabulary.reservedWords.map(\.word)))
    }

    /// Names bound before the cursor in the top-level item it is in: `let`s, `fn`s and their
    /// parameters, loop variables and lambda parameters (read from the tokens, so text being
    /// typed has them too; a name from a block already closed may be among them).
    private func localItems() -> [CompletionItem] {
        var depth = 0
        var itemStart = 0
        for (position, token) in context.tokens.enumerated() where token.end <= wordStart {
            switch token.kind {
            case .leftBrace, .leftBracket, .leftParen: depth += 1
            case .rightBrace, .rightBracket, .rightParen: depth = max(0, depth - 1)
            default: if depth == 0, token.flags.contains(.atLineStart) { itemStart = position }
            }
        }
        var names: [(String, String)] = []
        var position = itemStart
        var inParameters = false
        while position < context.tokens.count, context.tokens[position].end <= wordStart {
            let kind = context.tokens[position].kind
            let next = position + 1 < context.tokens.count ? context.tokens[position + 1].kind : nil
            if kind == .identifier {
                if position > 0, context.tokens[position - 1].kind == .kwLet { names.append((context.text(position), "let")) }
                else if position > 0, context.tokens[position - 1].kind == .kwFn { names.append((context.text(position), "fn")) }
                else if next == .kwIn { names.append((context.text(position), "loop variable")) }
                else if next == .arrow || inParameters { names.append((context.text(position), "parameter")) }
            }
            if kind == .leftParen, position > 1, context.tokens[position - 2].kind == .kwFn { inParameters = true }
            if kind == .rightParen { inParameters = false }
            position += 1
        }
        return names.map { item($0.0, .name, detail: $0.1) }
    }

    private func filtered(_ items: [CompletionItem]) -> [CompletionItem] {
        var seen = Set<String>()
        return items.filter { $0.label.hasPrefix(prefix) && seen.insert($0.label).inserted }
    }

    private func item(_ label: String, _ kind: CompletionItem.Kind, detail: String? = nil, documentation: String? = nil,
                      insert: String? = nil) -> CompletionItem {
        CompletionItem(label: label, kind: kind, detail: detail, documentation: documentation, insertText: insert ?? label,
                       replacing: wordStart..<offset)
    }

    // MARK: Where the cursor is

    /// True when the word being typed starts a line, or follows the `{` of a body.
    private func startsEntry() -> Bool {
        guard let previous else { return true }
        if context.tokens[previous].kind == .leftBrace || context.tokens[previous].kind == .rightBrace { return true }
        let file = context.file
        return file.lineIndex(of: context.tokens[previous].end == 0 ? 0 : context.tokens[previous].end - 1) < file.lineIndex(of: wordStart)
    }

    /// How many brackets are open at the word being typed.
    private func braceDepth() -> Int {
        openBrackets().count
    }

    /// The positions of the brackets open at the word being typed, outermost first.
    private func openBrackets() -> [Int] {
        var open: [Int] = []
        for (position, token) in context.tokens.enumerated() where token.end <= wordStart {
            switch token.kind {
            case .leftBrace, .leftBracket, .leftParen: open.append(position)
            case .rightBrace, .rightBracket, .rightParen: _ = open.popLast()
            default: break
            }
        }
        return open
    }

    /// The declaration whose body holds the cursor directly (no bracket of a value between), with
    /// the position of its `{`.
    private func enclosingDeclaration() -> (kind: DeclarationKind, brace: Int, valueBrackets: [Int])? {
        let open = openBrackets()
        for index in open.indices.reversed() where context.tokens[open[index]].kind == .leftBrace {
            guard let kind = declarationKind(openedBy: open[index]) else { continue }
            return (kind, open[index], Array(open[(index + 1)...]))
        }
        return nil
    }

    /// The kind of the declaration whose body the `{` at `brace` opens: its header is the kind
    /// word, a name or number, a title, `for` and a target, `warning`, on the `{`'s line.
    private func declarationKind(openedBy brace: Int) -> DeclarationKind? {
        var position = brace
        let line = context.file.lineIndex(of: context.tokens[brace].start)
        while let earlier = context.previousSignificant(before: position),
              context.file.lineIndex(of: context.tokens[earlier].start) == line {
            position = earlier
        }
        guard context.tokens[position].kind == .identifier else { return nil }
        return DeclarationKind(rawValue: context.text(position))
    }

    /// The field whose value the cursor is in: `name:` directly in the body, the value after it,
    /// possibly inside its list brackets.
    private func fieldBeingValued(_ owner: (kind: DeclarationKind, brace: Int, valueBrackets: [Int])) -> FieldRow? {
        let anchor: Int?
        if let list = owner.valueBrackets.first {
            guard owner.valueBrackets.count == 1, context.tokens[list].kind == .leftBracket else { return nil }
            anchor = context.previousSignificant(before: list)
        } else {
            guard previousKind == .colon, !startsEntry() else { return nil }
            anchor = previous
        }
        guard let colon = anchor, context.tokens[colon].kind == .colon,
              let name = context.previousSignificant(before: colon), context.tokens[name].kind == .identifier else { return nil }
        return DomainSchema.schema(of: owner.kind).field(named: context.text(name))
    }

    // MARK: What to offer

    private func fieldItems(_ owner: (kind: DeclarationKind, brace: Int, valueBrackets: [Int])) -> [CompletionItem] {
        var given = Set<String>()
        var depth = 0
        for position in (owner.brace + 1)..<context.tokens.count {
            let token = context.tokens[position]
            switch token.kind {
            case .leftBrace, .leftBracket, .leftParen: depth += 1
            case .rightBrace, .rightBracket, .rightParen: depth -= 1
            case .identifier where depth == 0 && token.start != wordStart:
                if let next = context.nextSignificant(after: position), context.tokens[next].kind == .colon { given.insert(context.text(position)) }
            default: break
            }
            if depth < 0 { break }
        }
        return DomainSchema.schema(of: owner.kind).fields.filter { !given.contains($0.name) }.map { row in
            item(row.name, .field, detail: row.type.description + (row.isRequired ? " (required)" : ""), documentation: row.doc, insert: row.name + ": ")
        }
    }

    private func nestedKindItems(_ kind: DeclarationKind) -> [CompletionItem] {
        keywordItems(DomainSchema.nestedKinds(of: kind).map(\.rawValue))
    }

    private func keywordItems(_ words: [String]) -> [CompletionItem] {
        words.map { item($0, .keyword) }
    }

    /// What a field's value may be: names of the kind it expects, its words, cadences.
    private func values(for field: FieldRow, of kind: DeclarationKind) -> [CompletionItem] {
        switch field.type {
        case .entity(let expected), .list(.entity(let expected)):
            return declaredNames(of: expected)
        case .symbol(let words), .list(.symbol(let words)):
            return words.sorted().map { item($0, .value, detail: field.name) }
        case .cadence, .singlePhaseCadence:
            return cadenceWords()
        case .keyedBy(let expected, _):
            return declaredNames(of: expected)
        default:
            return nameItems()
        }
    }

    private func declaredNames(of kind: DeclarationKind) -> [CompletionItem] {
        queries.index.symbols.filter { $0.kind == .declaration(kind) && $0.isRenamable }.map {
            item($0.name, .name, detail: $0.title.map { "\(kind.rawValue) — \($0)" } ?? kind.rawValue, documentation: $0.docComment)
        }
    }

    private func cadenceWords() -> [CompletionItem] {
        let globals = queries.engine.globals
        let named = globals.allNames.filter { name in
            guard let index = globals.index(of: name), case .value(.cadence) = globals.bindings[index] else { return false }
            return true
        }
        return named.map { item($0, .value, detail: "cadence") } + [item("every", .keyword, detail: "every N days, weeks or months")]
    }

    /// Top-level names: declarations, `let`s, `fn`s and built-ins.
    private func nameItems() -> [CompletionItem] {
        var items: [CompletionItem] = []
        for symbol in queries.index.symbols where symbol.containerName == nil && symbol.isRenamable {
            if case .local = symbol.kind { continue }
            items.append(item(symbol.name, .name, detail: symbol.kind.word, documentation: symbol.docComment))
        }
        let declared = Set(items.map(\.label))
        for name in queries.engine.globals.allNames where !declared.contains(name) && SyntaxVocabulary.isName(name) {
            items.append(item(name, .name, detail: "built-in"))
        }
        return items
    }

    /// The members of what stands before the `.` at `dot`.
    private func members(beforeDot dot: Int) -> [CompletionItem] {
        guard let receiver = context.previousSignificant(before: dot) else { return [] }
        if context.tokens[receiver].kind == .identifier, context.text(receiver) == "std",
           context.previousSignificant(before: receiver).map({ context.tokens[$0].kind }) != .dot {
            return queries.engine.names.standardRules.map { rule in
                item(rule.name, .standardRule, detail: queries.engine.model.title(of: rule.entity), documentation: queries.engine.model.site(of: rule.entity).docComment)
            }
        }
        switch ReceiverType.of(tokenAt: receiver, in: context, queries: queries) {
        case .entity(let kind):
            return memberItems(of: kind)
        case .list:
            return (Members.listProperties.union(Members.listMethods)).sorted().map { item($0, .member, detail: "list") }
        case .unknown:
            return DeclarationKind.allCases.flatMap { memberItems(of: $0) }
        }
    }

    private func memberItems(of kind: DeclarationKind) -> [CompletionItem] {
        [item("id", .member, detail: "string", documentation: "The declared name."),
         item("title", .member, detail: "string or none", documentation: "The title, if given.")]
            + DomainSchema.schema(of: kind).rows.map { row in
                switch row {
                case .field(let field): item(field.name, .member, detail: field.type.description, documentation: field.doc)
                case .computed(let member): item(member.name, .member, detail: member.typeName, documentation: member.doc)
                }
            }
    }

    /// Files to import when the cursor is in the string after `import`, relative to this file.
    private func importPaths() -> [CompletionItem]? {
        guard let current = context.tokens.lastIndex(where: { $0.start < offset && $0.kind != .endOfFile }) else { return nil }
        var position = current
        if context.tokens[position].kind == .stringText, position > 0 { position -= 1 }
        guard context.tokens[position].kind == .stringStart, offset >= context.tokens[position].end,
              let keyword = context.previousSignificant(before: position), context.tokens[keyword].kind == .kwImport else { return nil }
        let typedStart = context.tokens[position].end
        let directory = Self.directory(of: context.file.path)
        var items: [CompletionItem] = []
        for file in queries.engine.sources.allFiles where file.path != context.file.path && file.path.hasSuffix(".mentor") {
            guard let relative = Self.relativePath(of: file.path, from: directory) else { continue }
            items.append(CompletionItem(label: relative, kind: .file, detail: nil, documentation: nil, insertText: relative,
                                        replacing: typedStart..<offset))
        }
        let typed = String(decoding: context.file.bytes[Int(typedStart)..<Int(offset)], as: UTF8.self)
        return items.filter { $0.label.hasPrefix(typed) }.sorted { $0.label < $1.label }
    }

    static func directory(of path: String) -> [Substring] {
        Array(path.split(separator: "/", omittingEmptySubsequences: false).dropLast()).filter { $0 != "." }
    }

    /// `path` written relative to the folder `directory` (`../people.mentor`).
    static func relativePath(of path: String, from directory: [Substring]) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).filter { $0 != "." }
        guard !path.hasPrefix("<") else { return nil }
        var common = 0
        while common < directory.count, common < parts.count - 1, directory[common] == parts[common] { common += 1 }
        let ups = Array(repeating: "..", count: directory.count - common)
        return (ups + parts[common...].map(String.init)).joined(separator: "/")
    }
}

/// What the expression before a `.` is known to be, from the tokens alone: a declared name, a
/// collection, a loop variable over one, or a member chain of these.
enum ReceiverType: Equatable {
    case entity(DeclarationKind)
    /// A list, of entities of the kind when known.
    case list(DeclarationKind?)
    case unknown

    /// One step from a receiver back towards where its type is known.
    private enum Step {
        /// `base.NAME`: the member of the base's type.
        case member(String)
        /// A loop variable: an element of the loop's collection.
        case element
    }

    /// Walks back to the chain's root first and applies the steps forward, in a loop rather
    /// than by recursion: the text may be any length (`x.x.x…` a hundred thousand links long,
    /// which the parser refuses but completion still reads), and a call per link overflowed
    /// the stack.
    static func of(tokenAt start: Int, in context: TokenContext, queries: ProgramQueries) -> ReceiverType {
        var steps: [Step] = []
        var position = start
        var type: ReceiverType
        while true {
            guard context.tokens[position].kind == .identifier else { return .unknown }
            let name = context.text(position)
            if let dot = context.previousSignificant(before: position), context.tokens[dot].kind == .dot,
               let base = context.previousSignificant(before: dot) {
                steps.append(.member(name))
                position = base
            } else if let loop = loopCollection(of: name, before: position, in: context) {
                steps.append(.element)
                position = loop
            } else {
                type = root(named: name, queries: queries)
                break
            }
        }
        for step in steps.reversed() {
            switch (step, type) {
            case (.member(let name), .entity(let kind)): type = memberType(named: name, of: kind)
            case (.element, .list(let element?)): type = .entity(element)
            default: return .unknown
            }
        }
        return type
    }

    /// The type of a name that is neither a member nor a loop variable.
    private static func root(named name: String, queries: ProgramQueries) -> ReceiverType {
        if let symbol = queries.index.globalSymbol(named: name), case .declaration(let kind) = queries.index.symbols[symbol].kind {
            return .entity(kind)
        }
        if name == "program" { return .entity(.program) }
        if let kind = collectionKinds[name] { return .list(kind) }
        return .unknown
    }

    private static let collectionKinds: [String: DeclarationKind] = [
        "agreements": .agreement, "people": .person, "competencies": .competency, "pathways": .pathway,
        "agendas": .agenda, "rules": .rule, "goals": .goal,
    ]

    /// The type of a member, from its schema row.
    private static func memberType(named name: String, of kind: DeclarationKind) -> ReceiverType {
        guard let row = DomainSchema.schema(of: kind).rows.first(where: { $0.name == name }) else { return .unknown }
        switch row {
        case .field(let field):
            switch field.type {
            case .entity(let target): return .entity(target)
            case .list(.entity(let target)): return .list(target)
            case .list: return .list(nil)
            default: return .unknown
            }
        case .computed(let member):
            let words = member.typeName.split(separator: " ")
            if words.first == "list" { return .list(words.last.flatMap { DeclarationKind(rawValue: String($0)) }) }
            return words.first.flatMap { DeclarationKind(rawValue: String($0)) }.map { .entity($0) } ?? .unknown
        }
    }

    /// The last token of the collection of the nearest `for NAME in …` before `position`.
    /// A loop whose collection reaches `position` is not it: in `for a in a.` the second `a` is
    /// that loop's collection, named outside it, and taking the loop's own variable would
    /// come back to the same token forever. The answer is always before `position`, so `of`
    /// terminates.
    private static func loopCollection(of name: String, before position: Int, in context: TokenContext) -> Int? {
        var index = position - 1
        while index > 1 {
            if context.tokens[index].kind == .kwIn, context.tokens[index - 1].kind == .identifier, context.text(index - 1) == name {
                var end = index + 1
                while end + 2 < context.tokens.count, context.tokens[end + 1].kind == .dot, context.tokens[end + 2].kind == .identifier { end += 2 }
                if end < position { return end }
            }
            index -= 1
        }
        return nil
    }
}
