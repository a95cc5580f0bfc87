import MentorDiagnostics
import MentorSyntax
import PropertyBased
import Testing
import MentorSource

@Suite("Formatter properties")
struct FormatterPropertyTests {
    @Test("random programmes format idempotently to the same tree")
    func randomProgrammes() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...Int.max)) { seed in
            FormatterPropertyTests.checkFormatting(seed: seed)
        }
    }

    /// Seeds that once failed: 435236456558570279 made the generator put a record literal
    /// statement under a declaration without a body, where `{` reads as that body;
    /// 5735804178397014984 has a one-line declaration that a trailing block comment pushes
    /// past the width, which the formatter broke without the empty line a second run added.
    @Test("seeds that once failed", arguments: [435_236_456_558_570_279, 5_735_804_178_397_014_984])
    func seedsThatOnceFailed(seed: Int) {
        FormatterPropertyTests.checkFormatting(seed: seed)
    }

    /// The generated programme parses, and formatting it is idempotent and keeps its tree.
    static func checkFormatting(seed: Int) {
        let programme = RandomProgramme.make(seed: UInt64(seed))
        let file = SourceFile(id: FileID(0), path: "random.mentor", text: programme)
        let parsed = Parser.parse(file)
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "the generator wrote invalid Mentor (seed \(seed)):\n\(programme)\n\(errors.map(\.message))")
        guard errors.isEmpty else { return }
        let once = SourceFormatter.format(parsed.syntax, source: file)
        guard let twice = formatted(once) else {
            Issue.record("formatted text does not parse (seed \(seed)):\n\(programme)\n--- formatted:\n\(once)")
            return
        }
        #expect(twice == once, "not idempotent (seed \(seed)): \(firstDifference(once, twice))\n--- once:\n\(once)")
        #expect(treeDump(once) == treeDump(programme),
                "tree changed (seed \(seed)): \(firstDifference(treeDump(programme), treeDump(once)))\n--- source:\n\(programme)\n--- formatted:\n\(once)")
    }
}

/// The first line where two texts differ, with the line before it, for short failure messages.
func firstDifference(_ expected: String, _ actual: String) -> String {
    let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(left.count, right.count) {
        let a = index < left.count ? String(left[index]) : "<end>"
        let b = index < right.count ? String(right[index]) : "<end>"
        if a != b {
            let before = index > 0 ? String(left[index - 1]) : ""
            return "line \(index + 1), after \(before.debugDescription):\n  expected \(a.debugDescription)\n  actual   \(b.debugDescription)"
        }
    }
    return "no difference"
}
