import ArgumentParser
import MentorDiagnostics
import MentorRuntime

/// `mentor doc [PATH…] [-o DIR]`: the programme's documentation, from its declarations and `///` comments.
struct DocCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "Document the programme: defaults, competencies and prerequisites, pathways, rules (Markdown and HTML).",
        discussion: """
            With -o DIR, writes DIR/programme.md and DIR/programme.html (each replaced atomically); \
            without, prints the Markdown. Exit status: 0 written, 1 errors in the programme, 2 usage or I/O errors.
            """)

    @OptionGroup var common: CommonOptions

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write programme.md and programme.html into this folder (made when missing).", valueName: "dir"), completion: .directory)
    var output: String?

    @Argument(help: "Files or folders to load (default: the current directory).", completion: .file(extensions: ["mentor"]))
    var paths: [String] = []

    func validate() throws {
        if output == "" { throw ValidationError("-o needs a folder") }
    }

    func execute(_ context: CLIContext) -> Int32 {
        let engine = Engine(options: common.engineOptions(), output: context.writeErr)
        context.keepUntilExit(engine)
        let renderer = common.renderer(for: engine, isTerminal: context.stderrIsTerminal, context: context)
        if case .stopped(let status) = WholeProgrammeLoad.load(paths, into: engine, common: common, renderer: renderer, context: context, command: "doc", nothing: "nothing documented") { return status }
        let documentation: ProgrammeDocumentation
        switch engine.documentation() {
        case .failure(let failure):
            context.writeErr(renderer.render(failure.diagnostics))
            return MentorExit.programErrors
        case .success(let found):
            documentation = found
        }
        guard let output else {
            context.writeOut(documentation.markdown)
            return MentorExit.success
        }
        let folder = output.hasSuffix("/") ? output : output + "/"
        do {
            try POSIXFile.makeDirectories(output, mode: 0o755)
            for (name, text) in [("programme.md", documentation.markdown), ("programme.html", documentation.html)] {
                do {
                    try AtomicFileWriter().write(Array(text.utf8), to: folder + name, newFileMode: 0o644)
                } catch {
                    throw FileError(path: folder + name, operation: "write", refusal: error.reason)
                }
            }
        } catch {
            context.writeErr(renderer.render([Diagnostic(
                .outputFolderUnwritable, .error, "cannot write the documentation to `\(DisplayText.escapeControls(output))`: \(error)",
                at: .unknown, help: "choose a folder you can write; files already there are replaced whole or left as they were")]))
            return MentorExit.usageOrIO
        }
        context.writeOut("wrote \(folder)programme.md and \(folder)programme.html\n")
        return MentorExit.success
    }
}
