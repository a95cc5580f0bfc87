import Foundation
import Testing
import MentorDiagnostics
import MentorRuntime
import MentorSource
import MentorSyntax

/// Text cut short is what an editor sends while a line is being typed: every example file is
/// truncated at every 7th byte, in its programme, built as the language server builds it, and
/// asked every position query at a few places. Nothing may crash, every span answered must lie
/// in its file, and the diagnostics must be exactly those `check` reports for the same text.
@Suite("Position queries: the examples truncated at every 7th byte")
struct TruncatedQueryFuzzTests {
    /// One file of a programme: its path (relative to the programme's folder) and bytes.
    typealias File = (path: String, bytes: [UInt8])

    /// The example programmes: each folder of `Examples/` (its files, recursively, by path) and
    /// each file standing alone in it.
    static func programmes() throws -> [(name: String, files: [File])] {
        let root = QueryFixture.examplesFolder
        let manager = FileManager.default
        var programmes: [(name: String, files: [File])] = []
        for entry in try manager.contentsOfDirectory(atPath: root.path).sorted() {
            let url = root.appendingPathComponent(entry)
            if entry.hasSuffix(".mentor") {
                programmes.append((entry, [(entry, Array(try Data(contentsOf: url)))]))
                continue
            }
            guard let paths = manager.enumerator(atPath: url.path) else { continue }
            let files = try paths.compactMap { $0 as? String }.filter { $0.hasSuffix(".mentor") }.sorted().map { path in
                (path: path, bytes: Array(try Data(contentsOf: url.appendingPathComponent(path))))
            }
            programmes.append((entry, files))
        }
        return programmes
    }

    /// Loads and checks `files` as the language server does (name uses recorded); returns the
    /// engine, the files as added and the diagnostics.
    static func build(_ files: [File]) -> (Engine, [SourceFile], [Diagnostic]) {
        var options = EngineOptions(today: QueryFixture.today)
        options.recordsNameUses = true
        let engine = Engine(options: options, output: { _ in })
        let added = files.map { engine.addSource(path: $0.path, bytes: $0.bytes) }
        return (engine, added, engine.loadAndCheck(added).diagnostics)
    }

    /// What `check` reports for `files` when they do not parse (nil when they do: then the
    /// language server's build is `check`'s, unchanged).
    static func syntaxDiagnostics(_ files: [File]) -> [Diagnostic]? {
        let engine = Engine(options: EngineOptions(today: QueryFixture.today), output: { _ in })
        let loaded = engine.load(files.map { engine.addSource(path: $0.path, bytes: $0.bytes) })
        let syntaxFailed = loaded.diagnostics.contains { $0.severity == .error && $0.code.number < 300 }
        return syntaxFailed ? engine.sources.inReadingOrder(loaded.diagnostics) : nil
    }

    @Test("every query on every truncation: no crash, spans in their files, the diagnostics of `check`")
    func truncations() throws {
        var builds = 0
        var broken = 0
        for programme in try Self.programmes() {
            for (position, whole) in programme.files.enumerated() {
                for cut in stride(from: 0, through: whole.bytes.count, by: 7) {
                    var files = programme.files
                    files[position].bytes = Array(whole.bytes[..<cut])
                    let (engine, added, diagnostics) = Self.build(files)
                    let place = "\(programme.name)/\(whole.path) cut at \(cut)"
                    builds += 1
                    if let checkDiagnostics = Self.syntaxDiagnostics(files) {
                        broken += 1
                        #expect(diagnostics == checkDiagnostics, "\(place): the diagnostics differ from check's")
                    }
                    Self.ask(QueryFixture(engine: engine, files: added), files: files, truncated: position, diagnostics: diagnostics, place: place)
                }
            }
        }
        // The cuts must reach the case this is about: most land inside a declaration or a string.
        #expect(builds > 1_500)
        #expect(broken * 3 > builds * 2)
    }

    /// Asks every query at the end of the truncated file (where the cursor is while typing), at
    /// two places spread over it and over the next file, and over the truncated file's
    /// agreements, and checks every span answered.
    static func ask(_ fixture: QueryFixture, files: [File], truncated position: Int, diagnostics: [Diagnostic], place: String) {
        let queries = fixture.queries
        let sources = fixture.engine.sources
        func check(_ span: Span, _ what: String) {
            guard span != .unknown else { return }
            guard let file = sources.file(span.file) else {
                Issue.record("\(place): \(what) names no file")
                return
            }
            if span.start > span.end || Int(span.end) > file.bytes.count {
                Issue.record("\(place): \(what) \(span.start)..<\(span.end) is outside \(file.path) (\(file.bytes.count) bytes)")
            }
        }
        let targets = [position, (position + 1) % files.count]
        for target in Set(targets) {
            let file = fixture.file(files[target].path)
            let count = UInt32(file.bytes.count)
            let seed = UInt32(truncatingIfNeeded: count &* 2_654_435_761)
            var offsets: [UInt32] = [count]
            for step in UInt32(1)...2 { offsets.append((seed &+ step &* 104_729) % (count + 1)) }
            for offset in offsets {
                if let definition = queries.definition(in: file.id, at: offset) {
                    check(definition, "definition")
                    #expect(definition == .unknown || queries.references(in: file.id, at: offset).contains(definition),
                            "\(place): the definition at \(offset) is not among its references")
                }
                for reference in queries.references(in: file.id, at: offset) { check(reference, "a reference") }
                if let hover = queries.hover(in: file.id, at: offset) { check(hover.span, "a hover") }
                if case .success(let span) = queries.prepareRename(in: file.id, at: offset) {
                    check(span, "a rename")
                    if case .success(let edits) = queries.rename(in: file.id, at: offset, to: "renamed") {
                        for edit in edits.values.joined() { check(edit.span, "a rename edit") }
                    }
                }
                let text = String(decoding: file.bytes, as: UTF8.self)
                for item in queries.completions(path: file.path, text: text, at: offset) where item.replacing.upperBound > UInt32(text.utf8.count) {
                    Issue.record("\(place): completion `\(item.label)` replaces past the end of the text")
                }
            }
            func outline(_ symbols: [DocumentSymbol]) {
                for symbol in symbols {
                    check(symbol.symbol.span, "an outline entry")
                    check(symbol.symbol.nameSpan, "an outline name")
                    outline(symbol.children)
                }
            }
            outline(queries.documentSymbols(in: file.id))
            for token in queries.semanticTokens(in: file.id) { check(token.span, "a semantic token") }
            for range in queries.foldingRanges(in: file.id) { check(range.span, "a folding range") }
        }
        // An agreement's hover computes its facts, which reads fields a cut may have left out.
        let truncated = fixture.file(files[position].path).id
        for symbol in queries.workspaceSymbols(matching: "") where symbol.kind == .declaration(.agreement) && symbol.nameSpan.file == truncated {
            if let hover = queries.hover(in: symbol.nameSpan.file, at: symbol.nameSpan.start) { check(hover.span, "an agreement's hover") }
        }
        for diagnostic in diagnostics {
            for action in queries.codeActions(for: diagnostic) {
                for edit in action.edits.values.joined() { check(edit.span, "a code action's edit") }
            }
        }
    }
}
