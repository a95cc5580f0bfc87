import enum MentorSyntax.SyntaxVocabulary

/// Finds whether the cursor stands where a field name of `x with { … }` goes, and what `x` is.
enum WithFieldPosition {
    /// The text of the expression before `with` when `text` (the line up to the word being
    /// completed) ends inside `with {` after `{` or `,`; nil otherwise. Only a name or a member
    /// chain counts as that expression, so completion never has to evaluate a call.
    static func base(before text: [Unicode.Scalar]) -> String? {
        var end = text.count
        while end > 0, text[end - 1].properties.isWhitespace { end -= 1 }
        guard end > 0, text[end - 1] == "{" || text[end - 1] == "," else { return nil }
        // The innermost brace still open is the one `with` opened.
        var depth = 0
        var brace: Int?
        var inString = false
        for index in stride(from: end - 1, through: 0, by: -1) {
            let scalar = text[index]
            if scalar == "\"" { inString.toggle() }
            if inString { continue }
            if scalar == "}" || scalar == ")" || scalar == "]" { depth += 1 }
            if scalar == "(" || scalar == "[" {
                if depth == 0 { return nil }
                depth -= 1
            }
            if scalar == "{" {
                if depth == 0 { brace = index; break }
                depth -= 1
            }
        }
        guard let brace else { return nil }
        var cursor = brace
        while cursor > 0, text[cursor - 1].properties.isWhitespace { cursor -= 1 }
        let keyword = Array("with".unicodeScalars)
        guard cursor >= keyword.count, Array(text[(cursor - keyword.count)..<cursor]) == keyword else { return nil }
        cursor -= keyword.count
        guard cursor > 0, text[cursor - 1].properties.isWhitespace else { return nil }
        while cursor > 0, text[cursor - 1].properties.isWhitespace { cursor -= 1 }
        var start = cursor
        while start > 0, SyntaxVocabulary.isIdentifierContinue(text[start - 1]) || text[start - 1] == "." { start -= 1 }
        guard start < cursor else { return nil }
        return String(String.UnicodeScalarView(text[start..<cursor]))
    }
}
