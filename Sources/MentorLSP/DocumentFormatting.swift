import MentorSource
import MentorSyntax

/// `textDocument/formatting` and `rangeFormatting`: `mentor fmt`'s formatter over the
/// buffer, answered as edits where the layout changed.
enum DocumentFormatting {
    /// Why the text cannot be formatted (it does not parse), for the error reply.
    struct Refusal: Error {
        let message: String
    }

    /// The edits that give `document` its canonical layout; with `range`, only the changed
    /// stretches that touch it.
    static func edits(for document: TextDocument, range: (start: LSPPosition, end: LSPPosition)?,
                      encoding: PositionEncoding) -> Result<JSONValue, Refusal> {
        let source = SourceFile(id: FileID(0), path: document.uri, bytes: document.bytes)
        let outcome = SourceFormatter.format(source)
        guard let formatted = outcome.formatted else {
            let first = outcome.diagnostics.first.map { diagnostic -> String in
                let location = source.location(of: diagnostic.span.start)
                return " (\(location.line):\(location.column): \(diagnostic.message))"
            } ?? ""
            return .failure(Refusal(message: "cannot format a file with syntax errors" + first))
        }
        let lines = document.lines
        var hunks = LineDiff.hunks(from: document.bytes, to: Array(formatted.utf8))
        if let range {
            let start = lines.offset(of: range.start, encoding: encoding)
            let end = lines.offset(of: range.end, encoding: encoding)
            hunks.removeAll { hunk in !touches(hunk.original, start..<max(start, end)) }
        }
        return .success(.array(hunks.map { hunk in
            [
                "range": LSPRange.json(start: lines.position(of: hunk.original.lowerBound, encoding: encoding),
                                       end: lines.position(of: hunk.original.upperBound, encoding: encoding)),
                "newText": .string(hunk.replacement),
            ]
        }))
    }

    /// True when the lines of `hunk` share a byte with `range`; an insertion (or an empty
    /// range) counts when it lies within (or on the edge of) the other.
    static func touches(_ hunk: Range<Int>, _ range: Range<Int>) -> Bool {
        if hunk.isEmpty { return range.lowerBound <= hunk.lowerBound && hunk.lowerBound <= range.upperBound }
        if range.isEmpty { return hunk.lowerBound <= range.lowerBound && range.lowerBound < hunk.upperBound }
        return hunk.lowerBound < range.upperBound && range.lowerBound < hunk.upperBound
    }
}
