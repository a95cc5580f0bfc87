import MentorSource
/// Draws the source lines of one file with their markers and labels, rustc style:
///
/// ```
///   |
/// 5 |   mentr: ana
///   |   ^^^^^ did you mean `mentor`?
/// ```
struct SnippetRenderer {
    let file: SourceFile
    /// Digits reserved for line numbers; shared by every snippet of one diagnostic so pipes align.
    let gutterWidth: Int
    let style: ANSIStyle
    /// Colour of primary markers and their label (the severity's colour).
    let primaryColor: String

    /// 0-based indices of the lines a snippet for `annotations` shows, ascending: each
    /// annotation's first line, plus a single unmarked line when it is all that separates two.
    static func shownLines(for annotations: [SnippetAnnotation], in file: SourceFile) -> [Int] {
        let marked = Set(annotations.map { file.lineIndex(of: clampedStart($0.span, in: file)) }).sorted()
        var lines: [Int] = []
        for line in marked {
            if let previous = lines.last, line - previous == 2 { lines.append(previous + 1) }
            lines.append(line)
        }
        return lines
    }

    /// The blank gutter line that opens and separates parts of a diagnostic: `  |`.
    var blankGutter: String {
        style.paint(String(repeating: " ", count: gutterWidth) + " |", ANSIStyle.gutter)
    }

    /// The snippet's lines (without the opening blank gutter line).
    func render(_ annotations: [SnippetAnnotation]) -> [String] {
        var byLine: [Int: [SnippetAnnotation]] = [:]
        for annotation in annotations {
            byLine[file.lineIndex(of: SnippetRenderer.clampedStart(annotation.span, in: file)), default: []]
                .append(annotation)
        }
        var output: [String] = []
        var previous: Int?
        for line in SnippetRenderer.shownLines(for: annotations, in: file) {
            if let previous, line - previous > 1 {
                output.append(style.paint("...", ANSIStyle.gutter))
            }
            previous = line
            let marks = byLine[line] ?? []
            let lineStart = Int(file.lineStarts[line])
            // The primary span first: it is the one a cut line keeps in view.
            let ranges = marks.sorted { $0.isPrimary && !$1.isPrimary }.map { annotation in
                let start = Int(SnippetRenderer.clampedStart(annotation.span, in: file)) - lineStart
                return start..<max(start, min(Int(annotation.span.end), file.byteCount) - lineStart)
            }
            let window = SnippetLineWindow(line: file.lineBytes(line), ranges: ranges)
            output.append(sourceLine(number: line + 1, window: window))
            if !marks.isEmpty {
                output += markerRows(marks, on: line, window: window)
            }
        }
        return output
    }

    private func sourceLine(number: Int, window: SnippetLineWindow) -> String {
        let digits = String(number)
        let gutter = String(repeating: " ", count: max(0, gutterWidth - digits.count)) + digits + " |"
        let painted = style.paint(gutter, ANSIStyle.gutter)
        let cut = style.paint(SnippetLineWindow.ellipsis, ANSIStyle.gutter)
        let text = (window.cutBefore ? cut : "") + window.shown.text + (window.cutAfter ? cut : "")
        return text.isEmpty ? painted : painted + " " + text
    }

    private struct Marker {
        var start: Int
        var width: Int
        var label: String
        var isPrimary: Bool
    }

    private func markerRows(_ annotations: [SnippetAnnotation], on line: Int, window: SnippetLineWindow) -> [String] {
        let lineStart = Int(file.lineStarts[line])
        let markers = annotations.map { annotation -> Marker in
            let start = Int(SnippetRenderer.clampedStart(annotation.span, in: file)) - lineStart
            let end = min(Int(annotation.span.end), file.byteCount) - lineStart
            let columns = window.markerColumns(start: start, end: end)
            return Marker(start: columns.start, width: columns.width, label: annotation.label, isPrimary: annotation.isPrimary)
        }
        .sorted { ($0.start, $0.isPrimary ? 0 : 1) < ($1.start, $1.isPrimary ? 0 : 1) }

        if SnippetRenderer.fitOnOneRow(markers) {
            var row = ""
            var column = 0
            for (index, marker) in markers.enumerated() {
                row += String(repeating: " ", count: marker.start - column)
                let withLabel = index == markers.count - 1 && !marker.label.isEmpty
                row += paint(marker, withLabel: withLabel)
                column = marker.start + marker.width
            }
            return [blankGutter + " " + row]
        }
        return markers.map { marker in
            blankGutter + " " + String(repeating: " ", count: marker.start) + paint(marker, withLabel: !marker.label.isEmpty)
        }
    }

    // One shared row only when the markers do not overlap and just the rightmost has a label,
    // so no label can be mistaken for another marker's; anything else gets a row per marker.
    private static func fitOnOneRow(_ markers: [Marker]) -> Bool {
        for index in markers.indices.dropLast() {
            let marker = markers[index]
            if !marker.label.isEmpty || marker.start + marker.width > markers[index + 1].start { return false }
        }
        return true
    }

    private func paint(_ marker: Marker, withLabel: Bool) -> String {
        let symbol: Character = marker.isPrimary ? "^" : "-"
        var text = String(repeating: symbol, count: marker.width)
        if withLabel { text += " " + marker.label }
        return style.paint(text, marker.isPrimary ? primaryColor : ANSIStyle.gutter)
    }

    private static func clampedStart(_ span: Span, in file: SourceFile) -> UInt32 {
        min(span.start, UInt32(file.byteCount))
    }
}
