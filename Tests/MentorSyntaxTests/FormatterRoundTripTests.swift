import Foundation
import MentorDiagnostics
import MentorSyntax
import Testing
import MentorSource

/// Every Mentor text the repository holds: golden inputs, examples, fixtures, and the
/// ```mentor blocks of the docs.
enum RepositorySources {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Sample: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    static func all() -> [Sample] {
        var samples: [Sample] = []
        for folder in ["Tests/Golden", "Tests/Fixtures", "Examples"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            while let relative = walker.nextObject() as? String {
                guard relative.hasSuffix(".mentor") else { continue }
                guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(relative).path) else { continue }
                samples.append(Sample(name: folder + "/" + relative, text: String(decoding: data, as: UTF8.self)))
            }
        }
        let docs = root.appendingPathComponent("docs")
        if let walker = FileManager.default.enumerator(atPath: docs.path) {
            while let relative = walker.nextObject() as? String {
                guard relative.hasSuffix(".md") else { continue }
                guard let data = FileManager.default.contents(atPath: docs.appendingPathComponent(relative).path) else { continue }
                for (index, block) in mentorBlocks(String(decoding: data, as: UTF8.self)).enumerated() {
                    samples.append(Sample(name: "docs/\(relative)#\(index + 1)", text: block))
                }
            }
        }
        return samples.sorted { $0.name < $1.name }
    }

    /// The contents of the ```mentor fences of a Markdown text.
    static func mentorBlocks(_ markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```mentor" {
                current = []
            } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append(current!.joined(separator: "\n") + "\n")
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }
}

/// Formats `text`, or nil when it has syntax errors.
func formatted(_ text: String) -> String? {
    SourceFormatter.format(SourceFile(id: FileID(0), path: "t.mentor", text: text)).formatted
}

/// The span-insensitive dump of `text`'s tree and comments.
func treeDump(_ text: String) -> String {
    let file = SourceFile(id: FileID(0), path: "t.mentor", text: text)
    return SyntaxTreeDump.render(Parser.parse(file).syntax, source: file)
}

@Suite("Formatter round trips")
struct FormatterRoundTripTests {
    @Test("formatting is idempotent and keeps the tree", arguments: RepositorySources.all())
    func roundTrip(_ sample: RepositorySources.Sample) throws {
        guard let once = formatted(sample.text) else { return }  // files with syntax errors are refused
        let twice = try #require(formatted(once), "formatted text does not parse:\n\(once)")
        #expect(twice == once, "formatting is not idempotent")
        #expect(treeDump(once) == treeDump(sample.text), "formatting changed the tree")
    }

    @Test("the repository has samples to format")
    func samplesExist() {
        let samples = RepositorySources.all()
        #expect(samples.count > 50)
        #expect(samples.filter { formatted($0.text) != nil }.count > 30)
    }
}
