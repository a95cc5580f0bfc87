import ArgumentParser
import MentorDiagnostics
import MentorRuntime
import enum MentorSyntax.SourceFormatter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorSource

/// `mentor fmt [--check | -l | --diff | -w] [PATH…]`: prints, checks, lists, diffs or rewrites files in the canonical layout.
struct FmtCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format Mentor source in the canonical layout (docs/formatting.md); directories are searched for *.mentor.",
        discussion: """
            Without flags, prints the formatted text (of standard input when no path is given). \
            --check, --list and --diff change nothing and exit 1 when a file would change: --check alone lists the files, \
            as --list does, and --check --diff is --diff. --write excludes the other three; --list excludes --diff. \
            Exit status: 0 done (or nothing to change with --check, --list or --diff), 1 syntax errors or files that would change, \
            2 usage or I/O errors.
            """)

    @OptionGroup var output: OutputOptions

    @Flag(help: "Change nothing; exit 1 if a file's layout would change, listing it (with --diff: showing the diff).")
    var check = false

    @Flag(name: [.customShort("l"), .long], help: "List the files whose layout would change, one per line (exit 1 if any); change nothing.")
    var list = false

    @Flag(help: "Print a unified diff of what --write would change (exit 1 if anything); change nothing.")
    var diff = false

    @Flag(name: [.customShort("w"), .long], help: "Rewrite changed files in place (atomically, keeping their permissions).")
    var write = false

    @Argument(help: "Files or directories to format (default: standard input).", completion: .file(extensions: ["mentor"]))
    var paths: [String] = []

    func validate() throws {
        // --write changes files and the others promise not to; --list and --diff are two
        // reports for one standard output (a list mixed into a diff is no longer a patch).
        if check && write { throw ValidationError("--check and --write cannot be used together") }
        if list && write { throw ValidationError("--list and --write cannot be used together") }
        if diff && write { throw ValidationError("--diff and --write cannot be used together") }
        if diff && list { throw ValidationError("--diff and --list cannot be used together") }
        if write && paths.isEmpty { throw ValidationError("--write needs a file or directory to rewrite") }
    }

    func execute(_ context: CLIContext) -> Int32 {
        let mode: FmtRun.Mode = diff ? .diff : (check || list) ? .list : write ? .write : .print
        var run = FmtRun(mode: mode, context: context, useColor: output.color.resolve(
            isTerminal: context.stderrIsTerminal, environment: context.environment), cap: output.diagnosticCap())
        // Formatting is per file, so `DIR/...` (every programme in DIR) is the files under DIR,
        // and the command that checks `Examples/...` formats `Examples/...` too.
        return run.perform(paths: paths.map { ProgrammePattern($0)?.folder ?? $0 })
    }
}

/// One run of `mentor fmt` over its inputs.
struct FmtRun {
    /// What to do with formatted text.
    enum Mode { case print, list, diff, write }

    /// Replaces a file's contents, if it is still as it was read; the seam through which tests
    /// make writing fail.
    typealias Replace = (_ path: String, _ bytes: [UInt8], _ read: FileIdentity) throws(FileWriteError) -> Void

    let mode: Mode
    let context: CLIContext
    let useColor: Bool
    /// `--max-diagnostics` over every file's syntax errors together.
    var cap: DiagnosticCap
    var replace: Replace = { path, bytes, read throws(FileWriteError) in
        try AtomicFileWriter().write(bytes, to: path, unchangedSince: read)
    }
    private var ioFailed = false
    private var syntaxFailed = false
    private var changed = false

    init(mode: Mode, context: CLIContext, useColor: Bool, cap: DiagnosticCap) {
        self.mode = mode
        self.context = context
        self.useColor = useColor
        self.cap = cap
    }

    /// Formats every input and returns the exit code.
    mutating func perform(paths: [String]) -> Int32 {
        if paths.isEmpty {
            switch context.readStandardInput() {
            case .success(let bytes): format(path: "<stdin>", bytes: bytes, identity: nil)
            case .failure(let error): ioError("<stdin>", "cannot read: \(error.reason)", code: .fmtCannotRead)
            }
        } else {
            SourceDiscovery.forEachSource(paths, reader: FileSystemReader()) { event in
                switch event {
                case .linkLoop(let path, let reason):
                    context.writeErr("mentor: warning: '\(DisplayText.escapeControls(path))': \(reason)\n")
                case .unreadable(let path, let reason):
                    ioError(path, "cannot read: \(reason)", code: .fmtCannotRead)
                case .file(let path, let bytes, let identity):
                    format(path: path, bytes: bytes, identity: identity)
                }
            }
        }
        context.writeErr(cap.omittedLine)
        if ioFailed { return MentorExit.usageOrIO }
        if syntaxFailed || ((mode == .list || mode == .diff) && changed) { return MentorExit.programErrors }
        return MentorExit.success
    }

    private mutating func format(path: String, bytes: [UInt8], identity: FileIdentity?) {
        // A map per file: formatting one file needs nothing of the others, and one map for the
        // run would keep the bytes of every file of a large tree until the end.
        let sources = SourceMap()
        let file = sources.add(path: path, bytes: bytes)
        let outcome = SourceFormatter.format(file)
        guard let formatted = outcome.formatted else {
            syntaxFailed = true
            let renderer = TextDiagnosticRenderer(sources: sources, useColor: useColor)
            context.writeErr(cap.render(outcome.diagnostics, with: renderer))
            return
        }
        switch mode {
        case .print:
            context.writeOut(formatted)
        case .list:
            if !formatted.utf8.elementsEqual(bytes) {
                changed = true
                context.writeOut(DisplayText.escapeControls(path) + "\n")
            }
        case .diff:
            // The text lines go out as they are, as the formatted text does without --diff, so
            // `patch` applies them; only the names in the header are escaped, as every path is.
            let name = DisplayText.escapeControls(path)
            if let diff = UnifiedDiff.render(old: bytes, new: Array(formatted.utf8), oldLabel: "a/" + name, newLabel: "b/" + name) {
                changed = true
                context.writeOut(diff)
            }
        case .write:
            let output = Array(formatted.utf8)
            guard output != bytes, let identity else { return }
            do {
                try replace(path, output, identity)
            } catch {
                reportUnwritten(path, error)
            }
        }
    }

    private mutating func reportUnwritten(_ path: String, _ error: FileWriteError) {
        switch error {
        case .system(let error):
            ioError(path, "cannot write: \(error.operation) \(DisplayText.escapeControls(error.path)) failed: \(error.reason); the file is unchanged",
                    code: .fmtCannotWrite)
        case .changedSinceRead(let target):
            ioError(path, "\(Self.naming(target, for: path)) changed while it was being formatted; it was not rewritten, run fmt again",
                    code: .fmtFileChanged)
        case .hardLinked(let target, let links):
            ioError(path, "\(Self.naming(target, for: path)) has \(links) hard links, which rewriting it would break; it was not rewritten",
                    code: .fmtHardLinked)
        }
    }

    /// "its target T" when `path` is a link to `target`, so the message says which file.
    private static func naming(_ target: String, for path: String) -> String {
        target == path ? "the file" : "its target \(DisplayText.escapeControls(target))"
    }

    /// `PATH: error: MESSAGE [CODE]` on standard error; the run exits 2.
    private mutating func ioError(_ path: String, _ message: String, code: DiagnosticCode) {
        ioFailed = true
        context.writeErr("\(DisplayText.escapeControls(path)): error: \(message) [\(code)]\n")
    }
}
