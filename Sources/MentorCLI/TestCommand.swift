import ArgumentParser
import MentorDiagnostics
import MentorRuntime

/// `mentor test [PATH…]`: runs `test` blocks.
struct TestCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run the `test` blocks of a programme.",
        discussion: "Prints each test's result and a summary line `N passed, M failed`; exits 1 if any test fails.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "Files or directories (default: the current directory).", completion: .file(extensions: ["mentor"]))
    var paths: [String] = []

    func execute(_ context: CLIContext) -> Int32 {
        let engine = Engine(options: common.engineOptions(), output: context.writeOut)
        let renderer = common.renderer(for: engine, isTerminal: context.stdoutIsTerminal, context: context)
        let read = SourceDiscovery.readSources(paths.isEmpty ? ["."] : paths, into: engine, report: context.writeErr)
        let loaded = engine.load(read.files)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            var cap = common.diagnosticCap()
            context.writeOut(cap.render(engine.sources.inReadingOrder(errors), with: renderer) + cap.omittedLine)
            context.writeOut("tests not run: the programme has errors\n")
            return MentorExit.programErrors
        }
        let results = engine.runTests()
        var output = ""
        var cap = common.diagnosticCap()
        for result in results {
            output += (result.passed ? "PASS " : "FAIL ") + DisplayText.escapeControls(result.name) + "\n"
            if !result.passed { output += cap.render(result.failures, with: renderer) }
        }
        output += cap.omittedLine
        let passed = results.filter(\.passed).count
        output += "\(passed) passed, \(results.count - passed) failed\n"
        context.writeOut(output)
        if read.ioFailed { return MentorExit.usageOrIO }
        return passed == results.count ? MentorExit.success : MentorExit.programErrors
    }
}
