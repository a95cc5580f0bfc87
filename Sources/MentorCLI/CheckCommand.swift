import ArgumentParser
import MentorDiagnostics
import MentorRuntime
import MentorSource

/// Output formats of `mentor check`.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, github, tap
}

/// `mentor check [PATH…]`: parse, resolve, type-check and run every rule.
struct CheckCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse, resolve, type-check and run every rule; directories are searched for *.mentor.",
        discussion: "Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage or I/O errors.")

    @OptionGroup var common: CommonOptions

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    @Option(help: ArgumentHelp("Output format: text, json, sarif, junit, github or tap.", valueName: "format"))
    var format: CheckFormat = .text

    @Flag(help: "Show the rule violations that waivers excuse, as notes naming the waiver.")
    var showWaived = false

    @Flag(help: "Check again whenever a file of the programme changes, until Ctrl-C.")
    var watch = false

    @Option(help: ArgumentHelp("Also forecast, per agreement, the first thing that breaks by this date if nothing is done (YYYY-MM-DD); reported as notes.", valueName: "date"))
    var until: String?

    @Argument(help: "Files or directories to check as one programme (default: the current directory); DIR/... checks each programme in DIR on its own.", completion: .file(extensions: ["mentor"]))
    var paths: [String] = []

    func execute(_ context: CLIContext) -> Int32 {
        let paths = paths.isEmpty ? ["."] : paths
        if let problem = horizonProblem() { return common.reportUsage(problem, context: context) }
        let patterns: [ProgrammePattern]
        switch ProgrammeSelection.select(paths, command: "check") {
        case .invalid(let problem):
            return common.reportUsage(problem, context: context)
        case .one(let paths):
            guard watch else { return checkOnce(paths, context: context, keeping: true).status }
            return WatchLoop(command: "check", paths: paths).run(context: context) { noteRead in
                checkOnce(paths, context: context, keeping: false, noteRead: noteRead)
            }
        case .each(let selected):
            patterns = selected
        }
        guard watch else { return checkEach(patterns, context: context, keeping: true).status }
        return WatchLoop(command: "check", paths: ProgrammeSelection.watchedFolders(patterns)).run(context: context) { noteRead in
            checkEach(patterns, context: context, keeping: false, noteRead: noteRead)
        }
    }

    /// `check DIR/...`: each programme the patterns name is checked on its own, as `check PROGRAMME`
    /// would check it. As text, its diagnostics are followed by `PROGRAMME: SUMMARY`, and a last
    /// line adds them up; the machine formats hold every programme in one document. The report is
    /// written once every programme is checked, as for one programme. The exit status is the
    /// worst of the programmes' (2 over 1 over 0).
    func checkEach(_ patterns: [ProgrammePattern], context: CLIContext, keeping: Bool,
                   noteRead: ([String]) -> Void = { _ in }) -> (status: Int32, files: [String]) {
        let horizon = until.flatMap(EvaluationOptions.parseDate)
        let selected = ProgrammeSelection.programmes(patterns, context: context)
        // No folder could be listed: the I/O errors are the whole story, as for one programme.
        if selected.ioFailed && selected.programmes.isEmpty { return (MentorExit.usageOrIO, []) }
        var status = selected.ioFailed ? MentorExit.usageOrIO : MentorExit.success
        var files: [String] = []
        var programmes: [ProgrammeRun<CheckRun>] = []
        for programme in selected.programmes {
            let outcome = CheckRun.perform(paths: [programme], common: common, context: context, showWaived: showWaived, until: horizon)
            if keeping { context.keepUntilExit(outcome.engine) }
            files += outcome.engine.userFilePaths
            if outcome.ioFailed && outcome.fileCount == 0 {
                programmes.append(ProgrammeRun(path: programme, run: nil))
                status = max(status, MentorExit.usageOrIO)
                continue
            }
            programmes.append(ProgrammeRun(path: programme, run: outcome))
            if outcome.ioFailed {
                status = max(status, MentorExit.usageOrIO)
            } else if outcome.errorCount > 0 || (strict && outcome.warningCount > 0) {
                status = max(status, MentorExit.programErrors)
            }
        }
        noteRead(files)
        switch format {
        case .text, .github: context.writeOut(textReport(programmes, context: context))
        case .json: context.writeOut(CheckReportFormats.json(programmes) + "\n")
        case .sarif: context.writeOut(CheckReportFormats.sarif(programmes) + "\n")
        case .junit: context.writeOut(CheckReportFormats.junit(programmes) + "\n")
        case .tap: context.writeOut(CheckReportFormats.tap(programmes, strict: strict))
        }
        return (status, files)
    }

    /// The text or GitHub report of `check DIR/...`: each programme's diagnostics (or annotations)
    /// and `PROGRAMME: SUMMARY`, then `N programmes: SUMMARY`.
    private func textReport(_ programmes: [ProgrammeRun<CheckRun>], context: CLIContext) -> String {
        var report = ""
        for programme in programmes {
            let name = DisplayText.escapeControls(programme.path)
            guard let outcome = programme.run else {
                report += "\(name): \(CheckReportFormats.notChecked)\n"
                continue
            }
            let summaryLine = "\(name): \(outcome.summaryLine)"
            if format == .github {
                report += GitHubAnnotations.render(outcome.shown, sources: outcome.engine.sources, summary: summaryLine)
            } else {
                let renderer = common.renderer(for: outcome.engine, isTerminal: context.stdoutIsTerminal, context: context)
                var cap = common.diagnosticCap()
                report += cap.render(outcome.shown, with: renderer) + cap.omittedLine + summaryLine + "\n"
            }
        }
        let count = programmes.count
        return report + "\(count) \(count == 1 ? "programme" : "programmes"): \(CheckSummary(adding: programmes.compactMap { $0.run?.summary }).line)\n"
    }

    /// Why `--until` is unusable (not a date, or before today), or nil.
    private func horizonProblem() -> Diagnostic? {
        switch StatusCommand.parseUntil(until) {
        case .failure(let failure): return failure.diagnostics.first
        case .success(let date): return date.flatMap { Engine.forecastHorizonProblem(until: $0, today: common.engineOptions().today) }
        }
    }

    /// One check and its report; returns the exit status and the files the programme read.
    /// `keeping` leaves the engine to the process's exit, which a watch must not (it would pile up).
    /// `noteRead` is given those files before the report is written.
    func checkOnce(_ paths: [String], context: CLIContext, keeping: Bool,
                   noteRead: ([String]) -> Void = { _ in }) -> (status: Int32, files: [String]) {
        let horizon = until.flatMap(EvaluationOptions.parseDate)
        let outcome = CheckRun.perform(paths: paths, common: common, context: context, showWaived: showWaived, until: horizon)
        if keeping { context.keepUntilExit(outcome.engine) }
        let files = outcome.engine.userFilePaths
        noteRead(files)
        // Nothing could be read: the I/O errors on standard error are the whole story, and a
        // report of "no problems in 0 files" would contradict them.
        if outcome.ioFailed && outcome.fileCount == 0 { return (MentorExit.usageOrIO, []) }
        let renderer = common.renderer(for: outcome.engine, isTerminal: context.stdoutIsTerminal, context: context)
        switch format {
        case .text:
            var cap = common.diagnosticCap()
            var text = cap.render(outcome.shown, with: renderer)
            text += cap.omittedLine + outcome.summaryLine + "\n"
            context.writeOut(text)
        case .json:
            context.writeOut(CheckReportFormats.json(outcome) + "\n")
        case .sarif:
            context.writeOut(CheckReportFormats.sarif(outcome) + "\n")
        case .junit:
            context.writeOut(CheckReportFormats.junit(outcome) + "\n")
        case .github:
            context.writeOut(CheckReportFormats.github(outcome))
        case .tap:
            context.writeOut(CheckReportFormats.tap(outcome, strict: strict))
        }
        if outcome.ioFailed { return (MentorExit.usageOrIO, files) }
        if outcome.errorCount > 0 || (strict && outcome.warningCount > 0) { return (MentorExit.programErrors, files) }
        return (MentorExit.success, files)
    }
}

/// One run of the checker, shared by every output format.
struct CheckRun {
    let engine: Engine
    let diagnostics: [Diagnostic]
    let rules: [(name: String, title: String?, diagnostics: [Diagnostic])]
    let fileCount: Int
    let ioFailed: Bool
    /// `--show-waived`: waived violations are reported (as notes in text, with their waiver in data).
    let showWaived: Bool

    /// What the text, GitHub and TAP reports list: the diagnostics, without the waived
    /// violations, or with them as notes under `--show-waived`.
    var shown: [Diagnostic] {
        showWaived ? diagnostics.map(\.shownAsWaived) : diagnostics.filter { !$0.isWaived }
    }

    /// What the JSON report lists: as `shown`, but a waived violation keeps its severity and
    /// carries its `waiver`.
    var listed: [Diagnostic] {
        showWaived ? diagnostics : diagnostics.filter { !$0.isWaived }
    }

    var errorCount: Int { summary.errors }
    var warningCount: Int { summary.warnings }
    var summaryLine: String { summary.line }
    var summary: CheckSummary { CheckSummary(diagnostics: diagnostics, fileCount: fileCount) }

    static func perform(paths: [String], common: CommonOptions, context: CLIContext, showWaived: Bool = false,
                        until: CivilDate? = nil) -> CheckRun {
        var options = common.engineOptions()
        // `check` shows a few lines of its files: their text is read again for those.
        options.givesBackSourceText = true
        let engine = Engine(options: options, output: context.writeErr)
        let read = SourceDiscovery.readSources(paths, into: engine, report: context.writeErr)
        let checked = engine.loadAndCheck(read.files)
        var diagnostics = ProgrammeSelection.hintingPatterns(checked.diagnostics, paths: paths, sources: engine.sources, command: "check")
        if checked.elaborated, let until {
            diagnostics = engine.sources.inReadingOrder(diagnostics + engine.forecastNotes(until: until))
        }
        return CheckRun(engine: engine, diagnostics: diagnostics, rules: checked.rules,
                        fileCount: engine.userFiles.count, ioFailed: read.ioFailed, showWaived: showWaived)
    }
}
