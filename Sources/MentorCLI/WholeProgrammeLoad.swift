import MentorDiagnostics
import MentorRuntime
import MentorSource

/// Loading the whole programme for a command that reports on it (`export`, `doc`, `match`,
/// `status`): the files under `paths` (default `.`) are read and loaded, the load's
/// diagnostics printed, and a programme with errors or unreadable paths stops the command
/// with one line saying that nothing came of it.
enum WholeProgrammeLoad {
    /// What came of the load: the files read, or the exit status the command returns.
    enum Outcome {
        case loaded([SourceFile])
        case stopped(Int32)
    }

    /// Loads `paths` into `engine`; on failure prints "`nothing`: the programme has errors" (or
    /// that some paths could not be read) and returns the exit status. A `DIR/...` pattern names
    /// several programmes, which `command` cannot report on at once: M0647, exit 2.
    static func load(_ paths: [String], into engine: Engine, common: CommonOptions, renderer: TextDiagnosticRenderer,
                     context: CLIContext, command: String, nothing: String) -> Outcome {
        if let pattern = paths.first(where: { ProgrammePattern($0) != nil }) {
            context.writeErr(renderer.render([ProgrammePattern.oneProgrammeOnly(pattern, command: command)]))
            return .stopped(MentorExit.usageOrIO)
        }
        let read = SourceDiscovery.readSources(paths.isEmpty ? ["."] : paths, into: engine, report: context.writeErr)
        let loaded = engine.load(read.files)
        if !loaded.diagnostics.isEmpty {
            var cap = common.diagnosticCap()
            context.writeErr(cap.render(engine.sources.inReadingOrder(loaded.diagnostics), with: renderer) + cap.omittedLine)
        }
        if loaded.hasErrors {
            context.writeErr("\(nothing): the programme has errors\n")
            return .stopped(MentorExit.programErrors)
        }
        if read.ioFailed {
            context.writeErr("\(nothing): some paths could not be read\n")
            return .stopped(MentorExit.usageOrIO)
        }
        return .loaded(read.files)
    }
}
