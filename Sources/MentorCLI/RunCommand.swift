import ArgumentParser
import MentorDiagnostics
import MentorRuntime

/// `mentor run FILE`: runs a script's top-level statements in order.
struct RunCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a script: its top-level statements, in order.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The .mentor file to run; - reads the script from standard input.", completion: .file(extensions: ["mentor"]))
    var file: String

    func execute(_ context: CLIContext) -> Int32 {
        // `-` is standard input, as for most tools; a file named `-` is still `./-`.
        if file == "-" { return RunCommand.runStandardInput(common: common, context: context) }
        guard let bytes = readUserFile(file, context: context) else { return MentorExit.usageOrIO }
        return RunCommand.runScript(path: file, bytes: bytes, common: common, context: context)
    }

    /// Runs standard input as the script `<stdin>`, read as a file is (at most 64 MiB).
    static func runStandardInput(common: CommonOptions, context: CLIContext) -> Int32 {
        switch context.readStandardInput() {
        case .success(let bytes):
            return runScript(path: "<stdin>", bytes: bytes, common: common, context: context)
        case .failure(let error):
            context.writeErr(SourceDiscovery.cannotRead("<stdin>", error.reason))
            return MentorExit.usageOrIO
        }
    }

    /// Loads one script, reports its diagnostics, then runs it.
    static func runScript(path: String, bytes: [UInt8], common: CommonOptions, context: CLIContext) -> Int32 {
        let engine = Engine(options: common.engineOptions(), output: context.writeOut)
        let renderer = common.renderer(for: engine, isTerminal: context.stderrIsTerminal, context: context)
        var cap = common.diagnosticCap()
        let file = engine.addSource(path: path, bytes: bytes)
        let loaded = engine.load([file])
        if !loaded.diagnostics.isEmpty { context.writeErr(cap.render(engine.sources.inReadingOrder(loaded.diagnostics), with: renderer) + cap.omittedLine) }
        if loaded.hasErrors { return MentorExit.programErrors }
        var failures = engine.runScripts()
        if failures.isEmpty { failures = engine.evaluateUnreadLets() }
        if !failures.isEmpty {
            context.writeErr(cap.render(failures, with: renderer) + cap.omittedLine)
            return MentorExit.programErrors
        }
        return MentorExit.success
    }
}
