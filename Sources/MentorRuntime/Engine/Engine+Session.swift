import MentorDiagnostics
import MentorSyntax
import MentorSource

/// What one REPL entry produced.
public struct EntryResult: Sendable {
    /// Echoed values, printed text and descriptions of declarations.
    public var output: String
    /// Diagnostics to render.
    public var diagnostics: [Diagnostic]
    /// One line per name the entry declared that the session already had (`` `ines` replaces
    /// its earlier declaration``): messages, kept apart from `output` so that what an entry
    /// echoes can be pasted back as source.
    public var notes: [String] = []
}

extension Engine {
    /// The path REPL entries are reported against.
    public static let replPath = "<repl>"

    /// True when `text` stopped in the middle of a construct, as the parser sees it.
    public func isIncomplete(_ text: String) -> Bool { isIncomplete(Array(text.utf8)) }

    /// True when `bytes` stopped in the middle of a construct, as the parser sees it.
    public func isIncomplete(_ bytes: [UInt8]) -> Bool {
        Parser.parse(SourceFile(id: FileID(UInt32.max - 1), path: Engine.replPath, bytes: bytes)).isIncomplete
    }

    /// Evaluates one REPL entry given as text; see `evaluateEntry(_:)` for bytes.
    public func evaluateEntry(_ text: String) -> EntryResult { evaluateEntry(Array(text.utf8)) }

    /// Evaluates one REPL entry against the session: declarations replace earlier ones of the
    /// same name (with a note), statements run, and expressions echo their value in source
    /// syntax. An entry that declares one name twice (or two programmes) is refused as `check`
    /// refuses a file that does. The entry comes as bytes, so invalid UTF-8 is reported at its
    /// byte (M0101) as in a file.
    public func evaluateEntry(_ bytes: [UInt8]) -> EntryResult {
        let file = sources.add(path: Engine.replPath, bytes: bytes)
        var notes: [String] = []
        let parsed = withLargeStack { Parser.parse(file) }
        if !parsed.diagnostics.contains(where: { $0.severity == .error }) {
            let declared = Engine.declaredNames(in: [(file, parsed.syntax)], workers: 1)
            let duplicates = Engine.duplicateDeclarations(declared).diagnostics
            if !duplicates.isEmpty { return EntryResult(output: "", diagnostics: duplicates) }
            notes = replacementNotes(declared)
        }
        program.userFiles.removeAll { $0 == file.id }
        var output = ""
        let savedOutput = interpreter.output
        interpreter.output = { output += $0 }
        defer { interpreter.output = savedOutput }
        let loaded = load([file], replacing: true, echo: true)
        program.userFiles.removeAll { $0 == file.id }
        if loaded.hasErrors {
            // The entry's statements do not run later with another entry's, and an entry that
            // was dropped replaced nothing.
            pendingScripts.removeAll { $0.file == file.id }
            return EntryResult(output: output, diagnostics: loaded.diagnostics, notes: loaded.elaborated ? notes : [])
        }
        for line in loaded.declared {
            // A comment, so that the echo of a declaration pastes back as source.
            output += "// " + describeDeclaration(line) + "\n"
        }
        let failures = runScripts()
        return EntryResult(output: output, diagnostics: loaded.diagnostics + failures, notes: notes)
    }

    /// `agreement ana_dave: 2026-01-12 to 2027-01-12, 15 sessions` for agreements; the summary line otherwise.
    private func describeDeclaration(_ summary: String) -> String {
        let parts = summary.split(separator: " ", maxSplits: 1).map(String.init)
        if parts == ["program", "program"] { return "program" }
        if parts.count == 2, parts[0] == "test" { return "test " + Value.quoted(parts[1]) }
        guard parts.count == 2, parts[0] == "agreement", let index = globals.index(of: parts[1]),
              case .entity(let agreement, _) = globals.bindings[index] else { return summary }
        return withLargeStack {
            guard case .date(let start)? = model[agreement, AgreementField.start],
                  let end = try? model.agreementEnd(agreement, interpreter: interpreter) ?? nil else { return summary }
            let count = (try? model.scheduledDates(agreement, interpreter: interpreter))?.count ?? 0
            return "\(summary): \(start) to \(end), \(plural(count, "session"))"
        }
    }

    /// Names declared in the session (entities, lets, fns) with their kinds, sorted by name.
    public func declaredNames(kind: String? = nil) -> [(name: String, kind: String)] {
        var result: [(String, String)] = []
        for name in names.spans.keys.sorted() {
            guard let index = globals.index(of: name) else { continue }
            let what: String
            switch globals.bindings[index] {
            case .entity(let entity, _): what = entity.kind.rawValue
            case .lazyLet: what = "let"
            case .function: what = "fn"
            default: continue
            }
            if let kind, kind != what { continue }
            result.append((name, what))
        }
        return result
    }

    /// The source text of a declaration, `let` or `fn` named `name`.
    public func sourceText(of name: String) -> String? {
        guard let span = names.spans[name], let file = sources.file(span.file) else { return nil }
        if let index = globals.index(of: name), case .entity(let entity, _) = globals.bindings[index] {
            return Engine.withDocComment(model.site(of: entity).docComment, file.text(model.site(of: entity).span))
        }
        if let statement = names.statementSources[name], let statementFile = sources.file(statement.span.file) {
            return Engine.withDocComment(statement.docComment, statementFile.text(statement.span))
        }
        let line = file.lineIndex(of: span.start)
        return String(decoding: file.lineBytes(line), as: UTF8.self)
    }

    /// `text` preceded by its doc comment as `///` lines; the comment is not part of a declaration's span.
    static func withDocComment(_ docComment: String?, _ text: String) -> String {
        guard let docComment else { return text }
        let lines = docComment.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { $0.isEmpty ? "///" : "/// \($0)" }.joined(separator: "\n") + "\n" + text
    }

    /// The doc comment of `name`, if it has one.
    public func docComment(of name: String) -> String? {
        guard let index = globals.index(of: name) else { return nil }
        if case .entity(let entity, _) = globals.bindings[index] { return model.site(of: entity).docComment }
        return names.statementSources[name]?.docComment
    }

    /// The type of an expression (`:type`), inferred without evaluating it; see `staticType(of:)`.
    public func typeOf(_ text: String) -> EntryResult { staticType(of: text) }

    /// Member names of the value of `expression` (for Tab completion after a dot); empty if it cannot be evaluated.
    public func memberNames(ofExpression text: String) -> [String] {
        let file = SourceFile(id: FileID(UInt32.max - 1), path: Engine.replPath, text: text)
        let parsed = Parser.parse(file)
        guard parsed.diagnostics.isEmpty, parsed.syntax.items.count == 1, case .statement(let statement) = parsed.syntax.items[0],
              case .expression(let expression) = statement.kind else { return [] }
        // Only names and member chains: completion must not run calls with effects.
        var cursor = expression
        while true {
            switch cursor.kind {
            case .identifier: break
            case .member(let base, _, _): cursor = base; continue
            default: return []
            }
            break
        }
        var resolver = Resolver(globals: globals, schemas: model.schemas)
        let code = resolver.resolveExpression(expression)
        guard resolver.diagnostics.isEmpty else { return [] }
        return withLargeStack {
            interpreter.resetBudget()
            guard let value = try? interpreter.evaluate(code, Frame(size: 0, parent: nil)) else { return [] }
            return Members.memberNames(of: value, interpreter: interpreter)
        }
    }

    /// Every global name (built-ins included), for completion.
    public var globalNames: [String] { globals.allNames }

    /// Runs every rule over the session (`:check`).
    public func checkSession() -> CheckReport { check() }
}
