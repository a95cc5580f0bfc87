import MentorDiagnostics
import MentorSource

/// GitHub Actions workflow commands (`::error file=F,line=L,…::MESSAGE`), which a workflow's
/// log turns into annotations on the lines of a pull request.
enum GitHubAnnotations {
    /// One command line per diagnostic, then `summary` as a plain log line.
    static func render(_ diagnostics: [Diagnostic], sources: SourceMap, summary: String) -> String {
        var output = ""
        for diagnostic in diagnostics { output += command(for: diagnostic, sources: sources) + "\n" }
        return output + summary + "\n"
    }

    /// `::error`, `::warning` or `::notice` with the diagnostic's place, a title naming its code
    /// (and the programme rule of a violation), and its message, notes and help as the text.
    static func command(for diagnostic: Diagnostic, sources: SourceMap) -> String {
        let name: String
        switch diagnostic.severity {
        case .error: name = "error"
        case .warning: name = "warning"
        case .note: name = "notice"
        }
        var properties: [(String, String)] = []
        if let position = DiagnosticPosition(diagnostic.span, in: sources) {
            // GitHub only places columns on a one-line range (its check-run annotations refuse others).
            let oneLine = position.line == position.endLine
            properties.append(("file", position.path))
            properties.append(("line", String(position.line)))
            if oneLine { properties.append(("col", String(position.column))) }
            properties.append(("endLine", String(position.endLine)))
            if oneLine { properties.append(("endColumn", String(position.endColumn))) }
        }
        properties.append(("title", diagnostic.rule.map { "\(diagnostic.code) \($0)" } ?? diagnostic.code.description))
        var lines = [diagnostic.message]
        for note in diagnostic.notes { lines.append("note: " + note.message) }
        if let help = diagnostic.help { lines.append("help: " + help) }
        // A log viewer is a terminal too: controls other than line breaks are shown, not obeyed.
        let message = DisplayText.escapeControls(lines.joined(separator: "\n"), keepingLineBreaks: true)
        let list = properties.map { "\($0.0)=\(escapeProperty(DisplayText.escapeControls($0.1)))" }.joined(separator: ",")
        return "::\(name) \(list)::\(escapeData(message))"
    }

    /// A command's message: `%`, carriage return and line feed percent-encoded, as the runner decodes them.
    static func escapeData(_ text: String) -> String {
        text.replacingScalars { scalar in
            switch scalar {
            case "%": "%25"
            case "\r": "%0D"
            case "\n": "%0A"
            default: nil
            }
        }
    }

    /// A property value: as `escapeData`, and also `:` and `,`, which end a value.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingScalars { scalar in
            switch scalar {
            case ":": "%3A"
            case ",": "%2C"
            default: nil
            }
        }
    }
}
