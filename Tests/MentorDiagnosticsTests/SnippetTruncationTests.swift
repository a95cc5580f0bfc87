import MentorDiagnostics
import Testing
import MentorSource

/// A snippet shows at most `maxColumns` display columns of a long line, cut around its
/// markers, so the size of one diagnostic does not grow with the line.
@Suite("Snippets of long lines")
struct SnippetTruncationTests {
    static let maxColumns = 200

    /// The source line and the marker rows of `diagnostic` rendered without colour.
    static func snippet(_ fixture: Fixture, _ diagnostic: Diagnostic) -> (source: String, markers: [String]) {
        let rendered = fixture.plain(diagnostic).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let source = rendered.first { $0.hasPrefix("1 | ") }.map { String($0.dropFirst(4)) } ?? ""
        let markers = rendered.dropFirst(3).filter { $0.hasPrefix("  | ") }.map { String($0.dropFirst(4)) }
        return (source, markers)
    }

    /// The text under the carets of `marker`, read from the shown `source` by display column.
    static func underCarets(_ source: String, _ marker: String, symbol: Character = "^") -> String {
        let first = marker.prefix { $0 == " " }.count
        let width = marker.dropFirst(first).prefix { $0 == symbol }.count
        var column = 0
        var result = ""
        for scalar in source.unicodeScalars {
            let end = column + DisplayText.width(String(scalar))
            if column >= first, end <= first + width { result.unicodeScalars.append(scalar) }
            column = end
        }
        return result
    }

    @Test("a long line is cut around the span with … on the cut sides", arguments: [
        // (text before the name, text after it, cut before, cut after)
        ("", String(repeating: ", 1", count: 2_000), false, true),
        (String(repeating: "1, ", count: 2_000), String(repeating: ", 1", count: 2_000), true, true),
        (String(repeating: "1, ", count: 2_000), "", true, false),
        (String(repeating: "\"日本\t語\", ", count: 500), String(repeating: ", \"名前\t\"", count: 500), true, true),
    ])
    func cutAroundTheSpan(before: String, after: String, cutBefore: Bool, cutAfter: Bool) {
        let fixture = Fixture("long.mentor", "[" + before + "target_name" + after + "]\n")
        let diagnostic = Diagnostic(DiagnosticCode(301), .error, "cannot find `target_name`", at: fixture.span("target_name"))
        let (source, markers) = Self.snippet(fixture, diagnostic)
        #expect(DisplayText.width(source) <= Self.maxColumns)
        #expect(source.hasPrefix("…") == cutBefore)
        #expect(source.hasSuffix("…") == cutAfter)
        #expect(markers.count == 1)
        #expect(Self.underCarets(source, markers[0]) == "target_name")
    }

    @Test("one diagnostic on a 12 MB line writes a few hundred bytes")
    func hugeLine() {
        let line = String(repeating: "x", count: 6_000_000) + " target " + String(repeating: "y", count: 6_000_000)
        let fixture = Fixture("huge.mentor", line + "\n")
        let diagnostic = Diagnostic(DiagnosticCode(301), .error, "cannot find `target`", at: fixture.span("target"))
        let rendered = fixture.plain(diagnostic)
        #expect(rendered.utf8.count < 1_000)
        let (source, markers) = Self.snippet(fixture, diagnostic)
        #expect(Self.underCarets(source, markers[0]) == "target")
    }

    @Test("a label beyond the cut sits on the … of its side")
    func labelBeyondTheCut() {
        let fixture = Fixture("far.mentor", "let s = \"" + String(repeating: "text ", count: 1_000) + "end\n")
        let end = Span(file: fixture.file.id, start: UInt32(fixture.file.bytes.count - 1), end: UInt32(fixture.file.bytes.count - 1))
        let diagnostic = Diagnostic(DiagnosticCode(104), .error, "unterminated string", at: fixture.span("\""),
                                    label: "opened here", labels: [DiagnosticLabel(span: end, message: "line ends")])
        let (source, markers) = Self.snippet(fixture, diagnostic)
        #expect(source.hasSuffix("…") && !source.hasPrefix("…"))
        #expect(markers.count == 2)
        #expect(Self.underCarets(source, markers[0]) == "\"")
        #expect(Self.underCarets(source, markers[1], symbol: "-") == "…")
    }

    @Test("a cut never splits a character or an escape", arguments: [
        String(repeating: "é", count: 1_500), String(repeating: "\u{1B}", count: 1_500), String(repeating: "🎉", count: 1_500),
    ])
    func cutsBetweenCharacters(filler: String) {
        let fixture = Fixture("cut.mentor", "\"" + filler + "\" + target + \"" + filler + "\"\n")
        let diagnostic = Diagnostic(DiagnosticCode(301), .error, "cannot find `target`", at: fixture.span("target"))
        let (source, markers) = Self.snippet(fixture, diagnostic)
        #expect(!source.contains("\\x{"), "a multi-byte character was split: \(source)")
        #expect(!source.contains("\u{1B}"))
        #expect(DisplayText.width(source) <= Self.maxColumns)
        #expect(Self.underCarets(source, markers[0]) == "target")
    }
}
