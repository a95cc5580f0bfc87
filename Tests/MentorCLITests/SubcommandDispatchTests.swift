import Foundation
import MentorRuntime
import Testing

@testable import MentorCLI

/// `SubcommandDispatch` parses a command line by the named subcommand's type alone and falls
/// back to the root's parse for anything but success; these run command lines both ways.
@Suite("Subcommand dispatch", .serialized)
struct SubcommandDispatchTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let programme = root + "/Tests/Fixtures/credential-program"
    static let script = root + "/Examples/hello.mentor"

    /// Lines every subcommand gets: help, version, completion requests, bad and misplaced
    /// flags, the root's options after the subcommand's name, and a `--` before a flag (not for
    /// `repl`, where `help` or `-- --help` would start a session on the test's standard input).
    static func usageLines(_ name: String) -> [[String]] {
        let operands: [[String]] = name == "repl" ? [] : [[name, "help"], [name, "--", "--help"], [name, "--", "--today", "2026-06-01"]]
        return operands + [
            [name, "--help"], [name, "-h"], [name, "--version"], [name, "--bogus"], [name, "-x"],
            [name, "--generate-completion-script", "bash"], [name, "--generate-completion-script"],
            [name, "---completion"], [name, "--experimental-dump-help"],
            [name, "--today"], [name, "--today", "2026-13-40"], [name, "--today", "2026-06-01", "--today", "tomorrow"],
            [name, "--max-steps", "0"], [name, "--max-diagnostics", "-1"], [name, "--max-source", "0"],
            [name, "--color", "sometimes"], [name, "--color"], [name, "--format"], [name, "--format", "yaml"],
        ]
    }

    /// Lines that run: every format and flag of the commands that read a programme, and the
    /// root's options (`--today`, `--color`, the limits) after the subcommand's name.
    static let runningLines: [[String]] = [
        ["check", "--today", "2026-06-01", programme],
        ["check", programme, "--today", "2026-06-01", "--strict", "--show-waived", "--color", "never"],
        ["check", "--today=2026-06-01", "--format", "json", "--max-diagnostics", "1", programme],
        ["check", "--today", "2026-06-01", "--format", "sarif", "--max-steps", "100000", "--max-source", "16", programme],
        ["check", "--today", "2026-06-01", "--format=junit", programme],
        ["check", "--today", "2026-06-01", "--format", "github", programme],
        ["check", "--today", "2026-06-01", "--format", "tap", "--until", "2027-06-01", programme],
        ["check", "--today", "2026-06-01", "--until", "2027-06-01", programme],
        ["check", "--today", "2026-06-01", "--until", "someday", programme],
        ["check", "--today", "2026-06-01", programme + "/..."],
        ["check", "--today", "2026-06-01", "--format", "json", programme + "/..."],
        ["check", "--today", "2026-06-01", root + "/no-such-folder"],
        ["test", "--today", "2026-06-01", programme],
        ["test", "--today", "2026-06-01", "--format", "tap", programme],
        ["test", "--today", "2026-06-01", "--format", "json", "--run", "nothing-matches", programme],
        ["run", "--today", "2026-06-01", script],
        ["run", script, "--max-steps", "3"],
        ["run", "-", script],
        ["fmt", "--check", script],
        ["fmt", "--diff", "--color", "never", script],
        ["fmt", "--today", "2026-06-01", script],
        ["fmt", "-l", script],
        ["export", "--format", "json", "--today", "2026-01-05", programme],
        ["export", "--format", "ics", "--today", "2026-01-05", "ana_dave", programme],
        ["export", "--format", "ics", "--today", "2026-01-05", "--programme", programme],
        ["export", "--format", "md", "--today", "2026-01-05", programme],
        ["explain", "M0501"], ["explain", "501"], ["explain", "M9999"], ["explain"], ["explain", "--today", "2026-06-01", "M0501"],
        ["completions", "bash"], ["completions", "zsh"], ["completions", "fish"], ["completions", "tcsh"],
        ["match", "--today", "2026-06-01", programme],
        ["status", "--today", "2026-06-01", programme],
        ["status", "--today", "2026-06-01", "--format", "json", "--status", "active,pending", programme],
        ["status", "--today", "2026-06-01", "--format", "csv", "--due-within", "30days", programme],
        ["status", "--today", "2026-06-01", "--until", "2027-01-01", "--format", "md", programme],
        ["lsp", "--stdio", "--bogus"], ["lsp", "--today", "nope"],
        ["repl", "--today", "nope"], ["repl", "--bogus", script],
    ]

    static var allLines: [[String]] {
        MentorCommand.subcommandTypes.flatMap { usageLines($0.configuration.commandName ?? "") } + runningLines
            + [[], ["--help"], ["--version"], ["help", "check"], ["chek"], ["--today", "2026-06-01", "check", programme]]
    }

    func run(_ arguments: [String], direct: Bool) -> String {
        final class Buffer: @unchecked Sendable {
            var text = ""
        }
        let out = Buffer()
        let err = Buffer()
        let context = CLIContext(writeOut: { out.text += $0 }, writeErr: { err.text += $0 }, readStdin: { [] },
                                 stdinIsTerminal: false, stdoutIsTerminal: false, stderrIsTerminal: false, environment: [:])
        let status = MentorCLI.run(arguments, context: context, direct: direct)
        return "exit: \(status)\n--- stdout\n\(out.text)--- stderr\n\(err.text)"
    }

    @Test("every command line gives the same output and exit code parsed directly as through the root", arguments: allLines)
    func sameOutput(_ arguments: [String]) {
        #expect(run(arguments, direct: true) == run(arguments, direct: false))
    }

    /// The lines left out fail the subcommand's own parse or validation, so they reach the root's.
    @Test("the command lines that run are parsed directly, so the comparison above covers the fast path")
    func runningLinesTakeTheFastPath() {
        let script = Self.script
        let slow: Set = [["explain"], ["fmt", "--today", "2026-06-01", script], ["explain", "--today", "2026-06-01", "M0501"],
                         ["lsp", "--stdio", "--bogus"], ["lsp", "--today", "nope"], ["repl", "--today", "nope"],
                         ["repl", "--bogus", script], ["run", "-", script], ["explain", "M9999"], ["completions", "tcsh"]]
        for arguments in Self.runningLines {
            let direct = SubcommandDispatch.parse(arguments) != nil
            #expect(direct == !slow.contains(arguments), "\(arguments) parsed directly: \(direct)")
        }
    }

    @Test("a direct parse holds the values the root's parse gives the subcommand")
    func directParseValues() throws {
        let parsed = try #require(SubcommandDispatch.parse(["check", "x.mentor", "--today", "2026-06-01", "--format", "json", "--strict"]) as? CheckCommand)
        #expect(parsed.paths == ["x.mentor"])
        #expect(parsed.common.evaluation.today == "2026-06-01")
        #expect(parsed.format == .json)
        #expect(parsed.strict)
        #expect(!parsed.watch)
        #expect(parsed.common.evaluation.maxSteps == EvaluationLimits.defaultMaxSteps)
    }

    @Test("help, version, completion requests and the root's own words are left to the root's parse",
          arguments: [["check", "--help"], ["check", "-h"], ["check", "--version"], ["check", "--generate-completion-script", "bash"],
                      ["check", "---completion"], ["help"], ["--version"], ["chek"], [], ["fmt", "--today", "2026-06-01"]])
    func leftToTheRoot(_ arguments: [String]) {
        #expect(SubcommandDispatch.parse(arguments) == nil)
    }
}
