/// Lays completion candidates out in columns under the prompt, filled top to bottom like `ls`.
enum CompletionListing {
    /// The lines to print for `candidates` on a terminal `width` columns wide.
    static func lines(for candidates: [String], width: Int) -> [String] {
        guard !candidates.isEmpty else { return [] }
        let gap = 2
        let widest = candidates.map(\.unicodeScalars.count).max() ?? 0
        let columns = max(1, (max(width, 1) + gap) / (widest + gap))
        let rows = (candidates.count + columns - 1) / columns
        return (0..<rows).map { row in
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < candidates.count else { break }
                let candidate = candidates[index]
                let isLastInRow = (column + 1) * rows + row >= candidates.count
                line += candidate
                if !isLastInRow {
                    line += String(repeating: " ", count: widest - candidate.unicodeScalars.count + gap)
                }
            }
            return line
        }
    }
}
