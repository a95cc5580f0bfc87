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

/// `mentor fmt [--check | -w] [PATH…]`: prints, checks or rewrites files in the canonical layout.
struct FmtCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format Mentor source in the canonical layout (docs/formatting.md); directories are searched for *.mentor.",
        discussion: """
            Without flags, prints the formatted text (of standard input when no path is given). \
            Exit status: 0 done (or nothing to change with --check), 1 syntax errors or files that would change, \
            2 usage or I/O errors.
            """)

    @OptionGroup var output: OutputOptions

    @Flag(help: "List the files whose layout would change (exit 1 if any); change nothing.")
    var check = false

    @Flag(name: [.customShort("w"), .long], help: "Rewrite changed files in place (atomically, keeping their permissions).")
    var write = false

    @Argument(help: "Files or directories to format (default: standard input).")
    var paths: [String] = []

    func validate() throws {
        if check && write { throw ValidationError("--check and --write cannot be used together") }
        if write && paths.isEmpty { throw ValidationError("--write needs a file or directory to rewrite") }
    }

    func execute(_ context: CLIContext) -> Int32 {
        let mode: FmtRun.Mode = check ? .check : write ? .write : .print
        var run = FmtRun(mode: mode, context: context, useColor: output.color.resolve(
            isTerminal: context.stderrIsTerminal, environment: context.environment), cap: output.diagnosticCap())
        return run.perform(paths: paths)
    }
}

/// One run of `mentor fmt` over its inputs.
struct FmtRun {
    /// What to do with formatted text.
    enum Mode { case print, check, write }

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
        if syntaxFailed || (mode == .check && changed) { return MentorExit.programErrors }
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
        case .check:
            if !formatted.utf8.elementsEqual(bytes) {
                changed = true
                context.writeOut(DisplayText.escapeControls(path) + "\n")
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
