/// Byte and scalar classes the lexer dispatches on. ASCII is decided with arithmetic on the
/// byte; only non-ASCII bytes pay for UTF-8 decoding and Unicode property lookups.
enum LexerCharacters {
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    @inline(__always)
    static func isASCIIIdentifierStart(_ byte: UInt8) -> Bool { isASCIILetter(byte) || byte == 0x5F }

    /// `[0-9A-Za-z_]`, as one shift and test of a 64-bit mask per half of ASCII: identifier
    /// scanning is the lexer's hottest loop, and this form has no data-dependent branches.
    @inline(__always)
    static func isASCIIIdentifierContinue(_ byte: UInt8) -> Bool {
        let digits: UInt64 = 0x03FF_0000_0000_0000               // 0x30-0x39
        let lettersAndUnderscore: UInt64 = 0x07FF_FFFE_87FF_FFFE // 0x41-0x5A, 0x5F, 0x61-0x7A
        let mask = byte < 0x40 ? digits : lettersAndUnderscore
        return byte < 0x80 && (mask >> UInt64(byte & 0x3F)) & 1 != 0
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
    ///
    /// The same rules as `UTF8Scan.sequenceLength` (which the tests check it against), written
    /// for a buffer so that it inlines: the generic version costs a call per byte, which
    /// halves the lexer's speed on text with many accented letters.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let count = bytes.count
        switch lead {
        case 0xC2...0xDF:
            guard index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 else { return nil }
            return 2
        case 0xE0...0xEF:
            guard index + 2 < count else { return nil }
            let second = bytes[index + 1]
            guard second & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80,
                  lead != 0xE0 || second >= 0xA0, // overlong
                  lead != 0xED || second < 0xA0   // surrogates
            else { return nil }
            return 3
        case 0xF0...0xF4:
            guard index + 3 < count else { return nil }
            let second = bytes[index + 1]
            guard second & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80, bytes[index + 3] & 0xC0 == 0x80,
                  lead != 0xF0 || second >= 0x90, // overlong
                  lead != 0xF4 || second < 0x90   // beyond U+10FFFF
            else { return nil }
            return 4
        default:
            return nil
        }
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
