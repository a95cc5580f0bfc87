import MentorDiagnostics

/// Byte and scalar classes the lexer dispatches on. ASCII is decided with arithmetic on the
/// byte; only non-ASCII bytes pay for UTF-8 decoding and Unicode property lookups.
enum LexerCharacters {
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    @inline(__always)
    static func isASCIIIdentifierStart(_ byte: UInt8) -> Bool { isASCIILetter(byte) || byte == 0x5F }

    @inline(__always)
    static func isASCIIIdentifierContinue(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || isDigit(byte) || byte == 0x5F
    }

    /// Space or tab: the blanks of indentation and of `4 weeks`.
    @inline(__always)
    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Blanks skipped between tokens. A lone carriage return (CRLF is already LF) counts as a
    /// blank so that it neither breaks a line nor shifts line numbers.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- 0x61 < 6 }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt32 {
        isDigit(byte) ? UInt32(byte &- 0x30) : UInt32((byte | 0x20) &- 0x61 &+ 10)
    }

    /// A non-ASCII scalar that may start an identifier: a Unicode letter.
    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }

    /// A non-ASCII scalar that may continue an identifier: a letter, or a combining mark so that
    /// decomposed accents (`e` + U+0301) stay inside the name they decorate.
    static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }

    /// Length of the valid UTF-8 sequence at `index`, or nil when the bytes there are invalid.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        UTF8Scan.sequenceLength(bytes, at: index)
    }

    /// The scalar encoded by the valid `length`-byte sequence at `index`.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Unicode.Scalar {
        var value: UInt32
        switch length {
        case 1: return Unicode.Scalar(bytes[index])
        case 2: value = UInt32(bytes[index] & 0x1F)
        case 3: value = UInt32(bytes[index] & 0x0F)
        default: value = UInt32(bytes[index] & 0x07)
        }
        for offset in 1..<length {
            value = (value << 6) | UInt32(bytes[index + offset] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// End of the run of bytes from `index` on that do not start a valid UTF-8 sequence.
    static func invalidRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var end = index + 1
        while end < bytes.count, bytes[end] >= 0x80, sequenceLength(bytes, at: end) == nil {
            end += 1
        }
        return end
    }

    /// Length of the identifier-continuing scalar at `index` (`index` holds a byte ≥ 0x80),
    /// or nil when the scalar ends the identifier or the bytes are not valid UTF-8.
    static func identifierContinueLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        guard let length = sequenceLength(bytes, at: index),
              isIdentifierContinue(scalar(bytes, at: index, length: length))
        else { return nil }
        return length
    }
}
