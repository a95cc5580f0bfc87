import MentorDiagnostics
import MentorSource

/// Where a span starts and ends in its file, as the line-oriented machine formats (GitHub
/// annotations, TAP) name it: 1-based lines, columns counting Unicode scalars, end exclusive,
/// the same numbers as `--format json` and SARIF.
struct DiagnosticPosition {
    /// The file's path as it was loaded, without a leading `./`.
    let path: String
    let line: Int
    let column: Int
    let endLine: Int
    let endColumn: Int

    /// The position of `span`, or nil when its file is unknown (a programme-wide diagnostic).
    init?(_ span: Span, in sources: SourceMap) {
        guard let file = sources.file(span.file) else { return nil }
        let size = UInt32(file.byteCount)
        let start = file.location(of: min(span.start, size))
        let end = file.location(of: min(span.end, size))
        path = file.path.hasPrefix("./") ? String(file.path.dropFirst(2)) : file.path
        line = start.line
        column = start.column
        endLine = end.line
        // An empty span still covers one column, as SARIF requires.
        endColumn = start.line == end.line ? max(end.column, start.column + 1) : end.column
    }
}
