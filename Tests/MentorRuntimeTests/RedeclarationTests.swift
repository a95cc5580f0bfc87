import Foundation
@testable import MentorRuntime
import Testing

/// A REPL entry that declares a name again yields the programme as it now stands: every link
/// to the old declaration, evaluated or not, sees the new one.
@Suite("Redeclaration in a session")
struct RedeclarationTests {
    static func session() throws -> (Engine, () -> String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/credential-program")
        var printed = ""
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { printed += $0 })
        let files = try ["program.mentor", "people.mentor", "agreements/ana_dave.mentor", "agreements/ana_ines.mentor"].map {
            engine.addSource(path: $0, bytes: Array(try Data(contentsOf: root.appendingPathComponent($0))))
        }
        #expect(engine.load(files, replacing: true).hasErrors == false)
        return (engine, { defer { printed = "" }; return printed })
    }

    @Test("fields, lets and check see the redeclared person")
    func linksFollow() throws {
        let (engine, _) = try Self.session()
        #expect(engine.evaluateEntry("let mentee = ana_ines.mentee").diagnostics.isEmpty)
        #expect(engine.evaluateEntry("ana_ines.mentee.supervisor").output == "ana\n")
        #expect(engine.check().diagnostics.contains { $0.rule == "no_supervisor" })

        let redeclared = engine.evaluateEntry("person ines \"Inês Duarte\" { supervisor: lee }")
        #expect(!redeclared.diagnostics.contains { $0.severity == .error })
        #expect(engine.evaluateEntry("ana_ines.mentee.supervisor").output == "lee\n")
        #expect(engine.evaluateEntry("mentee.supervisor").output == "lee\n")
        #expect(!engine.check().diagnostics.contains { $0.rule == "no_supervisor" })
    }

    @Test("an entry that does not resolve changes nothing: no name half-declared, no earlier one replaced")
    func failedEntryLeavesTheSession() throws {
        let (engine, _) = try Self.session()
        let typo = engine.evaluateEntry("person ines \"Someone else\" { emial: \"x@example.org\" }")
        #expect(typo.diagnostics.map(\.code) == [.unknownField])
        #expect(engine.evaluateEntry("ines.name").output == "\"Inês Duarte\"\n")
        #expect(engine.evaluateEntry("ana_ines.mentee.supervisor").output == "ana\n")

        let unknown = engine.evaluateEntry("person newcomer \"New\" { supervisor: nobody }")
        #expect(unknown.diagnostics.map(\.code) == [.undeclaredName])
        #expect(engine.evaluateEntry("newcomer").diagnostics.map(\.code) == [.undeclaredName])
        // Declared properly afterwards, it is new: nothing to replace.
        let declared = engine.evaluateEntry("person newcomer \"New\" { supervisor: lee }")
        #expect(declared.diagnostics.isEmpty)
        #expect(declared.output == "// person newcomer\n")
        #expect(engine.evaluateEntry("newcomer.supervisor").output == "lee\n")
        #expect(engine.check().diagnostics.contains { $0.rule == "no_supervisor" })
    }

    @Test("a dropped entry replaced nothing, so it says nothing replaced; an entry failing later runs no statement afterwards")
    func droppedEntryLeavesNoTrace() throws {
        let (engine, _) = try Self.session()
        let typo = engine.evaluateEntry("person ines \"Ines again\" { emial: \"x\" }")
        #expect(typo.notes.isEmpty)
        #expect(engine.evaluateEntry("ines.name").output == "\"Inês Duarte\"\n")
        // Resolved, then failing while fields are evaluated: declared, reported, and its
        // statement never runs, not even with the next entry.
        let failing = engine.evaluateEntry("person zed \"Zed\" { email: 1 + \"x\" }\nprint(\"stale\")")
        #expect(failing.diagnostics.contains { $0.severity == .error })
        #expect(!failing.output.contains("stale"))
        #expect(engine.evaluateEntry("1").output == "1\n")
    }

    @Test("a top-level let first read inside violations(rule, copy) is not kept as the copy's view")
    func letReadUnderAnOverlayIsNotKept() throws {
        let (engine, _) = try Self.session()
        #expect(engine.evaluateEntry("let starts = agreements.map(a => a.start)").diagnostics.isEmpty)
        #expect(engine.evaluateEntry(
            "rule known_start { for a in agreements { require starts.contains(a.start) else \"unknown start\" } }").diagnostics.isEmpty)
        let copied = engine.evaluateEntry("violations(known_start, ana_dave with { start: 2026-05-01 }).count")
        #expect(copied.diagnostics.isEmpty)
        #expect(engine.evaluateEntry("starts.count").output == "2\n")
        #expect(!engine.check().diagnostics.contains { $0.rule == "known_start" })
    }

    @Test("a file imported by a typed entry stays one of the user's files after a redeclaration")
    func entryImportsStayUserFiles() throws {
        struct MemoryReader: SourceReader {
            func read(_ path: String) -> Result<[UInt8], ReadError> {
                path == "c.mentor" ? .success(Array("person cy \"Cy\"\n".utf8)) : .failure(ReadError(reason: "No such file or directory"))
            }
            func canonicalPath(_ path: String) -> String { path }
        }
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), reader: MemoryReader(),
                            output: { _ in })
        #expect(engine.evaluateEntry("import \"c.mentor\"").diagnostics.isEmpty)
        #expect(engine.evaluateEntry("person x \"X\"").diagnostics.isEmpty)
        #expect(engine.userFiles.count == 1)
        #expect(engine.evaluateEntry("person x \"X2\"").diagnostics.isEmpty)
        #expect(engine.userFiles.count == 1)
    }

    @Test("a name from an imported file, declared again in the session, stays replaced")
    func importedNameIsReplaced() throws {
        struct MemoryReader: SourceReader {
            func read(_ path: String) -> Result<[UInt8], ReadError> {
                path == "lib/people.mentor" ? .success(Array("person lee \"Lee\"\n".utf8))
                    : .failure(ReadError(reason: "No such file or directory"))
            }
            func canonicalPath(_ path: String) -> String { path }
        }
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), reader: MemoryReader(),
                            output: { _ in })
        let main = engine.addSource(path: "main.mentor", bytes: Array("import \"lib/people.mentor\"\nperson ana \"Ana\" { supervisor: lee }\n".utf8))
        #expect(engine.load([main], replacing: true).hasErrors == false)
        #expect(engine.evaluateEntry("person lee \"Lee Park\"").diagnostics.isEmpty)
        #expect(engine.evaluateEntry("lee.name").output == "\"Lee Park\"\n")
        #expect(engine.evaluateEntry("ana.supervisor.name").output == "\"Lee Park\"\n")
        #expect(engine.userFiles.count == 2)
    }

    @Test("earlier entries' statements do not run again; the redeclaring entry's do, once")
    func statementsRunOnce() throws {
        let (engine, printed) = try Self.session()
        #expect(engine.evaluateEntry("print(\"first\")").output == "first\n")
        let entry = engine.evaluateEntry("person ines \"Inês Duarte\" { supervisor: lee }\nprint(ines.supervisor.id)")
        #expect(entry.output.hasSuffix("person ines\nlee\n"))
        #expect(!entry.output.contains("first"))
        #expect(printed() == "")
    }

    @Test("an entry that declares nothing keeps the memoised computed members")
    func cacheSurvives() throws {
        let (engine, _) = try Self.session()
        _ = engine.evaluateEntry("ana_dave.schedule.count")
        let agreement = engine.model.entities(of: .agreement).first { engine.model.name(of: $0) == "ana_dave" }!
        let schedule = SchemaMembers.id(of: "schedule")
        #expect(engine.model.remembered(agreement, schedule, in: engine.model.cache) != nil)
        _ = engine.evaluateEntry("1 + 2")
        #expect(engine.model.remembered(agreement, schedule, in: engine.model.cache) != nil)
        _ = engine.evaluateEntry("person zoe \"Zoe\"")
        #expect(engine.model.remembered(agreement, schedule, in: engine.model.cache) == nil)
    }
}
