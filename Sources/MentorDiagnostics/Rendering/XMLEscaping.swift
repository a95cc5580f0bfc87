/// Escaping for XML 1.0 text and attribute values (JUnit reports and similar).
public enum XMLEscaping {
    /// True for scalars XML 1.0 allows in a document (the `Char` production): tab, line feed,
    /// carriage return, and everything from U+0020 except U+FFFE and U+FFFF.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `text` safe inside element content: `& < > " '` become entities, a carriage return
    /// becomes `&#13;` (parsers would turn it into a line feed), and scalars XML 1.0 forbids
    /// (which not even a character reference may carry) become visible `\u{..}` escapes. Other
    /// terminal controls (C1, bidi overrides; `DisplayText.isControl`) become character references.
    public static func escapeText(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// `text` safe inside a quoted attribute value: as `escapeText`, and also tab and line feed
    /// as character references, which attribute-value normalisation would otherwise turn into spaces.
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        text.replacingScalars { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&apos;"
            case "\r": "&#13;"
            case "\n" where inAttribute: "&#10;"
            case "\t" where inAttribute: "&#9;"
            // Allowed in XML, but raw they would reach a terminal that shows the report.
            case _ where isAllowed(scalar) && scalar != "\n" && DisplayText.isControl(scalar):
                "&#x" + DisplayText.hex(scalar.value, minimumDigits: 2) + ";"
            case _ where isAllowed(scalar): nil
            default: DisplayText.escape(scalar)
            }
        }
    }
}
