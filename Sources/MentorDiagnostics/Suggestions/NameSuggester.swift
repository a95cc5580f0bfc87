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
/// without normalisation, as identifiers do. In a prepared set of more than
/// `SuggestionCandidates.fullScanLimit` names only a bounded number are ranked (see
/// `SuggestionCandidates.forEachCandidate`), so a lookup's cost does not grow with the set.
public enum NameSuggester {
    /// Up to `limit` candidates the user may have meant by `name`, best first.
    public static func suggestions(for name: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        suggestions(for: name, among: [SuggestionCandidates(candidates)], limit: limit)
    }

    /// Up to `limit` names from any of `sets` the user may have meant by `name`, best first;
    /// sets prepared once serve many lookups (every undeclared name of a file).
    public static func suggestions(for name: String, among sets: [SuggestionCandidates], limit: Int = 3) -> [String] {
        guard limit > 0 else { return [] }
        var query = Query(name)
        var ranked: [(rank: Rank, scalars: [UInt32], name: String)] = []
        for set in sets {
            set.forEachCandidate(for: query.prepared) { candidate in
                guard candidate.scalars != query.scalars, let rank = query.rank(candidate) else { return }
                ranked.append((rank, candidate.scalars, candidate.name))
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

    /// The typed name, prepared once (as candidates are) for comparing against every candidate.
    private struct Query {
        let prepared: SuggestionCandidates.Entry
        let bound: Int
        private var scratch: [Int] = []

        var scalars: [UInt32] { prepared.scalars }
        var isASCII: Bool { prepared.isASCII }
        var folded: String { prepared.folded }
        var foldedScalars: [UInt32] { prepared.foldedScalars }
        var signature: UInt64 { prepared.signature }
        var foldedSignature: UInt64 { prepared.foldedSignature }

        init(_ name: String) {
            prepared = SuggestionCandidates.Entry(name)
            bound = max(1, prepared.scalars.count / 3)
        }

        mutating func rank(_ candidate: SuggestionCandidates.Entry) -> Rank? {
            let candidateScalars = candidate.scalars
            let lengthGap = abs(candidateScalars.count - scalars.count)
            if isASCII, candidate.isASCII {
                // Identifiers are mostly ASCII: their folded forms are compared scalar by scalar.
                if lengthGap == 0, candidate.foldedScalars == foldedScalars { return Rank(tier: 0, key: 0) }
            } else if candidate.folded == folded {
                // String equality is canonical equivalence, so this also catches `é` typed as `e` + U+0301.
                return Rank(tier: 0, key: 0)
            }
            // Cheap lower bounds first, so most candidates in a large scope are ruled out without
            // any table: the length gap, and the characters one name has that the other lacks
            // (each needs an edit of its own; a swap keeps the characters).
            if lengthGap <= bound,
               (signature & ~candidate.signature).nonzeroBitCount <= bound,
               (candidate.signature & ~signature).nonzeroBitCount <= bound,
               let distance = EditDistance.optimalStringAlignment(scalars, candidateScalars, bound: bound, scratch: &scratch) {
                return Rank(tier: 1, key: distance)
            }
            let candidateFolded = candidate.foldedScalars
            if min(candidateFolded.count, foldedScalars.count) >= 3 {
                // A name can only contain another whose characters it has.
                let queryInCandidate = foldedSignature & ~candidate.foldedSignature == 0
                    && Self.contains(candidateFolded, foldedScalars)
                let candidateInQuery = !queryInCandidate && candidate.foldedSignature & ~foldedSignature == 0
                    && Self.contains(foldedScalars, candidateFolded)
                if queryInCandidate || candidateInQuery { return Rank(tier: 2, key: lengthGap) }
            }
            return nil
        }

        private static func asciiLower(_ value: UInt32) -> UInt32 {
            (0x41...0x5A).contains(value) ? value + 0x20 : value
        }

        // Both sides are folded already; ASCII letters are folded again as they are read, which
        // changes nothing on folded text.
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

/// Names prepared once for `NameSuggester`: their scalars, folded forms and character
/// signatures, so a lookup among thousands of names allocates nothing per name.
public struct SuggestionCandidates: Sendable {
    /// One prepared name.
    struct Entry: Sendable {
        let name: String
        let scalars: [UInt32]
        let isASCII: Bool
        let folded: String
        let foldedScalars: [UInt32]
        let signature: UInt64
        let foldedSignature: UInt64

        /// `name` prepared: its scalars, folded form and signatures.
        init(_ name: String) {
            self.name = name
            scalars = name.unicodeScalars.map(\.value)
            isASCII = scalars.allSatisfy { $0 < 0x80 }
            folded = name.lowercased()
            foldedScalars = folded.unicodeScalars.map(\.value)
            signature = SuggestionCandidates.signature(of: scalars)
            foldedSignature = SuggestionCandidates.signature(of: foldedScalars)
        }
    }

    private(set) var entries: [Entry] = []

    /// Up to this many names, a lookup ranks every one of them.
    static let fullScanLimit = 2_048
    /// In a larger set, a lookup ranks at most this many names: those sharing the rarest
    /// three-scalar pieces with the typed name, so its cost does not grow with the set.
    static let rankedLimit = 256

    /// For sets over `fullScanLimit`: the entries holding each trigram of their folded,
    /// padded scalars, and the entries by folded name (the best tier is never left out).
    private var trigramPostings: [UInt64: [Int32]] = [:]
    private var byFoldedName: [String: [Int32]] = [:]
    private var isIndexed = false

    /// Prepares `names`.
    public init(_ names: some Sequence<String>) {
        append(contentsOf: names)
    }

    /// How many names were prepared.
    public var count: Int { entries.count }

    /// Prepares more names (a table that only grows need not prepare its old names again).
    public mutating func append(contentsOf names: some Sequence<String>) {
        for name in names {
            entries.append(Entry(name))
            if isIndexed { index(entries.count - 1) }
        }
        if !isIndexed, entries.count > Self.fullScanLimit {
            isIndexed = true
            for position in entries.indices { index(position) }
        }
    }

    private mutating func index(_ position: Int) {
        let entry = entries[position]
        byFoldedName[entry.folded, default: []].append(Int32(position))
        var seen: Set<UInt64> = []
        for key in Self.trigrams(of: entry.foldedScalars) where seen.insert(key).inserted {
            trigramPostings[key, default: []].append(Int32(position))
        }
    }

    /// The trigrams of `scalars` with a boundary mark at each end (21 bits a scalar), so a
    /// name's first and last characters count and a two-scalar name has two.
    static func trigrams(of scalars: [UInt32]) -> [UInt64] {
        let padded = [0x1F_FFFF] + scalars + [0x1F_FFFF]
        guard padded.count >= 3 else { return [] }
        return (0..<padded.count - 2).map { start in
            UInt64(padded[start]) << 42 | UInt64(padded[start + 1]) << 21 | UInt64(padded[start + 2])
        }
    }

    /// Hands `visit` the entries worth ranking for a typed name: all of them in a set up to
    /// `fullScanLimit`; in a larger one, the names equal to it ignoring case, then up to
    /// `rankedLimit` names sharing a trigram with it, those sharing its rarest trigrams first.
    func forEachCandidate(for query: Entry, _ visit: (Entry) -> Void) {
        guard isIndexed else {
            for entry in entries { visit(entry) }
            return
        }
        var chosen: Set<Int32> = []
        for position in byFoldedName[query.folded] ?? [] where chosen.insert(position).inserted { visit(entries[Int(position)]) }
        // Ties go by the trigram itself, so which names are ranked never depends on hashing.
        let lists = Set(Self.trigrams(of: query.foldedScalars)).compactMap { key in trigramPostings[key].map { (key, $0) } }
            .sorted { $0.1.count != $1.1.count ? $0.1.count < $1.1.count : $0.0 < $1.0 }
        for (_, list) in lists {
            for position in list where chosen.insert(position).inserted {
                if chosen.count > Self.rankedLimit { return }
                visit(entries[Int(position)])
            }
        }
    }

    /// The set of a name's characters, hashed into 64 bits: a character one name has and the
    /// other lacks shows as a bit one has and the other lacks (collisions only hide some).
    static func signature(of scalars: [UInt32]) -> UInt64 {
        var bits: UInt64 = 0
        for scalar in scalars { bits |= 1 << UInt64((scalar &* 0x9E37_79B1) >> 26) }
        return bits
    }
}
