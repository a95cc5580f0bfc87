import MentorSource
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
        let plan = plan(diagnostic, primaryFile: primaryFile)
        let gutterWidth = Self.gutterWidth(
            plan.snippets.map { ($0.file, $0.annotations) }
                + plan.spannedNotes.map { ($0.file, [Self.noteAnnotation($0.note)]) }
        )
        func snippet(for file: SourceFile) -> SnippetRenderer {
            SnippetRenderer(file: file, gutterWidth: gutterWidth, style: style, primaryColor: severityColor)
        }

        var header = ""
        if let primaryFile {
            header = Self.locationText(diagnostic.span.start, in: primaryFile) + ": "
        }
        header += style.paint(diagnostic.severity.rawValue + ":", severityColor) + " "
        header += style.paint(DisplayText.escapeControls(diagnostic.message), ANSIStyle.bold)
        if let rule = diagnostic.rule { header += " [\(DisplayText.escapeControls(rule))]" }
        header += " [\(diagnostic.code)]"
        var lines = [header]

        // A file changed since `check` gave its text back has no lines to show: only its place.
        for (file, annotations) in plan.snippets where file.isTextCurrent {
            let renderer = snippet(for: file)
            if file.id != primaryFile?.id {
                let first = annotations.map(\.span.start).min() ?? 0
                lines.append(
                    String(repeating: " ", count: gutterWidth) + style.paint(":::", ANSIStyle.gutter) + " "
                        + Self.locationText(first, in: file)
                )
            }
            lines.append(renderer.blankGutter)
            lines += renderer.render(annotations)
        }

        let trailingIndent = String(repeating: " ", count: gutterWidth + 1) + style.paint("=", ANSIStyle.gutter) + " "
        for (kind, text) in plan.trailing {
            lines.append(trailingIndent + style.paint(kind + ":", ANSIStyle.annotation) + " " + text)
        }

        for (file, note) in plan.spannedNotes {
            let location = Self.locationText(note.span?.start ?? 0, in: file)
            lines.append(style.paint("note:", ANSIStyle.annotation) + " " + location + ": " + DisplayText.escapeControls(note.message))
            guard file.isTextCurrent else { continue }
            let renderer = snippet(for: file)
            lines.append(renderer.blankGutter)
            lines += renderer.render([Self.noteAnnotation(note)])
        }

        var output = ""
        for line in lines { output += line + "\n" }
        return output
    }

    /// Where each part of a diagnostic goes, with all text already escaped for display.
    private struct Plan {
        /// Snippets in order, the primary span's file first.
        var snippets: [(file: SourceFile, annotations: [SnippetAnnotation])] = []
        /// `= note:` and `= help:` lines under the snippets: (kind, text).
        var trailing: [(kind: String, text: String)] = []
        /// Notes with a known place, each shown with its own header and snippet.
        var spannedNotes: [(file: SourceFile, note: DiagnosticNote)] = []

        mutating func place(_ annotation: SnippetAnnotation, in file: SourceFile) {
            if let index = snippets.firstIndex(where: { $0.file.id == file.id }) {
                snippets[index].annotations.append(annotation)
            } else {
                snippets.append((file, [annotation]))
            }
        }
    }

    private func plan(_ diagnostic: Diagnostic, primaryFile: SourceFile?) -> Plan {
        var plan = Plan()
        var caretLabel = diagnostic.primaryLabel.map(DisplayText.escapeControls) ?? ""
        var helpSuggestions = diagnostic.suggestions
        if diagnostic.primaryLabel == nil, diagnostic.suggestions.count == 1, primaryFile != nil {
            caretLabel = Self.text(of: diagnostic.suggestions[0])
            helpSuggestions = []
        }
        if let primaryFile {
            plan.place(SnippetAnnotation(span: diagnostic.span, label: caretLabel, isPrimary: true), in: primaryFile)
        }
        for label in diagnostic.labels {
            let message = DisplayText.escapeControls(label.message)
            if let file = sources.file(label.span.file) {
                plan.place(SnippetAnnotation(span: label.span, label: message, isPrimary: false), in: file)
            } else if !message.isEmpty {
                plan.trailing.append(("note", message))
            }
        }
        for note in diagnostic.notes {
            if let span = note.span, let file = sources.file(span.file) {
                plan.spannedNotes.append((file, note))
            } else {
                plan.trailing.append(("note", DisplayText.escapeControls(note.message)))
            }
        }
        if let help = diagnostic.help {
            plan.trailing.append(("help", DisplayText.escapeControls(help)))
        }
        for suggestion in helpSuggestions {
            plan.trailing.append(("help", Self.text(of: suggestion)))
        }
        return plan
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
