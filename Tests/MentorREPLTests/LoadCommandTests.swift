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
}
