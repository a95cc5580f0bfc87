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
        let duplicates = Engine.duplicateDeclarations(in: readable)
        result.diagnostics += duplicates.diagnostics
        result.notes = replacementNotes(readable.map(\.1))
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
        result.declarationCount = loaded.declared.count { !$0.hasPrefix(Engine.replacementNotePrefix) }
        return result
    }

    /// How the declarer begins the lines it adds for a replaced name; those are notes, not declarations.
    static let replacementNotePrefix = "note: "

    /// The notes for names (and the programme) that `syntax` declares and the session already holds.
    func replacementNotes(_ syntax: [SourceFileSyntax]) -> [String] {
        var notes: [String] = []
        let hasProgram = !model.entities(of: .program).isEmpty
        for file in syntax {
            for item in file.items {
                guard let (name, _) = Engine.declaredName(item) else { continue }
                let known = name == "program" ? hasProgram : names.spans[name] != nil
                let note = "`\(name)` replaces its earlier declaration"
                if known, !notes.contains(note) { notes.append(note) }
            }
        }
        return notes
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

    /// Names declared twice among `files` (one load, judged as `check` judges its files): the
    /// diagnostics `check` gives, and the later items to leave out, by file and position.
    static func duplicateDeclarations(in files: [(SourceFile, SourceFileSyntax)])
        -> (diagnostics: [Diagnostic], droppedItems: [FileID: [Int]]) {
        var first: [String: Span] = [:]
        var diagnostics: [Diagnostic] = []
        var dropped: [FileID: [Int]] = [:]
        for (file, syntax) in files {
            for (position, item) in syntax.items.enumerated() {
                guard let (name, span) = declaredName(item) else { continue }
                guard let earlier = first[name] else {
                    first[name] = span
                    continue
                }
                dropped[file.id, default: []].append(position)
                diagnostics.append(name == "program" ? .secondProgram(at: span, first: earlier)
                                                     : .declaredTwice(name, at: span, first: earlier))
            }
        }
        return (diagnostics, dropped)
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
