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

    @OptionGroup var common: CommonOptions

    // Editors' LSP clients pass this to say the transport; standard streams are the only one.
    @Flag(help: "Talk over standard input and output (the default and only transport).")
    var stdio = false

    func execute(_ context: CLIContext) -> Int32 {
        LanguageServer(options: common.engineOptions(), log: context.writeErr).run()
    }
}
