import Foundation
import Testing

/// One ```mentor block of a document, with the ```output block that follows it, if any.
struct DocumentationExample: CustomTestStringConvertible, Sendable {
    let document: String
    let line: Int
    let source: String
    let expectedOutput: String?

    var testDescription: String { "\(document):\(line)" }

    /// The examples of the documents whose examples are promised to run.
    static func all() -> [DocumentationExample] {
        ["docs/reference.md"].flatMap { examples(in: $0) }
    }

    static func examples(in document: String) -> [DocumentationExample] {
        let url = GoldenCase.root.appendingPathComponent(document)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let lines = text.components(separatedBy: "\n")
        var examples: [DocumentationExample] = []
        var index = 0
        func block(from start: Int) -> (body: String, end: Int) {
            var end = start + 1
            while end < lines.count, lines[end] != "```" { end += 1 }
            return (lines[(start + 1)..<min(end, lines.count)].joined(separator: "\n") + "\n", end)
        }
        while index < lines.count {
            guard lines[index] == "```mentor" else {
                index += 1
                continue
            }
            let (source, end) = block(from: index)
            var next = end + 1
            while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
            var output: String?
            if next < lines.count, lines[next] == "```output" {
                let (body, outputEnd) = block(from: next)
                output = body
                next = outputEnd + 1
            }
            examples.append(DocumentationExample(document: document, line: index + 1, source: source, expectedOutput: output))
            index = next
        }
        return examples
    }
}

@Suite("Documentation examples", .serialized)
struct DocumentationExampleTests {
    @Test func documentsHaveExamples() {
        #expect(DocumentationExample.all().count >= 8)
    }

    @Test(arguments: DocumentationExample.all())
    func exampleRuns(_ example: DocumentationExample) throws {
        // The process ID keeps two checkouts testing at once from sharing one file.
        let name = "doc-example-\(ProcessInfo.processInfo.processIdentifier)-\(example.line).mentor"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try example.source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = runMentor(["run", "--today", "2026-06-01", path])
        if let expected = example.expectedOutput {
            #expect(result.stdout + result.stderr == expected)
        } else {
            #expect(result.stderr == "")
            #expect(result.status == 0)
        }
    }
}
