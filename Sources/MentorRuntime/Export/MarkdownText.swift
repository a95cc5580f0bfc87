import MentorDiagnostics

/// Escaping of user text for the Markdown handout (CommonMark with GitHub tables).
public enum MarkdownText {
    /// Inline text: the ASCII punctuation that can start emphasis, code, links, HTML or
    /// entities, or end a table cell, is backslash-escaped; a line break becomes a hard break
    /// (`\` at the line's end) followed by `continuation`, which keeps it inside a list item.
    public static func inline(_ text: String, continuation: String = "") -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for line in lines(of: text).enumerated() {
            if line.offset > 0 { result += "\\\n" + continuation }
            result += escape(line.element)
        }
        return result
    }

    /// A table cell: escaped like inline text, with `|` escaped and line breaks as `<br>`, so
    /// the row stays on one line; an empty cell is an em dash so it reads as "none".
    public static func cell(_ text: String) -> String {
        let cell = lines(of: text).map(escape).joined(separator: "<br>")
        return cell.isEmpty ? "—" : cell
    }

    private static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// Escapes one line; a line that would open a list, a heading underline or a block quote
    /// when it starts a line (after a hard break) gets that marker escaped too.
    private static func escape(_ text: Substring) -> String {
        var result = ""
        var leadingDigits = true
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == 0, scalar == "-" || scalar == "+" || scalar == "=" { result += "\\" }
            if leadingDigits, index > 0, scalar == "." || scalar == ")" { result += "\\" }
            leadingDigits = leadingDigits && ("0"..."9").contains(scalar)
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "\t":
                result += " "
            case _ where DisplayText.isControl(scalar):
                // Terminal controls and bidi overrides (`DisplayText.isControl`) never reach
                // the handout: it is read raw as often as rendered.
                continue
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
