import Testing
import MentorRuntime
import MentorSource

@Suite("Position queries: folding ranges and semantic tokens")
struct FoldingAndTokenQueryTests {
    @Test("declaration bodies, lists over several lines, block comments, comment runs and multi-line strings fold")
    func folding() {
        let source = """
        /* a block
           comment */
        // two line
        // comments
        person p {
          email: "p@example.org"
        }
        let notes = \"\"\"
          one
          two
          \"\"\"
        let xs = [1, 2]
        """
        let fixture = QueryFixture([("main.mentor", source)])
        let ranges = fixture.queries.foldingRanges(in: fixture.file("main.mentor").id)
        #expect(ranges.map { "\($0.kind.rawValue) \(fixture.place($0.span))" } == [
            "comment main.mentor:1:1", "comment main.mentor:3:1", "region main.mentor:5:10", "string main.mentor:8:13",
        ])
    }

    @Test("every token of the example is classified as expected")
    func semanticTokens() throws {
        let fixture = try QueryFixture.credentialExample()
        let file = fixture.file("agreements/ana_dave.mentor")
        let tokens = fixture.queries.semanticTokens(in: file.id)
        func type(of needle: String, occurrence: Int = 0, within context: String? = nil) -> String? {
            var span = fixture.span(of: needle, in: "agreements/ana_dave.mentor", occurrence: occurrence)
            if let context {
                let start = fixture.offset(of: context, in: "agreements/ana_dave.mentor") + UInt32(context.utf8.count - needle.utf8.count)
                span = Span(file: span.file, start: start, end: start + UInt32(needle.utf8.count))
            }
            guard let token = tokens.first(where: { $0.span == span }) else { return nil }
            return ([token.type.rawValue] + token.modifiers.map(\.rawValue).sorted()).joined(separator: " ")
        }
        #expect(type(of: "agreement") == "keyword")
        #expect(type(of: "ana_dave") == "struct declaration")
        #expect(type(of: "mentor") == "property")
        #expect(type(of: "ana", within: "mentor: ana") == "class")
        #expect(type(of: "2026-01-12") == "date")
        #expect(type(of: "15%") == "percentage")
        #expect(type(of: "09:30") == "time")
        #expect(type(of: "true") == "keyword")
        #expect(type(of: "in_person") == "enumMember")
        #expect(type(of: "savings") == "event declaration")
        #expect(type(of: "Cut procurement cost") == "string")
        #expect(type(of: "// term, cadence, session_length and review come from the program") == "comment")
        #expect(type(of: "==") == "operator")
        #expect(type(of: "2", within: "target: 2") == "number")
        #expect(type(of: "violations") == "variable defaultLibrary")
        #expect(type(of: "no_supervisor", within: "violations(no_supervisor") == "macro")
        let spansOnOneLine = tokens.allSatisfy { file.lineIndex(of: $0.span.start) == file.lineIndex(of: $0.span.end - 1) }
        #expect(spansOnOneLine)
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.span.end <= $1.span.start })
        #expect(SemanticTokenType.legend.first == "namespace")
        #expect(SemanticTokenType.legend.contains("duration"))
    }

    @Test("a multi-line string is split into one token a line")
    func multilineToken() {
        let fixture = QueryFixture([("main.mentor", "let s = \"\"\"\n  a\n  b\n  \"\"\"\n")])
        let strings = fixture.queries.semanticTokens(in: fixture.file("main.mentor").id).filter { $0.type == .string }
        #expect(strings.count >= 3)
        #expect(strings.allSatisfy { !fixture.text($0.span).contains("\n") })
    }
}
