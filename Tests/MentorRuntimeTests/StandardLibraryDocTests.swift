import Foundation
@testable import MentorRuntime
import Testing

/// docs/std.md shows each standard rule's source; it must be the source that ships, so the page
/// cannot drift from what `import std` runs (it did once, when `status` became a symbol).
@Suite("Standard library documentation")
struct StandardLibraryDocTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/std.md")

    /// The ```mentor blocks of the page that declare a rule, keyed by the rule's name.
    static func documentedRules() throws -> [String: String] {
        let text = try String(contentsOf: page, encoding: .utf8)
        var rules: [String: String] = [:]
        var block: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if block == nil, line == "```mentor" {
                block = []
            } else if let lines = block, line == "```" {
                if let first = lines.first, first.hasPrefix("rule "), let name = first.split(separator: " ").dropFirst().first {
                    rules[String(name)] = lines.joined(separator: "\n")
                }
                block = nil
            } else if block != nil {
                block?.append(line)
            }
        }
        return rules
    }

    @Test("every standard rule is shown on docs/std.md, exactly as it ships")
    func rulesMatchTheSource() throws {
        let documented = try Self.documentedRules()
        #expect(Set(documented.keys) == Set(StandardLibrary.ruleNames))
        for (name, source) in documented.sorted(by: { $0.key < $1.key }) {
            #expect((StandardLibrary.source + "\n").contains(source + "\n"), "docs/std.md's `\(name)` differs from the shipped rule")
        }
    }
}
