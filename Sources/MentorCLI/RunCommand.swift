import ArgumentParser
import MentorDiagnostics
import MentorRuntime

/// `mentor run FILE`: runs a script's top-level statements in order.
struct RunCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a script: its top-level statements, in order.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The .mentor file to run.", completion: .file(extensions: ["mentor"]))
    var file: String

    func execute(_ context: CLIContext) -> Int32 {
        guard let bytes = readUserFile(file, context: context) else { return MentorExit.usageOrIO }
        return RunCommand.runScript(path: file, bytes: bytes, common: common, context: context)
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
