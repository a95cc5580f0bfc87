import MentorDiagnostics
import MentorSource

/// Decodes the text pieces of string literals: escapes, and the indentation of `"""` strings.
///
/// For a `"""` string, pass the closing delimiter's `closingIndentation` to every `stringText`
/// piece, with `startsLine` set when the piece is the first token on its line
/// (`flags.contains(.atLineStart)`); for a one-line string the indentation is empty.
public enum StringLiteralText {
    /// The text of a `stringText` token with escapes decoded and, for `"""` strings, `indentation`
    /// removed at the start of every line inside the text (and at the token's start when
    /// `startsLine`). Blank lines shorter than the indentation become empty.
    public static func decode(
        _ text: Token, in file: SourceFile, indentation: ArraySlice<UInt8>, startsLine: Bool
    ) -> String {
        let bytes = file.bytes
        let start = min(Int(text.start), bytes.count)
        let end = min(max(Int(text.end), start), bytes.count)
        var output: [UInt8] = []
        output.reserveCapacity(end - start)
        var index = start
        var lineStart = startsLine
        while index < end {
            if lineStart {
                lineStart = false
                if !indentation.isEmpty {
                    index = indentationEnd(bytes, at: index, textEnd: end, indentation: indentation)
                    continue
                }
            }
            let byte = bytes[index]
            if byte == 0x5C, index + 1 < end { // backslash
                index = decodeEscape(bytes, at: index, textEnd: end, into: &output)
                continue
            }
            output.append(byte)
            if byte == 0x0A { lineStart = true }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The blanks before a multi-line string's closing `"""`: the indentation removed from its
    /// lines. Empty for a one-line string or a closing delimiter that is not alone on its line.
    public static func closingIndentation(_ stringEnd: Token, in file: SourceFile) -> ArraySlice<UInt8> {
        let bytes = file.bytes
        let end = Int(stringEnd.start)
        guard stringEnd.kind == .stringEnd, stringEnd.flags.contains(.multiline), end <= bytes.count else {
            return []
        }
        var start = end
        while start > 0, LexerCharacters.isSpaceOrTab(bytes[start - 1]) { start -= 1 }
        guard start == 0 || bytes[start - 1] == 0x0A else { return [] }
        return bytes[start..<end]
    }

    /// Where a line's text begins once its indentation is removed. A line that is only blanks
    /// loses all of them, as in Swift; a line indented less than required (a lexical error)
    /// loses what it shares with the indentation.
    private static func indentationEnd(
        _ bytes: [UInt8], at lineStart: Int, textEnd: Int, indentation: ArraySlice<UInt8>
    ) -> Int {
        var matched = 0
        while matched < indentation.count, lineStart + matched < textEnd,
              bytes[lineStart + matched] == indentation[indentation.startIndex + matched] {
            matched += 1
        }
        if matched == indentation.count { return lineStart + matched }
        var blanksEnd = lineStart
        while blanksEnd < textEnd, LexerCharacters.isSpaceOrTab(bytes[blanksEnd]) { blanksEnd += 1 }
        let lineEnds = blanksEnd < textEnd
            ? bytes[blanksEnd] == 0x0A
            : blanksEnd == bytes.count || bytes[blanksEnd] == 0x0A // the text's last line is complete
        return lineEnds ? blanksEnd : lineStart + matched
    }

    /// Decodes the escape at `index` (a backslash) into `output`; returns the index after it.
    /// An unknown escape is kept as written: the lexer has already reported it.
    private static func decodeEscape(_ bytes: [UInt8], at index: Int, textEnd: Int, into output: inout [UInt8]) -> Int {
        switch bytes[index + 1] {
        case 0x5C: output.append(0x5C)      // \\
        case 0x22: output.append(0x22)      // \"
        case 0x6E: output.append(0x0A)      // \n
        case 0x74: output.append(0x09)      // \t
        case 0x72: output.append(0x0D)      // \r
        case 0x30: output.append(0x00)      // \0
        case 0x75:                          // \u{…}
            var digitsEnd = index + 3
            var value: UInt32 = 0
            while digitsEnd < textEnd, digitsEnd - (index + 3) < 8, LexerCharacters.isHexDigit(bytes[digitsEnd]) {
                value = value << 4 | LexerCharacters.hexValue(bytes[digitsEnd])
                digitsEnd += 1
            }
            guard index + 2 < textEnd, bytes[index + 2] == 0x7B, digitsEnd > index + 3,
                  digitsEnd < textEnd, bytes[digitsEnd] == 0x7D, let scalar = Unicode.Scalar(value)
            else {
                output.append(0x5C)
                return index + 1
            }
            UTF8.encode(scalar) { output.append($0) }
            return digitsEnd + 1
        default:
            output.append(0x5C)
            return index + 1
        }
        return index + 2
    }
}
