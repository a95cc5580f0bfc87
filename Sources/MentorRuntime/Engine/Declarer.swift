import MentorDiagnostics
import MentorSyntax
import MentorSource

/// The session's index of its top-level names, which declaring reads and extends: where each
/// name was declared, the source of each top-level `let` and `fn`, and the standard rules.
struct DeclarationIndex {
    /// Declaration names (of top-level declarations, lets and fns) and where they were declared.
    var spans: [String: Span] = [:]
    /// The whole text (span and doc comment) of each top-level `let` and `fn`, for `:show` and `:save`.
    var statementSources: [String: (span: Span, docComment: String?)] = [:]
    /// The standard rules loaded by `import std`, in order (the `std` record's fields).
    var standardRules: [(name: String, entity: Entity)] = []
}

/// Turns parsed files into entities and globals, then resolves every body and field. A phase:
/// it reads and extends the model, the global table and the name index it is given, and hands
/// back what it made (diagnostics, scripts, new entities, resolved rule bodies), touching no
/// engine.
struct Declarer {
    let model: ProgramModel
    let globals: GlobalTable
    let sources: SourceMap
    /// The session's names: taken from the engine for the phase and handed back after it.
    private(set) var index: DeclarationIndex
    let replacing: Bool
    /// REPL mode: top-level expressions echo their values.
    let echo: Bool
    /// Where names are used, for position queries; nil unless the engine records them.
    let recorder: NameUseRecorder?
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var scripts: [ScriptCode] = []
    private(set) var newEntities: [Entity] = []
    private(set) var declaredSummaries: [String] = []
    /// Resolved bodies of the rules and tests declared, by entity index.
    private(set) var ruleBodies: [Int: ScriptCode] = [:]
    /// Entities with where their declarations stand in their file's tree, for the resolve pass,
    /// grouped by file so resolving file after file stays linear in the number of declarations.
    /// Positions rather than `Declaration` copies: a copy is a large struct, and holding one per
    /// entity was a tenth of the peak memory of `mentor check`.
    private var pending: [FileID: [PendingDeclaration]] = [:]
    private var pendingLets: [FileID: [(Stmt, Int)]] = [:]

    init(model: ProgramModel, globals: GlobalTable, sources: SourceMap, index: DeclarationIndex, replacing: Bool, echo: Bool = false,
         recorder: NameUseRecorder? = nil) {
        self.recorder = recorder
        self.model = model
        self.globals = globals
        self.sources = sources
        self.index = index
        self.replacing = replacing
        self.echo = echo
    }

    /// Stands in the tree for a script statement already resolved: no name, nothing on the heap.
    private static let resolvedStatement = TopLevelItem.importDecl(ImportDecl(target: .std(.all), targetSpan: .unknown, span: .unknown))

    // MARK: Declaring

    /// Adds the fields the load's `field` declarations give to the programme's schemas, before
    /// `declare` makes any entity of the load.
    mutating func declareFields(in syntaxes: [SourceFileSyntax]) {
        let read = ProgrammeFieldDeclarations(syntaxes, schemas: model.schemas)
        diagnostics += read.diagnostics
        model.extendSchemas(with: read.rows)
    }

    /// Declares the top-level names of `syntax`; of the standard library, only the rules in `standardRules`.
    mutating func declare(_ syntax: SourceFileSyntax, isStandard: Bool, standardRules: Set<String>? = nil) {
        for (position, item) in syntax.items.enumerated() {
            switch item {
            case .declaration(let declaration) where declaration.kind == .field:
                // Read before any entity by `declareFields`.
                declaredSummaries.append("field \(declaration.target?.name ?? "?").\(declaration.name?.name ?? "?")")
            case .declaration(let declaration):
                if isStandard, let standardRules, let name = declaration.name, !standardRules.contains(name.name) { continue }
                declareTopLevel(declaration, at: position, in: syntax.file, isStandard: isStandard)
            case .statement(let statement):
                switch statement.kind {
                case .letBinding(let name, _, _):
                    guard claim(name.name, at: name.span, what: "let") else { continue }
                    index.statementSources[name.name] = (statement.span, statement.docComment)
                    let index = globals.define(name.name, .lazyLet(.pending(.constant(.none, name.span)), name: name.name, span: name.span))
                    pendingLets[statement.span.file, default: []].append((statement, index))
                    declaredSummaries.append("let \(name.name)")
                case .function(let function, _):
                    guard claim(function.name.name, at: function.name.span, what: "fn") else { continue }
                    index.statementSources[function.name.name] = (statement.span, statement.docComment)
                    let index = globals.define(function.name.name, .value(.none))
                    pendingLets[statement.span.file, default: []].append((statement, index))
                    declaredSummaries.append("fn \(function.name.name)")
                default:
                    break
                }
            case .importDecl:
                break
            }
        }
    }

    /// Records that `name` is declared at `span`; false (with a diagnostic) if it already was.
    private mutating func claim(_ name: String, at span: Span, what: String) -> Bool {
        if let earlier = index.spans[name] {
            if replacing {
                if let index = globals.index(of: name), case .entity(let old) = globals.bindings[index] { model.remove(old) }
                declaredSummaries.append("note: `\(name)` replaces its earlier declaration")
            } else {
                diagnostics.append(.declaredTwice(name, at: span, first: earlier))
                return false
            }
        } else if globals.index(of: name) != nil {
            diagnostics.append(Diagnostic(.duplicateDeclaration, .error, "`\(name)` is a built-in name", at: span,
                                          label: "cannot be declared again", help: "choose another name"))
            return false
        }
        index.spans[name] = span
        return true
    }

    private mutating func declareTopLevel(_ declaration: Declaration, at position: Int, in file: FileID, isStandard: Bool) {
        let kind = declaration.kind
        guard DeclarationKind.topLevel.contains(kind) else {
            diagnostics.append(Diagnostic(.misplacedDeclaration, .error, "a `\(kind.rawValue)` cannot stand at the top level", at: declaration.kindSpan,
                                          help: "\(kind == .step ? "steps belong inside a `pathway`" : kind == .goal ? "goals belong inside an `agreement`" : "sessions belong inside an `agenda`")"))
            return
        }
        let id: String
        switch kind {
        case .program:
            if let existing = model.entities(of: .program).first, !replacing {
                diagnostics.append(.secondProgram(at: declaration.kindSpan, first: existing.declaration.kindSpan))
                return
            }
            if replacing, let existing = model.entities(of: .program).first { model.remove(existing) }
            id = "program"
        case .test:
            id = Declarer.plainText(declaration.title) ?? "test"
        default:
            guard let name = declaration.name else { return }
            id = isStandard && kind == .rule ? "std." + name.name : name.name
        }
        let isGlobal = !(isStandard && kind == .rule) && kind != .test && kind != .program
        if isGlobal, let name = declaration.name {
            guard claim(name.name, at: name.span, what: kind.rawValue) else { return }
        }
        let entity = model.add(kind: kind, id: id, declaration: declaration, parent: nil)
        entity.title = Declarer.plainText(declaration.title)
        if isStandard, kind == .rule, let name = declaration.name {
            index.standardRules.append((name.name, entity))
            let record = Record(index.standardRules.map { ($0.name, Value.entity($0.entity)) })
            globals.define("std", .value(.record(record)))
        } else if isGlobal, let name = declaration.name {
            globals.define(name.name, .entity(entity))
        }
        newEntities.append(entity)
        pending[file, default: []].append(PendingDeclaration(item: position, member: nil, entity: entity))
        declareChildren(of: declaration, at: position, in: file, entity: entity)
        declaredSummaries.append("\(kind.rawValue) \(id)")
    }

    private mutating func declareChildren(of declaration: Declaration, at position: Int, in file: FileID, entity: Entity) {
        var seenNames: [String: Span] = [:]
        var lastNumber: Int64 = 0
        for (memberPosition, member) in declaration.members.enumerated() {
            guard case .nested(let child) = member else { continue }
            guard DomainSchema.nestedKinds(of: declaration.kind).contains(child.kind) else {
                diagnostics.append(Diagnostic(.misplacedDeclaration, .error,
                                              "a `\(child.kind.rawValue)` cannot stand inside a `\(declaration.kind.rawValue)`", at: child.kindSpan,
                                              help: DomainSchema.nestedKinds(of: declaration.kind).isEmpty
                                                ? "\(declaration.kind.withArticle) has only fields"
                                                : "\(declaration.kind.withArticle) holds \(DomainSchema.nestedKinds(of: declaration.kind).map { "`\($0.rawValue)`" }.joined(separator: ", ")) declarations"))
                continue
            }
            let childID: String
            if child.kind == .session {
                let number = child.number ?? 0
                childID = String(number)
                if let earlier = seenNames[childID] {
                    diagnostics.append(Diagnostic(.sessionOrder, .error, "session \(number) appears twice in agenda `\(entity.id)`",
                                                  at: child.nameSpan, notes: [DiagnosticNote("first here", at: earlier)]))
                    continue
                }
                if number != lastNumber + 1 {
                    diagnostics.append(Diagnostic(.sessionOrder, .error,
                                                  "session \(number) follows session \(lastNumber) in agenda `\(entity.id)`",
                                                  at: child.nameSpan, label: "expected session \(lastNumber + 1)",
                                                  help: "number an agenda's sessions 1, 2, 3, … in order"))
                }
                lastNumber = number
            } else {
                guard let name = child.name else { continue }
                childID = name.name
                if let earlier = seenNames[childID] {
                    diagnostics.append(Diagnostic(.duplicateDeclaration, .error,
                                                  "`\(childID)` is declared twice in \(declaration.kind.rawValue) `\(entity.id)`", at: name.span,
                                                  label: "declared again here", notes: [DiagnosticNote("first declared here", at: earlier)]))
                    continue
                }
            }
            seenNames[childID] = child.nameSpan
            let childEntity = model.add(kind: child.kind, id: childID, declaration: child, parent: entity)
            childEntity.title = Declarer.plainText(child.title)
            newEntities.append(childEntity)
            pending[file, default: []].append(PendingDeclaration(item: position, member: memberPosition, entity: childEntity))
        }
    }

    static func plainText(_ title: Expr?) -> String? {
        guard case .stringLiteral(let parts)? = title?.kind else { return nil }
        var text = ""
        for part in parts {
            guard case .text(let piece) = part else { return nil }
            text += piece
        }
        return text
    }

    // MARK: Resolving

    mutating func resolve(_ syntax: consuming SourceFileSyntax, in file: SourceFile) {
        // Top-level lets and fns of this file.
        for (statement, index) in pendingLets.removeValue(forKey: file.id) ?? [] {
            var resolver = makeResolver(context: .script, file: file)
            switch statement.kind {
            case .letBinding(let name, let value, _):
                let code = resolver.resolveExpression(value)
                globals.update(index, .lazyLet(.pending(code), name: name.name, span: name.span))
            case .function(let function, _):
                let code = resolver.resolveFunction(function, span: statement.span)
                globals.update(index, .function(code, span: function.name.span))
            default:
                break
            }
            diagnostics += resolver.diagnostics
        }
        // Statements run in file order.
        var scriptResolver = makeResolver(context: .script, file: file)
        var statements: [StatementCode] = []
        for position in syntax.items.indices {
            guard case .statement(let statement) = syntax.items[position] else { continue }
            switch statement.kind {
            case .letBinding, .function: continue
            default:
                // The statement's tree is released as soon as it is resolved, so a long script's
                // syntax and its resolved code are never both held whole (a third of the peak).
                syntax.items[position] = Declarer.resolvedStatement
                if let code = scriptResolver.resolveStatement(statement) { statements.append(code) }
            }
        }
        diagnostics += scriptResolver.diagnostics
        if !statements.isEmpty {
            scripts.append(ScriptCode(file: file.id, frameSize: scriptResolver.frameSize, statements: statements, echo: echo))
        }
        // Declarations of this file.
        for site in pending.removeValue(forKey: file.id) ?? [] {
            guard case .declaration(let declaration) = syntax.items[site.item] else { continue }
            if let member = site.member {
                guard case .nested(let child) = declaration.members[member] else { continue }
                resolveDeclaration(child, site.entity, file: file)
            } else {
                resolveDeclaration(declaration, site.entity, file: file)
            }
        }
    }

    private func makeResolver(context: StatementContext, file: SourceFile) -> Resolver {
        var resolver = Resolver(globals: globals, schemas: model.schemas, context: context, recorder: recorder)
        resolver.sourceText = { [sources] span in sources.file(span.file)?.text(span) }
        return resolver
    }

    private mutating func resolveDeclaration(_ declaration: Declaration, _ entity: Entity, file: SourceFile) {
        entity.declaration.recordGivenFields(of: declaration)
        if declaration.kind == .rule || declaration.kind == .test {
            var resolver = makeResolver(context: declaration.kind == .rule ? .rule : .test, file: file)
            let statements = resolver.resolveStatements(declaration.body)
            diagnostics += resolver.diagnostics
            ruleBodies[entity.index] = ScriptCode(file: file.id, frameSize: resolver.frameSize, statements: statements)
        }
        if let title = declaration.title, entity.title == nil {
            var resolver = makeResolver(context: .script, file: file)
            let code = resolver.resolveExpression(title)
            diagnostics += resolver.diagnostics
            model.addPending(PendingField(slot: KindSchema.titleSlot, code: code, nameSpan: title.span, type: .string), of: entity)
        }
        if let target = declaration.target {
            var resolver = makeResolver(context: .script, file: file)
            let code = resolver.resolveExpression(Expr(.identifier(target), span: target.span))
            diagnostics += resolver.diagnostics
            let type: FieldType = declaration.kind == .waiver ? .entityOf(WaiverField.targetKinds) : .entity(.agreement)
            model.addPending(PendingField(slot: KindSchema.forSlot, code: code, nameSpan: target.span, type: type), of: entity)
        } else if declaration.kind == .agenda {
            diagnostics.append(Diagnostic(.agendaTarget, .error, "agenda `\(entity.id)` does not say which agreement it is for",
                                          at: declaration.nameSpan, help: "write `agenda \(entity.id) for AGREEMENT { … }`"))
        } else if declaration.kind == .waiver {
            diagnostics.append(Diagnostic(.waiverTarget, .error, "waiver `\(entity.id)` does not say what it is for",
                                          at: declaration.nameSpan,
                                          help: "write `waiver \(entity.id) for NAME { rule: RULE, reason: \"…\" }`, naming the person, agreement or agenda the rule reports"))
        }
        let kindSchema = entity.schema
        let schema = kindSchema.fields
        // A list, not a dictionary: a declaration gives a handful of fields, and one is resolved per entity.
        var given: [(name: String, span: Span)] = []
        for case .field(let field) in declaration.members {
            let name = field.name.name
            guard let row = kindSchema.fieldsByName[name] else {
                let what = declaration.kind == .program ? "the program" : "\(declaration.kind.rawValue) `\(entity.id)`"
                diagnostics.append(.unknownName(
                    .unknownField, .error, "unknown field `\(name)` in \(what)",
                    name: name, at: field.name.span, among: schema.map(\.name), label: "unknown field",
                    help: schema.isEmpty ? "\(declaration.kind.withArticle) has no fields"
                        : "the fields of \(declaration.kind.withArticle) are " + schema.map { "`\($0.name)`" }.joined(separator: ", ")))
                continue
            }
            if let earlier = given.first(where: { $0.name == name })?.span {
                diagnostics.append(Diagnostic(.duplicateField, .error, "field `\(name)` is given twice", at: field.name.span,
                                              notes: [DiagnosticNote("first given here", at: earlier)]))
                continue
            }
            given.append((name, field.name.span))
            var resolver = makeResolver(context: .script, file: file)
            resolver.symbols = Declarer.symbols(in: row.type)
            resolver.fieldWords = DomainWords(row.type)
            let code = resolver.resolveExpression(field.value)
            diagnostics += resolver.diagnostics
            let slot = row.slot
            if case .constant(let value, let span) = code {
                // A literal needs no evaluation: its type is checked now, against the schema the
                // resolver already knows, and it is stored as it is.
                if let problem = FieldTypeChecker.check(value, against: row.type, model: model) {
                    diagnostics.append(FieldTypeChecker.mismatch(name, row.type, problem, at: span).diagnostic)
                } else {
                    model.setValue(value, of: entity, at: slot)
                }
                continue
            }
            model.addPending(PendingField(slot: slot, code: code, nameSpan: field.name.span, type: row.type), of: entity)
        }
        let required = kindSchema.requiredFields
        for field in required where !given.contains(where: { $0.name == field.name }) {
            diagnostics.append(Diagnostic(.missingField, .error,
                                          "\(declaration.kind.rawValue) `\(entity.id)` has no `\(field.name)`", at: declaration.nameSpan,
                                          label: "missing `\(field.name)`",
                                          help: "add `\(field.name): …`; every \(declaration.kind.rawValue) needs "
                                              + listed(required.map { "`\($0.name)`" })))
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    private func listed(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }

    private static func symbols(in type: FieldType) -> Set<String> {
        switch type {
        case .symbol(let names): names
        case .list(let element): symbols(in: element)
        default: []
        }
    }
}

/// A declared entity waiting for the resolve pass, with where its declaration stands in its
/// file's tree: top-level item `item`, and within it member `member` for a nested declaration.
private struct PendingDeclaration {
    let item: Int
    let member: Int?
    let entity: Entity
}
