import ArgumentParser
import MentorDiagnostics
import MentorRuntime
import MentorSource

/// Output formats of `mentor test`.
enum TestFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, tap
}

/// `mentor test [PATH…]`: runs `test` blocks.
struct TestCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run the `test` blocks of a programme.",
        discussion: "Prints each test's result and a summary line `N passed, M failed`; exits 1 if any test fails.")

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Output format: text, json, junit or tap.", valueName: "format"))
    var format: TestFormat = .text

    @Option(name: .customLong("run"),
            help: ArgumentHelp("Run only the tests whose name matches this regular expression.", valueName: "regex"))
    var namePattern: String?

    @Flag(help: "Test again whenever a file of the programme changes, until Ctrl-C.")
    var watch = false

    @Argument(help: "Files or directories of one programme (default: the current directory); DIR/... tests each programme in DIR on its own.", completion: .file(extensions: ["mentor"]))
    var paths: [String] = []

    func validate() throws {
        if let namePattern {
            do {
                _ = try Regex(namePattern)
            } catch {
                throw ValidationError("--run needs a regular expression, and '\(namePattern)' is not one: \(error)")
            }
        }
    }

    func execute(_ context: CLIContext) -> Int32 {
        let paths = paths.isEmpty ? ["."] : paths
        let patterns: [ProgrammePattern]
        switch ProgrammeSelection.select(paths, command: "test") {
        case .invalid(let problem):
            return common.reportUsage(problem, context: context)
        case .one(let paths):
            guard watch else { return testOnce(paths, context: context, keeping: true).status }
            return WatchLoop(command: "test", paths: paths).run(context: context) { noteRead in
                testOnce(paths, context: context, keeping: false, noteRead: noteRead)
            }
        case .each(let selected):
            patterns = selected
        }
        guard watch else { return testEach(patterns, context: context, keeping: true).status }
        return WatchLoop(command: "test", paths: ProgrammeSelection.watchedFolders(patterns)).run(context: context) { noteRead in
            testEach(patterns, context: context, keeping: false, noteRead: noteRead)
        }
    }

    /// `test DIR/...`: each programme the patterns name is tested on its own, as `test PROGRAMME`
    /// would test it. As text, its report ends in `PROGRAMME: N passed, M failed` (or `PROGRAMME:
    /// tests not run: …`) and follows what its tests `print`, before the next programme runs; a
    /// last line adds them up. The machine formats hold every programme in one document, written
    /// at the end (what the tests `print` goes to standard error). The exit status is the worst
    /// of the programmes'.
    func testEach(_ patterns: [ProgrammePattern], context: CLIContext, keeping: Bool,
                  noteRead: ([String]) -> Void = { _ in }) -> (status: Int32, files: [String]) {
        let filter = namePattern.flatMap { try? Regex($0) }
        let selected = ProgrammeSelection.programmes(patterns, context: context)
        // No folder could be listed: the I/O errors are the whole story, as for one programme.
        if selected.ioFailed && selected.programmes.isEmpty { return (MentorExit.usageOrIO, []) }
        var status = selected.ioFailed ? MentorExit.usageOrIO : MentorExit.success
        var files: [String] = []
        var programmes: [ProgrammeRun<TestRun>] = []
        // A machine format owns standard output, so what the tests `print` goes to standard error.
        let output = format == .text ? context.writeOut : context.writeErr
        for programme in selected.programmes {
            let outcome = TestRun.perform(paths: [programme], common: common, filter: filter, output: output, context: context)
            if keeping { context.keepUntilExit(outcome.engine) }
            files += outcome.engine.userFilePaths
            let run = outcome.ioFailed && outcome.fileCount == 0 ? nil : outcome
            programmes.append(ProgrammeRun(path: programme, run: run))
            if format == .text { context.writeOut(textReport(ProgrammeRun(path: programme, run: run), context: context)) }
            if outcome.ioFailed {
                status = max(status, MentorExit.usageOrIO)
            } else if !outcome.succeeded {
                status = max(status, MentorExit.programErrors)
            }
        }
        noteRead(files)
        switch format {
        case .text: context.writeOut(textTotal(programmes))
        case .json: context.writeOut(TestReportFormats.json(programmes) + "\n")
        case .junit: context.writeOut(TestReportFormats.junit(programmes) + "\n")
        case .tap: context.writeOut(TestReportFormats.tap(programmes))
        }
        return (status, files)
    }

    /// One programme's part of the text report of `test DIR/...`: its report as for one
    /// programme, the summary line prefixed with the programme's path.
    private func textReport(_ programme: ProgrammeRun<TestRun>, context: CLIContext) -> String {
        let name = DisplayText.escapeControls(programme.path)
        guard let outcome = programme.run else { return "\(name): \(TestReportFormats.notTested)\n" }
        let renderer = common.renderer(for: outcome.engine, isTerminal: context.stdoutIsTerminal, context: context)
        var text = TestReportFormats.text(outcome, renderer: renderer, cap: common.diagnosticCap())
        // The single-programme report ends with its summary line, which gets the programme's name.
        let lastLine = text.dropLast().lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        text.insert(contentsOf: "\(name): ", at: lastLine)
        return text
    }

    /// The last line of the text report of `test DIR/...`: the programmes' counts added up.
    private func textTotal(_ programmes: [ProgrammeRun<TestRun>]) -> String {
        let runs = programmes.compactMap(\.run)
        let passed = runs.reduce(0) { $0 + $1.passedCount }, failed = runs.reduce(0) { $0 + $1.failedCount }
        let notRun = runs.count { !$0.programmeErrors.isEmpty }
        let count = programmes.count
        var total = "\(count) \(count == 1 ? "programme" : "programmes"): \(passed) passed, \(failed) failed"
        if notRun > 0 { total += "; tests not run in \(notRun) with errors" }
        return total + "\n"
    }

    /// One run of the tests and its report; returns the exit status and the files the programme read.
    /// `noteRead` is given those files before the report is written.
    func testOnce(_ paths: [String], context: CLIContext, keeping: Bool,
                  noteRead: ([String]) -> Void = { _ in }) -> (status: Int32, files: [String]) {
        // Checked by `validate`, which runs before `execute`.
        let filter = namePattern.flatMap { try? Regex($0) }
        // A machine format owns standard output, so what the tests `print` goes to standard error.
        let output = format == .text ? context.writeOut : context.writeErr
        let outcome = TestRun.perform(paths: paths, common: common, filter: filter, output: output, context: context)
        if keeping { context.keepUntilExit(outcome.engine) }
        let files = outcome.engine.userFilePaths
        noteRead(files)
        // Nothing could be read: only the I/O errors, as for `check`.
        if outcome.ioFailed && outcome.fileCount == 0 { return (MentorExit.usageOrIO, []) }
        switch format {
        case .text:
            let renderer = common.renderer(for: outcome.engine, isTerminal: context.stdoutIsTerminal, context: context)
            context.writeOut(TestReportFormats.text(outcome, renderer: renderer, cap: common.diagnosticCap()))
        case .json:
            context.writeOut(TestReportFormats.json(outcome) + "\n")
        case .junit:
            context.writeOut(TestReportFormats.junit(outcome) + "\n")
        case .tap:
            context.writeOut(TestReportFormats.tap(outcome))
        }
        if outcome.ioFailed { return (MentorExit.usageOrIO, files) }
        return (outcome.succeeded ? MentorExit.success : MentorExit.programErrors, files)
    }
}

/// One run of `mentor test`, shared by every output format.
struct TestRun {
    let engine: Engine
    /// The programme's errors, in reading order; when there are any, no test ran.
    let programmeErrors: [Diagnostic]
    /// The results of the tests selected by `--run` (every test without it), in declaration order.
    let results: [TestResult]
    /// The user's files loaded (imports included, the standard library not).
    let fileCount: Int
    let ioFailed: Bool

    /// The tests that passed.
    var passedCount: Int { results.count(where: \.passed) }
    /// The tests that failed.
    var failedCount: Int { results.count - passedCount }
    /// True when the tests ran and every one passed.
    var succeeded: Bool { programmeErrors.isEmpty && failedCount == 0 }

    /// Loads `paths` and, if the programme has no errors, runs its tests; `print` goes to `output`.
    static func perform(paths: [String], common: CommonOptions, filter: Regex<AnyRegexOutput>?,
                        output: @escaping (String) -> Void, context: CLIContext) -> TestRun {
        let engine = Engine(options: common.engineOptions(), output: output)
        let read = SourceDiscovery.readSources(paths, into: engine, report: context.writeErr)
        let loaded = engine.load(read.files)
        let errors = ProgrammeSelection.hintingPatterns(loaded.diagnostics.filter { $0.severity == .error },
                                                        paths: paths, sources: engine.sources, command: "test")
        var results: [TestResult] = []
        if errors.isEmpty {
            results = engine.runTests { name in filter.map { name.contains($0) } ?? true }
        }
        return TestRun(engine: engine, programmeErrors: engine.sources.inReadingOrder(errors), results: results,
                       fileCount: engine.userFiles.count, ioFailed: read.ioFailed)
    }
}
