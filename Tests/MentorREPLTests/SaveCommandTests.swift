import Foundation
import MentorRuntime
import Testing

@testable import MentorREPL

@Suite("The :save meta-command")
struct SaveCommandTests {
    func backend() -> EngineBackend {
        let options = EngineOptions(today: CivilDate(year: 2026, month: 1, day: 1)!)
        return EngineBackend(makeEngine: { Engine(options: options, output: { _ in }) }, useColor: false)
    }

    @Test("writes the session's declarations in mentor fmt's layout")
    func savesFormatted() throws {
        let directory = try TemporaryDirectory()
        let repl = backend()
        _ = repl.evaluate("person   ana \"Ana\" {email:\"ana@example.org\"}")
        _ = repl.evaluate("let   xs=[1,2,   3]")
        let output = repl.runMetaCommand("save", argument: directory.file("session.mentor"))
        #expect(output.stderr == "")
        #expect(try directory.read("session.mentor") == """
            person ana "Ana" { email: "ana@example.org" }

            let xs = [1, 2, 3]

            """)
    }

    @Test("a block-bodied fn and doc comments are saved whole, and the saved file loads back")
    func savesWholeDeclarationsWithDocComments() throws {
        let directory = try TemporaryDirectory()
        let source = directory.file("source.mentor")
        try """
            /// Doubles a number.
            fn twice(x) {
              let y = x * 2 // doubled
              y
            }

            /// The answer.
            let answer = twice(21)

            """.write(toFile: source, atomically: true, encoding: .utf8)
        let repl = backend()
        _ = repl.runMetaCommand("load", argument: source)
        #expect(repl.runMetaCommand("doc", argument: "twice").stdout.contains("Doubles a number."))
        let saved = directory.file("saved.mentor")
        #expect(repl.runMetaCommand("save", argument: saved).stderr == "")
        #expect(try directory.read("saved.mentor") == """
            /// Doubles a number.
            fn twice(x) {
              let y = x * 2 // doubled
              y
            }

            /// The answer.
            let answer = twice(21)

            """)
        let reloaded = backend()
        let load = reloaded.runMetaCommand("load", argument: saved)
        #expect(load.stderr == "")
        #expect(reloaded.evaluate("answer").stdout == "42\n")
    }

    @Test("a file that cannot be written is an error and no file appears")
    func unwritable() throws {
        let directory = try TemporaryDirectory()
        let repl = backend()
        _ = repl.evaluate("let x = 1")
        let output = repl.runMetaCommand("save", argument: directory.file("missing/session.mentor"))
        #expect(output.stderr.contains("cannot write"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("missing/session.mentor")))
    }

    /// The credential example, as `check` reads it.
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Examples/credential-program").standardized.path

    /// The messages of a rendered report, without the paths and line numbers that differ between files.
    static func messages(_ report: String) -> [String] {
        report.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: ": error: ") ?? line.range(of: ": warning: ") else { return nil }
            return String(line[range.lowerBound...])
        }
    }

    @Test("the credential example is saved whole: programme, declarations in order, tests; check on it says what :check says")
    func savesTheExampleFaithfully() throws {
        let directory = try TemporaryDirectory()
        let repl = backend()
        #expect(repl.load([Self.example]).stdout == "loaded 4 files (19 declarations)\n")
        let saved = directory.file("saved.mentor")
        #expect(repl.runMetaCommand("save", argument: saved).stdout == "saved 19 declarations to \(saved)\n")
        let text = try directory.read("saved.mentor")
        #expect(text.contains("program \"Mentor Credential Program\""))
        #expect(text.contains("test \"no_supervisor catches a supervising mentor\""))
        #expect(text.contains("/// The steps from candidate to credentialed mentor, in order."))
        #expect(text.contains("// This agreement breaks two rules on purpose"))
        // Declarations stay in the order they were loaded, not sorted by name.
        let rules = ["rule no_supervisor", "rule smart_goals", "rule capacity"].map { text.range(of: $0)!.lowerBound }
        #expect(rules == rules.sorted())

        let inSession = repl.runMetaCommand("check", argument: "")
        let reloaded = backend()
        _ = reloaded.load([saved])
        let fromFile = reloaded.runMetaCommand("check", argument: "")
        #expect(Self.messages(fromFile.stdout) == Self.messages(inSession.stdout))
        #expect(Self.messages(inSession.stdout).count == 2)
        #expect(fromFile.stdout.hasSuffix("2 errors in 1 file\n"))
    }

    @Test("an existing file, and a loaded file above all, is not overwritten unless :save!")
    func refusesToOverwrite() throws {
        let directory = try TemporaryDirectory()
        try directory.write("person ana \"Ana\"\n", to: "people.mentor")
        try directory.write("keep me\n", to: "notes.txt")
        let repl = backend()
        _ = repl.load([directory.file("people.mentor")])
        _ = repl.evaluate("person bo \"Bo\"")

        let loaded = repl.runMetaCommand("save", argument: directory.file("people.mentor"))
        #expect(loaded.failed)
        #expect(loaded.stderr.contains("is a file loaded in this session; not overwritten"))
        #expect(try directory.read("people.mentor") == "person ana \"Ana\"\n")

        let existing = repl.runMetaCommand("save", argument: directory.file("notes.txt"))
        #expect(existing.failed)
        #expect(existing.stderr.contains("exists; not overwritten"))
        #expect(try directory.read("notes.txt") == "keep me\n")

        let forced = repl.runMetaCommand("save!", argument: directory.file("notes.txt"))
        #expect(forced.stdout == "saved 2 declarations to \(directory.file("notes.txt"))\n")
        #expect(try directory.read("notes.txt") == "person ana \"Ana\"\n\nperson bo \"Bo\"\n")
    }

    @Test("a redeclared name is saved once, in its latest form; one declaration is counted as one")
    func redeclaredOnce() throws {
        let directory = try TemporaryDirectory()
        let repl = backend()
        _ = repl.evaluate("person ana \"Ana\"")
        _ = repl.evaluate("ana.name")
        _ = repl.evaluate("person ana \"Ana Ruiz\"")
        let output = repl.runMetaCommand("save", argument: directory.file("one.mentor"))
        #expect(output.stdout == "saved 1 declaration to \(directory.file("one.mentor"))\n")
        #expect(try directory.read("one.mentor") == "person ana \"Ana Ruiz\"\n")
    }

    @Test("imported files are inlined where they were imported and import std is kept once")
    func selfContained() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("lib"), withIntermediateDirectories: true)
        try directory.write("/// Ana.\nperson ana \"Ana\"\nlet x = 1; let y = 2\n", to: "lib/people.mentor")
        try directory.write("""
            import std
            import "lib/people.mentor"

            program "P" { max_mentees: 2 } // the only one
            """, to: "main.mentor")
        let repl = backend()
        #expect(repl.load([directory.file("main.mentor")]).stderr == "")
        _ = repl.evaluate("import std")
        #expect(repl.runMetaCommand("save", argument: directory.file("saved.mentor")).stderr == "")
        #expect(try directory.read("saved.mentor") == """
            import std

            /// Ana.
            person ana "Ana"

            let x = 1

            let y = 2

            program "P" { max_mentees: 2 } // the only one

            """)
    }
}
