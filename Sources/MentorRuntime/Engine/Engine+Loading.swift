import MentorDiagnostics
import MentorSyntax
import MentorSource

extension Engine {
    /// Registers a file's bytes and returns it, ready for `load`.
    public func addSource(path: String, bytes: [UInt8]) -> SourceFile {
        pendingSourceBytes += bytes.count
        // Past the limit `load` refuses the programme, so the bytes are not kept: reading a
        // thousand large files must not hold them all before saying so.
        if sourceBytes + pendingSourceBytes > options.maxSourceBytes { return sources.add(path: path, bytes: []) }
        return sources.add(path: path, bytes: bytes)
    }

    /// Parses, follows imports, declares, resolves and checks the declarations of `files`.
    /// Returns every diagnostic found, in no particular order (front doors sort them once, with
    /// `SourceMap.inReadingOrder`); nothing runs yet (see `runScripts`).
    /// With `replacing`, a name declared again replaces the earlier declaration (the REPL).
    public func load(_ files: [SourceFile], replacing: Bool = false, echo: Bool = false) -> LoadResult {
        var parsed: [FileID: ParseResult] = [:]
        return load(files, replacing: replacing, echo: echo, parsed: &parsed)
    }

    /// `load`, reusing the parse of the files in `parsed` (by file) that the caller already
    /// made, so a REPL `:load` that looks at the files first does not parse them twice. The
    /// trees are taken out of `parsed`, so each can be released once it is resolved.
    func load(_ files: [SourceFile], replacing: Bool, echo: Bool, parsed: inout [FileID: ParseResult]) -> LoadResult {
        var taken: [FileID: ParseResult] = [:]
        swap(&taken, &parsed)
        // Resolving recurses once a level of an expression, and the parser accepts 4,096 levels:
        // a caller on a small thread (a fuzzer, a test, an editor's worker) must not overflow.
        return withLargeStack { loadOnLargeStack(files, replacing: replacing, echo: echo, parsed: &taken) }
    }

    private func loadOnLargeStack(_ files: [SourceFile], replacing: Bool, echo: Bool, parsed: inout [FileID: ParseResult]) -> LoadResult {
        // A REPL entry is all or nothing: one that does not get past resolving leaves the
        // session as it was, instead of a name declared with no fields that the next entry
        // would "replace". The entry is loaded in place (a copy of the programme per entry
        // would make a session of n declarations cost n²); only one that failed after
        // declaring something has the programme built again from the history without it.
        let historyBefore = loadHistory.count
        let bytesBefore = sourceBytes
        let shapeBefore = (names: globals.allNames.count, entities: model.store.count, replaced: model.replacements)
        let result = loadPhases(files, replacing: replacing, echo: echo, preparsed: &parsed)
        guard echo, !isRebuilding, !result.elaborated, result.hasErrors, loadHistory.count > historyBefore else { return result }
        loadHistory.removeSubrange(historyBefore...)
        sourceBytes = bytesBefore
        let shapeAfter = (names: globals.allNames.count, entities: model.store.count, replaced: model.replacements)
        if shapeAfter != shapeBefore { rebuildProgramme(runningStatements: false) }
        return result
    }

    private func loadPhases(_ files: [SourceFile], replacing: Bool, echo: Bool, preparsed: inout [FileID: ParseResult]) -> LoadResult {
        // What an earlier load recovered is declared before this load's names, in load order.
        declareRecovered()
        let replacementsBefore = model.replacements
        var diagnostics: [Diagnostic] = []
        var parsed: [(SourceFile, SourceFileSyntax)] = []
        var queue = files
        var syntaxFailed = false
        // The rules each loaded copy of the standard library declares.
        var standardSelections: [FileID: Set<String>] = [:]
        // Refused before parsing, where the memory goes (docs/robustness.md, "Memory budget").
        // A refused load counts for nothing, so the REPL can go on after a `:load` too large.
        let total = sourceBytes + pendingSourceBytes
        pendingSourceBytes = 0
        if total > options.maxSourceBytes {
            return LoadResult(diagnostics: [ProgrammeSizeLimit.namedFilesTooLarge(total: total, limit: options.maxSourceBytes)])
        }
        sourceBytes = total
        for file in files {
            loadedPaths.insert(reader.canonicalPath(file.path))
            program.userFiles.append(file.id)
        }
        // Parse every file, following imports breadth-first; each file is loaded once.
        var results: [ParseResult]
        if preparsed.isEmpty {
            results = ParallelParsing.parse(queue)
        } else {
            let unparsed = queue.filter { preparsed[$0.id] == nil }
            var fresh = ParallelParsing.parse(unparsed).makeIterator()
            results = queue.map { preparsed[$0.id] ?? fresh.next()! }
            preparsed = [:]
        }
        var index = 0
        while index < queue.count {
            let file = queue[index]
            let result = results[index]
            index += 1
            diagnostics += result.diagnostics
            if result.diagnostics.contains(where: { $0.severity == .error }) { syntaxFailed = true }
            parsed.append((file, result.syntax))
            for case .importDecl(let importDecl) in result.syntax.items {
                switch importDecl.target {
                case .std(let selection):
                    // Imports add up: the rules of every `import std…` are loaded, each once.
                    let selected = StandardLibrary.rules(in: selection)
                    diagnostics += selected.diagnostics
                    let fresh = selected.names.subtracting(program.standardRules)
                    guard !fresh.isEmpty else { continue }
                    program.standardRules.formUnion(fresh)
                    let std = sources.add(path: StandardLibrary.path, text: StandardLibrary.source)
                    standardSelections[std.id] = fresh
                    queue.append(std)
                    results.append(Parser.parse(std))
                case .path(let relative):
                    switch resolveImport(relative, from: file, span: importDecl.targetSpan) {
                    case .failed(let diagnostic):
                        diagnostics.append(diagnostic)
                    case .loaded(let imported):
                        queue.append(imported)
                        program.userFiles.append(imported.id)
                        results.append(Parser.parse(imported))
                    case .alreadyLoaded:
                        break
                    }
                }
            }
        }
        // `parsed` now holds the only reference to each tree, so resolving can release them file by file.
        results = []
        if options.givesBackSourceText { Engine.giveBackTexts(of: queue) }
        // A syntax error stops the commands here. An editor's engine keeps what the parser
        // recovered (every other declaration of the broken file and every other file is whole)
        // and declares it when its queries are made (`declareRecovered`), after the syntax
        // errors went out, so they answer while the text is briefly broken; the load reports
        // only the syntax errors and counts as not elaborated. The REPL's loads (entries and
        // `:load`, which replace) stay all or nothing, recording or not.
        if syntaxFailed {
            guard options.recordsNameUses, !replacing, !echo else { return LoadResult(diagnostics: diagnostics) }
            program.isRecovered = true
            program.recoveredParse = RecoveredParse(files: parsed, standardSelections: standardSelections)
            return LoadResult(diagnostics: diagnostics)
        }
        // The files with their imports, in the order they were declared: a rebuild loads them
        // as named files, so an imported name typed again later stays replaced (loading only
        // the named files again put their imports after every later entry). The standard
        // library comes back through its `import std`.
        loadHistory.append(LoadStep(files: queue.filter { $0.path != StandardLibrary.path }, namedFiles: files.map(\.id),
                                    replacing: replacing, echo: echo, isEntry: echo))
        let declarer = declareAndResolve(&parsed, standardSelections: standardSelections, replacing: replacing, echo: echo)
        diagnostics += declarer.diagnostics
        if diagnostics.contains(where: { $0.severity == .error }) {
            return LoadResult(diagnostics: diagnostics)
        }
        diagnostics += Elaborator(model: model, interpreter: interpreter, workers: options.workers).elaborate(declarer.newEntities)
        pendingScripts += declarer.scripts
        if model.replacements > replacementsBefore && !isRebuilding { rebuildProgramme() }
        return LoadResult(diagnostics: diagnostics, declared: declarer.declaredSummaries,
                          declarationCount: declarer.declarationCount, elaborated: true)
    }

    /// Declares the top-level names of the parsed files and resolves every body and field
    /// (phases 3 and 4), releasing each tree once resolved; returns the phase's result (its
    /// diagnostics, the new entities, the scripts). The programme's name index and rule bodies
    /// are updated.
    private func declareAndResolve(_ parsed: inout [(SourceFile, SourceFileSyntax)], standardSelections: [FileID: Set<String>],
                                   replacing: Bool, echo: Bool) -> Declarer {
        // Size the name tables once: growing them entry by entry rehashes every name several times.
        // Only items that declare a name count: a script of a million `print` lines would
        // otherwise reserve four tables of a million empty entries (a fifth of its peak memory).
        let declarationCount = parsed.reduce(0) { $0 + $1.1.items.count(where: Engine.declaresName) }
        names.spans.reserveCapacity(names.spans.count + declarationCount)
        globals.reserveCapacity(declarationCount)
        model.reserveEntities(parsed.reduce(0) { $0 + Declarer.entityCount(in: $1.1) })
        // The index moves into the phase and back, never copied: a copy per REPL entry would
        // cost time in proportion to every name declared so far.
        var declarer = Declarer(model: model, globals: globals, sources: sources, index: names,
                                replacing: replacing, echo: echo, recorder: program.nameUses)
        names = DeclarationIndex()
        declarer.declareFields(in: parsed.map(\.1))
        for (file, syntax) in parsed { declarer.declare(syntax, isStandard: file.path == StandardLibrary.path, standardRules: standardSelections[file.id]) }
        // Entities keep only their declaration sites and resolved code: each file's syntax tree
        // is released once it is resolved, so the trees, the resolved code and the field values
        // that elaboration adds are never all held at once.
        // Below `smallestParallelResolve` the files resolve on this thread: starting a worker
        // costs more than it saves there, and a one-file check is such a load.
        let parsedBytes = parsed.reduce(0) { $0 + $1.0.byteCount }
        declarer.resolveAll(&parsed, workers: parsedBytes < Engine.smallestParallelResolve ? 1 : options.workers)
        // Back before anything else runs: elaboration and a rebuild read and reset the index.
        names = declarer.index
        interpreter.ruleBodies.merge(declarer.ruleBodies) { _, new in new }
        return declarer
    }

    /// Declares and resolves what the parser recovered from a load with syntax errors, if that
    /// is still to be done: for position queries only (`ProgramQueries` calls it before
    /// indexing). The diagnostics of these phases are dropped (they would follow from text the
    /// parser skipped, and the editor shows what `check` shows), no script waits to run, and
    /// the load joined no history. The programme is elaborated only when it resolved without
    /// an error: it is then one a user could have written (the skipped text removed, an
    /// unreadable expression standing as `none`), so elaboration meets nothing that `check`
    /// never gives it; one with a missing required field or an unknown name is left
    /// unelaborated, as a programme with a name error is.
    func declareRecovered() {
        guard var recovered = program.recoveredParse else { return }
        // The trees' only reference is now `recovered`, so resolving releases them file by file.
        program.recoveredParse = nil
        withLargeStack {
            let declarer = declareAndResolve(&recovered.files, standardSelections: recovered.standardSelections,
                                             replacing: false, echo: false)
            guard !declarer.diagnostics.contains(where: { $0.severity == .error }) else { return }
            _ = Elaborator(model: model, interpreter: interpreter, workers: options.workers).elaborate(declarer.newEntities)
        }
    }

    /// The source size (bytes, the standard library's included) from which a load resolves its
    /// files on every core. Below it one thread is quicker: a worker is a large-stack thread
    /// started for the load, about 0.1–0.2 ms, and resolving runs at about 50 MB/s, so half of
    /// 32 KiB is worth about as much (docs/performance.md, "Cold start").
    static let smallestParallelResolve = 32 << 10

    /// True for the top-level items `Declarer.declare` enters in the name tables.
    static func declaresName(_ item: TopLevelItem) -> Bool {
        switch item {
        case .declaration: true
        case .statement(let statement):
            switch statement.kind {
            case .letBinding, .function: true
            default: false
            }
        case .importDecl: false
        }
    }

    private func resolveImport(_ relative: String, from file: SourceFile, span: Span) -> ImportOutcome {
        if relative.hasPrefix("/") || relative.contains("://") {
            return .failed(Diagnostic(.importFailed, .error, "import paths are relative to the importing file", at: span,
                                       label: "absolute paths and URLs are not allowed",
                                       help: "write the path relative to `\(file.path)`"))
        }
        let directory = file.path.contains("/") ? String(file.path[..<file.path.lastIndex(of: "/")!]) : "."
        let path = directory == "." ? relative : directory + "/" + relative
        let canonical = reader.canonicalPath(path)
        if loadedPaths.contains(canonical) { return .alreadyLoaded }
        switch reader.read(path) {
        case .failure(let error):
            let what = error.isDirectory ? "is a folder, not a file" : error.reason
            return .failed(Diagnostic(.importFailed, .error, "cannot import `\(DisplayText.escapeControls(relative))`: \(what)", at: span,
                                       help: error.isDirectory ? "import the `.mentor` files inside it one by one" : nil))
        case .success where !relative.hasSuffix(".mentor"):
            // Only source files: an import of `../../etc/passwd` would otherwise show its lines in syntax errors.
            return .failed(Diagnostic(.importFailed, .error, "cannot import `\(DisplayText.escapeControls(relative))`: not a `.mentor` file", at: span,
                                       help: "an import names a Mentor source file, such as `people.mentor`"))
        case .success(let bytes):
            if sourceBytes + bytes.count > options.maxSourceBytes {
                return .failed(ProgrammeSizeLimit.importTooLarge(relative, total: sourceBytes + bytes.count,
                                                                 limit: options.maxSourceBytes, at: span))
            }
            loadedPaths.insert(canonical)
            sourceBytes += bytes.count
            return .loaded(sources.add(path: path, bytes: bytes))
        }
    }

    /// Runs the top-level statements loaded so far, in file order; returns the runtime error, if any.
    public func runScripts() -> [Diagnostic] {
        let scripts = pendingScripts
        pendingScripts = []
        return withLargeStack {
            for script in scripts {
                interpreter.resetBudget()
                interrupt.clear()
                do {
                    let frame = Frame(size: script.frameSize, parent: nil)
                    for statement in script.statements {
                        if script.echo, case .expression(let code, _) = statement {
                            let value = try interpreter.evaluate(code, frame)
                            if case .none = value { continue }
                            interpreter.output(try interpreter.echoText(of: value, span: code.span) + "\n")
                        } else {
                            try interpreter.execute(statement, frame)
                        }
                    }
                } catch let error as RuntimeError {
                    return [error.diagnostic]
                } catch {
                    return []
                }
            }
            return []
        }
    }
}

/// What became of one `import`.
enum ImportOutcome {
    case loaded(SourceFile)
    case alreadyLoaded
    case failed(Diagnostic)
}

/// What loading produced.
public struct LoadResult: Sendable {
    /// Every diagnostic, in the order the phases found them.
    public var diagnostics: [Diagnostic]
    /// One line per declared name, for the REPL to echo (`agreement ana_dave: 2026-01-12 to …`);
    /// only a load that echoes (a REPL entry) has them.
    public var declared: [String] = []
    /// How many top-level declarations were made (fields, lets, fns, tests and the programme too).
    public var declarationCount = 0
    /// True when declarations were resolved and evaluated (no syntax or name errors), so rules can run.
    public var elaborated = false

    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
