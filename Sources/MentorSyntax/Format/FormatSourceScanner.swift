import MentorDiagnostics

/// Finds the punctuation the tree does not record (a block's `}`, a body's `{`, `else`) by
/// reading the source past blanks and comments; the formatter only runs on files without
/// syntax errors, so the next significant byte is known.
struct FormatSourceScanner {
    let bytes: [UInt8]

    /// Offset of the first byte at or after `offset` that is not a blank, a line break, a
    /// comment, or one of `skipping`.
    func nextSignificant(from offset: UInt32, skipping: Set<UInt8> = []) -> UInt32 {
        var index = Int(offset)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || skipping.contains(byte) {
                index += 1
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                index = blockCommentEnd(from: index)
            } else {
                break
            }
        }
        return UInt32(index)
    }

    /// The byte at `offset`, or 0 past the end.
    func byte(at offset: UInt32) -> UInt8 {
        Int(offset) < bytes.count ? bytes[Int(offset)] : 0
    }

    /// Offset just past the (nesting) block comment starting at `start`.
    private func blockCommentEnd(from start: Int) -> Int {
        var depth = 0
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "*") {
                depth += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: "*"), bytes[index + 1] == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return bytes.count
    }
}
