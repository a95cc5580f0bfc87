import Foundation
import MentorDiagnostics
import Testing

@testable import MentorCLI

/// Writes `Sources/MentorCLI/DiagnosticDocs.swift` from the sections of `docs/diagnostics/*.md`
/// whose heading is `## M0501 — title` (or `###`): each section runs to the next heading of
/// its level or above, outside code blocks.
enum DiagnosticDocsSource {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let generatedPath = root.appendingPathComponent("Sources/MentorCLI/DiagnosticDocs.swift")

    struct Section {
        let number: Int
        let title: String
        let page: String
        let markdown: String
    }

    static func sections() throws -> [Section] {
        let folder = root.appendingPathComponent("docs/diagnostics")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        var result: [Section] = []
        for page in pages {
            let text = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
            result += sections(of: text, page: page)
        }
        return result.sorted { $0.number < $1.number }
    }

    static func sections(of text: String, page: String) -> [Section] {
        var result: [Section] = []
        var open: (level: Int, number: Int, title: String, lines: [Substring])?
        var inCode = false
        func close() {
            guard let section = open else { return }
            var lines = section.lines
            while lines.first?.allSatisfy({ $0 == " " }) == true { lines.removeFirst() }
            while lines.last?.allSatisfy({ $0 == " " }) == true { lines.removeLast() }
            result.append(Section(number: section.number, title: section.title, page: page, markdown: lines.joined(separator: "\n")))
            open = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle() }
            let level = line.prefix(while: { $0 == "#" }).count
            if !inCode, level > 0, line.dropFirst(level).first == " " {
                if let section = open, level <= section.level { close() }
                let heading = line.dropFirst(level + 1)
                if open == nil, let dash = heading.range(of: " — "), let number = DiagnosticDocs.number(spelledAs: String(heading[..<dash.lowerBound])),
                   heading.first == "M" {
                    open = (level, number, String(heading[dash.upperBound...]), [])
                    continue
                }
            }
            open?.lines.append(line)
        }
        close()
        return result
    }

    static func swiftSource() throws -> String {
        var source = """
            // Generated from docs/diagnostics/*.md by Tests/MentorCLITests/DiagnosticDocsTests.swift; do not edit.
            // After changing those pages: MENTOR_UPDATE_DOCS=1 swift test --filter DiagnosticDocsTests, then review the diff.

            /// The sections of `docs/diagnostics/` that document a code, embedded for `mentor explain` and SARIF.
            enum DiagnosticDocs {
                /// Every documented code, in code order.
                static let all: [DiagnosticDoc] = [

            """
        for section in try sections() {
            for text in [section.title, section.markdown] {
                precondition(!text.contains("\"##") && !text.contains("\\##"), "docs/diagnostics/\(section.page) needs a longer raw-string delimiter")
            }
            let body = section.markdown.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "            " + $0 }.joined(separator: "\n")
            source += """
                        DiagnosticDoc(
                            number: \(section.number), title: ##"\(section.title)"##, page: "\(section.page)",
                            markdown: ##\"""
                \(body)
                            \"""##),

                """
        }
        source += "    ]\n}\n"
        return source
    }
}

@Suite("Diagnostic documentation")
struct DiagnosticDocsTests {
    @Test("Sources/MentorCLI/DiagnosticDocs.swift is generated from docs/diagnostics/")
    func generatedFileMatchesTheDocs() throws {
        let generated = try DiagnosticDocsSource.swiftSource()
        if ProcessInfo.processInfo.environment["MENTOR_UPDATE_DOCS"] == "1" {
            try generated.write(to: DiagnosticDocsSource.generatedPath, atomically: true, encoding: .utf8)
            return
        }
        let current = try String(contentsOf: DiagnosticDocsSource.generatedPath, encoding: .utf8)
        #expect(current == generated,
                "Sources/MentorCLI/DiagnosticDocs.swift differs from docs/diagnostics/; run MENTOR_UPDATE_DOCS=1 swift test --filter DiagnosticDocsTests and review the diff")
    }

    @Test("the embedded sections are the pages' text, one per code")
    func embeddedSectionsAreThePages() throws {
        let sections = try DiagnosticDocsSource.sections()
        #expect(DiagnosticDocs.all.map(\.number) == sections.map(\.number))
        #expect(DiagnosticDocs.all.map(\.markdown) == sections.map(\.markdown))
        #expect(Set(sections.map(\.number)).count == sections.count, "a code is documented twice")
    }

    @Test("every code in the index docs/diagnostics.md has its section")
    func indexCodesAreDocumented() throws {
        let index = try String(contentsOf: DiagnosticDocsSource.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let listed = index.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("| [M") else { return nil }
            return DiagnosticDocs.number(spelledAs: String(line.dropFirst(3).prefix(5)))
        }
        #expect(!listed.isEmpty)
        for number in listed {
            #expect(DiagnosticDocs.doc(for: DiagnosticCode(number)) != nil, "\(DiagnosticCode(number)) has no section in docs/diagnostics/")
        }
    }

    @Test("a section's first paragraph, fix and plain help")
    func summaryAndFix() throws {
        let doc = try #require(DiagnosticDocs.doc(for: DiagnosticCode(501)))
        #expect(doc.title == "unknown field")
        #expect(doc.page == "domain.md")
        #expect(doc.summary == "A field that the declaration's kind does not have. The diagnostic suggests the closest field name and lists them all.")
        #expect(doc.fix?.hasPrefix("correct the spelling.") == true)
        #expect(doc.plainHelp == doc.summary + "\n\nFix: " + (doc.fix ?? ""))
        #expect(doc.explanation.hasPrefix("# M0501 — unknown field\n\nA field that"))
    }

    @Test("codes are spelled M0501, m0501, 0501 or 501", arguments: ["M0501", "m0501", "0501", "501"])
    func spellings(_ text: String) {
        #expect(DiagnosticDocs.number(spelledAs: text) == 501)
    }

    @Test("what is not a code's spelling", arguments: ["", "M", "M05010", "M05a1", "X0501", "+501", "٥٠١"])
    func notCodes(_ text: String) {
        #expect(DiagnosticDocs.number(spelledAs: text) == nil)
    }

    @Test("the nearest codes, in code order")
    func nearest() {
        #expect(DiagnosticDocs.nearest(to: 519).map(\.description) == ["M0517", "M0520", "M0521"])
        #expect(DiagnosticDocs.nearest(to: 9999).count == 3)
    }
}
