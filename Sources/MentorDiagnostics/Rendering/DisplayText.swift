/// Makes text safe to show on a terminal: characters that could move the cursor, change
/// colours, or reorder text (Trojan Source bidi overrides) are written as visible escapes.
public enum DisplayText {
    /// True for scalars that must never be written raw: C0 controls except tab, DEL, C1
    /// controls (NEL and CSI among them), the line and paragraph separators, and the bidi
    /// controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the
    /// marks (U+200E, U+200F, U+061C). The one list every output (text, JSON, XML, `print`,
    /// export) escapes or drops.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F: true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The visible form of a control scalar, such as `\u{1B}` (upper-case hex, at least two digits).
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + hex(scalar.value, minimumDigits: 2) + "}"
    }

    /// The visible form of a byte that is not valid UTF-8, such as `\x{FF}`.
    public static func escape(invalidByte byte: UInt8) -> String {
        "\\x{" + hex(UInt32(byte), minimumDigits: 2) + "}"
    }

    /// `text` with every control scalar (see `isControl`) replaced by its escape; use it for
    /// names and strings taken from source before they go into a message. Idempotent.
    public static func escapeControls(_ text: String) -> String {
        escapeControls(text, keepingLineBreaks: false)
    }

    /// As `escapeControls`, but with `keepingLineBreaks` line feeds stay as they are (for text
    /// meant to span lines, such as what `print` writes).
    public static func escapeControls(_ text: String, keepingLineBreaks: Bool) -> String {
        let mustEscape = { (scalar: Unicode.Scalar) in isControl(scalar) && !(keepingLineBreaks && scalar == "\n") }
        guard text.unicodeScalars.contains(where: mustEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if mustEscape(scalar) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Terminal columns `text` takes once control scalars are escaped.
    public static func width(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            total += isControl(scalar) ? escape(scalar).utf8.count : DisplayWidth.of(scalar)
        }
        return total
    }

    /// Upper-case hexadecimal digits of `value`, left-padded with zeros to `minimumDigits`.
    public static func hex(_ value: UInt32, minimumDigits: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, minimumDigits - digits.count)) + digits
    }
}
