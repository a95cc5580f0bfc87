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
            /// The answer.
            let answer = twice(21)

            /// Doubles a number.
            fn twice(x) {
              let y = x * 2 // doubled
              y
            }

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
}
