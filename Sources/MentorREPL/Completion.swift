/// What Tab offers for the text before the cursor: the word to replace and what could replace it.
public struct Completion: Sendable, Equatable {
    /// UTF-8 offset into the text before the cursor where the replaced word starts; a chosen
    /// candidate replaces everything from there to the cursor.
    public var replacementStart: Int
    /// Full replacements for that word, in the order to list them; empty when nothing fits.
    public var candidates: [String]

    /// Creates a completion from a UTF-8 offset into the text before the cursor.
    public init(replacementStart: Int, candidates: [String]) {
        self.replacementStart = replacementStart
        self.candidates = candidates
    }

    /// Creates a completion that replaces `lineBeforeCursor[start...]`.
    public init(replacingFrom start: String.Index, in lineBeforeCursor: String, candidates: [String]) {
        self.init(
            replacementStart: lineBeforeCursor.utf8.distance(from: lineBeforeCursor.startIndex, to: start),
            candidates: candidates
        )
    }

    /// Nothing to offer.
    public static let none = Completion(replacementStart: 0, candidates: [])
}

extension Completion {
    /// What applying this completion to `lineBeforeCursor` does, or nil when the offset does
    /// not fall on a character boundary inside it or there is no candidate.
    func plan(for lineBeforeCursor: String) -> CompletionPlan? {
        let utf8 = lineBeforeCursor.utf8
        guard !candidates.isEmpty, replacementStart >= 0, replacementStart <= utf8.count,
            let start = utf8.index(utf8.startIndex, offsetBy: replacementStart, limitedBy: utf8.endIndex),
            start.samePosition(in: lineBeforeCursor.unicodeScalars) != nil
        else { return nil }
        let word = String(lineBeforeCursor.unicodeScalars[start...])
        if candidates.count == 1 {
            return CompletionPlan(word: word, replacement: candidates[0], listing: [])
        }
        let prefix = Completion.longestCommonPrefix(of: candidates)
        let replacement = prefix.unicodeScalars.count > word.unicodeScalars.count ? prefix : word
        return CompletionPlan(word: word, replacement: replacement, listing: candidates)
    }

    /// The longest run of Unicode scalars every string starts with.
    static func longestCommonPrefix(of strings: [String]) -> String {
        guard var prefix = strings.first.map({ Array($0.unicodeScalars) }) else { return "" }
        for string in strings.dropFirst() {
            var length = 0
            for (a, b) in zip(prefix, string.unicodeScalars) {
                guard a == b else { break }
                length += 1
            }
            prefix.removeSubrange(length...)
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: prefix)
        return result
    }
}

/// The edit a completion makes: replace `word` (just before the cursor) by `replacement`, then
/// list `listing` under the prompt when it is not empty.
struct CompletionPlan: Equatable {
    var word: String
    var replacement: String
    var listing: [String]
}
