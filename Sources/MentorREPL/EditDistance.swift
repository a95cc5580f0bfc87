/// Levenshtein distance over Unicode scalars, for "did you mean" suggestions.
enum EditDistance {
    /// The fewest insertions, deletions and substitutions that turn `a` into `b`.
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidates close enough to `word` to suggest, closest first.
    static func suggestions(for word: String, among candidates: [String]) -> [String] {
        let limit = max(1, word.unicodeScalars.count / 3)
        return candidates
            .map { (candidate: $0, distance: between(word, $0)) }
            .filter { $0.distance <= limit && $0.distance < $0.candidate.unicodeScalars.count }
            .sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
            .map(\.candidate)
    }
}
