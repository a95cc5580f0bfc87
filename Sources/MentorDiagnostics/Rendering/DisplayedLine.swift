import MentorSource
/// One source line as the snippet shows it: tabs expanded, control characters and invalid
/// bytes escaped, with the display column of every byte so markers land under the right text.
struct DisplayedLine {
    /// Spaces a tab becomes; fixed (not tab stops) so the caret arithmetic stays per character.
    static let tabWidth = 4

    /// The printable text of the line.
    let text: String
    /// Display columns of `text`.
    let width: Int
    // Per byte of the line: the display columns where the character holding it starts and ends.
    private let unitStart: [Int]
    private let unitEnd: [Int]

    init(bytes: ArraySlice<UInt8>) {
        // The text is gathered as UTF-8 and made a string once: a string made and appended
        // per character was most of rendering a diagnostic (about 50,000 instructions a
        // snippet line, on the one thread that prints `check`'s report).
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var starts = [Int]()
        var ends = [Int]()
        starts.reserveCapacity(bytes.count)
        ends.reserveCapacity(bytes.count)
        var column = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            // Printable ASCII, nearly every byte of a source line: itself, one column wide.
            if byte >= 0x20, byte < 0x7F {
                text.append(byte)
                starts.append(column)
                ends.append(column + 1)
                column += 1
                index += 1
                continue
            }
            let piece: String
            let pieceWidth: Int
            let length: Int
            if let valid = UTF8Scan.sequenceLength(bytes, at: index) {
                length = valid
                let scalar = DisplayedLine.decode(bytes, at: index, length: valid)
                if scalar == "\t" {
                    piece = String(repeating: " ", count: DisplayedLine.tabWidth)
                    pieceWidth = DisplayedLine.tabWidth
                } else if DisplayText.isControl(scalar) {
                    piece = DisplayText.escape(scalar)
                    pieceWidth = piece.utf8.count
                } else {
                    piece = String(scalar)
                    pieceWidth = DisplayWidth.of(scalar)
                }
            } else {
                length = 1
                piece = DisplayText.escape(invalidByte: bytes[index])
                pieceWidth = piece.utf8.count
            }
            text.append(contentsOf: piece.utf8)
            for _ in 0..<length {
                starts.append(column)
                ends.append(column + pieceWidth)
            }
            column += pieceWidth
            index += length
        }
        self.text = String(decoding: text, as: UTF8.self)
        self.width = column
        self.unitStart = starts
        self.unitEnd = ends
    }

    /// Bytes of the line.
    var byteCount: Int { unitStart.count }

    /// The first byte offset whose character starts at or after display column `column`.
    func firstByte(startingAtOrAfter column: Int) -> Int {
        var index = 0
        while index < unitStart.count, unitStart[index] < column { index += 1 }
        return index
    }

    /// The offset just past the last whole character, from byte `start` on, that ends by
    /// display column `column`.
    func endByte(from start: Int, endingBy column: Int) -> Int {
        var index = start
        while index < unitEnd.count, unitEnd[index] <= column { index += 1 }
        return index
    }

    /// Display column (0-based) at which the byte at `offset` (relative to the line start) is
    /// shown; offsets at or past the end of the line map to the column after the last character.
    func column(ofByte offset: Int) -> Int {
        offset < unitStart.count ? unitStart[max(0, offset)] : width
    }

    /// Where to draw the marker for bytes `start..<end` of this line: the end is clipped to the
    /// line, and a marker is at least one column wide (empty spans, zero-width characters).
    func markerColumns(start: Int, end: Int) -> (start: Int, width: Int) {
        let first = column(ofByte: start)
        let clippedEnd = min(end, unitEnd.count)
        let last = clippedEnd > start ? unitEnd[clippedEnd - 1] : first
        return (first, max(1, last - first))
    }

    private static func decode(_ bytes: ArraySlice<UInt8>, at index: Int, length: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[index])
        var value: UInt32
        switch length {
        case 1: return Unicode.Scalar(UInt8(lead))
        case 2: value = lead & 0x1F
        case 3: value = lead & 0x0F
        default: value = lead & 0x07
        }
        for offset in 1..<length {
            value = (value << 6) | UInt32(bytes[index + offset] & 0x3F)
        }
        // `UTF8Scan` already rejected surrogates and out-of-range values.
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
