import CEditLine

/// How libedit lays a prompt and an edited line out on the terminal, so output printed under
/// the line (completion lists) starts below its last row rather than over it.
enum TerminalRows {
    /// Rows between the cursor's row and the line's last row, for a line shown as
    /// `prompt + beforeCursor + afterCursor` on a terminal `width` columns wide.
    static func below(prompt: String, beforeCursor: String, afterCursor: String, width: Int) -> Int {
        var column = 0
        var row = 0
        func advance(over text: String) {
            for scalar in text.unicodeScalars {
                if scalar == "\n" {
                    row += 1
                    column = 0
                    continue
                }
                // wcwidth is -1 for what the locale cannot classify; libedit still shows such a character.
                let reported = Int(cel_wcwidth(wchar_t(bitPattern: scalar.value)))
                let cellWidth = reported < 0 ? 1 : reported
                if column + cellWidth > width {
                    row += 1
                    column = 0
                }
                column += cellWidth
            }
        }
        advance(over: prompt)
        advance(over: beforeCursor)
        let cursorRow = row
        advance(over: afterCursor)
        return row - cursorRow
    }
}
