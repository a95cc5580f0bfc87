import MentorSyntax
import MentorSource

/// Every named thing of a built programme and every place its name is used, found by position.
/// Built once per programme from what the phases kept: the entities' declaration sites, the
/// declaration index of top-level names, and the uses the resolver recorded
/// (`NameUseRecorder`); nothing is parsed or resolved again.
struct SymbolIndex {
    /// A symbol's number in `symbols`.
    typealias SymbolID = Int

    /// One place a symbol's name stands: its declaration or a use.
    struct Occurrence {
        let span: Span
        let symbol: SymbolID
        let isDeclaration: Bool
    }

    private(set) var symbols: [QuerySymbol] = []
    /// The entity behind each declaration symbol, by symbol.
    private(set) var entities: [SymbolID: EntityRef] = [:]
    /// The symbol of each entity, by entity index.
    private(set) var symbolByEntity: [EntityID: SymbolID] = [:]
    /// The block of each local symbol (two locals of one block collide).
    private(set) var localBlocks: [SymbolID: Int] = [:]
    /// Top-level names (declarations, lets, fns) to their symbols.
    private(set) var globalSymbols: [String: SymbolID] = [:]
    /// Every occurrence, by file, sorted by start.
    private(set) var occurrencesByFile: [FileID: [Occurrence]] = [:]
    /// Every occurrence of each symbol, declaration first.
    private(set) var occurrencesBySymbol: [SymbolID: [Span]] = [:]
    /// Where each symbol's name stands in a body, with the innermost block open there: the
    /// locals a rename could capture it with. Top-level places (block 0) see no local.
    private(set) var placesInBlocks: [SymbolID: [(span: Span, block: Int)]] = [:]
    /// The block around each block, by block number (0: none), as the resolver opened them.
    private(set) var enclosingBlock: [Int] = [0]

    init(engine: Engine) {
        let program = engine.program
        // A REPL redeclaration leaves the replaced entity in the store but not in its kind's list.
        let model = program.model
        for entity in model.store.current {
            let parent = model.parent(of: entity)
            let site = model.site(of: entity)
            let isStandard = engine.sources.file(site.span.file)?.path == StandardLibrary.path
            let named = entity.kind != .program && entity.kind != .test && entity.kind != .session
            let name = model.name(of: entity)
            let id = add(QuerySymbol(name: entity.kind == .rule && isStandard ? String(name.dropFirst("std.".count)) : name,
                                     kind: .declaration(entity.kind), nameSpan: site.nameSpan,
                                     span: site.span, docComment: site.docComment,
                                     title: model.title(of: entity), containerName: parent.map(model.name), isRenamable: named && !isStandard))
            entities[id] = entity
            symbolByEntity[entity.index] = id
            if parent == nil, named, !isStandard { globalSymbols[name] = id }
        }
        for (name, source) in program.names.statementSources {
            guard let nameSpan = program.names.spans[name], let index = program.globals.index(of: name) else { continue }
            let kind: QuerySymbolKind
            switch program.globals.bindings[index] {
            case .function: kind = .topLevelFunction
            case .lazyLet: kind = .topLevelLet
            default: continue
            }
            globalSymbols[name] = add(QuerySymbol(name: name, kind: kind, nameSpan: nameSpan, span: source.span,
                                                  docComment: source.docComment, title: nil, containerName: nil, isRenamable: true))
        }
        let standardRules = Dictionary(program.names.standardRules.map { ($0.name, $0.entity.index) }, uniquingKeysWith: { first, _ in first })
        var localSymbols: [Span: SymbolID] = [:]
        var uses: [(Span, SymbolID)] = []
        if let recorder = program.nameUses {
            enclosingBlock = recorder.enclosingBlock
            for local in recorder.locals {
                let id = add(QuerySymbol(name: local.name.name, kind: .local(local.kind), nameSpan: local.name.span, span: local.name.span,
                                         docComment: nil, title: nil, containerName: nil, isRenamable: true))
                localSymbols[local.name.span] = id
                localBlocks[id] = local.block
                placesInBlocks[id, default: []].append((local.name.span, local.block))
            }
            for use in recorder.uses {
                let symbol: SymbolID?
                switch use.target {
                case .global(let name): symbol = globalSymbols[name]
                case .local(let span): symbol = localSymbols[span]
                case .standardRule(let name): symbol = standardRules[name].flatMap { symbolByEntity[$0] }
                }
                guard let symbol else { continue }
                uses.append((use.span, symbol))
                placesInBlocks[symbol, default: []].append((use.span, use.block))
            }
        }
        uses += Self.keyUses(engine: engine, globalSymbols: globalSymbols, symbolByEntity: symbolByEntity)
        for (id, symbol) in symbols.enumerated() where symbol.nameSpan != .unknown {
            occurrencesByFile[symbol.nameSpan.file, default: []].append(Occurrence(span: symbol.nameSpan, symbol: id, isDeclaration: true))
            occurrencesBySymbol[id, default: []].append(symbol.nameSpan)
        }
        for (span, symbol) in uses {
            occurrencesByFile[span.file, default: []].append(Occurrence(span: span, symbol: symbol, isDeclaration: false))
            occurrencesBySymbol[symbol, default: []].append(span)
        }
        for file in occurrencesByFile.keys { occurrencesByFile[file]!.sort { $0.span.start < $1.span.start } }
    }

    private mutating func add(_ symbol: QuerySymbol) -> SymbolID {
        symbols.append(symbol)
        return symbols.count - 1
    }

    /// The keys of fields keyed by a declaration (`completed: { application: … }` names steps of
    /// the person's pathway, `signed: { ana: … }` names people): uses the resolver never sees,
    /// since a record's keys are not expressions. Read from the fields each declaration gave.
    private static func keyUses(engine: Engine, globalSymbols: [String: SymbolID], symbolByEntity: [EntityID: SymbolID]) -> [(Span, SymbolID)] {
        let model = engine.program.model
        var uses: [(Span, SymbolID)] = []
        for entity in model.store.all {
            for given in model.site(of: entity).givenFields where !given.recordKeys.isEmpty {
                guard let row = model.schema(of: entity).field(named: given.name), case .keyedBy(let keyKind, _) = row.type else { continue }
                for key in given.recordKeys {
                    if keyKind == .step, entity.kind == .person {
                        guard case .entity(let pathway)? = model[entity, PersonField.pathway],
                              let step = model.children(of: pathway).first(where: { model.name(of: $0) == key.name }),
                              let symbol = symbolByEntity[step.index] else { continue }
                        uses.append((key.span, symbol))
                    } else if keyKind != .step, let symbol = globalSymbols[key.name] {
                        uses.append((key.span, symbol))
                    }
                }
            }
        }
        return uses
    }

    /// The occurrence whose name touches `offset` (the cursor just after a name still names it).
    func occurrence(in file: FileID, at offset: UInt32) -> Occurrence? {
        guard let occurrences = occurrencesByFile[file] else { return nil }
        var low = 0
        var high = occurrences.count
        while low < high {
            let middle = (low + high) / 2
            if occurrences[middle].span.end < offset { low = middle + 1 } else { high = middle }
        }
        guard low < occurrences.count, occurrences[low].span.start <= offset else { return nil }
        return occurrences[low]
    }

    /// The symbol of `entity`'s declaration.
    func symbolID(of entity: EntityRef) -> SymbolID? { symbolByEntity[entity.index] }

    /// The symbol that `name` names at top level.
    func globalSymbol(named name: String) -> SymbolID? { globalSymbols[name] }

    /// True when `block` is `outer` or lies inside it.
    func block(_ block: Int, isInside outer: Int) -> Bool {
        var current = block
        while current != 0 {
            if current == outer { return true }
            current = current < enclosingBlock.count ? enclosingBlock[current] : 0
        }
        return false
    }

    /// The locals declared in `block`.
    func locals(inBlock block: Int) -> [SymbolID] {
        localBlocks.filter { $0.value == block }.map(\.key)
    }
}
