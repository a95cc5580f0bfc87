import MentorSource
import MentorSyntax

/// `mentor-bench tokens FILE…`: the lexer's tokens as JSON lines, so tools outside Swift (the
/// editor grammar's test) can compare their own reading of a file with the real one.
enum TokenDump {
    /// One line per token: the file's index among the arguments, the kind's case name, the
    /// lexical error's case name, and the byte range in the file as `SourceFile` normalised it
    /// (BOM dropped, CRLF read as LF).
    static func lines(for files: [SourceFile]) -> [String] {
        var lines: [String] = []
        for (index, file) in files.enumerated() {
            for token in Lexer.tokenize(file) {
                lines.append(#"{"file":\#(index),"kind":"\#(token.kind)","error":"\#(token.error)","start":\#(token.start),"end":\#(token.end)}"#)
            }
        }
        return lines
    }
}
