import Foundation
import MentorRuntime
import Testing

@testable import MentorREPL

@Suite("The :load meta-command")
struct LoadCommandTests {
    func backend() -> EngineBackend {
        let options = EngineOptions(today: CivilDate(year: 2026, month: 1, day: 1)!)
        return EngineBackend(makeEngine: { Engine(options: options, output: { _ in }) }, useColor: false)
    }

    @Test("a folder is searched for .mentor files as check searches it, and :reload searches it again")
    func loadsAFolder() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("programme/people"), withIntermediateDirectories: true)
        try "person ana \"Ana\"\n".write(toFile: directory.file("programme/people/ana.mentor"), atomically: true, encoding: .utf8)
        try "not mentor at all".write(toFile: directory.file("programme/notes.txt"), atomically: true, encoding: .utf8)
        let repl = backend()
        let loaded = repl.runMetaCommand("load", argument: directory.file("programme"))
        #expect(loaded.stderr == "")
        #expect(loaded.stdout == "loaded 1 file (1 declaration)\n")
        #expect(repl.evaluate("ana.name").stdout == "\"Ana\"\n")

        try "person bo \"Bo\"\n".write(toFile: directory.file("programme/bo.mentor"), atomically: true, encoding: .utf8)
        let reloaded = repl.runMetaCommand("reload", argument: "")
        #expect(reloaded.stderr == "")
        #expect(repl.evaluate("bo.name").stdout == "\"Bo\"\n")
    }

    @Test("a path that does not exist is reported and not reloaded")
    func missingPath() throws {
        let repl = backend()
        let output = repl.runMetaCommand("load", argument: "/nonexistent/programme")
        #expect(output.stderr == "mentor: cannot read '/nonexistent/programme': No such file or directory\n")
        #expect(repl.runMetaCommand("reload", argument: "").stderr == "")
    }

    @Test("a DIR/... pattern is refused with M0647, loading nothing, rather than read as a path")
    func patternIsRefused() throws {
        let directory = try TemporaryDirectory()
        try directory.write("person ana \"Ana\"\n", to: "one.mentor")
        try directory.write("person bo \"Bo\"\n", to: "two.mentor")
        let repl = backend()
        let output = repl.runMetaCommand("load", argument: directory.file("..."))
        #expect(output.failed)
        #expect(output.stdout == "")
        #expect(output.stderr.hasPrefix("error: `:load` reads one programme, and `\(directory.file("..."))` names every programme in its folder [M0647]\n"))
        #expect(output.stderr.contains("`\(directory.file("one.mentor"))`, `\(directory.file("two.mentor"))`"))
        #expect(repl.evaluate("ana.name").stderr.contains("M0301"))
        #expect(repl.runMetaCommand("reload", argument: "").stdout == "")
    }

    @Test("a syntax error in one file keeps every other file's declarations, at load and at :reload")
    func syntaxErrorInOneFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("person ana \"Ana\"\n", to: "a.mentor")
        try directory.write("person bo \"Bo\" {\n", to: "b.mentor")
        try directory.write("person cy \"Cy\"\n", to: "c.mentor")
        let repl = backend()
        let loaded = repl.load(["a.mentor", "b.mentor", "c.mentor"].map(directory.file))
        #expect(loaded.failed)
        #expect(loaded.stdout == "loaded 2 files (2 declarations)\n")
        #expect(loaded.stderr.contains("[M0202]"))
        #expect(loaded.stderr.contains("not loaded, for its syntax errors: \(directory.file("b.mentor"))"))
        #expect(repl.evaluate("[ana.name, cy.name]").stdout == "[\"Ana\", \"Cy\"]\n")
        let reloaded = repl.runMetaCommand("reload", argument: "")
        #expect(reloaded.stdout == "loaded 2 files (2 declarations)\n")
        #expect(repl.evaluate("[ana.name, cy.name]").stdout == "[\"Ana\", \"Cy\"]\n")
    }

    @Test("two files of one load declaring a name or a programme are reported as check reports them; the first stands")
    func duplicatesWithinALoad() throws {
        let directory = try TemporaryDirectory()
        try directory.write("program \"One\" { max_mentees: 1 }\nperson ana \"Ana\"\n", to: "a.mentor")
        try directory.write("program \"Two\" { max_mentees: 2 }\nperson ana \"Other Ana\"\nperson bo \"Bo\"\n", to: "b.mentor")
        let repl = backend()
        let loaded = repl.load(["a.mentor", "b.mentor"].map(directory.file))
        #expect(loaded.failed)
        #expect(loaded.stderr.contains("error: a programme has only one `program` declaration [M0511]"))
        #expect(loaded.stderr.contains("error: `ana` is declared twice [M0504]"))
        #expect(repl.evaluate("[program.max_mentees, ana.name, bo.name]").stdout == "[1, \"Ana\", \"Bo\"]\n")
    }

    @Test("names declared twice among thousands are found on several threads as on one: the same reports, in order, and the first stands")
    func duplicatesAmongManyNames() throws {
        let directory = try TemporaryDirectory()
        // 5,000 names, past the size at which the names are hashed on several threads; the
        // names differ in length and last letter, so both shares hold some of the doubles.
        for file in 0..<3 {
            var text = file == 2 ? "program \"Two\" { max_mentees: 2 }\n" : "program \"One\" { max_mentees: 1 }\n"
            for person in 0..<1_700 {
                let number = file == 2 && person % 97 == 0 ? person : file * 1_700 + person
                text += "person p\(number)\(person % 3 == 0 ? "x" : "") \"P\"\n"
            }
            try directory.write(text, to: "f\(file).mentor")
        }
        func loaded(workers: Int) -> (REPLOutput, String) {
            var options = EngineOptions(today: CivilDate(year: 2026, month: 1, day: 1)!)
            options.workers = workers
            let repl = EngineBackend(makeEngine: { Engine(options: options, output: { _ in }) }, useColor: false)
            return (repl.load((0..<3).map { directory.file("f\($0).mentor") }), repl.evaluate("[program.max_mentees, p0x.name]").stdout)
        }
        let (one, oneValues) = loaded(workers: 1)
        let (two, twoValues) = loaded(workers: 2)
        #expect(one.stderr == two.stderr)
        #expect(one.stdout == two.stdout)
        #expect(oneValues == "[1, \"P\"]\n" && twoValues == oneValues)
        // Each file's repeats of the first file's names (every 97th), and the second and third programmes.
        #expect(two.stderr.components(separatedBy: "is declared twice [M0504]").count - 1 == 18)
        #expect(two.stderr.components(separatedBy: "[M0511]").count - 1 == 2)
    }

    @Test("a later load that declares a name or the programme again replaces it, with a note each")
    func replacementIsNoted() throws {
        let directory = try TemporaryDirectory()
        try directory.write("program \"One\" { max_mentees: 1 }\nperson ana \"Ana\"\n", to: "a.mentor")
        try directory.write("program \"Two\" { max_mentees: 2 }\nperson ana \"Other Ana\"\n", to: "b.mentor")
        let repl = backend()
        _ = repl.load([directory.file("a.mentor")])
        let second = repl.runMetaCommand("load", argument: directory.file("b.mentor"))
        #expect(!second.failed)
        #expect(second.stdout == "loaded 1 file (2 declarations)\n")
        #expect(second.stderr == "note: `program` replaces its earlier declaration\nnote: `ana` replaces its earlier declaration\n")
        #expect(repl.evaluate("[program.max_mentees, ana.name]").stdout == "[2, \"Other Ana\"]\n")
        let typed = repl.evaluate("program \"Three\" { max_mentees: 3 }")
        #expect(typed.stderr == "note: `program` replaces its earlier declaration\n")
        #expect(typed.stdout == "// program\n")
    }

    @Test("loading the same files again replaces every declaration and its nested ones, once each")
    func loadingAgainReplacesEveryDeclaration() throws {
        // The replaced entities are taken out of the programme together (one pass for the
        // load, not one per name), so none may be left behind and no new one taken out.
        let directory = try TemporaryDirectory()
        let agreements = (0..<38).map {
            "agreement a\($0) {\n  mentor: m\n  mentee: e\n  start: 2026-01-05\n  goal talk \"Talk \($0)\" { due: 2026-05-01 }\n}\n"
        }
        try directory.write("person m \"M\"\nperson e \"E\"\n" + agreements.prefix(18).joined(), to: "a.mentor")
        try directory.write(agreements.suffix(20).joined(), to: "b.mentor")
        let files = ["a.mentor", "b.mentor"].map(directory.file)
        let repl = backend()
        _ = repl.load(files)
        let again = repl.load(files)
        #expect(!again.failed)
        #expect(again.stdout == "loaded 2 files (40 declarations)\n")
        #expect(again.stderr.split(separator: "\n").count == 40)
        #expect(repl.evaluate("[people.count, agreements.count, goals.count]").stdout == "[2, 38, 38]\n")
        // The summary counts the two files once each, however often they were loaded.
        #expect(repl.runMetaCommand("check", argument: "").stdout.hasSuffix(" in 2 files\n"))
    }

    @Test("an entry that declares one name twice is refused as check refuses it")
    func duplicateInOneEntry() {
        let repl = backend()
        let output = repl.evaluate("person ana \"A\"; person ana \"B\"")
        #expect(output.failed)
        #expect(output.stderr.contains("`ana` is declared twice [M0504]"))
        #expect(repl.evaluate("ana").stderr.contains("cannot find `ana`"))
    }

    @Test(":reload keeps the declarations typed in the session and names those the files now declare")
    func reloadKeepsTypedDeclarations() throws {
        let directory = try TemporaryDirectory()
        try directory.write("person ana \"Ana\"\n", to: "people.mentor")
        let repl = backend()
        _ = repl.load([directory.file("people.mentor")])
        _ = repl.evaluate("person bo \"Bo\"")
        _ = repl.evaluate("let team = [ana, bo]")
        _ = repl.evaluate("person cy \"Cy\"")
        try directory.write("person ana \"Ana Ruiz\"\nperson cy \"Cy from the file\"\n", to: "people.mentor")
        let reloaded = repl.runMetaCommand("reload", argument: "")
        #expect(reloaded.stdout == "loaded 1 file (2 declarations)\nkept 2 declarations typed in the session\n")
        #expect(reloaded.stderr == "note: dropped 1 declaration typed in the session, which the files declare now: `cy`\n")
        #expect(repl.evaluate("[team.count, ana.name, bo.name, cy.name]").stdout == "[2, \"Ana Ruiz\", \"Bo\", \"Cy from the file\"]\n")
    }

    @Test(":reload puts back what still resolves when one typed declaration no longer does, and names that one")
    func reloadKeepsWhatStillResolves() throws {
        let directory = try TemporaryDirectory()
        try directory.write("person ines \"Ines\"\n", to: "people.mentor")
        let repl = backend()
        _ = repl.load([directory.file("people.mentor")])
        _ = repl.evaluate("person bob \"Bob\"")
        _ = repl.evaluate("agreement ines_bob { mentor: ines, mentee: bob, start: 2026-01-12 }")
        try directory.write("person ines2 \"Ines\"\n", to: "people.mentor")
        let reloaded = repl.runMetaCommand("reload", argument: "")
        #expect(reloaded.stdout == "loaded 1 file (1 declaration)\nkept 1 declaration typed in the session\n")
        #expect(reloaded.stderr.contains("cannot find `ines` in scope"))
        #expect(reloaded.stderr.hasSuffix(
            "note: could not put back 1 declaration typed in the session, which no longer resolve: `ines_bob`\n"))
        #expect(repl.evaluate("bob.name").stdout == "\"Bob\"\n")
    }
}
