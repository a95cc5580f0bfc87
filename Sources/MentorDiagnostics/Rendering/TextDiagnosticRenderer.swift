/// Renders diagnostics for people: a GNU-style first line that editors and CI parse
/// (`path:line:column: severity: message [code]`), then a rustc-style source snippet.
///
/// The layout, the column rule and the colour rule are described in
/// `docs/diagnostics/README-format.md`.
public struct TextDiagnosticRenderer: Sendable {
    /// The files the diagnostics' spans point into.
    public let sources: SourceMap
    /// Whether to emit ANSI colour escapes.
    public let useColor: Bool

    /// Creates a renderer over `sources`; resolve `useColor` with `ColorChoice.resolve`.
    public init(sources: SourceMap, useColor: Bool) {
        self.sources = sources
        self.useColor = useColor
    }

    /// Renders diagnostics in order, each followed by a blank line (as rustc does).
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        for diagnostic in diagnostics { output += render(diagnostic) + "\n" }
        return output
    }

    /// Renders one diagnostic; every line, the last included, ends with a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        let style = ANSIStyle(enabled: useColor)
        let severityColor = ANSIStyle.color(of: diagnostic.severity)
        let primaryFile = sources.file(diagnostic.span.file)

        // Placement: which annotations go in which file's snippet, and what becomes a trailing line.
        var caretLabel = diagnostic.primaryLabel.map(DisplayText.escapeControls) ?? ""
        var helpSuggestions = diagnostic.suggestions
        if diagnostic.primaryLabel == nil, diagnostic.suggestions.count == 1, primaryFile != nil {
            caretLabel = Self.text(of: diagnostic.suggestions[0])
            helpSuggestions = []
        }
        var groups: [(file: SourceFile, annotations: [SnippetAnnotation])] = []
        func place(_ annotation: SnippetAnnotation, in file: SourceFile) {
            if let index = groups.firstIndex(where: { $0.file.id == file.id }) {
                groups[index].annotations.append(annotation)
            } else {
                groups.append((file, [annotation]))
            }
        }
        if let primaryFile {
            place(SnippetAnnotation(span: diagnostic.span, label: caretLabel, isPrimary: true), in: primaryFile)
        }
        var plainNotes: [String] = []
        for label in diagnostic.labels {
            let message = DisplayText.escapeControls(label.message)
            if let file = sources.file(label.span.file) {
                place(SnippetAnnotation(span: label.span, label: message, isPrimary: false), in: file)
            } else if !message.isEmpty {
                plainNotes.append(message)
            }
        }
        var spannedNotes: [(file: SourceFile, note: DiagnosticNote)] = []
        for note in diagnostic.notes {
            if let span = note.span, let file = sources.file(span.file) {
                spannedNotes.append((file, note))
            } else {
                plainNotes.append(DisplayText.escapeControls(note.message))
            }
        }

        let gutterWidth = Self.gutterWidth(
            groups.map { ($0.file, $0.annotations) }
                + spannedNotes.map { ($0.file, [Self.noteAnnotation($0.note)]) }
        )
        func snippet(for file: SourceFile) -> SnippetRenderer {
            SnippetRenderer(file: file, gutterWidth: gutterWidth, style: style, primaryColor: severityColor)
        }

        // Header.
        var lines: [String] = []
        var header = ""
        if let primaryFile {
            header = Self.locationText(diagnostic.span.start, in: primaryFile) + ": "
        }
        header += style.paint(diagnostic.severity.rawValue + ":", severityColor) + " "
        header += style.paint(DisplayText.escapeControls(diagnostic.message), ANSIStyle.bold)
        header += " [\(diagnostic.code)]"
        lines.append(header)

        // Snippets, the primary file's first.
        for group in groups {
            let renderer = snippet(for: group.file)
            if group.file.id != primaryFile?.id {
                let first = group.annotations.map(\.span.start).min() ?? 0
                let location = Self.locationText(first, in: group.file)
                lines.append(String(repeating: " ", count: gutterWidth) + style.paint(":::", ANSIStyle.gutter) + " " + location)
            }
            lines.append(renderer.blankGutter)
            lines += renderer.render(group.annotations)
        }

        // Trailing `= note:` and `= help:` lines belong to the snippet above them.
        let trailingIndent = String(repeating: " ", count: gutterWidth + 1) + style.paint("=", ANSIStyle.gutter) + " "
        for note in plainNotes {
            lines.append(trailingIndent + style.paint("note:", ANSIStyle.annotation) + " " + note)
        }
        if let help = diagnostic.help {
            lines.append(trailingIndent + style.paint("help:", ANSIStyle.annotation) + " " + DisplayText.escapeControls(help))
        }
        for suggestion in helpSuggestions {
            lines.append(trailingIndent + style.paint("help:", ANSIStyle.annotation) + " " + Self.text(of: suggestion))
        }

        // Notes that point somewhere: their own header and snippet.
        for (file, note) in spannedNotes {
            let location = Self.locationText(note.span?.start ?? 0, in: file)
            lines.append(style.paint("note:", ANSIStyle.annotation) + " " + location + ": " + DisplayText.escapeControls(note.message))
            let renderer = snippet(for: file)
            lines.append(renderer.blankGutter)
            lines += renderer.render([Self.noteAnnotation(note)])
        }

        var output = ""
        for line in lines { output += line + "\n" }
        return output
    }

    /// `path:line:column` of a byte offset, with the path shown as given (control characters escaped).
    static func locationText(_ offset: UInt32, in file: SourceFile) -> String {
        let location = file.location(of: offset)
        return DisplayText.escapeControls(file.path) + ":\(location.line):\(location.column)"
    }

    private static func noteAnnotation(_ note: DiagnosticNote) -> SnippetAnnotation {
        SnippetAnnotation(span: note.span ?? .unknown, label: "", isPrimary: false)
    }

    private static func text(of suggestion: Suggestion) -> String {
        if !suggestion.message.isEmpty { return DisplayText.escapeControls(suggestion.message) }
        return "did you mean `" + DisplayText.escapeControls(suggestion.replacement) + "`?"
    }

    // Digits of the largest line number any snippet of the diagnostic shows (at least one).
    private static func gutterWidth(_ snippets: [(SourceFile, [SnippetAnnotation])]) -> Int {
        var largest = 1
        for (file, annotations) in snippets {
            if let last = SnippetRenderer.shownLines(for: annotations, in: file).last {
                largest = max(largest, last + 1)
            }
        }
        return String(largest).count
    }
}
