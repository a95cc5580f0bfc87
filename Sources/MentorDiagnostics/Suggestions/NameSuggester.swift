/// Finds the names a user probably meant when they wrote one that does not exist.
///
/// Ranking, best first, each group ordered by its key and then by the name's scalars:
/// 1. names equal ignoring case (`Mentor` for `mentor`) or spelled with other but canonically
///    equivalent scalars (`é` against `e` + U+0301): the strongest hint, as in rustc;
/// 2. names within an optimal-string-alignment distance of `max(1, length / 3)`, where length
///    counts the typed name's Unicode scalars, ordered by distance;
/// 3. names that contain the typed name, or are contained in it, ignoring case (both at least
///    three scalars long, so short names do not match everything), ordered by length difference.
/// The typed name itself and repeated candidates are skipped; names compare by Unicode scalars
/// without normalisation, as identifiers do.
public enum NameSuggester {
    /// Up to `limit` candidates the user may have meant by `name`, best first.
    public static func suggestions(for name: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        guard limit > 0 else { return [] }
        var query = Query(name)
        var ranked: [(rank: Rank, scalars: [UInt32], name: String)] = []
        for candidate in candidates {
            var scalars: [UInt32] = []
            scalars.reserveCapacity(candidate.utf8.count)
            for scalar in candidate.unicodeScalars { scalars.append(scalar.value) }
            guard scalars != query.scalars else { continue }
            if let rank = query.rank(candidate, scalars: scalars) {
                ranked.append((rank, scalars, candidate))
            }
        }
        ranked.sort { lhs, rhs in
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            return lhs.scalars.lexicographicallyPrecedes(rhs.scalars)
        }
        // Duplicates rank alike and so sit next to each other; only the few matches are compared.
        var result: [String] = []
        var previous: [UInt32]?
        for entry in ranked where entry.scalars != previous {
            result.append(entry.name)
            if result.count == limit { break }
            previous = entry.scalars
        }
        return result
    }

    /// How good a candidate is: the tier (see the type's documentation), then a key within it.
    private struct Rank: Comparable {
        var tier: Int
        var key: Int

        static func < (lhs: Rank, rhs: Rank) -> Bool { (lhs.tier, lhs.key) < (rhs.tier, rhs.key) }
    }

    /// The typed name, prepared once for comparing against every candidate.
    private struct Query {
        let scalars: [UInt32]
        let isASCII: Bool
        let folded: String
        let foldedScalars: [UInt32]
        let bound: Int
        private var scratch: [Int] = []

        init(_ name: String) {
            scalars = name.unicodeScalars.map(\.value)
            isASCII = scalars.allSatisfy { $0 < 0x80 }
            folded = name.lowercased()
            foldedScalars = folded.unicodeScalars.map(\.value)
            bound = max(1, scalars.count / 3)
        }

        mutating func rank(_ candidate: String, scalars candidateScalars: [UInt32]) -> Rank? {
            let lengthGap = abs(candidateScalars.count - scalars.count)
            let candidateFolded: [UInt32]
            if isASCII, candidateScalars.allSatisfy({ $0 < 0x80 }) {
                // Identifiers are mostly ASCII: fold them by hand, and only when a tier can use it.
                if lengthGap == 0, candidateScalars.elementsEqual(foldedScalars, by: { Self.asciiLower($0) == $1 }) {
                    return Rank(tier: 0, key: 0)
                }
                candidateFolded = candidateScalars
            } else {
                let text = candidate.lowercased()
                // String equality is canonical equivalence, so this also catches `é` typed as `e` + U+0301.
                if text == folded { return Rank(tier: 0, key: 0) }
                candidateFolded = text.unicodeScalars.map(\.value)
            }
            // The length check first: most candidates in a large scope are ruled out without any table.
            if lengthGap <= bound, let distance = EditDistance.optimalStringAlignment(
                scalars, candidateScalars, bound: bound, scratch: &scratch
            ) {
                return Rank(tier: 1, key: distance)
            }
            if min(candidateFolded.count, foldedScalars.count) >= 3,
               Self.contains(candidateFolded, foldedScalars) || Self.contains(foldedScalars, candidateFolded) {
                return Rank(tier: 2, key: lengthGap)
            }
            return nil
        }

        private static func asciiLower(_ value: UInt32) -> UInt32 {
            (0x41...0x5A).contains(value) ? value + 0x20 : value
        }

        // Case-insensitive for ASCII (an unfolded ASCII side is folded as it is read); the
        // non-ASCII path passes folded scalars, on which folding again changes nothing.
        private static func contains(_ haystack: [UInt32], _ needle: [UInt32]) -> Bool {
            guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
            for start in 0...(haystack.count - needle.count)
            where asciiLower(haystack[start]) == asciiLower(needle[0]) {
                let window = haystack[start..<start + needle.count]
                if window.elementsEqual(needle, by: { asciiLower($0) == asciiLower($1) }) { return true }
            }
            return false
        }
    }
}
