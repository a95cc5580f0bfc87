import Testing
import MentorRuntime
import MentorSource

@Suite("Position queries: document and workspace symbols")
struct DocumentSymbolQueryTests {
    @Test("the outline nests goals in agreements and sessions in agendas, in source order")
    func outline() throws {
        let fixture = try QueryFixture.credentialExample()
        let symbols = fixture.queries.documentSymbols(in: fixture.file("agreements/ana_dave.mentor").id)
        #expect(symbols.map { "\($0.symbol.kind.word) \($0.symbol.name)" } == [
            "agreement ana_dave", "agenda ana_dave_plan",
            "test the default rhythm gives 15 sessions in the first year", "test no_supervisor catches a supervising mentor",
        ])
        #expect(symbols[0].children.map(\.symbol.name) == ["savings", "negotiation"])
        #expect(symbols[1].children.map(\.symbol.name) == ["1", "2", "3", "4"])
        #expect(symbols[0].children[0].symbol.title == "Cut procurement cost")
        #expect(fixture.text(symbols[0].symbol.span).hasPrefix("agreement ana_dave {"))
        #expect(fixture.text(symbols[0].symbol.span).hasSuffix("}"))
    }

    @Test("the programme's outline: program, competencies, pathway with steps, rules")
    func programOutline() throws {
        let fixture = try QueryFixture.credentialExample()
        let symbols = fixture.queries.documentSymbols(in: fixture.file("program.mentor").id)
        #expect(symbols.map(\.symbol.kind.word) == ["program", "competency", "competency", "competency", "competency", "pathway", "rule", "rule", "rule"])
        #expect(symbols[5].children.count == 7)
        #expect(symbols[0].symbol.docComment?.hasPrefix("The Mentor Credential Program") == true)
    }

    @Test("top-level lets and fns are in the outline")
    func letsAndFunctions() {
        let fixture = QueryFixture([("main.mentor", "/// Twice.\nfn double(x) = x * 2\nlet four = double(2)\nperson p\n")])
        let symbols = fixture.queries.documentSymbols(in: fixture.file("main.mentor").id)
        #expect(symbols.map { "\($0.symbol.kind.word) \($0.symbol.name)" } == ["fn double", "let four", "person p"])
        #expect(symbols[0].symbol.docComment == "Twice.")
    }

    @Test("workspace symbols match by prefix, then substring, then letters in order")
    func workspaceSymbols() throws {
        let fixture = try QueryFixture.credentialExample()
        let names = fixture.queries.workspaceSymbols(matching: "ana").map(\.name)
        #expect(Array(names.prefix(4)) == ["ana", "ana_dave", "ana_dave_plan", "ana_ines"])
        let fuzzy = fixture.queries.workspaceSymbols(matching: "smgl").map(\.name)
        #expect(fuzzy.contains("smart_goals"))
        #expect(!fixture.queries.workspaceSymbols(matching: "").isEmpty)
        #expect(fixture.queries.workspaceSymbols(matching: "zzzz").isEmpty)
    }
}
