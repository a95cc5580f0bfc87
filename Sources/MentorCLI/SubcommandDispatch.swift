import ArgumentParser

/// The fast way into a subcommand: when the first argument names one, its arguments are parsed
/// by that subcommand's type alone, not by `MentorCommand.parseAsRoot`.
///
/// Why: swift-argument-parser builds every parsed command's argument set by reflection, and on
/// every run `parseAsRoot` also parses the arguments twice more as its completion-script
/// commands; for a one-file `mentor check` that was over half the process's own time
/// (docs/performance.md, "Cold start"). Parsing through `DirectSubcommand` reflects over the one
/// subcommand and skips the probe.
///
/// Only a successful parse is used. Anything else — a usage error, `--help`, `--version`,
/// a completion request — returns nil and the caller parses again as the root, so every
/// message, help text and exit code is the one the full parse gives (`SubcommandDispatchTests`
/// runs both ways over every subcommand). Where the two parses could succeed differently: the
/// root's lenient pass takes `CommonOptions` flags from anywhere in the arguments and hands them
/// to the subcommand's own `CommonOptions` group, which is what parsing them in the subcommand
/// gives; a subcommand without that group (`fmt`, `explain`, `completions`) rejects them here,
/// so they fall back.
enum SubcommandDispatch {
    /// The subcommand `arguments` select, parsed by its type alone; nil when the root must parse.
    static func parse(_ arguments: [String]) -> MentorSubcommand? {
        guard let name = arguments.first,
              let type = MentorCommand.subcommandTypes.first(where: { $0.configuration.commandName == name })
        else { return nil }
        return parseDirectly(type, Array(arguments.dropFirst()))
    }

    private static func parseDirectly<Command: ParsableCommand & MentorSubcommand>(
        _ type: Command.Type, _ arguments: [String]) -> MentorSubcommand? {
        // A help request parses to the library's help command, not a `DirectSubcommand`.
        guard let parsed = try? DirectSubcommand<Command>.parseAsRoot(arguments) as? DirectSubcommand<Command> else { return nil }
        return parsed.command
    }
}

/// One subcommand as a root of its own, for `SubcommandDispatch`: its arguments are the
/// subcommand's, through an option group.
struct DirectSubcommand<Command: ParsableCommand & MentorSubcommand>: ParsableCommand {
    // A super-command name is what turns off the completion-script probe; its text would only
    // appear in help and usage lines, which this parse never prints (they come from the root's).
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Command.configuration.commandName, _superCommandName: "mentor")
    }

    @OptionGroup var command: Command
}
