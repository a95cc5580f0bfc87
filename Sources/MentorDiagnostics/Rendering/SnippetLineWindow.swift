/// The part of one source line a snippet shows. A short line is shown whole; a long one is cut
/// to `maxColumns` display columns around its markers, with `…` on each cut side (as rustc
/// does), so one diagnostic on a 12 MB line writes a few hundred bytes, not the line twice.
/// Only a bounded window of the line's bytes is ever measured.
struct SnippetLineWindow {
    /// Most display columns of source text a snippet line shows, the `…` marks included.
    static let maxColumns = 200
    /// The cut marks; one display column each.
    static let ellipsis = "…"

    /// The shown bytes, as displayed.
    let shown: DisplayedLine
    /// Offset of the first shown byte from the line's start.
    let base: Int
    /// Whether bytes before, or after, the shown ones were left out.
    let cutBefore: Bool
    let cutAfter: Bool

    /// The window of `line` for markers at `ranges` (byte offsets from the line's start, in
    /// any order); the first range, the primary span's when it is on this line, is the one
    /// kept in view when not all of them fit.
    init(line: ArraySlice<UInt8>, ranges: [Range<Int>]) {
        let maxColumns = Self.maxColumns
        let length = line.count
        if length <= 4 * maxColumns {
            let whole = DisplayedLine(bytes: line)
            if whole.width <= maxColumns {
                self.init(shown: whole, base: 0, cutBefore: false, cutAfter: false)
                return
            }
        }
        let anchor = ranges.first ?? 0..<0
        let anchorStart = min(max(0, anchor.lowerBound), length)
        // Wide enough that text of one or two bytes a column fills the columns on either side.
        var windowStart = max(0, anchorStart - 2 * maxColumns)
        var windowEnd = min(length, anchorStart + 4 * maxColumns)
        windowStart = Self.scalarStart(in: line, atOrAfter: windowStart, limit: anchorStart)
        windowEnd = Self.scalarStart(in: line, atOrAfter: windowEnd, limit: length)
        let window = DisplayedLine(bytes: line[(line.startIndex + windowStart)..<(line.startIndex + windowEnd)])

        func columns(_ range: Range<Int>) -> (start: Int, end: Int) {
            let start = min(max(0, range.lowerBound - windowStart), window.byteCount)
            let end = min(max(start, range.upperBound - windowStart), window.byteCount)
            let marker = window.markerColumns(start: start, end: end)
            return (marker.start, marker.start + marker.width)
        }
        // Room for the text between the two cut marks.
        let room = maxColumns - 2
        var focus = columns(anchor)
        let all = ranges.map(columns)
        if let first = all.map(\.start).min(), let last = all.map(\.end).max(), last - first <= room {
            focus = (first, last)
        }
        let focusWidth = min(focus.end - focus.start, room)
        var firstColumn = focus.start - (room - focusWidth) / 2
        firstColumn = max(0, min(firstColumn, window.width - room))
        let firstByte = window.firstByte(startingAtOrAfter: firstColumn)
        let endByte = window.endByte(from: firstByte, endingBy: firstColumn + room)
        let shownStart = line.startIndex + windowStart + firstByte
        self.init(
            shown: DisplayedLine(bytes: line[shownStart..<(line.startIndex + windowStart + endByte)]),
            base: windowStart + firstByte,
            cutBefore: windowStart + firstByte > 0,
            cutAfter: windowStart + endByte < length)
    }

    private init(shown: DisplayedLine, base: Int, cutBefore: Bool, cutAfter: Bool) {
        self.shown = shown
        self.base = base
        self.cutBefore = cutBefore
        self.cutAfter = cutAfter
    }

    /// Where to draw the marker for bytes `start..<end` of the line (offsets from its start):
    /// the part outside the window is drawn on the cut mark of its side.
    func markerColumns(start: Int, end: Int) -> (start: Int, width: Int) {
        let shift = cutBefore ? 1 : 0
        let count = shown.byteCount
        let relativeStart = start - base
        let relativeEnd = max(end, start) - base
        if cutAfter, relativeStart >= count {
            return (shift + shown.width, 1)
        }
        let inside = shown.markerColumns(start: min(max(0, relativeStart), count), end: min(max(0, relativeEnd), count))
        var first = inside.start + shift
        var last = first + inside.width
        if cutBefore, relativeStart < 0 {
            first = 0
            if relativeEnd <= 0 { last = 1 }
        }
        if cutAfter, relativeEnd > count { last = shift + shown.width + 1 }
        return (first, max(1, last - first))
    }

    /// The first offset at or after `offset` (and at most `limit`) that starts a character:
    /// continuation bytes of a UTF-8 sequence are skipped so a cut never splits one.
    private static func scalarStart(in line: ArraySlice<UInt8>, atOrAfter offset: Int, limit: Int) -> Int {
        var index = offset
        var skipped = 0
        while index < limit, skipped < 3, line[line.startIndex + index] & 0xC0 == 0x80 {
            index += 1
            skipped += 1
        }
        return index
    }
}
