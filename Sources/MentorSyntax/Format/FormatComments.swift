import MentorDiagnostics
import MentorSource

/// Hands out the file's comments in source order as the formatter walks the tree, so every
/// comment is printed exactly once: on the line of the code before it when it shared that
/// line in the source, otherwise on a line of its own before the code after it.
struct FormatComments {
    let file: SourceFile
    private let comments: [Comment]
    private var next = 0
    /// End of the last token or comment printed, as a source offset.
    private(set) var lastEnd: UInt32 = 0
    /// False until something is printed: a comment on the file's first line trails nothing.
    private var printedAnything = false

    init(file: SourceFile, comments: [Comment]) {
        self.file = file
        self.comments = comments
    }

    /// True when every comment has been printed.
    var isDrained: Bool { next >= comments.count }

    /// Records that source up to `offset` has been printed.
    mutating func advance(to offset: UInt32) {
        lastEnd = max(lastEnd, offset)
        printedAnything = true
    }

    /// True when `offset` is on the line where the last printed code or comment ends.
    private func isOnLastLine(_ offset: UInt32) -> Bool {
        printedAnything && file.lineIndex(of: offset) == file.lineIndex(of: lastEnd)
    }

    /// Comments before `limit` on the line where the last printed code ends.
    mutating func trailing(before limit: UInt32) -> [FormatDoc] {
        var docs: [FormatDoc] = []
        while next < comments.count, comments[next].span.start < limit, isOnLastLine(comments[next].span.start) {
            let comment = comments[next]
            next += 1
            let text = self.text(of: comment)
            docs.append(comment.kind == .block ? .inlineComment(text) : .lineSuffix(" " + text))
            if comment.kind != .block { docs.append(.hardLine) }
            lastEnd = comment.span.end
            printedAnything = true
        }
        return docs
    }

    /// Every comment before `limit`: trailing ones first, then the rest each on its own line.
    /// With `blankLines`, one empty line is kept where the source has one or more (but not at
    /// the start of a block, `atBlockStart`); the docs end with the line break the code at
    /// `limit` needs after an own-line comment.
    mutating func leading(before limit: UInt32, blankLines: Bool, atBlockStart: Bool = false) -> [FormatDoc] {
        var docs = trailing(before: limit)
        var first = docs.isEmpty && atBlockStart
        while next < comments.count, comments[next].span.start < limit {
            let comment = comments[next]
            next += 1
            let sameLine = isOnLastLine(comment.span.start)
            let text = self.text(of: comment)
            if sameLine {
                docs.append(comment.kind == .block ? .inlineComment(text) : .lineSuffix(" " + text))
            } else {
                docs.append(blankLines && !first && hasBlankLine(from: lastEnd, to: comment.span.start) ? .blankLine : .hardLine)
                docs.append(comment.kind == .block ? .inlineComment(text) : .text(text))
            }
            first = false
            lastEnd = comment.span.end
            printedAnything = true
            let following = next < comments.count && comments[next].span.start < limit ? comments[next].span.start : limit
            if comment.kind != .block || file.lineIndex(of: comment.span.end) != file.lineIndex(of: following) {
                docs.append(.hardLine)
            }
        }
        if blankLines, !first, !atBlockStart || !docs.isEmpty, hasBlankLine(from: lastEnd, to: limit) {
            docs.append(.blankLine)
        }
        return docs
    }

    /// Drops (as printed) the comments inside `span`, which is copied from the source verbatim.
    mutating func skip(inside span: Span) {
        while next < comments.count, comments[next].span.start < span.end { next += 1 }
        advance(to: span.end)
    }

    /// A comment's text: verbatim, but a line comment loses its trailing blanks.
    private func text(of comment: Comment) -> String {
        var bytes = file.bytes[Int(comment.span.start)..<min(Int(comment.span.end), file.bytes.count)]
        if comment.kind != .block {
            while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D { bytes = bytes.dropLast() }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when a line holding only blanks lies between the two offsets.
    func hasBlankLine(from start: UInt32, to end: UInt32) -> Bool {
        var lineBreaks = 0
        var index = Int(start)
        let stop = min(Int(end), file.bytes.count)
        while index < stop {
            switch file.bytes[index] {
            case 0x0A:
                lineBreaks += 1
                if lineBreaks >= 2 { return true }
            case 0x20, 0x09, 0x0D:
                break
            default:
                lineBreaks = 0
            }
            index += 1
        }
        return false
    }
}
