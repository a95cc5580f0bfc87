import ArgumentParser
import MentorDiagnostics
import MentorRuntime
import MentorSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ColorChoice: ExpressibleByArgument {}

/// How diagnostics are shown: the options of every command, `fmt` included.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("When to colour diagnostics: auto, always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    @Option(name: .customLong("max-diagnostics"),
            help: ArgumentHelp("Most diagnostics shown as text; 0 shows all.", valueName: "n"))
    var maxDiagnostics: Int = DiagnosticCap.defaultLimit

    func validate() throws {
        if maxDiagnostics < 0 { throw ValidationError("--max-diagnostics needs 0 (no limit) or a positive number") }
    }

    /// A fresh `--max-diagnostics` cap for one command's text output.
    func diagnosticCap() -> DiagnosticCap { DiagnosticCap(limit: maxDiagnostics) }
}

/// What a programme is evaluated with: the date `today` stands for and the budgets. The
/// language server takes these and nothing else (it writes no diagnostics as text).
struct EvaluationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The date `today` stands for, as YYYY-MM-DD (default: the system's local date).", valueName: "date"))
    var today: String?

    @Option(name: .customLong("max-steps"), help: ArgumentHelp("Evaluation step budget (calls and loop iterations).", valueName: "n"))
    var maxSteps: Int = EvaluationLimits.defaultMaxSteps

    @Option(name: .customLong("max-source"),
            help: ArgumentHelp("Most source one programme may hold, in MiB.", valueName: "MiB"))
    var maxSourceMebibytes: Int = ProgrammeSizeLimit.defaultMaxBytes >> 20

    /// The largest `--max-source`: 4 GiB, far past what the memory budget allows on any machine.
    static let largestMaxSourceMebibytes = 4096

    func validate() throws {
        if let today, EvaluationOptions.parseDate(today) == nil {
            throw ValidationError("--today needs a calendar date as YYYY-MM-DD, not '\(today)'")
        }
        if maxSteps < 1 { throw ValidationError("--max-steps needs a positive number") }
        if !(1...EvaluationOptions.largestMaxSourceMebibytes).contains(maxSourceMebibytes) {
            throw ValidationError("--max-source needs a number of MiB from 1 to \(EvaluationOptions.largestMaxSourceMebibytes)")
        }
    }

    /// Parses `YYYY-MM-DD` into a calendar date.
    static func parseDate(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// The engine options these flags describe.
    func engineOptions() -> EngineOptions {
        var options = EngineOptions(today: today.flatMap(EvaluationOptions.parseDate) ?? EvaluationOptions.systemToday(),
                                    limits: EvaluationLimits(maxSteps: maxSteps))
        options.maxSourceBytes = maxSourceMebibytes << 20
        return options
    }

    /// The local calendar date of the system clock.
    static func systemToday() -> CivilDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CivilDate(year: 2026, month: 1, day: 1)!
    }
}

/// Options of the commands that evaluate a programme and write diagnostics: how they are shown,
/// then what the programme is evaluated with.
struct CommonOptions: ParsableArguments {
    @OptionGroup var output: OutputOptions

    @OptionGroup var evaluation: EvaluationOptions

    /// `--color`.
    var color: ColorChoice { output.color }

    /// The engine options these flags describe.
    func engineOptions() -> EngineOptions { evaluation.engineOptions() }

    /// A fresh `--max-diagnostics` cap for one command's text output.
    func diagnosticCap() -> DiagnosticCap { output.diagnosticCap() }

    /// A renderer for diagnostics written to a stream that is or is not a terminal.
    func renderer(for engine: Engine, isTerminal: Bool, context: CLIContext) -> TextDiagnosticRenderer {
        TextDiagnosticRenderer(sources: engine.sources, useColor: color.resolve(isTerminal: isTerminal, environment: context.environment))
    }

    /// Prints a usage problem about the command line (it has no place in a file) on standard
    /// error and returns the exit status of usage errors, 2.
    func reportUsage(_ problem: Diagnostic, context: CLIContext) -> Int32 {
        let renderer = TextDiagnosticRenderer(sources: SourceMap(), useColor: color.resolve(isTerminal: context.stderrIsTerminal, environment: context.environment))
        context.writeErr(renderer.render([problem]))
        return MentorExit.usageOrIO
    }
}

/// Reads a file the user named, reporting I/O errors in the one-line form.
func readUserFile(_ path: String, context: CLIContext) -> [UInt8]? {
    switch FileSystemReader(acceptsSpecialFiles: true).read(path) {
    case .success(let bytes):
        return bytes
    case .failure(let error):
        context.writeErr(SourceDiscovery.cannotRead(path, error.reason))
        return nil
    }
}
