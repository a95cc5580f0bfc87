import MentorDiagnostics
import MentorSource

extension DiagnosticCode {
    /// The source files of one programme (named, found in folders or imported) total more than
    /// `EngineOptions.maxSourceBytes`; documented in docs/diagnostics/tool.md.
    public static let programmeTooLarge = DiagnosticCode(615)
}

/// The limit on the total source of one programme, which bounds the memory `mentor` needs:
/// every file of a programme is parsed and resolved before anything runs, and that costs a
/// bounded number of bytes per source byte (docs/robustness.md, "Memory budget").
public enum ProgrammeSizeLimit {
    /// The default limit: as much as one file may hold (`FileSystemReader.maxFileSize`), so a
    /// programme may be one file at the file limit, or many smaller files up to the same total.
    public static let defaultMaxBytes = 64 << 20

    /// `N.N MiB`, one decimal, rounded up so a total just over the limit never reads as equal to it.
    static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 20) - 1) >> 20
        return "\(tenths / 10).\(tenths % 10) MiB"
    }

    /// The limit in the words of the messages: `64 MiB`, or bytes when it is not whole mebibytes.
    static func limitText(_ limit: Int) -> String {
        limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"
    }

    static let help = "check fewer files at once (each folder of agreements on its own), move data that is not needed out of the programme, or raise the limit with `--max-source MiB`"

    /// The files named for one load total more than `limit`: the programme is not parsed.
    static func namedFilesTooLarge(total: Int, limit: Int) -> Diagnostic {
        Diagnostic(.programmeTooLarge, .error,
                   "the programme's source files total \(mebibytes(total)), more than the limit of \(limitText(limit))",
                   at: .unknown, help: help)
    }

    /// An import would bring the programme's sources past `limit`.
    static func importTooLarge(_ relative: String, total: Int, limit: Int, at span: Span) -> Diagnostic {
        Diagnostic(.programmeTooLarge, .error,
                   "cannot import `\(DisplayText.escapeControls(relative))`: the programme's source files would total \(mebibytes(total)), more than the limit of \(limitText(limit))",
                   at: span, label: "this file is not loaded", help: help)
    }
}
