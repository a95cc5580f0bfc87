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
    var standardRules: [(name: String, entity: EntityRef)] = []
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
    private(set) var newEntities: [EntityRef] = []
    /// How many top-level names (fields, lets, fns, tests and the programme too) were declared.
    private(set) var declarationCount = 0
    /// One line per declaration (`agreement ana_dave`), for a REPL entry to describe what it
    /// declared; kept only with `echo`: `:load` and the commands need only the count, and a
    /// line per declaration of a large load was about 6 % of declaring.
    private(set) var declaredSummaries: [String] = []
    /// Resolved bodies of the rules and tests declared, by entity index.
    private(set) var ruleBodies: [EntityID: ScriptCode] = [:]
    /// Entities with where their declarations stand in their file's tree, for the resolve pass,
    /// grouped by file so resolving file after file stays linear in the number of declarations.
    /// Positions rather than `Declaration` copies: a copy is a large struct, and holding one per
    /// entity was a tenth of the peak memory of `mentor check`.
    private var pending: [FileID: [PendingDeclaration]] = [:]
    private var pendingLets: [FileID: [(Stmt, Int)]] = [:]
    /// The pending declarations of the file being declared, moved into `pending` at its end.
    private var filePending: [PendingDeclaration] = []
    /// The names nested in the declaration being declared; one list reused for every
    /// declaration, rather than one allocated for each.
    private var siblings = SiblingNames()
    /// Entities declared again, removed from the programme together once every file is
    /// declared, when resolving begins (see `ProgramModel.remove(_:)`); declaring reads no
    /// kind's list but the programme's, and a replaced programme is removed at once.
    private var replaced: [EntityRef] = []

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
        // Once for the file's entities, which are added without dropping them (declaring reads
        // no derived index).
        model.dropDerivedIndexes()
        // By index, and each declaration read through its item (`DeclarationHeader`): an
        // element bound by a loop or a pattern is a copy of the whole node.
        for position in syntax.items.indices {
            if let declaration = syntax.items[position].declarationHeader {
                if declaration.kind == .field {
                    // Read before any entity by `declareFields`.
                    declared("field \(syntax.items[position].declarationTarget?.name ?? "?").\(declaration.name?.name ?? "?")")
                    continue
                }
                if isStandard, let standardRules, let name = declaration.name, !standardRules.contains(name.name) { continue }
                declareTopLevel(declaration, members: syntax.items[position].declarationMembers, at: position, isStandard: isStandard)
                continue
            }
            guard case .statement(let statement) = syntax.items[position] else { continue }
            switch statement.kind {
            case .letBinding(let name, _, _):
                guard let slot = claim(name.name, at: name.span) else { continue }
                index.statementSources[name.name] = (statement.span, statement.docComment)
                globals.update(slot, .lazyLet(.pending(.constant(.none, name.span)), name: name.name, span: name.span))
                pendingLets[statement.span.file, default: []].append((statement, slot))
                declared("let \(name.name)")
            case .function(let function, _):
                guard let slot = claim(function.name.name, at: function.name.span) else { continue }
                index.statementSources[function.name.name] = (statement.span, statement.docComment)
                globals.update(slot, .value(.none))
                pendingLets[statement.span.file, default: []].append((statement, slot))
                declared("fn \(function.name.name)")
            default:
                break
            }
        }
        // Kept aside while the file was declared: one table lookup a file, not one an entity.
        if !filePending.isEmpty {
            pending[syntax.file, default: []] += filePending
            filePending.removeAll(keepingCapacity: true)
        }
    }

    /// Records that `name` is declared at `span`, and returns its index in the global table,
    /// bound to `none` until the caller binds it; nil (with a diagnostic) if it was declared.
    private mutating func claim(_ name: String, at span: Span) -> Int? {
        // Recorded first, so a new name is hashed once here (and once in the global table);
        // the refusals put the table back.
        if let earlier = index.spans.updateValue(span, forKey: name) {
            guard replacing else {
                index.spans[name] = earlier
                diagnostics.append(.declaredTwice(name, at: span, first: earlier))
                return nil
            }
            // Declared again in the REPL: bound again in place.
            guard let index = globals.index(of: name) else { return globals.reserve(name) }
            if case .entity(let old, _) = globals.bindings[index] { replaced.append(old) }
            return index
        }
        guard let slot = globals.reserve(name) else {
            index.spans[name] = nil
            diagnostics.append(Diagnostic(.duplicateDeclaration, .error, "`\(name)` is a built-in name", at: span,
                                          label: "cannot be declared again", help: "choose another name"))
            return nil
        }
        return slot
    }

    private mutating func declareTopLevel(_ declaration: DeclarationHeader, members: [Member], at position: Int, isStandard: Bool) {
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
                diagnostics.append(.secondProgram(at: declaration.kindSpan, first: model.site(of: existing).kindSpan))
                return
            }
            if replacing, let existing = model.entities(of: .program).first { model.remove(existing) }
            id = "program"
        case .test:
            id = declaration.title ?? "test"
        default:
            guard let name = declaration.name else { return }
            id = isStandard && kind == .rule ? "std." + name.name : name.name
        }
        let isGlobal = !(isStandard && kind == .rule) && kind != .test && kind != .program
        var slot: Int?
        if isGlobal, let name = declaration.name {
            guard let claimed = claim(name.name, at: name.span) else { return }
            slot = claimed
        }
        let entity = model.add(kind: kind, id: id, title: declaration.title, site: declaration.site, parent: nil, dropsIndexes: false)
        if isStandard, kind == .rule, let name = declaration.name {
            index.standardRules.append((name.name, entity))
            let record = Record(index.standardRules.map { ($0.name, Value.entity($0.entity)) })
            globals.define("std", .value(.record(record)))
        } else if let slot {
            globals.update(slot, .entity(entity, nameSpan: declaration.nameSpan))
        }
        newEntities.append(entity)
        filePending.append(PendingDeclaration(item: position, member: nil, entity: entity, name: id))
        declareChildren(of: kind, members: members, at: position, entity: entity)
        declared("\(kind.rawValue) \(id)")
    }

    /// Counts one declaration, and keeps its summary line when the load echoes.
    private mutating func declared(_ summary: @autoclosure () -> String) {
        declarationCount += 1
        if echo { declaredSummaries.append(summary()) }
    }

    /// Declares the nested declarations among `members` of a `kind` declaration, `entity`.
    private mutating func declareChildren(of kind: DeclarationKind, members: [Member], at position: Int, entity: EntityRef) {
        siblings.removeAll()
        var lastNumber: Int64 = 0
        // By index, for the reason `declare` gives.
        for memberPosition in members.indices {
            guard let child = members[memberPosition].nestedHeader else { continue }
            guard DomainSchema.nestedKinds(of: kind).contains(child.kind) else {
                diagnostics.append(Diagnostic(.misplacedDeclaration, .error,
                                              "a `\(child.kind.rawValue)` cannot stand inside a `\(kind.rawValue)`", at: child.kindSpan,
                                              help: DomainSchema.nestedKinds(of: kind).isEmpty
                                                ? "\(kind.withArticle) has only fields"
                                                : "\(kind.withArticle) holds \(DomainSchema.nestedKinds(of: kind).map { "`\($0.rawValue)`" }.joined(separator: ", ")) declarations"))
                continue
            }
            let childID: String
            if child.kind == .session {
                let number = child.number ?? 0
                childID = String(number)
                if let earlier = siblings.span(of: childID) {
                    diagnostics.append(Diagnostic(.sessionOrder, .error, "session \(number) appears twice in agenda `\(model.name(of: entity))`",
                                                  at: child.nameSpan, notes: [DiagnosticNote("first here", at: earlier)]))
                    continue
                }
                if number != lastNumber + 1 {
                    diagnostics.append(Diagnostic(.sessionOrder, .error,
                                                  "session \(number) follows session \(lastNumber) in agenda `\(model.name(of: entity))`",
                                                  at: child.nameSpan, label: "expected session \(lastNumber + 1)",
                                                  help: "number an agenda's sessions 1, 2, 3, … in order"))
                }
                lastNumber = number
            } else {
                guard let name = child.name else { continue }
                childID = name.name
                if let earlier = siblings.span(of: childID) {
                    diagnostics.append(Diagnostic(.duplicateDeclaration, .error,
                                                  "`\(childID)` is declared twice in \(kind.rawValue) `\(model.name(of: entity))`", at: name.span,
                                                  label: "declared again here", notes: [DiagnosticNote("first declared here", at: earlier)]))
                    continue
                }
            }
            siblings.add(childID, at: child.nameSpan)
            let childEntity = model.add(kind: child.kind, id: childID, title: child.title, site: child.site, parent: entity, dropsIndexes: false)
            newEntities.append(childEntity)
            filePending.append(PendingDeclaration(item: position, member: memberPosition, entity: childEntity, name: childID))
        }
    }

    /// How many entities declaring `syntax` makes at most: its declarations and their nested ones.
    static func entityCount(in syntax: SourceFileSyntax) -> Int {
        // By index and through the item, for the reason `declare` gives.
        var count = 0
        for position in syntax.items.indices {
            guard let kind = syntax.items[position].declarationKind, kind != .field else { continue }
            count += 1 + syntax.items[position].declarationMembers.count { if case .nested = $0 { true } else { false } }
        }
        return count
    }

    static func plainText(_ title: Expr?) -> String? {
        guard case .stringLiteral(let parts)? = title?.kind else { return nil }
        // A title is nearly always one piece of text: that string itself, not a copy grown from "".
        if parts.count == 1, case .text(let piece) = parts[0] { return piece }
        var text = ""
        for part in parts {
            guard case .text(let piece) = part else { return nil }
            text += piece
        }
        return text
    }

    // MARK: Resolving

    /// Resolves every file declared, taking each tree out of `files` so it is released as soon
    /// as its file is resolved. Files are resolved on every core (`FileResolver` only reads
    /// what declaring built), and each file's result is written into the programme, in file
    /// order, while later files are still being resolved; so everything comes out as a pass
    /// over the files one by one leaves it. A declarer that records name uses resolves on
    /// this thread: the recorder is not thread-safe. `workers` is how many files are
    /// resolved at once.
    mutating func resolveAll(_ files: inout [(SourceFile, SourceFileSyntax)], workers: Int = ParallelMap.processorCount) {
        model.remove(replaced)
        replaced = []
        var inputs: [FileToResolve] = []
        inputs.reserveCapacity(files.count)
        for (file, syntax) in files {
            inputs.append(FileToResolve(file: file, syntax: syntax, lets: pendingLets.removeValue(forKey: file.id) ?? [],
                                        declarations: pending.removeValue(forKey: file.id) ?? []))
        }
        files = []
        let resolver = FileResolver(globals: globals, schemas: model.schemas, sources: sources, echo: echo)
        // What resolving reads (the global table, each entity's declaration site) is written
        // only once every worker has finished; the field store, the rule bodies and the
        // scripts, which no worker reads, are written as each file's result comes in.
        var globalsResolved: [FileResolution.Global] = []
        var sites: [(EntityRef, DeclarationSite.GivenFields)] = []
        // Sized once for every file: grown by doubling, the list held up to twice its entries
        // at the peak of the load, and a reservation per file would copy it once per file.
        sites.reserveCapacity(inputs.reduce(0) { $0 + $1.declarations.count })
        if let recorder {
            // The name recorder is not shared between threads, so its files are resolved here,
            // taken out of the array one by one: the file being resolved then has one owner and
            // its statements are released as they are resolved (a loop over the array would
            // keep a second reference to every tree until it ended). With one file, or one
            // worker, ParallelMap too resolves on this thread, starting none.
            inputs.reverse()
            while let input = inputs.popLast() {
                let file = input.file.id
                apply(ResolvedFile(resolver.resolve(consume input, recorder: recorder), of: file), globals: &globalsResolved, sites: &sites)
            }
        } else {
            ParallelMap.forEach(consume inputs, workers: workers, { (input: consuming FileToResolve) in
                let file = input.file.id
                return ResolvedFile(resolver.resolve(consume input), of: file)
            }, inOrder: { apply($0, globals: &globalsResolved, sites: &sites) })
        }
        for global in globalsResolved {
            switch global {
            case .letValue(let index, let code, let name, let span):
                globals.update(index, .lazyLet(.pending(code), name: name, span: span))
            case .function(let index, let code, let span):
                globals.update(index, .function(code, span: span))
            }
        }
        // Moved out of the list one by one, in any order (one entry an entity): a loop over the
        // list copied each entry (a retain of its field list) and the list's end released
        // them all again, 66,754 scattered objects touched twice on the one thread.
        while let (entity, givenFields) = sites.popLast() { model.setGivenFields(givenFields, of: entity) }
    }

    /// A file's resolution, with what applying it would otherwise work out on the one thread
    /// that applies: worked out by the worker that resolved the file.
    struct ResolvedFile: Sendable {
        let resolution: FileResolution
        /// Whether a field the file gives is an expression that reads values
        /// (`ProgramModel.filesWithComputedFields`).
        let computesFields: Bool
        let file: FileID

        init(_ resolution: FileResolution, of file: FileID) {
            computesFields = resolution.declarations.contains { declaration in
                declaration.fields.contains { field in
                    if case .pending(let pending) = field { !FieldCodeShape.readsNoValues(pending.code) } else { false }
                }
            }
            self.resolution = resolution
            self.file = file
        }
    }

    /// Writes one file's resolution into the programme; what workers still read is collected
    /// in `globals` and `sites` for `resolveAll` to write once they are done.
    private mutating func apply(_ resolved: consuming ResolvedFile, globals: inout [FileResolution.Global],
                                sites: inout [(EntityRef, DeclarationSite.GivenFields)]) {
        if resolved.computesFields { model.noteComputedFields(in: resolved.file) }
        let resolution = resolved.resolution
        globals += resolution.globals
        if let script = resolution.script { scripts.append(script) }
        for declaration in resolution.declarations {
            let entity = declaration.entity
            sites.append((entity, declaration.givenFields))
            if let body = declaration.ruleBody { ruleBodies[entity.index] = body }
            model.storeResolvedFields(declaration.fields, of: entity)
        }
        diagnostics += resolution.diagnostics
    }
}

/// A declared entity waiting for the resolve pass, with where its declaration stands in its
/// file's tree: top-level item `item`, and within it member `member` for a nested declaration.
/// One for each entity is held from declaring until its file is resolved, the peak of `check`:
/// so 32 bytes, not 56 — the positions as `UInt32` (a file is at most 64 MiB, so it has fewer
/// items and members), the entity as its ID and kind (a declared entity is never a `with` copy).
struct PendingDeclaration: Sendable {
    /// The entity's declared name, for the resolver's messages (it reads no entity store).
    let name: String
    private let itemPosition: UInt32
    /// `UInt32.max` for a top-level declaration.
    private let memberPosition: UInt32
    private let entityID: EntityID
    private let entityKind: DeclarationKind

    init(item: Int, member: Int?, entity: EntityRef, name: String) {
        assert(!entity.isCopy, "a declared entity is not a copy")
        self.name = name
        itemPosition = UInt32(item)
        memberPosition = member.map { UInt32($0) } ?? .max
        entityID = entity.index
        entityKind = entity.kind
    }

    var item: Int { Int(itemPosition) }
    var member: Int? { memberPosition == .max ? nil : Int(memberPosition) }
    var entity: EntityRef { EntityRef(entityID, entityKind) }
}

/// The names of a declaration's nested declarations seen so far, to report one declared twice.
/// A short list searched in order while there are few (a declaration usually nests a handful):
/// hashing every name into a fresh dictionary was a fifth of declaring; a table past that.
private struct SiblingNames {
    private static let listLimit = 16
    /// The names seen are the first `count` entries; the ones past it are stale, kept so the
    /// next declaration writes over them instead of the list being emptied and grown again
    /// (emptying it, even keeping its storage, was 200 instructions a declaration).
    private var list: [(name: String, span: Span)] = []
    private var count = 0
    private var table: [String: Span]?

    /// Where `name` was first declared, if it was.
    func span(of name: String) -> Span? {
        if let table { return table[name] }
        for position in 0..<count where list[position].name == name { return list[position].span }
        return nil
    }

    /// Forgets every name, keeping the list's storage for the next declaration.
    mutating func removeAll() {
        count = 0
        table = nil
    }

    /// Records `name`, not seen before, as declared at `span`.
    mutating func add(_ name: String, at span: Span) {
        if table != nil {
            table![name] = span
        } else if count < SiblingNames.listLimit {
            if count < list.count { list[count] = (name, span) } else { list.append((name, span)) }
            count += 1
        } else {
            var table = Dictionary(list[0..<count].lazy.map { ($0.name, $0.span) }, uniquingKeysWith: { first, _ in first })
            table[name] = span
            self.table = table
            count = 0
        }
    }
}
