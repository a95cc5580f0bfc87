import MentorDiagnostics
import MentorRuntime
import enum MentorSyntax.SourceFormatter
import enum MentorSyntax.SyntaxVocabulary
import MentorSource

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

    public func evaluate(_ source: [UInt8]) -> REPLOutput {
        engine.interrupt.clear()
        let result = engine.evaluateEntry(source)
        return REPLOutput(stdout: result.output, stderr: render(result.diagnostics))
    }

    public func requestInterrupt() { engine.interrupt.request() }

    public var metaCommands: [(name: String, summary: String)] {
        [("load", "load FILE… — load programme files into the session"),
         ("reload", "reload the files loaded so far, from scratch"),
         ("list", "list [kind] — list declared names, optionally of one kind"),
         ("show", "show NAME — show a declaration's source"),
         ("doc", "doc NAME — show a declaration's doc comment"),
         ("type", "type EXPR — show the type of an expression's value"),
         ("check", "run every rule over the session"),
         ("save", "save FILE — write the session's declarations to a file"),
         ("reset", "forget everything declared in the session")]
    }

    /// Loads files into the session and describes what happened.
    public func load(_ paths: [String]) -> REPLOutput {
        var output = REPLOutput()
        // Folders are searched for `*.mentor` as `check` searches them; `:reload` searches them again.
        let read = SourceDiscovery.readSources(paths, into: engine) { output.stderr += $0 }
        let files = read.files
        for path in paths where !loadedFiles.contains(path) && !read.unreadable.contains(path) {
            loadedFiles.append(path)
        }
        let loaded = engine.load(files, replacing: true)
        output.stderr += render(loaded.diagnostics)
        let failures = engine.runScripts()
        output.stderr += render(failures)
        if !files.isEmpty, !loaded.hasErrors {
            output.stdout += "loaded \(plural(files.count, "file")) (\(plural(loaded.declared.count, "declaration")))\n"
        }
        return output
    }

    public func runMetaCommand(_ name: String, argument: String) -> REPLOutput {
        engine.interrupt.clear()
        let words = argument.split(separator: " ").map(String.init)
        switch name {
        case "load":
            guard !words.isEmpty else { return REPLOutput(stderr: "usage: :load FILE…\n") }
            return load(words)
        case "reload":
            engine = makeEngine()
            return load(loadedFiles)
        case "reset":
            engine = makeEngine()
            loadedFiles = []
            return REPLOutput(stdout: "session reset\n")
        case "list":
            let names = engine.declaredNames(kind: words.first)
            if names.isEmpty { return REPLOutput(stdout: "nothing declared\n") }
            return REPLOutput(stdout: names.map { "\($0.kind) \($0.name)" }.joined(separator: "\n") + "\n")
        case "show":
            guard let word = words.first, let text = engine.sourceText(of: word) else {
                return REPLOutput(stderr: "no declaration named `\(DisplayText.escapeControls(argument))`\n")
            }
            return REPLOutput(stdout: text + "\n")
        case "doc":
            guard let word = words.first, engine.sourceText(of: word) != nil else {
                return REPLOutput(stderr: "no declaration named `\(DisplayText.escapeControls(argument))`\n")
            }
            return REPLOutput(stdout: (engine.docComment(of: word) ?? "`\(word)` has no doc comment") + "\n")
        case "type":
            let result = engine.typeOf(argument)
            return REPLOutput(stdout: result.output, stderr: render(result.diagnostics))
        case "check":
            let report = engine.checkSession()
            let summary = CheckSummary(diagnostics: report.diagnostics, fileCount: engine.userFiles.count)
            return REPLOutput(stdout: summary.line + "\n", stderr: render(report.diagnostics))
        case "save":
            guard let path = words.first else { return REPLOutput(stderr: "usage: :save FILE\n") }
            let raw = engine.declaredNames().compactMap { engine.sourceText(of: $0.name) }.joined(separator: "\n\n") + "\n"
            // Written in `mentor fmt`'s layout; text the formatter refuses (it cannot parse
            // it) is written as entered rather than lost.
            let text = SourceFormatter.format(SourceFile(id: FileID(0), path: path, text: raw)).formatted ?? raw
            do {
                try AtomicFileWriter().write(Array(text.utf8), to: path, newFileMode: 0o644)
                return REPLOutput(stdout: "saved \(engine.declaredNames().count) declarations to \(path)\n")
            } catch {
                return REPLOutput(stderr: "mentor: cannot write '\(DisplayText.escapeControls(path))': \(error)\n")
            }
        default:
            return REPLOutput(stderr: "unknown command :\(name)\n")
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
            candidates = engine.memberNames(ofExpression: base)
        } else {
            candidates = SyntaxVocabulary.allWords + engine.globalNames
        }
        let matches = Array(Set(candidates.filter { $0.hasPrefix(prefix) })).sorted()
        let index = lineBeforeCursor.unicodeScalars.index(lineBeforeCursor.unicodeScalars.startIndex, offsetBy: start)
        return Completion(replacingFrom: index, in: lineBeforeCursor, candidates: matches)
    }
}
