import ArgumentParser
import MentorDiagnostics
import MentorRuntime
import enum MentorSyntax.DurationUnit

/// Output formats of `mentor status`.
enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, md, csv, html
}

/// `mentor status [PATH…]`: the coordinator's view — a line per agreement, most urgent first,
/// and the forecast with `--until` (docs/status.md).
struct StatusCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show every agreement's status, most urgent first, with the programme's totals; --until forecasts what breaks.",
        discussion: "Exit status: 0 shown, 1 errors in the programme, 2 usage or I/O errors (an unknown status, person, duration or date).")

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Output format: text, json, md, csv or html.", valueName: "format"))
    var format: StatusFormat = .text

    @Option(name: .customLong("status"), help: ArgumentHelp("Show only agreements with this status (repeat, or separate with commas): pending, active, lapsed, closed, ended.", valueName: "status"))
    var statuses: [String] = []

    @Option(help: ArgumentHelp("Show only agreements naming this person as mentor, mentee or co-mentor.", valueName: "name"))
    var person: String?

    @Option(name: .customLong("due-within"), help: ArgumentHelp("Show only agreements with something due within this long, such as '30 days' or 30days (overdue ones included).", valueName: "duration"))
    var dueWithin: String?

    @Option(help: ArgumentHelp("Forecast, per agreement, the first thing that breaks by this date if nothing is done (YYYY-MM-DD).", valueName: "date"))
    var until: String?

    @Argument(help: "Files or directories to load (default: the current directory).", completion: .file(extensions: ["mentor"]))
    var paths: [String] = []

    func execute(_ context: CLIContext) -> Int32 {
        let engine = Engine(options: common.engineOptions(), output: context.writeErr)
        let renderer = common.renderer(for: engine, isTerminal: context.stderrIsTerminal, context: context)
        var request = StatusRequest()
        request.statuses = statuses.flatMap { $0.split(separator: ",").map { String($0) } }
        request.person = person
        if let dueWithin {
            guard let duration = StatusCommand.parseDuration(dueWithin) else {
                context.writeErr(renderer.render([Diagnostic(
                    .invalidDueWithin, .error, "`--due-within \(DisplayText.escapeControls(dueWithin))` is not a duration",
                    at: .unknown, help: "write a whole number and a unit of days, weeks, months or years, such as '30 days'")]))
                return MentorExit.usageOrIO
            }
            request.dueWithin = duration
        }
        switch StatusCommand.parseUntil(until) {
        case .success(let date): request.until = date
        case .failure(let failure):
            context.writeErr(renderer.render(failure.diagnostics))
            return MentorExit.usageOrIO
        }
        if case .stopped(let status) = WholeProgrammeLoad.load(paths, into: engine, common: common, renderer: renderer, context: context, command: "status", nothing: "no status") { return status }
        switch engine.status(request) {
        case .failure(let failure):
            context.writeErr(renderer.render(failure.diagnostics))
            let isUsage = failure.diagnostics.contains { $0.code.number >= 640 && $0.code.number < 660 }
            return isUsage ? MentorExit.usageOrIO : MentorExit.programErrors
        case .success(let status):
            switch format {
            case .text: context.writeOut(StatusReportFormats.text(status))
            case .json: context.writeOut(StatusReportFormats.json(status) + "\n")
            case .md: context.writeOut(StatusReportFormats.markdown(status))
            case .csv: context.writeOut(StatusReportFormats.csv(status))
            case .html: context.writeOut(StatusHTML(status: status).render())
            }
            return MentorExit.success
        }
    }

    /// `--until`'s date, nil when not given, or the diagnostic for a malformed one (shared with `check`).
    static func parseUntil(_ text: String?) -> Result<CivilDate?, StatusFailure> {
        guard let text else { return .success(nil) }
        guard let date = EvaluationOptions.parseDate(text) else {
            return .failure(StatusFailure(diagnostics: [Diagnostic(
                .invalidUntil, .error, "`--until \(DisplayText.escapeControls(text))` is not a calendar date",
                at: .unknown, help: "write the day as YYYY-MM-DD, such as 2026-12-31")]))
        }
        return .success(date)
    }

    /// `30 days`, `2 weeks`, `1 month`, `1 year` (the space may be left out: `30days`): a
    /// whole number and a calendar unit, singular or plural.
    static func parseDuration(_ text: String) -> CalendarDuration? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        var word = Substring(text.dropFirst(digits.count))
        if word.first == " " { word = word.dropFirst() }
        guard !digits.isEmpty, digits.count <= 6, let amount = Int64(digits) else { return nil }
        let units: [String: DurationUnit] = ["day": .day, "week": .week, "month": .month, "year": .year]
        if word.hasSuffix("s") { word = word.dropLast() }
        return units[String(word)].map { CalendarDuration(amount: amount, unit: $0) }
    }
}
