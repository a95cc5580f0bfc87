import ArgumentParser

/// `mentor completions bash|zsh|fish`: prints the shell's completion script.
struct CompletionsCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Print a completion script for bash, zsh or fish (docs/cli.md says where to put it).",
        discussion: "Subcommands, options, their values and paths (*.mentor files and folders) complete. Exit status: 0, or 2 for a shell it does not know.")

    /// The shells swift-argument-parser writes completion scripts for.
    enum Shell: String, CaseIterable, ExpressibleByArgument {
        case bash, zsh, fish

        var completionShell: CompletionShell {
            switch self {
            case .bash: .bash
            case .zsh: .zsh
            case .fish: .fish
            }
        }
    }

    @Argument(help: ArgumentHelp("The shell: bash, zsh or fish.", valueName: "shell"))
    var shell: Shell

    func execute(_ context: CLIContext) -> Int32 {
        let script = MentorCommand.completionScript(for: shell.completionShell)
        context.writeOut(script.hasSuffix("\n") ? script : script + "\n")
        return MentorExit.success
    }
}
