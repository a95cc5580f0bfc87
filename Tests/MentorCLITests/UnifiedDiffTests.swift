import Testing

@testable import MentorCLI

@Suite("Unified diff")
struct UnifiedDiffTests {
    /// The lines of `b` rebuilt from `a` by the script, or nil when the script does not fit `a` and `b`.
    private static func apply(_ edits: [UnifiedDiff.Edit], _ a: [Int], _ b: [Int]) -> [Int]? {
        var result: [Int] = []
        var i = 0
        var j = 0
        for edit in edits {
            switch edit {
            case .keep:
                guard i < a.count, j < b.count, a[i] == b[j] else { return nil }
                result.append(a[i])
                i += 1
                j += 1
            case .delete:
                guard i < a.count else { return nil }
                i += 1
            case .insert:
                guard j < b.count else { return nil }
                result.append(b[j])
                j += 1
            }
        }
        return i == a.count ? result : nil
    }

    /// The length of the longest common subsequence, by the quadratic table: the reference the search must match.
    private static func lcs(_ a: [Int], _ b: [Int]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in a.indices.reversed() {
            for j in b.indices.reversed() {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    @Test("the script rebuilds the new text and is as short as any, on random line sequences")
    func scriptsAreShortest() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0...14, using: &generator)).map { _ in Int.random(in: 0...4, using: &generator) }
            let b = (0..<Int.random(in: 0...14, using: &generator)).map { _ in Int.random(in: 0...4, using: &generator) }
            let edits = UnifiedDiff.script(from: a, to: b)
            #expect(Self.apply(edits, a, b) == b, "\(a) → \(b)")
            let kept = edits.filter { $0 == .keep }.count
            #expect(kept == Self.lcs(a, b), "\(a) → \(b): \(kept) lines kept, the longest common subsequence has \(Self.lcs(a, b))")
        }
    }

    @Test("past the search bound the middle is replaced whole, still a correct script")
    func boundedSearchFallsBack() {
        let a = Array(0..<5_000)
        let b = Array(5_000..<10_000)
        #expect(UnifiedDiff.shortestScript(a[...], b[...], maxCost: 100) == nil)
        let edits = UnifiedDiff.script(from: [-1] + a + [-2], to: [-1] + b + [-2])
        #expect(Self.apply(edits, [-1] + a + [-2], [-1] + b + [-2]) == [-1] + b + [-2])
    }

    @Test("a large file with one change stays fast and gives one hunk")
    func largeFileFewChanges() throws {
        var old = ""
        for line in 0..<200_000 { old += "line \(line)\n" }
        let new = old.replacingOccurrences(of: "line 100000\n", with: "changed\n")
        let diff = try #require(UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), oldLabel: "a/f", newLabel: "b/f"))
        #expect(diff == """
            --- a/f
            +++ b/f
            @@ -99998,7 +99998,7 @@
             line 99997
             line 99998
             line 99999
            -line 100000
            +changed
             line 100001
             line 100002
             line 100003

            """)
    }

    @Test("hunk headers as diff -u writes them: counts of 1 left out, an empty side names the line before")
    func hunkHeaders() throws {
        let inserted = try #require(UnifiedDiff.render(old: Array("".utf8), new: Array("a\n".utf8), oldLabel: "a/f", newLabel: "b/f"))
        #expect(inserted == "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n")
        let deleted = try #require(UnifiedDiff.render(old: Array("a\nb\n".utf8), new: Array("a\n".utf8), oldLabel: "a/f", newLabel: "b/f"))
        #expect(deleted == "--- a/f\n+++ b/f\n@@ -1,2 +1 @@\n a\n-b\n")
        #expect(UnifiedDiff.render(old: Array("same\n".utf8), new: Array("same\n".utf8), oldLabel: "a/f", newLabel: "b/f") == nil)
    }

    @Test("changes more than six lines apart make two hunks; closer ones share one")
    func hunkJoining() {
        let old = (1...20).map { "\($0)\n" }.joined()
        let apart = old.replacingOccurrences(of: "\n2\n", with: "\nX\n").replacingOccurrences(of: "\n10\n", with: "\nY\n")
        let twoHunks = UnifiedDiff.render(old: Array(old.utf8), new: Array(apart.utf8), oldLabel: "a", newLabel: "b") ?? ""
        #expect(twoHunks.components(separatedBy: "@@ -").count - 1 == 2)
        let close = old.replacingOccurrences(of: "\n2\n", with: "\nX\n").replacingOccurrences(of: "\n9\n", with: "\nY\n")
        let oneHunk = UnifiedDiff.render(old: Array(old.utf8), new: Array(close.utf8), oldLabel: "a", newLabel: "b") ?? ""
        #expect(oneHunk.components(separatedBy: "@@ -").count - 1 == 1)
    }
}
