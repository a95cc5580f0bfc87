import MentorDiagnostics
import MentorSource

/// Checks shared by the targets: every diagnostic must point into a file that exists, inside
/// its bytes, or the renderer would read past the end of the source.
enum SpanChecks {
    /// Problems with the spans of `diagnostics`, whose files are in `sources`.
    static func violations(_ diagnostics: [Diagnostic], sources: SourceMap) -> [String] {
        var found: [String] = []
        for diagnostic in diagnostics {
            var spans = [diagnostic.span] + diagnostic.labels.map(\.span) + diagnostic.suggestions.map(\.span)
            spans += diagnostic.notes.compactMap(\.span)
            for span in spans where span != .unknown {
                guard let file = sources.file(span.file) else {
                    found.append("\(diagnostic.code) points into an unknown file \(span.file.index)")
                    continue
                }
                if span.start > span.end || Int(span.end) > file.bytes.count {
                    found.append("\(diagnostic.code) span \(span.start)..<\(span.end) outside \(file.path) (\(file.bytes.count) bytes)")
                }
            }
        }
        return found
    }

    /// Renders `diagnostics` in every format the tool prints, so the renderers see the same
    /// hostile text as the lexer; returns the text so the work is not optimised away.
    static func renderAll(_ diagnostics: [Diagnostic], sources: SourceMap) -> Int {
        let plain = TextDiagnosticRenderer(sources: sources, useColor: false).render(diagnostics)
        let colored = TextDiagnosticRenderer(sources: sources, useColor: true).render(diagnostics)
        let json = JSONDiagnosticRenderer.render(diagnostics, sources: sources)
        return plain.utf8.count + colored.utf8.count + json.utf8.count
    }
}
