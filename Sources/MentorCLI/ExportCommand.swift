import ArgumentParser
import MentorDiagnostics
import MentorRuntime
import enum MentorSyntax.SyntaxVocabulary
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ExportFormat: ExpressibleByArgument {}

/// `mentor export --format ics|md|json [AGREEMENT] [PATH…]`: a calendar, a handout or the
/// resolved data, from the programme loaded exactly as `check` loads it.
struct ExportCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export an agreement as a calendar (ics), a handout (md) or data (json); json without an agreement exports the programme.",
        discussion: """
            The first argument is the agreement's name unless it is an existing file or folder or \
            is not spelled like a name; the other arguments are files or folders (default: the current \
            directory). Exit status: 0 written, 1 errors in the programme or an unknown agreement, \
            2 usage or I/O errors.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Output format: ics, md or json.", valueName: "format"))
    var format: ExportFormat

    @Option(name: .customLong("tz"), help: ArgumentHelp("With ics: the zone the sessions' times are in, such as Europe/Berlin (default: floating local times).", valueName: "zone"))
    var timeZone: String?

    @Option(name: .customLong("zoneinfo"), help: ArgumentHelp("The time-zone database folder (default: $TZDIR, else /usr/share/zoneinfo).", valueName: "dir"), completion: .directory)
    var zoneDirectory: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file, replacing it atomically (default or '-': standard output).", valueName: "file"), completion: .file())
    var output: String?

    @Flag(name: .customLong("programme"), help: "With ics: the programme's calendar (every start, signature deadline, review, lapse deadline and end); every argument is a path.")
    var programme = false

    @Option(name: .customLong("person"), help: ArgumentHelp("With ics: this person's sessions across all their agreements; every argument is a path.", valueName: "name"))
    var person: String?

    @Argument(help: ArgumentHelp("The agreement, then files or folders to load.", valueName: "agreement-or-path"), completion: .file(extensions: ["mentor"]))
    var arguments: [String] = []

    func validate() throws {
        if timeZone != nil, format != .ics { throw ValidationError("--tz applies to --format ics only") }
        if programme || person != nil, format != .ics { throw ValidationError("--programme and --person apply to --format ics only") }
        if programme, person != nil { throw ValidationError("--programme and --person cannot be combined") }
        if programme, timeZone != nil { throw ValidationError("--tz does not apply to --programme, whose events are all-day") }
    }

    func execute(_ context: CLIContext) -> Int32 {
        let calendar: CalendarSelection = programme ? .programme : person.map { .person($0) } ?? .agreement
        let (agreement, paths) = calendar == .agreement ? ExportCommand.split(arguments) : (nil, arguments)
        let engine = Engine(options: common.engineOptions(), output: context.writeErr)
        let renderer = common.renderer(for: engine, isTerminal: context.stderrIsTerminal, context: context)
        if case .stopped(let status) = WholeProgrammeLoad.load(paths, into: engine, common: common, renderer: renderer, context: context, command: "export", nothing: "nothing exported") { return status }
        let directory = zoneDirectory ?? context.environment["TZDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? TimeZoneDatabase.defaultDirectory
        let request = ExportRequest(format: format, agreement: agreement, timeZone: timeZone,
                                    zoneDatabase: TimeZoneDatabase(directory: directory), calendar: calendar)
        switch engine.export(request) {
        case .failure(let failure):
            context.writeErr(renderer.render(failure.diagnostics))
            return failure.isUsageError ? MentorExit.usageOrIO : MentorExit.programErrors
        case .success(let text):
            guard let output, output != "-" else {
                context.writeOut(text)
                return MentorExit.success
            }
            do {
                try AtomicFileWriter().write(Array(text.utf8), to: output, newFileMode: 0o644)
            } catch {
                let diagnostic = Diagnostic(.exportWriteFailed, .error, "cannot write `\(DisplayText.escapeControls(output))`: \(error.reason)",
                                            at: .unknown, help: "the file, if it existed, is unchanged")
                context.writeErr(renderer.render([diagnostic]))
                return MentorExit.usageOrIO
            }
            return MentorExit.success
        }
    }

    /// The agreement's name and the paths. The first argument is a path when it exists or is
    /// not spelled like a Mentor name (it has a `/`, a `.`, …); otherwise it is the agreement.
    static func split(_ arguments: [String]) -> (agreement: String?, paths: [String]) {
        guard let first = arguments.first else { return (nil, []) }
        var info = stat()
        if lstat(first, &info) == 0 || !isName(first) { return (nil, arguments) }
        return (first, Array(arguments.dropFirst()))
    }

    /// True when `text` is spelled as a Mentor name (the lexer's identifier rule).
    static func isName(_ text: String) -> Bool { SyntaxVocabulary.isName(text) }
}
