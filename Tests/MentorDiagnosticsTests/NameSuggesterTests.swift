@testable import MentorDiagnostics
import Testing

@Suite("Name suggestions")
struct NameSuggesterTests {
    static let fields = ["mentor", "mentee", "start", "term", "cadence", "goals", "status"]

    @Test("typos, transpositions, case and misses", arguments: [
        // One letter missing, extra, wrong.
        ("mentr", ["mentor"]),
        ("mentoor", ["mentor"]),
        ("mentir", ["mentor", "mentee"]),
        ("cadance", ["cadence"]),
        // Neighbours swapped count as one edit.
        ("mnetor", ["mentor"]),
        ("tem", ["term"]),
        ("sattus", ["status"]),
        // Case only.
        ("MENTOR", ["mentor"]),
        ("Goals", ["goals"]),
        // Nothing close.
        ("xyz", []),
        ("schedule", []),
    ])
    func typical(name: String, expected: [String]) {
        #expect(NameSuggester.suggestions(for: name, among: Self.fields) == expected)
    }

    @Test("ties are ordered by distance, then by name")
    func ordering() {
        let candidates = ["goat", "go", "goals", "coal", "gaol", "goal_set"]
        #expect(NameSuggester.suggestions(for: "goal", among: candidates, limit: 10) == ["coal", "gaol", "goals", "goat", "goal_set"])
        #expect(NameSuggester.suggestions(for: "goal", among: candidates) == ["coal", "gaol", "goals"])
        #expect(NameSuggester.suggestions(for: "goal", among: candidates.reversed()) == ["coal", "gaol", "goals"])
        #expect(NameSuggester.suggestions(for: "goal", among: candidates, limit: 1) == ["coal"])
        #expect(NameSuggester.suggestions(for: "goal", among: candidates, limit: 0) == [])
    }

    @Test("a closer edit ranks before a farther one")
    func distanceBeforeName() {
        // "abcdef" allows two edits; "abcdxy" needs two, "zbcdef" one.
        #expect(NameSuggester.suggestions(for: "abcdef", among: ["abcdxy", "zbcdef"]) == ["zbcdef", "abcdxy"])
    }

    @Test("a case-insensitive match ranks before closer-looking typos")
    func caseFirst() {
        #expect(NameSuggester.suggestions(for: "Mentor", among: ["Mentos", "mentor", "Mentors"]) == ["mentor", "Mentors", "Mentos"])
    }

    @Test("prefix and substring hints come after edit-distance matches")
    func containment() {
        #expect(NameSuggester.suggestions(for: "start", among: ["start_date", "restart", "stat"]) == ["stat", "restart", "start_date"])
        #expect(NameSuggester.suggestions(for: "mentorship", among: ["mentor", "ship"]) == ["mentor", "ship"])
        // Hints need three scalars on both sides, or every short name would match.
        #expect(NameSuggester.suggestions(for: "xmen", among: ["me", "men"]) == ["men"])
    }

    @Test("the name itself and duplicates are not suggested")
    func selfAndDuplicates() {
        #expect(NameSuggester.suggestions(for: "mentr", among: ["mentor", "mentr", "mentor"]) == ["mentor"])
    }

    @Test("names compare by scalars; canonically equivalent spellings are the best hint")
    func unicode() {
        #expect(NameSuggester.suggestions(for: "naive", among: ["naïve"]) == ["naïve"])
        #expect(NameSuggester.suggestions(for: "cafe\u{301}", among: ["cafes", "café", "caff"]) == ["café", "cafes"])
        #expect(NameSuggester.suggestions(for: "名前", among: ["名前s", "名"]) == ["名", "名前s"])
    }

    @Test("a large scope: ten thousand candidates give the same answer as a small one")
    func largeScope() {
        var candidates = (0..<10_000).map { "generated_name_\($0)" }
        candidates.insert("mentor", at: 5_000)
        #expect(NameSuggester.suggestions(for: "mentr", among: candidates) == ["mentor"])
        #expect(NameSuggester.suggestions(for: "generated_name_42x", among: candidates)
            == ["generated_name_42", "generated_name_420", "generated_name_421"])
    }

    @Test("in a set past the full-scan limit, a lookup ranks a bounded number of names")
    func boundedLookup() {
        // Every name shares most of its trigrams with every other: the adversarial case, where
        // ranking all of them made 8,000 lookups among 8,000 names take minutes.
        let names = (0..<8_000).map { "value_\($0)" }
        let set = SuggestionCandidates(names)
        var visited = 0
        set.forEachCandidate(for: SuggestionCandidates.Entry("valeu_4711")) { _ in visited += 1 }
        #expect(visited <= SuggestionCandidates.rankedLimit)
        #expect(NameSuggester.suggestions(for: "valeu_4711", among: [set]).first == "value_4711")
        #expect(NameSuggester.suggestions(for: "vlaue_4711", among: [set]).first == "value_4711")
        // A small set is scanned whole, however unlike the names are.
        var all = 0
        SuggestionCandidates(names.prefix(100)).forEachCandidate(for: SuggestionCandidates.Entry("x")) { _ in all += 1 }
        #expect(all == 100)
    }

    @Test("in a large set the names equal ignoring case are never left out")
    func caseMatchesInALargeSet() {
        var names = (0..<5_000).map { "Item_\($0)" }
        names.append("ITEM_77")
        let set = SuggestionCandidates(names)
        #expect(NameSuggester.suggestions(for: "item_77", among: [set], limit: 2) == ["ITEM_77", "Item_77"])
    }

    @Test("prepared sets, split in any way, suggest what one list does", arguments: [
        ("goal", ["coal", "gaol", "goals", "goat", "goal_set", "gal", "Goal"]),
        ("Mentor", ["Mentos", "mentor", "Mentors", "mentorship", "tor"]),
        ("cafe\u{301}", ["cafes", "café", "caff", "CAFÉ"]),
        ("start", ["start_date", "restart", "stat", "tarts", "sTaRt"]),
        ("名前", ["名前s", "名", "前名"]),
    ])
    func preparedSets(_ example: (name: String, candidates: [String])) {
        let whole = NameSuggester.suggestions(for: example.name, among: example.candidates, limit: 10)
        for split in 0...example.candidates.count {
            var grown = SuggestionCandidates(example.candidates[..<split])
            let rest = SuggestionCandidates(example.candidates[split...])
            #expect(NameSuggester.suggestions(for: example.name, among: [grown, rest], limit: 10) == whole)
            grown.append(contentsOf: example.candidates[split...])
            #expect(NameSuggester.suggestions(for: example.name, among: [grown], limit: 10) == whole)
        }
    }

    @Test("optimal string alignment distances", arguments: [
        ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3),
        ("ab", "ba", 1), ("abcd", "acbd", 1),
        // OSA does not edit a swapped pair again; full Damerau–Levenshtein would give 2.
        ("ca", "abc", 3),
        ("日本", "本日", 1),
    ])
    func distance(a: String, b: String, expected: Int) {
        #expect(EditDistance.optimalStringAlignment(a, b) == expected)
        #expect(EditDistance.optimalStringAlignment(b, a) == expected)
    }

    @Test("a bounded distance gives up beyond its bound")
    func bounded() {
        let a = Array("kitten".unicodeScalars.map(\.value))
        let b = Array("sitting".unicodeScalars.map(\.value))
        #expect(EditDistance.optimalStringAlignment(a, b, bound: 2) == nil)
        #expect(EditDistance.optimalStringAlignment(a, b, bound: 3) == 3)
        #expect(EditDistance.optimalStringAlignment(a, [1, 2], bound: 3) == nil)
    }
}

@Suite("Edit distance against a reference")
struct EditDistanceReferenceTests {
    /// The textbook full-table OSA, without bounds, affix stripping or rolling rows.
    static func reference(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    @Test("random strings over a small alphabet agree with the reference, for every bound")
    func randomPairs() {
        // A fixed linear congruential generator: the same cases on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ range: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(range))
        }
        for _ in 0..<2_000 {
            let a = (0..<next(7)).map { _ in UInt32(0x61 + next(3)) }
            let b = (0..<next(7)).map { _ in UInt32(0x61 + next(3)) }
            let expected = Self.reference(a, b)
            for bound in 0...7 {
                let bounded = EditDistance.optimalStringAlignment(a, b, bound: bound)
                #expect(bounded == (expected <= bound ? expected : nil), "\(a) \(b) bound \(bound)")
            }
        }
    }
}
