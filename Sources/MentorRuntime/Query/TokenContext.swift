import MentorSyntax
import MentorSource

/// A file's tokens, from the engine's lexer, with the questions position queries ask of them:
/// which token stands at an offset, what comes before it. Comments and newlines are kept.
struct TokenContext {
    let file: SourceFile
    let tokens: [Token]

    init(_ file: SourceFile) {
        self.file = file
        tokens = Lexer.tokenize(file)
    }

    /// The position of the token that contains `offset` or ends at it (a cursor right after a
    /// word is on the word), preferring a name over the punctuation after it.
    func tokenIndex(at offset: UInt32) -> Int? {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].end < offset { low = middle + 1 } else { high = middle }
        }
        guard low < tokens.count, tokens[low].start <= offset, tokens[low].kind != .endOfFile else { return nil }
        if tokens[low].end == offset, low + 1 < tokens.count, tokens[low + 1].start == offset,
           tokens[low].kind != .identifier, tokens[low + 1].kind == .identifier {
            return low + 1
        }
        return low
    }

    /// The position of the nearest token before `index` that is not a comment or a newline.
    func previousSignificant(before index: Int) -> Int? {
        var position = index - 1
        while position >= 0 {
            switch tokens[position].kind {
            case .lineComment, .blockComment, .docComment, .newline: position -= 1
            default: return position
            }
        }
        return nil
    }

    /// The position of the nearest token after `index` that is not a comment or a newline.
    func nextSignificant(after index: Int) -> Int? {
        var position = index + 1
        while position < tokens.count {
            switch tokens[position].kind {
            case .lineComment, .blockComment, .docComment, .newline: position += 1
            default: return position
            }
        }
        return nil
    }

    /// The text of the token at `index`.
    func text(_ index: Int) -> String { file.text(tokens[index].span(in: file.id)) }

    /// The span of the token at `index`.
    func span(_ index: Int) -> Span { tokens[index].span(in: file.id) }
}
