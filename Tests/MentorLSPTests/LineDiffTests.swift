@testable import MentorLSP
import Testing

/// Formatting edits: only the lines whose layout changed are replaced.
@Suite("Line diff")
struct LineDiffTests {
    func apply(_ hunks: [LineDiff.Hunk], to old: String) -> String {
        var bytes = Array(old.utf8)
        for hunk in hunks.reversed() { bytes.replaceSubrange(hunk.original, with: Array(hunk.replacement.utf8)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("the hunks turn the old text into the new", arguments: [
        ("a\nb\nc\n", "a\nB\nc\n"), ("a\nb\n", "a\nb\nc\n"), ("x\na\nb\n", "a\nb\n"), ("", "a\n"), ("a\n", ""),
        ("a\nb\nc\nd\n", "a\nx\nc\ny\n"), ("a", "a\n"), ("same\n", "same\n"),
    ])
    func applies(old: String, new: String) {
        #expect(apply(LineDiff.hunks(from: Array(old.utf8), to: Array(new.utf8)), to: old) == new)
    }

    @Test("unchanged lines between two changes are left alone")
    func separateHunks() {
        let hunks = LineDiff.hunks(from: Array("a\nb\nc\nd\n".utf8), to: Array("a\nx\nc\ny\n".utf8))
        #expect(hunks == [LineDiff.Hunk(original: 2..<4, replacement: "x\n"), LineDiff.Hunk(original: 6..<8, replacement: "y\n")])
    }
}
