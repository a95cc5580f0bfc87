import Foundation
@testable import MentorRuntime
import MentorDiagnostics
import MentorSource
import Testing

/// `Engine.recheck` is the language server's fast path: after an edit of one file it must say
/// exactly what `check` of the edited programme says in that file, or decline. Over the
/// examples and generated programmes, random edits of agreement and people files (a date, a number, a
/// string, a cadence, a person, a field deleted, a type error, a syntax error, a rename) are
/// rechecked against the programme as first built and compared with a full `check` of the
/// edited programme. The same engine serves every edit, so one that left the programme changed
/// would make the next disagree; at the end its own `check` must be what it was.
@Suite("recheck agrees with check")
struct RecheckAgreesWithCheckTests {
    static let today = CivilDate(year: 2026, month: 6, day: 1)!

    /// How the edits went: compared, declined (by kind of edit), and why.
    struct Tally {
        var compared = 0
        var declinedValueEdits: [String] = []
        var declined = 0
    }

    /// One file of a programme.
    typealias File = (path: String, text: String)

    /// The full check of `files`, with the engine that made it.
    static func check(_ files: [File]) -> (engine: Engine, check: ProgrammeCheck) {
        let engine = Engine(options: EngineOptions(today: today), output: { _ in })
        let sources = files.map { engine.addSource(path: $0.path, bytes: Array($0.text.utf8)) }
        return (engine, engine.loadAndCheck(sources))
    }

    /// A diagnostic as text, with every place it points at, so two engines' can be compared.
    static func rendered(_ diagnostic: Diagnostic, _ sources: SourceMap) -> String {
        func place(_ span: Span) -> String {
            "\(sources.file(span.file)?.path ?? "?"):\(span.start)-\(span.end)"
        }
        var text = "\(place(diagnostic.span)) \(diagnostic.code) \(diagnostic.severity) \(diagnostic.message)"
        if let rule = diagnostic.rule { text += " [\(rule)]" }
        for label in diagnostic.labels { text += " | label \(place(label.span)) \(label.message)" }
        for note in diagnostic.notes { text += " | note \(note.span.map(place) ?? "-") \(note.message)" }
        if let help = diagnostic.help { text += " | help \(help)" }
        if let label = diagnostic.primaryLabel { text += " | primary \(label)" }
        for suggestion in diagnostic.suggestions { text += " | fix \(place(suggestion.span)) \(suggestion.replacement)" }
        if let waiver = diagnostic.waiver { text += " | waived by \(waiver.name)" }
        return text
    }

    /// Rechecks `edited` as file `index` of `files` on `engine` and compares with a full check.
    static func compare(_ engine: Engine, baseline: RecheckBaseline, files: [File], index: Int, edited: String,
                        edit: String, isValueEdit: Bool, tally: inout Tally) {
        let id = engine.userFiles.first { engine.sources.file($0)?.path == files[index].path }!
        switch engine.recheck(id, bytes: Array(edited.utf8), baseline: baseline) {
        case .declined(let reason):
            tally.declined += 1
            guard isValueEdit else { return }
            // A value edit may make a rule stop on the edited entity (a date replaced by a
            // number); `check` then reports the failure, not the rule's violations, and the
            // fast path rightly leaves that to the full build. Only a full check that agrees a
            // rule stopped excuses the decline.
            if reason == "a rule stopped" {
                var changed = files
                changed[index].text = edited
                if check(changed).check.diagnostics.contains(where: { $0.code == .ruleFailed }) { return }
            }
            tally.declinedValueEdits.append("\(files[index].path) \(edit): \(reason)")
        case .checked(let diagnostics, let sources):
            tally.compared += 1
            var changed = files
            changed[index].text = edited
            let full = check(changed)
            let expected = full.check.diagnostics.filter { full.engine.sources.file($0.span.file)?.path == files[index].path }
            #expect(diagnostics.map { rendered($0, sources) } == expected.map { rendered($0, full.engine.sources) },
                    "\(files[index].path) after \(edit):\n\(edited)")
        }
    }

    /// Applies `count` random edits to the agreement files of `files`, one at a time, each to
    /// the programme as built, and checks each; then that the engine's own check is unchanged.
    static func exercise(_ files: [File], people: [String], seed: UInt64, count: Int, tally: inout Tally) {
        let (engine, first) = check(files)
        let baseline = RecheckBaseline(first, sources: engine.sources)
        let before = engine.checkAgain().map { rendered($0, engine.sources) }
        var random = SplitMix(seed: seed)
        // The agreement files, and a file of people where there is one (people are rechecked too).
        let agreementFiles = files.indices.filter {
            (files[$0].text.contains("agreement ") && files[$0].path.contains("agreements")) || files[$0].path.hasSuffix("people.mentor")
        }
        for _ in 0..<count {
            let index = agreementFiles[random.next(in: 0...(agreementFiles.count - 1))]
            guard let (edited, edit, isValueEdit) = RandomEdit.apply(to: files[index].text, people: people, random: &random) else { continue }
            compare(engine, baseline: baseline, files: files, index: index, edited: edited, edit: edit, isValueEdit: isValueEdit, tally: &tally)
        }
        let after = engine.checkAgain()
        #expect(after.map { rendered($0, engine.sources) } == before, "the programme changed under recheck")
    }

    static func example(_ name: String) throws -> [File] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples/\(name)")
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".mentor") }.sorted()
        return try paths.map { (path: "\(name)/\($0)", text: try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test("on the examples", arguments: ["credential-program", "professional-body"])
    func examples(name: String) throws {
        let files = try Self.example(name)
        let people = files.flatMap { file in
            file.text.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("person ") else { return nil }
                return line.split(separator: " ")[1].description
            }
        }
        var tally = Tally()
        for seed in 0..<6 { Self.exercise(files, people: people, seed: UInt64(seed), count: 40, tally: &tally) }
        #expect(tally.declinedValueEdits.isEmpty, "\(tally.declinedValueEdits.joined(separator: "\n"))")
        #expect(tally.compared > 150, "compared \(tally.compared), declined \(tally.declined)")
    }

    @Test("on generated programmes", arguments: 0..<16)
    func generated(seed: Int) {
        let programme = ViolationsAgreeWithCheckTests.generate(seed: UInt64(seed))
        let shared = ViolationsAgreeWithCheckTests.Programme(declarations: programme.declarations.filter { $0.kind != "agreement" })
        var files: [File] = [("generated/programme.mentor", shared.source)]
        for declaration in programme.declarations where declaration.kind == "agreement" {
            let fields = declaration.fields.map { "  \($0.0): \($0.1)\n" }.joined()
            files.append(("generated/agreements/\(declaration.name).mentor", "agreement \(declaration.name) {\n\(fields)\(declaration.body)}\n"))
        }
        let people = programme.declarations.filter { $0.kind == "person" }.map(\.name)
        var tally = Tally()
        Self.exercise(files, people: people, seed: UInt64(seed) &+ 500, count: 30, tally: &tally)
        #expect(tally.declinedValueEdits.isEmpty, "\(tally.declinedValueEdits.joined(separator: "\n"))")
        #expect(tally.compared > 15, "compared \(tally.compared), declined \(tally.declined)")
    }

    @Test("declines a rename and a new declaration, and checks a syntax error")
    func structuralEdits() throws {
        let files = try Self.example("credential-program")
        let (engine, first) = Self.check(files)
        let baseline = RecheckBaseline(first, sources: engine.sources)
        let index = files.firstIndex { $0.path.hasSuffix("ana_ines.mentor") }!
        let id = engine.userFiles.first { engine.sources.file($0)?.path == files[index].path }!
        let renamed = files[index].text.replacingOccurrences(of: "agreement ana_ines", with: "agreement ana_ines2")
        guard case .declined = engine.recheck(id, bytes: Array(renamed.utf8), baseline: baseline) else {
            Issue.record("a rename was rechecked")
            return
        }
        let added = files[index].text + "\nperson zed\n"
        guard case .declined = engine.recheck(id, bytes: Array(added.utf8), baseline: baseline) else {
            Issue.record("a new declaration was rechecked")
            return
        }
        let moved = files[index].text.replacingOccurrences(of: "goal presenting", with: "step presenting")
        guard case .declined = engine.recheck(id, bytes: Array(moved.utf8), baseline: baseline) else {
            Issue.record("a misplaced declaration was rechecked")
            return
        }
        var tally = Tally()
        let broken = files[index].text.replacingOccurrences(of: "start: 2026-03-02", with: "start: 2026-03-02 {")
        Self.compare(engine, baseline: baseline, files: files, index: index, edited: broken, edit: "syntax error", isValueEdit: true, tally: &tally)
        #expect(tally.compared == 1)
    }


    @Test("a note at a declaration the edit moved points where it stands now (M0311's, read from the global table)")
    func movedDeclarationNote() {
        let text = "person mentor \"M\"\nperson dave \"D\"\nagreement md {\n  mentor: mentor\n  mentee: dave\n  start: 2026-01-12\n}\n"
            + "test \"booking\" { expect md.booking != mentor }\n"
        let files: [File] = [("moved.mentor", text)]
        let (engine, first) = Self.check(files)
        #expect(first.diagnostics.map(\.code) == [.hiddenSymbolWord])
        let baseline = RecheckBaseline(first, sources: engine.sources)
        var tally = Tally()
        Self.compare(engine, baseline: baseline, files: files, index: 0, edited: "// the people first\n" + text,
                     edit: "a line above every declaration", isValueEdit: true, tally: &tally)
        #expect(tally.compared == 1)
        #expect(tally.declinedValueEdits.isEmpty)
    }

    /// A rule whose loops a restriction to one file could change, a top-level `let`, a field
    /// computed from another declaration's: each makes `recheck` decline a plain value edit.
    @Test("declines where restricting the rules could be wrong", arguments: [
        ("rule twice { for a in agreements { for b in agreements where b.mentee == a.mentee and b.id != a.id { fail \"twice\" } } }", "rule `twice`"),
        ("fn late(list) {\n  for a in list { print(a.id) }\n  false\n}\nrule later { for a in agreements { require not late(agreements) } }", "rule `later`"),
        ("let cutoff = 2026-02-01", "lets"),
        ("person zoe { competencies: ana.competencies }", "reads values"),
    ])
    func unsafeProgrammes(extra: String, reason: String) throws {
        var files = try Self.example("credential-program")
        files.append(("credential-program/extra.mentor", extra + "\n"))
        let (engine, first) = Self.check(files)
        #expect(first.elaborated, "\(first.diagnostics.map(\.message))")
        let baseline = RecheckBaseline(first, sources: engine.sources)
        let index = files.firstIndex { $0.path.hasSuffix("ana_ines.mentor") }!
        let id = engine.userFiles.first { engine.sources.file($0)?.path == files[index].path }!
        let edited = files[index].text.replacingOccurrences(of: "start: 2026-03-02", with: "start: 2026-04-02")
        guard case .declined(let why) = engine.recheck(id, bytes: Array(edited.utf8), baseline: baseline) else {
            Issue.record("rechecked with \(extra)")
            return
        }
        #expect(why.contains(reason), "declined because \(why)")
    }
}

extension Engine {
    /// The diagnostics `check` reports of the programme as it stands, in reading order.
    func checkAgain() -> [Diagnostic] {
        sources.inReadingOrder(check().diagnostics + evaluateUnreadLets())
    }
}

/// Random edits of an agreement file's text, the kinds an author makes while typing.
enum RandomEdit {
    /// One random edit of `text`: the new text, what was done, and whether it edits a value only
    /// (the fast path must not decline those). Nil when the chosen edit finds nothing to change.
    static func apply(to text: String, people: [String], random: inout SplitMix) -> (String, String, Bool)? {
        var lines = text.components(separatedBy: "\n")
        let fieldLines = lines.indices.filter { lines[$0].range(of: #"^\s+[a-z_]+: \S"#, options: .regularExpression) != nil }
        func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[random.next(in: 0...(items.count - 1))] }
        func replaceInLine(_ pattern: String, with make: () -> String) -> (Int, String)? {
            let candidates = fieldLines.filter { lines[$0].range(of: pattern, options: .regularExpression) != nil }
            guard let line = pick(candidates), let range = lines[line].range(of: pattern, options: .regularExpression) else { return nil }
            let old = String(lines[line][range])
            lines[line].replaceSubrange(range, with: make())
            return (line, old)
        }
        let kind = random.next(in: 0...9)
        let edit: String
        switch kind {
        case 0:
            guard let (line, old) = replaceInLine(#"\d{4}-\d{2}-\d{2}"#, with: {
                String(format: "%04d-%02d-%02d", 2025 + random.next(in: 0...2), random.next(in: 1...12), random.next(in: 1...28))
            }) else { return nil }
            edit = "date \(old) on line \(line + 1)"
        case 1:
            guard let (line, old) = replaceInLine(#"(?<![\d-])\d{1,3}(?![\d-])"#, with: { String(random.next(in: 0...40)) }) else { return nil }
            edit = "number \(old) on line \(line + 1)"
        case 2:
            let words = ["", "weekdays", "at any review", "talks given", "x"]
            guard let (line, old) = replaceInLine(#""[^"\\]*""#, with: { "\"\(pick(words)!)\"" }) else { return nil }
            edit = "string \(old) on line \(line + 1)"
        case 3:
            let cadences = ["weekly", "biweekly", "monthly", "every 3 weeks", "every 2 weeks for 3 months then monthly", "every 0 weeks"]
            let candidates = fieldLines.filter { lines[$0].contains("cadence:") || lines[$0].contains("review:") }
            if let line = pick(candidates) {
                let prefix = lines[line].components(separatedBy: ":")[0]
                lines[line] = "\(prefix): \(pick(cadences)!)"
            } else if let line = lines.firstIndex(where: { $0.hasPrefix("agreement ") }) {
                lines.insert("  cadence: \(pick(cadences)!)", at: line + 1)
            } else {
                return nil
            }
            edit = "cadence"
        case 4:
            let names = people + ["nobody"]
            guard let (line, old) = replaceInLine(#"(?<=(mentor|mentee|co_mentor|supervisor): )[a-z_]+"#, with: { pick(names)! }) else { return nil }
            edit = "person \(old) on line \(line + 1)"
        case 5:
            let single = fieldLines.filter { !lines[$0].hasSuffix("[") && !lines[$0].hasSuffix("{") && !lines[$0].hasSuffix(",") }
            guard let line = pick(single) else { return nil }
            edit = "delete `\(lines[line].trimmingCharacters(in: .whitespaces))`"
            lines.remove(at: line)
        case 6:
            let wrong = ["\"soon\"", "2026-01-01", "42", "[ana]", "true", "video"]
            guard let (line, old) = replaceInLine(#"(?<=: )[^{\[\n/]+$"#, with: { pick(wrong)! }) else { return nil }
            edit = "type error for \(old) on line \(line + 1)"
        case 7:
            guard let line = pick(fieldLines) else { return nil }
            let breaks = [" {", " :", " )", "]"]
            let inserted = pick(breaks)!
            lines[line] += inserted
            edit = "syntax error `\(inserted)` on line \(line + 1)"
        case 8:
            guard let line = pick(fieldLines) else { return nil }
            lines[line] = lines[line].replacingOccurrences(of: ":", with: " :", options: [], range: nil)
            edit = "spacing on line \(line + 1)"
        default:
            guard let (line, old) = replaceInLine(#"(?<=^\s{2})[a-z_]+(?=:)"#, with: { pick(["stat", "mentors", "ending", "start"])! }) else { return nil }
            edit = "field name \(old) on line \(line + 1)"
        }
        return (lines.joined(separator: "\n"), edit, true)
    }
}
