import ArgumentParser
import MentorDiagnostics
import MentorRuntime
import MentorSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `mentor run PATH…`: runs the top-level statements of scripts, files in the order given.
struct RunCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a script: its top-level statements, in order; several files and folders load as one programme.")

    @OptionGroup var common: CommonOptions

    @Argument(help: ArgumentHelp("The .mentor files or folders to run (folders are searched as `check` searches them); a lone - reads the script from standard input.", valueName: "path"),
              completion: .file(extensions: ["mentor"]))
    var paths: [String]

    func validate() throws {
        if paths.count > 1, paths.contains("-") { throw ValidationError("- (standard input) runs alone, not with other paths") }
    }

    func execute(_ context: CLIContext) -> Int32 {
        // `-` is standard input, as for most tools; a file named `-` is still `./-`.
        if paths == ["-"] { return RunCommand.runStandardInput(common: common, context: context) }
        if let pattern = paths.first(where: { ProgrammePattern($0) != nil }) {
            return common.reportUsage(ProgrammePattern.oneProgrammeOnly(pattern, command: "run"), context: context)
        }
        if paths.count == 1 {
            // One file is read as the user named it, special files (a pipe, /dev/stdin) included.
            var info = stat()
            if stat(paths[0], &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
                guard let bytes = readUserFile(paths[0], context: context) else { return MentorExit.usageOrIO }
                return RunCommand.runScript(path: paths[0], bytes: bytes, common: common, context: context)
            }
        }
        let engine = Engine(options: common.engineOptions(), output: context.writeOut)
        let read = SourceDiscovery.readSources(paths, into: engine, report: context.writeErr)
        if read.ioFailed { return MentorExit.usageOrIO }
        return RunCommand.run(engine, files: read.files, common: common, context: context)
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
        let file = engine.addSource(path: path, bytes: bytes)
        return run(engine, files: [file], common: common, context: context)
    }

    /// Loads the files as one programme, reports their diagnostics, then runs their statements in order.
    static func run(_ engine: Engine, files: [SourceFile], common: CommonOptions, context: CLIContext) -> Int32 {
        let renderer = common.renderer(for: engine, isTerminal: context.stderrIsTerminal, context: context)
        var cap = common.diagnosticCap()
        let loaded = engine.load(files)
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
