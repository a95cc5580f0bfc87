import Foundation
import Testing

@testable import MentorREPL

@Suite("REPL loop")
struct REPLSessionTests {
    private struct Run {
        let backend = RecordingBackend()
        let input: ScriptedInput
        let writer = CapturingWriter()
        var status: Int32 = -1

        init(_ script: [LineEditor.Input], interactive: Bool = true, history: REPLHistory? = nil,
             configure: (RecordingBackend) -> Void = { _ in }) {
            input = ScriptedInput(script, interactive: interactive)
            configure(backend)
            let session = REPLSession(backend: backend, input: input, writer: writer, history: history)
            status = session.run()
        }

        init(lines: [String], interactive: Bool = true, history: REPLHistory? = nil,
             configure: (RecordingBackend) -> Void = { _ in }) {
            self.init(lines.map { .line($0) }, interactive: interactive, history: history, configure: configure)
        }
    }

    @Test("an expression is evaluated and its value printed on its own line")
    func expression() {
        let run = Run(lines: ["1 + 2"]) { $0.outputs["1 + 2"] = REPLOutput(stdout: "3") }
        #expect(run.backend.evaluated == ["1 + 2"])
        #expect(run.writer.standardOutput == "3\n")
        #expect(run.status == 0)
    }

    @Test("diagnostics go to standard error; text already ending in a newline gets no second one")
    func streams() {
        let run = Run(lines: ["x"]) { $0.outputs["x"] = REPLOutput(stdout: "a\n", stderr: "<repl>:1:1: error: no") }
        #expect(run.writer.standardOutput == "a\n")
        #expect(run.writer.standardError == "<repl>:1:1: error: no\n")
    }

    @Test("an incomplete entry continues on the continuation prompt and is evaluated once, whole")
    func continuation() {
        let run = Run(lines: ["[1,", "2,", "3]", "4"])
        #expect(run.backend.evaluated == ["[1,\n2,\n3]", "4"])
        #expect(run.input.prompts == [
            Prompt.primary, Prompt.continuation, Prompt.continuation, Prompt.primary, Prompt.primary,
        ])
    }

    @Test("an entry with an early error waits for its closing bracket, string or comment before it is evaluated")
    func earlyErrorWaitsForTheClose() {
        let run = Run(lines: ["let x = (1 +* 2", "  + 3)", "let s = \"\"\"", "  a", "  \"\"\"", "/* a", "b */ 4"]) {
            $0.parserSeesErrors = true
        }
        #expect(run.backend.evaluated == ["let x = (1 +* 2\n  + 3)", "let s = \"\"\"\n  a\n  \"\"\"", "/* a\nb */ 4"])
    }

    @Test("a piped line that is not UTF-8 reaches the backend as read, so the lexer can say where")
    func undecodableLine() {
        let run = Run([.line("[1,"), .undecodableLine([0x32, 0xFF]), .line("]")], interactive: false)
        #expect(run.backend.evaluatedBytes == [Array("[1,\n2".utf8) + [0xFF] + Array("\n]".utf8)])
    }

    @Test("an entry over the limit typed at a terminal is discarded, and the session goes on")
    func interactiveEntryOverTheLimit() {
        let backend = RecordingBackend()
        let writer = CapturingWriter()
        let input = ScriptedInput(["[1,", "2,", "3,", "4]", "5"].map { .line($0) }, interactive: true)
        let session = REPLSession(backend: backend, input: input, writer: writer, history: nil,
                                  interruptTrap: InterruptTrap(backend: backend), entryLimit: 6)
        #expect(session.run() == 0)
        #expect(backend.evaluated == ["4]", "5"])
        #expect(writer.standardError.hasPrefix("mentor: cannot read this entry: entry larger than"))
    }

    @Test("blank lines at the prompt are skipped, but kept inside an entry")
    func blankLines() {
        let run = Run(lines: ["", "   ", "[1,", "", "2]"])
        #expect(run.backend.evaluated == ["[1,\n\n2]"])
    }

    @Test("Ctrl-C discards the whole entry, continuation lines included")
    func interruptClearsEntry() {
        let run = Run([.line("[1,"), .line("2,"), .interrupted(discarded: "3"), .line("4")])
        #expect(run.backend.evaluated == ["4"])
        #expect(run.input.prompts.last == Prompt.primary)
        #expect(!run.writer.standardOutput.contains(REPLSession.leaveHint))
    }

    @Test("Ctrl-C on an empty prompt says how to leave, and the session goes on")
    func interruptOnEmptyLine() {
        let run = Run([.interrupted(discarded: ""), .line("1")])
        #expect(run.writer.standardOutput == REPLSession.leaveHint + "\n" + "value of 1\n")
        #expect(run.backend.evaluated == ["1"])
    }

    @Test("Ctrl-C with text on the line clears it without the hint")
    func interruptWithText() {
        let run = Run([.interrupted(discarded: "abc")])
        #expect(run.writer.standardOutput.isEmpty)
    }

    @Test("Ctrl-D ends the session with status 0, dropping an unfinished interactive entry")
    func endOfFileInteractive() {
        let run = Run([.line("[1,"), .endOfFile, .line("never read")])
        #expect(run.status == 0)
        #expect(run.backend.evaluated.isEmpty)
    }

    @Test("piped input that ends inside an entry still evaluates it, so the parser can report it")
    func endOfFilePiped() {
        let run = Run(lines: ["[1,", "2,"], interactive: false)
        #expect(run.backend.evaluated == ["[1,\n2,"])
        #expect(run.writer.standardOutput == "value of [1,\n2,\n")
    }

    @Test("piped input shows no hints")
    func pipedHints() {
        let run = Run([.interrupted(discarded: "")], interactive: false)
        #expect(run.writer.standardOutput.isEmpty)
    }

    @Test("`:quit`, and any unique prefix of it, ends the session with status 0", arguments: [":quit", ":q", "  :qu  "])
    func quit(line: String) {
        let run = Run(lines: [line, "1"])
        #expect(run.status == 0)
        #expect(run.backend.evaluated.isEmpty)
        #expect(run.backend.metaCalls.isEmpty)
    }

    @Test("`:help` lists the REPL's and the backend's commands with their summaries")
    func help() {
        let run = Run(lines: [":help"])
        let text = run.writer.standardOutput
        for name in [":help", ":load", ":list", ":check", ":quit"] { #expect(text.contains(name)) }
        #expect(text.contains("Load FILE... into the session"))
        #expect(text.contains("Ctrl-D"))
        #expect(run.backend.metaCalls.isEmpty)
    }

    @Test("other commands go to the backend with their argument, by full name")
    func backendCommand() {
        let run = Run(lines: [":load  a.mentor b.mentor ", ":che"])
        #expect(run.backend.metaCalls.map(\.name) == ["load", "check"])
        #expect(run.backend.metaCalls.map(\.argument) == ["a.mentor b.mentor", ""])
        #expect(run.writer.standardOutput == "ran load(a.mentor b.mentor)\nran check()\n")
    }

    @Test("a backend's output can end the session")
    func backendQuits() {
        let run = Run(lines: [":check and leave", "1"])
        #expect(run.backend.evaluated.isEmpty)
        #expect(run.status == 0)
    }

    @Test("an unknown command gets a did-you-mean; an ambiguous one names the choices")
    func unknownCommands() {
        let run = Run(lines: [":lod x", ":xyzzy", ":l"])
        #expect(run.backend.metaCalls.isEmpty)
        #expect(run.writer.standardError == """
            error: unknown command `:lod`; did you mean `:load`?
            error: unknown command `:xyzzy`; type `:help` for the list of commands
            error: `:l` could mean `:load`, `:list`; type more of the name

            """)
    }

    @Test("a colon inside a continuation is part of the entry, not a command")
    func colonInContinuation() {
        let run = Run(lines: ["[1,", ":quit]"])
        #expect(run.backend.evaluated == ["[1,\n:quit]"])
    }

    @Test("accepted entries are remembered whole, once, and written to the history file")
    func history() throws {
        let directory = try TemporaryDirectory()
        let history = try REPLHistory(path: directory.file("history"))
        try history.append("earlier")
        let run = Run(lines: ["earlier", "[1,", "2]", "[1,", "2]", ":load a.mentor", "", "x"], history: history)
        #expect(run.input.remembered == ["[1,\n2]", ":load a.mentor", "x"])
        #expect(history.entries == ["earlier", "[1,\n2]", ":load a.mentor", "x"])
        #expect(try directory.read("history") == "earlier\n[1,\\n2]\n:load a.mentor\nx\n")
    }

    @Test("Tab after a leading colon offers meta-command names; a lone match gets its blank")
    func completeMetaNames() {
        let session = REPLSession(backend: RecordingBackend(), input: ScriptedInput(lines: []), writer: CapturingWriter())
        #expect(session.complete(":lo") == Completion(replacementStart: 0, candidates: [":load "]))
        #expect(session.complete("  :l") == Completion(replacementStart: 2, candidates: [":load", ":list"]))
        #expect(session.complete(":").candidates == [":help", ":load", ":list", ":check", ":quit"])
    }

    @Test("Tab after `:load` offers directories and .mentor files")
    func completeLoadPaths() throws {
        let directory = try TemporaryDirectory()
        try directory.write("", to: "ana_dave.mentor")
        try directory.write("", to: "ana_notes.txt")
        try directory.write("", to: ".hidden.mentor")
        try FileManager.default.createDirectory(atPath: directory.file("agreements"), withIntermediateDirectories: false)
        let session = REPLSession(backend: RecordingBackend(), input: ScriptedInput(lines: []), writer: CapturingWriter())
        let line = ":load x.mentor \(directory.path)/a"
        let completion = session.complete(line)
        #expect(completion.candidates == [directory.file("agreements/"), directory.file("ana_dave.mentor")])
        #expect(completion.replacementStart == ":load x.mentor ".utf8.count)
        #expect(session.complete(":save \(directory.path)/ana").candidates.count == 2)
        #expect(session.complete(":load \(directory.path)/.h").candidates == [directory.file(".hidden.mentor")])
    }

    @Test("Tab elsewhere, including other commands' arguments, asks the backend")
    func completeFromBackend() {
        let backend = RecordingBackend()
        let session = REPLSession(backend: backend, input: ScriptedInput(lines: []), writer: CapturingWriter())
        #expect(session.complete("ana_dave.sch").candidates == ["backend"])
        #expect(session.complete(":show ana").candidates == ["backend"])
        #expect(backend.completionRequests == ["ana_dave.sch", ":show ana"])
    }

    @Test("piped, an entry or command that failed makes the exit status 1; at a terminal it stays 0")
    func pipedFailureExitsOne() {
        let failing: (RecordingBackend) -> Void = { $0.outputs["x"] = REPLOutput(stderr: "error: no", failed: true) }
        #expect(Run(lines: ["x", "1"], interactive: false, configure: failing).status == 1)
        #expect(Run(lines: ["x", "1"], interactive: true, configure: failing).status == 0)
        #expect(Run(lines: [":nosuchcommand"], interactive: false).status == 1)
        #expect(Run(lines: ["1"], interactive: false).status == 0)
    }

    @Test("`:save! FILE` reaches the backend as `save!`; other commands take no `!`")
    func bang() {
        let run = Run(lines: [":sav! out.mentor", ":quit!"]) { $0.metaCommands.append(("save", "Save")) }
        #expect(run.backend.metaCalls.map(\.name) == ["save!"])
        #expect(run.writer.standardError.contains("`:quit` takes no `!`"))
    }
}
