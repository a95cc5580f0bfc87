import MentorDiagnostics
import MentorRuntime
import MentorSource
import MentorSyntax

/// The language server's path: a programme loaded with name uses recorded, indexed for the
/// queries (which declares what the parser recovered past a syntax error), then every
/// position query at a few places.
/// Its diagnostics must be exactly the commands' (recording changes nothing `check` reports),
/// and every span a query answers must lie in its file.
public enum QueryProperties {
    /// One file of a programme: its path and bytes.
    public typealias File = (path: String, bytes: [UInt8])

    static func run(_ bytes: [UInt8]) -> FuzzOutcome {
        check([(path: "fuzz/input.mentor", bytes: bytes)], asking: [0])
    }

    /// Loads `files` as one programme twice, as the language server and as `check` do, compares
    /// the diagnostics, and asks every query about the files at the positions `asking` lists
    /// (at their end, where the cursor is while typing, and at two places spread over them),
    /// and the hover of each agreement they declare. The summary's first line says whether the
    /// programme was recovered from syntax errors.
    public static func check(_ files: [File], asking: [Int]) -> FuzzOutcome {
        let (engine, added, diagnostics) = load(files, recording: true)
        let (_, _, commandDiagnostics) = load(files, recording: false)
        var violations: [String] = []
        if diagnostics != commandDiagnostics {
            violations.append("recording name uses changed the diagnostics: \(diagnostics.count) against \(commandDiagnostics.count)")
        }
        var asker = Asker(queries: ProgramQueries(engine: engine), sources: engine.sources)
        for position in Set(asking) where added.indices.contains(position) {
            asker.ask(about: added[position])
        }
        for diagnostic in diagnostics {
            for action in asker.queries.codeActions(for: diagnostic) {
                for edit in action.edits.values.joined() { asker.check(edit.span, "a code action's edit") }
            }
        }
        let recovered = diagnostics.contains { $0.severity == .error && syntaxCodes.contains($0.code.number) }
        let summary = (recovered ? "recovered from syntax errors" : "parsed") + ", \(asker.queries.symbols.count) symbols\n"
            + FuzzOutcome.describe(diagnostics, in: engine.sources)
        return FuzzOutcome(summary: summary, violations: violations + asker.violations)
    }

    /// The codes of lexical (M01xx) and syntax (M02xx) errors: those that stop the commands after parsing.
    static let syntaxCodes = 100..<300

    /// The engine after loading `files`, the files as added, and the load's diagnostics in reading order.
    private static func load(_ files: [File], recording: Bool) -> (Engine, [SourceFile], [Diagnostic]) {
        var options = EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!, limits: CheckPipelineProperties.limits)
        options.recordsNameUses = recording
        let engine = Engine(options: options, reader: RefusingReader(), output: { _ in })
        let added = files.map { engine.addSource(path: $0.path, bytes: $0.bytes) }
        let loaded = engine.load(added)
        return (engine, added, engine.sources.inReadingOrder(loaded.diagnostics))
    }
}

/// Asks the queries about one file at a time and collects the spans that fall outside their file.
private struct Asker {
    let queries: ProgramQueries
    let sources: SourceMap
    private(set) var violations: [String] = []

    init(queries: ProgramQueries, sources: SourceMap) {
        self.queries = queries
        self.sources = sources
    }

    mutating func check(_ span: Span, _ what: String) {
        guard span != .unknown else { return }
        guard let file = sources.file(span.file) else {
            violations.append("\(what) names an unknown file \(span.file.index)")
            return
        }
        if span.start > span.end || Int(span.end) > file.bytes.count {
            violations.append("\(what) \(span.start)..<\(span.end) is outside \(file.path) (\(file.bytes.count) bytes)")
        }
    }

    mutating func ask(about file: SourceFile) {
        let count = UInt32(file.bytes.count)
        let seed = count &* 2_654_435_761
        let offsets = [count] + (UInt32(1)...2).map { (seed &+ $0 &* 104_729) % (count + 1) }
        let text = String(decoding: file.bytes, as: UTF8.self)
        for offset in offsets {
            if let definition = queries.definition(in: file.id, at: offset) {
                check(definition, "the definition at \(offset)")
                if definition != .unknown, !queries.references(in: file.id, at: offset).contains(definition) {
                    violations.append("the definition at \(offset) is not among its references")
                }
            }
            for reference in queries.references(in: file.id, at: offset) { check(reference, "a reference at \(offset)") }
            if let hover = queries.hover(in: file.id, at: offset) { check(hover.span, "the hover at \(offset)") }
            if case .success(let span) = queries.prepareRename(in: file.id, at: offset) {
                check(span, "the rename at \(offset)")
                if case .success(let edits) = queries.rename(in: file.id, at: offset, to: "renamed") {
                    for edit in edits.values.joined() { check(edit.span, "a rename edit at \(offset)") }
                }
            }
            for item in queries.completions(path: file.path, text: text, at: offset) where item.replacing.upperBound > UInt32(text.utf8.count) {
                violations.append("completion `\(item.label)` at \(offset) replaces past the end of the text")
            }
        }
        var outline = queries.documentSymbols(in: file.id)
        while let symbol = outline.popLast() {
            check(symbol.symbol.span, "the outline entry `\(symbol.symbol.name)`")
            check(symbol.symbol.nameSpan, "the outline name `\(symbol.symbol.name)`")
            outline += symbol.children
        }
        for token in queries.semanticTokens(in: file.id) { check(token.span, "a semantic token") }
        for range in queries.foldingRanges(in: file.id) { check(range.span, "a folding range") }
        // An agreement's hover computes its facts, which read fields the recovered text may lack.
        for symbol in queries.workspaceSymbols(matching: "") where symbol.kind == .declaration(.agreement) && symbol.nameSpan.file == file.id {
            if let hover = queries.hover(in: file.id, at: symbol.nameSpan.start) { check(hover.span, "the hover of `\(symbol.name)`") }
        }
    }
}
