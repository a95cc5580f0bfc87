import MentorDiagnostics
import MentorRuntime
import Testing

/// Symbol words are values in every expression: a declared name or a local hides the word,
/// and a symbol compared with a string is an error rather than a silent `false`.
struct SymbolValueTests {
    static let programme = """
        person ana "Ana"
        person dave "Dave"
        agreement ana_dave { mentor: ana, mentee: dave, start: 2026-01-12, channels: [video], booking: mentee }
        """

    /// Runs `source` line by line as REPL entries after the programme: what they print and the codes they report.
    func run(_ source: String) -> (output: String, codes: [String]) {
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { _ in })
        var output = ""
        var codes = engine.evaluateEntry(Self.programme).diagnostics.map(\.code.description)
        for line in source.split(separator: "\n") {
            let result = engine.evaluateEntry(String(line))
            output += result.output
            codes += result.diagnostics.map(\.code.description)
        }
        return (output, codes)
    }

    @Test("a bare word of the vocabulary is a symbol equal to the field's value", arguments: [
        ("print(ana_dave.booking == mentee)", "true\n"),
        ("print(ana_dave.booking != mentor)", "true\n"),
        ("print(ana_dave.channels.contains(video))", "true\n"),
        ("print(ana_dave.channels.contains(chat))", "false\n"),
        ("print(ana_dave.status == active)", "true\n"),
        ("print([video, chat])", "[video, chat]\n"),
        ("print(ana_dave.booking == none)", "false\n"),
    ])
    func symbolsCompare(source: String, expected: String) {
        let result = run(source)
        #expect(result.codes.isEmpty)
        #expect(result.output == expected)
    }

    @Test("a local or a declared name hides the word")
    func declaredNamesWin() {
        #expect(run("fn f(video) = video\nprint(f(3))").output == "// fn f\n3\n")
        #expect(run("person video \"V\"\nprint(video.name)").output == "// person video\nV\n")
    }

    @Test("a symbol compared with a string is M0420; with a person hiding the word, M0311 warns first", arguments: [
        ("print(ana_dave.booking == \"mentee\")", ["M0420"]),
        ("print(ana_dave.channels.contains(\"video\"))", ["M0420"]),
        ("person mentor \"M\"\nprint(ana_dave.booking == mentor)", ["M0311", "M0420"]),
        ("person video \"V\"\nprint(ana_dave.channels.contains(video))", ["M0311", "M0420"]),
        ("person video \"V\"\nprint(video.name)", []),
    ])
    func comparisonWithAnotherTypeIsAnError(source: String, codes: [String]) {
        #expect(run(source).codes == codes)
    }

    @Test("an unknown word in a field lists the words and maps synonyms", arguments: [
        ("agreement x { mentor: ana, mentee: dave, start: 2026-01-12, channels: [zoom] }", "video"),
        ("agreement x { mentor: ana, mentee: dave, start: 2026-01-12, cadence: fortnightly }", "biweekly"),
        ("agreement x { mentor: ana, mentee: dave, start: 2026-01-12, review: quarterly }", "every 3 months"),
        ("agreement x { mentor: ana, mentee: dave, start: 2026-01-12, confidential: yes }", "true"),
        ("agreement x { mentor: ana, mentee: dave, start: 2026-01-12, channels: [face_to_face] }", "in_person"),
    ])
    func domainWords(source: String, meant: String) {
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { _ in })
        let result = engine.evaluateEntry(Self.programme + "\n" + source)
        #expect(result.diagnostics.map(\.code.description) == ["M0310"])
        #expect(result.diagnostics.first?.suggestions.first?.replacement == meant)
    }
}
