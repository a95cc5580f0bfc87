#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorDiagnostics
import MentorRuntime
import enum MentorSyntax.SyntaxVocabulary

/// Connects the REPL to the one evaluation engine: every entry is evaluated by the same
/// `Engine` that `run` and `check` use.
public final class EngineBackend: REPLBackend {
    private var engine: Engine
    private let makeEngine: () -> Engine
    private let useColor: Bool
    /// Files loaded with `:load` (or given on the command line), for `:reload`.
    private var loadedFiles: [String] = []

    /// Creates a backend; `makeEngine` builds a fresh engine (for `:reset` and `:reload`).
    public init(makeEngine: @escaping () -> Engine, useColor: Bool) {
        self.makeEngine = makeEngine
        self.engine = makeEngine()
        self.useColor = useColor
    }

    private func render(_ diagnostics: [Diagnostic]) -> String {
        TextDiagnosticRenderer(sources: engine.sources, useColor: useColor).render(engine.sources.inReadingOrder(diagnostics))
    }

    public func isIncomplete(_ source: [UInt8]) -> Bool { engine.isIncomplete(source) }

    private static func noteLines(_ notes: [String]) -> String {
        notes.map { "note: \($0)\n" }.joined()
    }

    private static func hasErrors(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains { $0.severity == .error }
    }

    public func evaluate(_ source: [UInt8]) -> REPLOutput {
        engine.interrupt.clear()
        let result = engine.evaluateEntry(source)
        return REPLOutput(stdout: result.output, stderr: Self.noteLines(result.notes) + render(result.diagnostics),
                          failed: Self.hasErrors(result.diagnostics))
    }

    public func requestInterrupt() { engine.interrupt.request() }

    public var metaCommands: [(name: String, summary: String)] {
        MetaCommandUsage.all.map { ($0.name, $0.summary) }
    }

    /// Loads files into the session and describes what happened: a file with a syntax error
    /// is reported and left out while the others load, names the files declare twice are
    /// reported as `check` reports them, and each name the session already had gets a note.
    public func load(_ paths: [String]) -> REPLOutput {
        // A session holds one programme: `DIR/...` names several, and is no file to read.
        if let pattern = paths.first(where: { ProgrammePattern($0) != nil }) {
            return REPLOutput(stderr: render([ProgrammePattern.oneProgrammeOnly(pattern, command: ":load")]), failed: true)
        }
        var output = REPLOutput()
        // Folders are searched for `*.mentor` as `check` searches them; `:reload` searches them again.
        let read = SourceDiscovery.readSources(paths, into: engine) { output.stderr += $0 }
        output.failed = !read.unreadable.isEmpty
        for path in paths where !loadedFiles.contains(path) && !read.unreadable.contains(path) {
            loadedFiles.append(path)
        }
        guard !read.files.isEmpty else { return output }
        let loaded = engine.loadIntoSession(read.files)
        output.stderr += Self.noteLines(loaded.notes) + render(loaded.diagnostics)
        let failures = engine.runScripts()
        output.stderr += render(failures)
        output.failed = output.failed || loaded.hasErrors || Self.hasErrors(failures)
        if !loaded.skippedPaths.isEmpty {
            let skipped = loaded.skippedPaths.map { DisplayText.escapeControls($0) }.joined(separator: ", ")
            output.stderr += "not loaded, for its syntax errors: \(skipped)\n"
        }
        if loaded.loadedFileCount > 0 {
            output.stdout += "loaded \(plural(loaded.loadedFileCount, "file")) (\(plural(loaded.declarationCount, "declaration")))\n"
        }
        return output
    }

    /// Loads the files loaded so far again, from scratch, then puts back the declarations typed
    /// in the session that the files do not declare now; those the files declare are dropped,
    /// by name, since the files were edited to say what they mean now.
    private func reload() -> REPLOutput {
        let typed = engine.heldItems().filter(\.isTyped)
        let typedStandard = engine.standardImportLine
        engine = makeEngine()
        var output = load(loadedFiles)
        guard !typed.isEmpty else { return output }
        let declaredByFiles = Set(engine.heldItems().compactMap(\.name))
        let kept = typed.filter { $0.name.map { !declaredByFiles.contains($0) } ?? true }
        let dropped = typed.compactMap { item in item.name.flatMap { declaredByFiles.contains($0) ? $0 : nil } }
        if !kept.isEmpty {
            // The files may not import std, which the typed declarations may need.
            let standard = typedStandard.map { $0 + "\n\n" } ?? ""
            var diagnostics = engine.evaluateEntry(standard + kept.map(\.text).joined(separator: "\n\n")).diagnostics
            // An entry that does not resolve is dropped whole: when one declaration no longer
            // resolves against the edited files, the others are put back one by one.
            var held = Set(engine.heldItems().compactMap(\.name))
            let missing = kept.filter { $0.name.map { !held.contains($0) } ?? false }
            if !missing.isEmpty {
                diagnostics = []
                for item in missing { diagnostics += engine.evaluateEntry(item.text).diagnostics }
                held = Set(engine.heldItems().compactMap(\.name))
            }
            let lost = missing.compactMap { item in item.name.flatMap { held.contains($0) ? nil : $0 } }
            output.stderr += render(diagnostics)
            output.failed = output.failed || Self.hasErrors(diagnostics)
            output.stdout += "kept \(plural(kept.count - lost.count, "declaration")) typed in the session\n"
            if !lost.isEmpty {
                let names = lost.map { "`\($0)`" }.joined(separator: ", ")
                output.stderr += "note: could not put back \(plural(lost.count, "declaration")) typed in the session, "
                    + "which no longer resolve: \(names)\n"
            }
        }
        if !dropped.isEmpty {
            let names = dropped.map { "`\($0)`" }.joined(separator: ", ")
            output.stderr += "note: dropped \(plural(dropped.count, "declaration")) typed in the session, which the files declare now: \(names)\n"
        }
        return output
    }

    public func runMetaCommand(_ name: String, argument: String) -> REPLOutput {
        engine.interrupt.clear()
        let words = argument.split(separator: " ").map(String.init)
        if name.hasSuffix("!"), name != "save!" {
            return REPLOutput(stderr: "error: `:\(name)` takes no `!`; only `:save!` does\n", failed: true)
        }
        guard let usage = MetaCommandUsage.named(name.hasSuffix("!") ? String(name.dropLast()) : name) else {
            return REPLOutput(stderr: "unknown command :\(name)\n", failed: true)
        }
        if !usage.accepts(words) { return REPLOutput(stderr: usage.errorLine, failed: true) }
        switch usage.name {
        case "load":
            return load(words)
        case "reload":
            return reload()
        case "reset":
            engine = makeEngine()
            loadedFiles = []
            return REPLOutput(stdout: "session reset\n")
        case "list":
            return list(kind: words.first)
        case "show", "doc":
            let address = argument
            guard let text = engine.declarationSource(at: address) else { return noDeclaration(address) }
            if usage.name == "show" { return REPLOutput(stdout: text + "\n") }
            return REPLOutput(stdout: (engine.declarationDoc(at: address) ?? "`\(DisplayText.escapeControls(address))` has no doc comment") + "\n")
        case "type":
            let result = engine.typeOf(argument)
            return REPLOutput(stdout: result.output, stderr: render(result.diagnostics), failed: Self.hasErrors(result.diagnostics))
        case "test":
            return runTests(titleContaining: argument)
        case "check":
            // As `check` reports: the diagnostics, then the summary, both on standard output.
            let report = engine.checkSession()
            // Files by path: a file loaded again is a second source of the same path, and the
            // summary counts what the user loaded, as `check` of those paths would.
            let paths = Set(engine.userFilePaths)
            let summary = CheckSummary(diagnostics: report.diagnostics, fileCount: paths.count)
            return REPLOutput(stdout: render(report.diagnostics.filter { !$0.isWaived }) + summary.line + "\n", failed: summary.errors > 0)
        default:
            return save(to: words[0], overwriting: name == "save!")
        }
    }

    /// `:list [KIND]`: what `:show` can address, one `kind address` a line.
    private func list(kind: String?) -> REPLOutput {
        if let kind, !Engine.listableKinds.contains(kind) {
            let advice = EditDistance.suggestions(for: kind, among: Engine.listableKinds).first.map { "did you mean `\($0)`? " } ?? ""
            return REPLOutput(stderr: "error: no kind `\(DisplayText.escapeControls(kind))`; \(advice)the kinds are "
                              + Engine.listableKinds.joined(separator: ", ") + "\n", failed: true)
        }
        let listed = engine.listedDeclarations().filter { kind == nil || $0.kind == kind }
        if listed.isEmpty { return REPLOutput(stdout: kind.map { "no \($0) declared\n" } ?? "nothing declared\n") }
        return REPLOutput(stdout: listed.map { "\($0.kind) \($0.address)" }.joined(separator: "\n") + "\n")
    }

    /// The error for `:show`/`:doc` of an address that names nothing, with the closest ones.
    private func noDeclaration(_ address: String) -> REPLOutput {
        let addresses = engine.listedDeclarations().map(\.address)
        let advice = EditDistance.suggestions(for: address, among: addresses).first.map { "; did you mean `\($0)`?" } ?? ""
        return REPLOutput(stderr: "error: no declaration named `\(DisplayText.escapeControls(address))`\(advice)\n", failed: true)
    }

    /// `:test [FILTER]`: runs the tests whose title contains FILTER and prints as `mentor test` does.
    private func runTests(titleContaining filter: String) -> REPLOutput {
        let results = engine.runTests(titleContaining: filter)
        var output = ""
        for result in results {
            output += (result.passed ? "PASS " : "FAIL ") + DisplayText.escapeControls(result.name) + "\n"
            if !result.passed { output += render(result.failures) }
        }
        let passed = results.filter(\.passed).count
        if results.isEmpty, !filter.isEmpty {
            output += "no test's title contains \(Value.quoted(filter))\n"
        }
        output += "\(passed) passed, \(results.count - passed) failed\n"
        return REPLOutput(stdout: output, failed: passed < results.count)
    }

    /// Writes the whole session to `path`; an existing file, and above all a file the
    /// session loaded (which would be replaced by the whole session), is kept unless `overwriting`.
    private func save(to path: String, overwriting: Bool) -> REPLOutput {
        let shown = DisplayText.escapeControls(path)
        if !overwriting {
            if engine.isLoadedFile(path) {
                return REPLOutput(stderr: "error: '\(shown)' is a file loaded in this session; not overwritten "
                                  + "(`:save! \(shown)` replaces it with the whole session)\n", failed: true)
            }
            var info = stat()
            if lstat(path, &info) == 0 {
                return REPLOutput(stderr: "error: '\(shown)' exists; not overwritten (`:save! \(shown)` replaces it)\n",
                                  failed: true)
            }
        }
        let saved = engine.savedSource()
        do {
            try AtomicFileWriter().write(Array(saved.text.utf8), to: path, newFileMode: 0o644)
            return REPLOutput(stdout: "saved \(plural(saved.declarationCount, "declaration")) to \(shown)\n")
        } catch {
            return REPLOutput(stderr: "mentor: cannot write '\(shown)': \(error)\n", failed: true)
        }
    }

    public func completions(for lineBeforeCursor: String) -> Completion {
        let scalars = Array(lineBeforeCursor.unicodeScalars)
        var start = scalars.count
        func isWord(_ s: Unicode.Scalar) -> Bool { SyntaxVocabulary.isIdentifierContinue(s) }
        while start > 0, isWord(scalars[start - 1]) { start -= 1 }
        let prefix = String(String.UnicodeScalarView(scalars[start...]))
        var candidates: [String]
        if start > 0, scalars[start - 1] == "." {
            var baseStart = start - 1
            while baseStart > 0, isWord(scalars[baseStart - 1]) || scalars[baseStart - 1] == "." { baseStart -= 1 }
            let base = String(String.UnicodeScalarView(scalars[baseStart..<(start - 1)]))
            // `std` is a record of the standard rules; its record methods are not what is wanted.
            candidates = base == "std" ? engine.standardRuleNames : engine.memberNames(ofExpression: base)
        } else if let base = WithFieldPosition.base(before: Array(scalars[..<start])) {
            candidates = engine.withFieldNames(ofExpression: base)
        } else {
            candidates = SyntaxVocabulary.allWords + engine.globalNames
        }
        let matches = Array(Set(candidates.filter { $0.hasPrefix(prefix) })).sorted()
        let index = lineBeforeCursor.unicodeScalars.index(lineBeforeCursor.unicodeScalars.startIndex, offsetBy: start)
        return Completion(replacingFrom: index, in: lineBeforeCursor, candidates: matches)
    }
}
