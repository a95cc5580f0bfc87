import ArgumentParser
import MentorLSP

/// `mentor lsp`: the language server, speaking LSP over standard input and output.
struct LspCommand: ParsableCommand, MentorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17) over standard input and output, for editors.",
        discussion: """
            The workspace folders the editor names are the programme, searched as `check` searches \
            them; open buffers stand in for their files. See docs/editors.md. Exit status: 0 after \
            the client's shutdown and exit, 1 when the client exits or disconnects without shutdown.
            """)

    // What the server evaluates with; it writes no diagnostics as text, so `--color` and
    // `--max-diagnostics` would mean nothing to it (`refusedOption` turns them away).
    @OptionGroup var evaluation: EvaluationOptions

    // Editors' LSP clients pass this to say the transport; standard streams are the only one.
    @Flag(help: "Talk over standard input and output (the default and only transport).")
    var stdio = false

    func execute(_ context: CLIContext) -> Int32 {
        LanguageServer(options: evaluation.engineOptions(), log: context.writeErr).run()
    }
}

extension LspCommand {
    /// The options of the text renderer, which the server never uses.
    static let refusedOptions = ["--color", "--max-diagnostics"]

    /// The usage error for `--color` or `--max-diagnostics` in the arguments of `mentor lsp`, or
    /// nil. swift-argument-parser lets a subcommand's command line, before or after its name,
    /// carry its parent's options, and `mentor` itself takes these two (for the REPL it
    /// starts), so the parser would accept and drop them; they are refused here instead.
    static func refusedOption(in arguments: [String]) -> String? {
        for argument in arguments {
            if argument == "--" { break }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if refusedOptions.contains(name) {
                return "Error: \(name) means nothing to `mentor lsp`: the server sends diagnostics as protocol data, never as text\n"
                    + "Usage: \(MentorCommand.usageString(for: LspCommand.self))\n"
                    + "  See 'mentor lsp --help' for more information."
            }
        }
        return nil
    }
}
