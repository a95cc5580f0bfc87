import Testing

@testable import MentorREPL

@Suite("Completion")
struct CompletionTests {
    @Test("one candidate replaces the word before the cursor")
    func singleCandidate() {
        let line = "ana_dave.sch"
        let completion = Completion(
            replacingFrom: line.firstIndex(of: ".").map(line.index(after:))!, in: line, candidates: ["schedule"])
        #expect(completion.replacementStart == 9)
        #expect(completion.plan(for: line) == CompletionPlan(word: "sch", replacement: "schedule", listing: []))
    }

    @Test("several candidates insert their longest common prefix and are listed")
    func severalCandidates() {
        let plan = Completion(replacementStart: 9, candidates: ["start", "status"]).plan(for: "ana_dave.s")
        #expect(plan == CompletionPlan(word: "s", replacement: "sta", listing: ["start", "status"]))
    }

    @Test("candidates with nothing more in common leave the word as typed")
    func noLongerPrefix() {
        let plan = Completion(replacementStart: 0, candidates: ["start", "schedule"]).plan(for: "s")
        #expect(plan == CompletionPlan(word: "s", replacement: "s", listing: ["start", "schedule"]))
    }

    @Test("offsets count UTF-8 bytes, and must fall on a character boundary inside the line")
    func offsets() {
        let line = "\"Inês\" + Inê"
        let start = line.range(of: "Inê", options: .backwards)!.lowerBound
        let completion = Completion(replacingFrom: start, in: line, candidates: ["Inês"])
        #expect(completion.replacementStart == 10)
        #expect(completion.plan(for: line)?.word == "Inê")
        #expect(Completion(replacementStart: 3, candidates: ["x"]).plan(for: "Inês") == nil)
        #expect(Completion(replacementStart: 99, candidates: ["x"]).plan(for: "abc") == nil)
        #expect(Completion.none.plan(for: "abc") == nil)
    }

    @Test(
        "longest common prefix",
        arguments: [
            (["schedule", "sessions", "status"], "s"),
            (["start", "status"], "sta"),
            (["Inês", "Inêz"], "Inê"),
            (["same"], "same"),
            (["a", "b"], ""),
        ])
    func commonPrefix(strings: [String], prefix: String) {
        #expect(Completion.longestCommonPrefix(of: strings) == prefix)
    }

    @Test("listings fill columns top to bottom within the terminal width")
    func listingColumns() {
        let names = ["alpha", "beta", "gamma", "delta", "epsilon"]
        #expect(
            CompletionListing.lines(for: names, width: 30) == [
                "alpha    gamma    epsilon",
                "beta     delta",
            ])
        #expect(CompletionListing.lines(for: names, width: 8) == names)
        #expect(CompletionListing.lines(for: [], width: 80).isEmpty)
    }

    @Test(
        "rows below the cursor, so a listing starts under the whole line",
        arguments: [
            ("mentor> ", "abc", "", 80, 0),
            ("mentor> ", "abc", "def", 80, 0),
            ("mentor> ", "ab", String(repeating: "x", count: 100), 40, 2),
            ("mentor> ", "[1,", "\n2,\n3]", 80, 2),
            ("mentor> ", String(repeating: "x", count: 40), "y", 40, 0),
        ])
    func rowsBelow(prompt: String, before: String, after: String, width: Int, rows: Int) {
        #expect(TerminalRows.below(prompt: prompt, beforeCursor: before, afterCursor: after, width: width) == rows)
    }
}
