import MentorDiagnostics
import MentorSyntax
import MentorSource

/// What `Engine.loadIntoSession` made of a set of files.
public struct SessionLoadResult: Sendable {
    /// Every diagnostic: syntax errors of the files left out, names declared twice among the
    /// files, and what loading the rest found.
    public var diagnostics: [Diagnostic] = []
    /// One line per name the session had that a file declares again (`` `ines` replaces its earlier declaration``).
    public var notes: [String] = []
    /// Files loaded (files with syntax errors are left out).
    public var loadedFileCount = 0
    /// Top-level declarations the loaded files made, the programme, tests, lets and fns included.
    public var declarationCount = 0
    /// Paths of the files left out because they have syntax errors.
    public var skippedPaths: [String] = []

    /// True when any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension Engine {
    /// Loads files into a REPL session. A file with a syntax error is reported and left out,
    /// and the others still load; a name two of the files declare (or a second `program`)
    /// is reported as `check` reports it, and the later declaration is left out; a name the
    /// session already had is replaced, and a note says so.
    public func loadIntoSession(_ files: [SourceFile]) -> SessionLoadResult {
        var result = SessionLoadResult()
        var readable: [(SourceFile, SourceFileSyntax)] = []
        var parsedFiles: [FileID: ParseResult] = [:]
        for (file, parsed) in zip(files, ParallelParsing.parse(files)) {
            if parsed.diagnostics.contains(where: { $0.severity == .error }) {
                result.diagnostics += parsed.diagnostics
                result.skippedPaths.append(file.path)
            } else {
                readable.append((file, parsed.syntax))
                parsedFiles[file.id] = parsed
            }
        }
        guard !readable.isEmpty else { return result }
        let declared = Engine.declaredNames(in: readable, workers: options.workers)
        let duplicates = Engine.duplicateDeclarations(declared, workers: options.workers)
        result.diagnostics += duplicates.diagnostics
        result.notes = replacementNotes(declared)
        let toLoad = readable.map { file, syntax in
            guard let dropped = duplicates.droppedItems[file.id] else { return file }
            return withoutItems(dropped, of: syntax, in: file)
        }
        // The files not rewritten are loaded from the parse above, not parsed again; nothing
        // here keeps their trees, so resolving releases them file by file.
        readable = []
        let loaded = load(toLoad, replacing: true, echo: false, parsed: &parsedFiles)
        result.diagnostics += loaded.diagnostics
        result.loadedFileCount = toLoad.count
        result.declarationCount = loaded.declarationCount
        return result
    }

    /// The notes for names (and the programme) declared in `declared` that the session already holds.
    func replacementNotes(_ declared: [FileDeclaredNames]) -> [String] {
        var notes: [String] = []
        let hasProgram = !model.entities(of: .program).isEmpty
        // A `:load` into an empty session (the usual first one) replaces nothing.
        guard hasProgram || !names.spans.isEmpty else { return notes }
        // A set beside the list: searching the notes for each name made a `:load` of files
        // already loaded quadratic in their declarations.
        var noted: Set<String> = []
        for file in declared {
            for declaration in file.names {
                let name = declaration.name
                guard name == "program" ? hasProgram : names.spans[name] != nil else { continue }
                if noted.insert(name).inserted { notes.append("`\(name)` replaces its earlier declaration") }
            }
        }
        return notes
    }

    /// The names the top-level items of `files` declare, file by file, read on up to `workers`
    /// threads: binding an item copies its declaration (a retain of everything it holds), and
    /// for a `:load` of 28,000 declarations that was most of the duplicate and replacement
    /// checks, which then only hash the names.
    static func declaredNames(in files: [(SourceFile, SourceFileSyntax)], workers: Int) -> [FileDeclaredNames] {
        var declared: [FileDeclaredNames] = []
        declared.reserveCapacity(files.count)
        ParallelMap.forEach(files, workers: workers, { (file: (SourceFile, SourceFileSyntax)) in
            var names: [DeclaredName] = []
            for position in file.1.items.indices {
                guard let (name, span) = declaredName(file.1.items[position]) else { continue }
                names.append(DeclaredName(position: position, name: name, span: span))
            }
            return FileDeclaredNames(file: file.0.id, names: names)
        }, inOrder: { declared.append($0) })
        return declared
    }

    /// The name a top-level item declares (`program` for the programme) with where the name
    /// stands; nil for tests, imports and statements that declare nothing.
    static func declaredName(_ item: TopLevelItem) -> (String, Span)? {
        switch item {
        case .declaration(let declaration):
            guard DeclarationKind.topLevel.contains(declaration.kind) else { return nil }
            if declaration.kind == .program { return ("program", declaration.kindSpan) }
            guard declaration.kind != .test, let name = declaration.name else { return nil }
            return (name.name, name.span)
        case .statement(let statement):
            switch statement.kind {
            case .letBinding(let name, _, _): return (name.name, name.span)
            case .function(let function, _): return (function.name.name, function.name.span)
            default: return nil
            }
        case .importDecl:
            return nil
        }
    }

    /// Names declared twice among the files of `declared` (one load, judged as `check` judges
    /// its files): the diagnostics `check` gives, and the later items to leave out, by file and position.
    ///
    /// The names are hashed on up to `workers` threads, each keeping its own table of the
    /// names of one share (by length and last byte, so every declaration of a name falls in
    /// the same share): one table of 28,000 names filled on one thread was the largest part
    /// of a `:load` the REPL adds to `check`'s, while the other core waited. The second
    /// declarations found are put back in file and item order, so the result is the one
    /// pass in order gives.
    static func duplicateDeclarations(_ declared: [FileDeclaredNames], workers: Int = 1)
        -> (diagnostics: [Diagnostic], droppedItems: [FileID: [Int]]) {
        let total = declared.reduce(0) { $0 + $1.names.count }
        // Below a few thousand names a thread costs more than it saves.
        let shares = total < 4096 ? 1 : max(1, workers)
        var found: [Duplicate] = []
        ParallelMap.forEach(Array(0..<shares), workers: shares, { share in
            duplicates(in: declared, share: share, of: shares, capacity: total / shares)
        }, inOrder: { found += $0 })
        if shares > 1 { found.sort { ($0.file, $0.name) < ($1.file, $1.name) } }
        var diagnostics: [Diagnostic] = []
        var dropped: [FileID: [Int]] = [:]
        for duplicate in found {
            let file = declared[duplicate.file]
            let declaration = file.names[duplicate.name]
            dropped[file.file, default: []].append(declaration.position)
            diagnostics.append(declaration.name == "program" ? .secondProgram(at: declaration.span, first: duplicate.earlier)
                                                             : .declaredTwice(declaration.name, at: declaration.span, first: duplicate.earlier))
        }
        return (diagnostics, dropped)
    }

    /// A name declared again: where (file and name positions in `declared`) and where first.
    private struct Duplicate: Sendable {
        let file: Int
        let name: Int
        let earlier: Span
    }

    /// The second declarations among the names of share `share` (of `shares`), in order.
    private static func duplicates(in declared: [FileDeclaredNames], share: Int, of shares: Int, capacity: Int) -> [Duplicate] {
        var first: [String: Span] = [:]
        // Sized once: growing the table name by name rehashed every name several times, half
        // of this pass for a `:load` of 28,000 declarations.
        first.reserveCapacity(capacity + capacity / 4)
        var found: [Duplicate] = []
        for (fileIndex, file) in declared.enumerated() {
            for (nameIndex, declaration) in file.names.enumerated() {
                let name = declaration.name
                if shares > 1, (name.utf8.count &+ Int(name.utf8.last ?? 0)) % shares != share { continue }
                if let earlier = first.updateValue(declaration.span, forKey: name) {
                    first[name] = earlier
                    found.append(Duplicate(file: fileIndex, name: nameIndex, earlier: earlier))
                }
            }
        }
        return found
    }

    /// `file` with the items at `positions` (and their comments) blanked out, registered as a
    /// new file of the same path: every other byte keeps its line and column, so diagnostics
    /// about the rest point where they did.
    private func withoutItems(_ positions: [Int], of syntax: SourceFileSyntax, in file: SourceFile) -> SourceFile {
        let ranges = SourceChunks.ranges(of: syntax.items.map(SourceChunks.span(of:)), in: file.bytes)
        var bytes = file.bytes
        for position in positions {
            for offset in ranges[position] where bytes[offset] != UInt8(ascii: "\n") { bytes[offset] = UInt8(ascii: " ") }
        }
        return sources.add(path: file.path, bytes: bytes)
    }
}

/// A name a top-level item declares (`program` for the programme), where the name stands,
/// and the item's position in its file.
struct DeclaredName: Sendable {
    let position: Int
    let name: String
    let span: Span
}

/// The names one file's top-level items declare, in order.
struct FileDeclaredNames: Sendable {
    let file: FileID
    let names: [DeclaredName]
}
