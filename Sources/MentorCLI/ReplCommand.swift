import ArgumentParser
import MentorDiagnostics
import MentorREPL
import MentorRuntime

/// `mentor repl [FILE…]`: the interactive session, with files preloaded.
struct ReplCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "repl", abstract: "Start the REPL, with files preloaded (their errors are printed and the REPL starts anyway).")

    @OptionGroup var common: CommonOptions

    @Argument(help: "Files to load first.")
    var files: [String] = []

    func execute(_ context: CLIContext) -> Int32 {
        let options = common.engineOptions()
        let useColor = common.color.resolve(isTerminal: context.stderrIsTerminal, environment: context.environment)
        let backend = EngineBackend(makeEngine: { Engine(options: options, output: { writeAll(1, $0) }) }, useColor: useColor)
        if !files.isEmpty {
            let output = backend.load(files)
            context.writeOut(output.stdout)
            context.writeErr(output.stderr)
        }
        let banner = context.stdinIsTerminal ? "Mentor \(mentorVersion) — :help for commands, Ctrl-D to leave" : nil
        return REPL.run(backend: backend, banner: banner)
    }
}

extension ReplCommand {
    init(common: CommonOptions, files: [String]) {
        self.init()
        self.common = common
        self.files = files
    }
}
