/// The formatter's layout document: text plus the places where a line may break, in the style
/// of Wadler's "prettier printer". `FormatLayout` decides which groups fit on one line.
indirect enum FormatDoc: Sendable {
    /// Text printed as is. `multiline` text (a `"""` string, a block comment) carries its own
    /// line breaks and is never re-indented.
    case text(String, width: Int, multiline: Bool)
    /// A space when its group is flat, a line break when the group is broken.
    case line
    /// Nothing when its group is flat, a line break when the group is broken.
    case softLine
    /// Always a line break (none when the current line is still empty).
    case hardLine
    /// Exactly one empty line, whatever came before.
    case blankLine
    /// `broken` when the enclosing group is broken, `flat` otherwise (a trailing comma, a `,`
    /// between members that share a line).
    case choice(broken: String, flat: String)
    /// A unit that is laid out flat when it fits in the line, else broken. `breaks` is set
    /// when something inside can only be laid out broken (a line comment, a hard line).
    case group([FormatDoc], breaks: Bool)
    /// Line breaks inside are indented one level more.
    case indent([FormatDoc])
    /// Text held back until the next line break (a trailing `//` comment), so it ends its line.
    case lineSuffix(String)
    /// A sequence.
    case concat([FormatDoc])
    /// A block comment within a line: separated by one space from the text on either side.
    case inlineComment(String, width: Int, multiline: Bool)

    /// Plain one-line text.
    static func text(_ string: String) -> FormatDoc {
        var width = 0
        var multiline = false
        for scalar in string.unicodeScalars {
            if scalar == "\n" {
                multiline = true
                width = 0
            } else {
                width += 1
            }
        }
        return .text(string, width: width, multiline: multiline)
    }

    /// A block comment printed within a line.
    static func inlineComment(_ string: String) -> FormatDoc {
        guard case .text(_, let width, let multiline) = text(string) else { return text(string) }
        return .inlineComment(string, width: width, multiline: multiline)
    }

    /// A group whose `breaks` flag is computed from its contents.
    static func group(_ docs: [FormatDoc]) -> FormatDoc {
        .group(docs, breaks: docs.contains { $0.forcesBreak })
    }

    /// True when the enclosing group cannot be flat.
    var forcesBreak: Bool {
        switch self {
        case .hardLine, .blankLine, .lineSuffix: true
        case .group(_, let breaks): breaks
        case .indent(let docs), .concat(let docs): docs.contains { $0.forcesBreak }
        case .text, .line, .softLine, .choice, .inlineComment: false
        }
    }
}
