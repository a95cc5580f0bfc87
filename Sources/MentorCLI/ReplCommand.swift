import ArgumentParser
import MentorDiagnostics
import MentorREPL
import MentorRuntime

/// `mentor repl [FILE…]`: the interactive session, with files preloaded.
struct ReplCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "repl", abstract: "Start the REPL, with files preloaded (their errors are printed and the REPL starts anyway).")

    @OptionGroup var common: CommonOptions

    @Argument(help: "Files to load first.", completion: .file(extensions: ["mentor"]))
    var files: [String] = []

    func execute(_ context: CLIContext) -> Int32 {
        // A session holds one programme: a pattern naming several is a usage error before it
        // starts, not a file that cannot be read.
        if let pattern = files.first(where: { ProgrammePattern($0) != nil }) {
            return common.reportUsage(ProgrammePattern.oneProgrammeOnly(pattern, command: "repl"), context: context)
        }
        let options = common.engineOptions()
        let useColor = common.color.resolve(isTerminal: context.stderrIsTerminal, environment: context.environment)
        let backend = EngineBackend(makeEngine: { Engine(options: options, output: { writeAll(1, $0) }) }, useColor: useColor)
        // The session's programme is left to the exit, as `check` leaves its own: freeing a
        // loaded corpus of 10,000 agreements object by object took a tenth of its `:load`.
        context.keepUntilExit(backend)
        var preloadFailed = false
        if !files.isEmpty {
            let output = backend.load(files)
            // Piped, standard output carries only the entries' results, so `loaded N files` is
            // a message like the diagnostics.
            if context.stdinIsTerminal { context.writeOut(output.stdout) } else { context.writeErr(output.stdout) }
            context.writeErr(output.stderr)
            preloadFailed = output.failed
        }
        let banner = context.stdinIsTerminal ? "Mentor \(mentorVersion) — :help for commands, Ctrl-D to leave" : nil
        let status = REPL.run(backend: backend, banner: banner)
        // Piped, a file that failed to load fails the session as a failed entry does.
        return status == 0 && preloadFailed && !context.stdinIsTerminal ? 1 : status
    }
}

extension ReplCommand {
    init(common: CommonOptions, files: [String]) {
        self.init()
        self.common = common
        self.files = files
    }
}
