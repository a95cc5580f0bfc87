import Testing

@testable import MentorCLI

/// The scripts themselves run in a real bash in Scripts/e2e/completions_pty.py; these check
/// that every shell's script completes what the e2e test cannot reach (zsh and fish are not
/// installed there).
@Suite("Completion scripts")
struct CompletionsCommandTests {
    /// The commands whose positional arguments are paths: run, check, test, fmt, export, repl, match, doc, status.
    static let pathArguments = 9

    @Test("each script names every subcommand", arguments: ["bash", "zsh", "fish"])
    func subcommandsAreOffered(_ shell: String) {
        let result = runMentor(["completions", shell])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        for name in MentorCommand.configuration.subcommands.map({ $0.configuration.commandName ?? "" }) {
            #expect(result.stdout.contains(name), "\(shell) script does not mention \(name)")
        }
    }

    @Test("every path argument completes *.mentor files and folders, --zoneinfo folders")
    func pathsComplete() {
        let bash = runMentor(["completions", "bash"]).stdout
        #expect(bash.components(separatedBy: "-o plusdirs -fX '!*.@(mentor)'").count - 1 == Self.pathArguments)
        let zsh = runMentor(["completions", "zsh"]).stdout
        #expect(zsh.components(separatedBy: "_files -g '\\''*.mentor'\\''").count - 1 == Self.pathArguments)
        #expect(zsh.contains("--zoneinfo[") && zsh.contains(":dir:_files -/"))
        let fish = runMentor(["completions", "fish"]).stdout
        #expect(fish.components(separatedBy: "*.\\'mentor\\'").count - 1 == Self.pathArguments)
    }
}
