/// Where each line of a UTF-8 text starts, for turning protocol positions into byte offsets
/// and back. Lines end as the protocol says (LSP 3.17, "Text Documents"): at `\n`, `\r\n` or a
/// lone `\r`, so a client and the server agree on the line of every position.
public struct LineTable: Sendable {
    /// The text.
    public let bytes: [UInt8]
    /// Offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    /// Indexes the lines of `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() {
            let endsLine = byte == 0x0A || (byte == 0x0D && (offset + 1 == bytes.count || bytes[offset + 1] != 0x0A))
            if endsLine { starts.append(offset + 1) }
        }
        lineStarts = starts
    }

    /// The bytes of line `index` without its line end (`\n`, `\r\n` or `\r`).
    public func line(_ index: Int) -> ArraySlice<UInt8> {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        // Only a line ended by `\n` can hold a `\r` at its end (that of `\r\n`): a lone one would have ended it.
        if end > start, end < bytes.count, bytes[end] == 0x0A, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    /// The byte offset of `position`; a line past the end means the end of the text, a
    /// character past the end of its line means the line's end.
    public func offset(of position: LSPPosition, encoding: PositionEncoding) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        return lineStarts[position.line] + encoding.byteOffset(units: position.character, in: line(position.line))
    }

    /// The protocol position of byte `offset`.
    public func position(of offset: Int, encoding: PositionEncoding) -> LSPPosition {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        let line = self.line(low)
        let within = min(clamped - start, line.count)
        return LSPPosition(line: low, character: encoding.units(in: line.prefix(within)))
    }
}
