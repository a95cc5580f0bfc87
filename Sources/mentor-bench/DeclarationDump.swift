import MentorSource
import MentorSyntax

/// `mentor-bench declarations FILE…`: where the parser found declaration words, declared names
/// and declaration fields, as JSON lines, so the editor grammar's test can hold the grammar's
/// contextual scopes (which a lexer token does not decide) to the parser.
enum DeclarationDump {
    /// One line per part: the file's index among the arguments, its role (`kind`, `name`,
    /// `number` for a session's, `field`) and its byte range. A file the parser reports an
    /// error in gets a single `{"file":N,"role":"unparsed"}` line instead, since recovery
    /// leaves its declarations uncertain.
    static func lines(for files: [SourceFile]) -> [String] {
        var lines: [String] = []
        for (index, file) in files.enumerated() {
            let result = Parser.parse(file)
            guard result.diagnostics.isEmpty else {
                lines.append(#"{"file":\#(index),"role":"unparsed"}"#)
                continue
            }
            for item in result.syntax.items {
                if case .declaration(let declaration) = item {
                    append(declaration, file: index, to: &lines)
                }
            }
        }
        return lines
    }

    private static func append(_ declaration: Declaration, file: Int, to lines: inout [String]) {
        func line(_ role: String, _ span: Span) {
            lines.append(#"{"file":\#(file),"role":"\#(role)","start":\#(span.start),"end":\#(span.end)}"#)
        }
        line("kind", declaration.kindSpan)
        if let name = declaration.name { line("name", name.span) }
        if let number = declaration.numberSpan { line("number", number) }
        for member in declaration.members {
            switch member {
            case .field(let field): line("field", field.name.span)
            case .nested(let nested): append(nested, file: file, to: &lines)
            }
        }
    }
}
