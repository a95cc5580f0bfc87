import ArgumentParser
import MentorDiagnostics
import MentorRuntime
import MentorSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorSource

/// A subcommand that runs against a `CLIContext` and returns its exit code.
protocol MentorSubcommand {
    func execute(_ context: CLIContext) -> Int32
}

/// Entry points of the `mentor` command.
public enum MentorCLI {
    /// Runs `mentor` as a process: real streams, then `exit`.
    public static func main() {
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        let context = CLIContext.process()
        let status = context.exitStatus(after: run(arguments, context: context))
        // `exit` inside the lifetime: the context (and what it keeps until exit) is never freed.
        withExtendedLifetime(context) { exit(status) }
    }

    /// Runs `mentor` with `arguments` against `context` and returns the exit code.
    public static func run(_ arguments: [String], context: CLIContext) -> Int32 {
        run(arguments, context: context, direct: true)
    }

    /// `run`; with `direct` false every command line is parsed as the root, without
    /// `SubcommandDispatch` (the tests compare the two ways).
    static func run(_ arguments: [String], context: CLIContext, direct: Bool) -> Int32 {
        // One large-stack thread for the whole command: every recursive stage (and each REPL
        // entry) then runs on it, instead of each starting a thread of its own.
        LargeStack.run { runHere(arguments, context: context, direct: direct) }
    }

    private static func runHere(_ arguments: [String], context: CLIContext, direct: Bool) -> Int32 {
        if direct, let subcommand = SubcommandDispatch.parse(arguments) { return subcommand.execute(context) }
        do {
            var command = try MentorCommand.parseAsRoot(arguments)
            if command is LspCommand, let refused = LspCommand.refusedOption(in: arguments) {
                context.writeErr(UsageErrorText.displayable(refused) + "\n")
                return MentorExit.usageOrIO
            }
            if let subcommand = command as? MentorSubcommand { return subcommand.execute(context) }
            // `help` and `--help` parse to swift-argument-parser's own help command, which
            // reports the help text by throwing it, handled below like every other message.
            try command.run()
            return MentorExit.success
        } catch {
            let message = MentorCommand.fullMessage(for: error)
            if MentorCommand.exitCode(for: error) == .success {
                context.writeOut(message + "\n")
                return MentorExit.success
            }
            // Usage errors exit 2, not swift-argument-parser's 64.
            context.writeErr(UsageErrorText.displayable(message) + "\n")
            return MentorExit.usageOrIO
        }
    }
}

/// `mentor`: the REPL on a terminal, otherwise runs standard input as a script.
struct MentorCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "mentor",
        abstract: "The Mentor language: check, run, test and explore mentoring programmes.",
        discussion: "Without a subcommand, starts the REPL when standard input is a terminal and otherwise runs standard input as a script.",
        version: mentorVersion,
        subcommands: subcommandTypes.map { $0 }
    )

    /// The subcommands, in the order help lists them; `SubcommandDispatch` finds them here too.
    static let subcommandTypes: [any (ParsableCommand & MentorSubcommand).Type] = [
        RunCommand.self, CheckCommand.self, TestCommand.self, FmtCommand.self, ExportCommand.self, ReplCommand.self,
        ExplainCommand.self, CompletionsCommand.self, MatchCommand.self, DocCommand.self,
        StatusCommand.self, LspCommand.self,
    ]

    @OptionGroup var common: CommonOptions

    func execute(_ context: CLIContext) -> Int32 {
        if context.stdinIsTerminal {
            return ReplCommand(common: common, files: []).execute(context)
        }
        return RunCommand.runStandardInput(common: common, context: context)
    }
}
