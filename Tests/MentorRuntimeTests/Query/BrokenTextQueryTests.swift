import Testing
import MentorDiagnostics
import MentorRuntime
import MentorSource

@Suite("Position queries: while a file has a syntax error")
struct BrokenTextQueryTests {
    /// A build of the credential example with `old` replaced by `new` in `path`, made as the
    /// language server makes it (name uses recorded, loaded and checked), with its diagnostics
    /// and those of the same sources built as `check` builds them.
    struct BrokenBuild {
        let fixture: QueryFixture
        let diagnostics: [Diagnostic]
        let checkDiagnostics: [Diagnostic]
        let text: String
    }

    static func build(_ path: String, replacing old: String, with new: String) throws -> BrokenBuild {
        var sources = try QueryFixture.credentialExampleSources()
        let position = try #require(sources.firstIndex { $0.path == path })
        #expect(sources[position].text.contains(old))
        sources[position].text = sources[position].text.replacingOccurrences(of: old, with: new)
        func built(recording: Bool) -> (Engine, [SourceFile], [Diagnostic]) {
            var options = EngineOptions(today: QueryFixture.today)
            options.recordsNameUses = recording
            let engine = Engine(options: options, output: { _ in })
            let added = sources.map { engine.addSource(path: $0.path, bytes: Array($0.text.utf8)) }
            return (engine, added, engine.loadAndCheck(added).diagnostics)
        }
        let (engine, files, diagnostics) = built(recording: true)
        return BrokenBuild(fixture: QueryFixture(engine: engine, files: files), diagnostics: diagnostics,
                           checkDiagnostics: built(recording: false).2, text: sources[position].text)
    }

    /// The labels completion offers where `|` stands in `text` (the marker removed), in `path`.
    static func labels(_ fixture: QueryFixture, _ text: String, path: String) -> [String] {
        let marker = text.range(of: "|")!
        let offset = UInt32(text[..<marker.lowerBound].utf8.count)
        return fixture.queries.completions(path: path, text: text.replacingOccurrences(of: "|", with: ""), at: offset).map(\.label)
    }

    @Test("a broken line in the file asked about: the rest of it and of the programme answers, with facts")
    func brokenInSameFile() throws {
        let path = "agreements/ana_dave.mentor"
        let broken = try Self.build(path, replacing: "  confidential: true\n", with: "  confidential: true true\n")
        #expect(broken.diagnostics.map(\.code) == [.missingSeparator])
        #expect(broken.diagnostics == broken.checkDiagnostics)
        let fixture = broken.fixture
        let file = fixture.file(path).id
        let mentor = try #require(fixture.queries.definition(in: file, at: fixture.offset(of: "mentor: ana", in: path, shift: "mentor: ".count)))
        #expect(fixture.place(mentor) == "people.mentor:1:8")
        let references = fixture.queries.references(in: file, at: fixture.offset(of: "ana_dave {", in: path))
        #expect(references.map(fixture.place) == [
            "agreements/ana_dave.mentor:1:11", "agreements/ana_dave.mentor:23:26", "agreements/ana_dave.mentor:37:10",
            "agreements/ana_dave.mentor:38:10", "agreements/ana_dave.mentor:39:10", "agreements/ana_dave.mentor:43:36",
        ])
        // The broken line's own declaration resolved without an error, so it was elaborated.
        let hover = try #require(fixture.queries.hover(in: file, at: fixture.offset(of: "ana_dave {", in: path)))
        #expect(hover.markdown.hasPrefix("**agreement** `ana_dave`"))
        #expect(hover.markdown.contains("- end: 2027-01-12"))
        #expect(hover.markdown.contains("- next session: 2026-06-02"))
        let symbols = fixture.queries.documentSymbols(in: file)
        #expect(symbols.map(\.symbol.name).prefix(2) == ["ana_dave", "ana_dave_plan"])
        #expect(symbols[0].children.map(\.symbol.name) == ["savings", "negotiation"])
        // Completion reads the text as typed and offers the programme's names.
        #expect(Self.labels(fixture, broken.text.replacingOccurrences(of: "mentee: dave", with: "mentee: d|"), path: path) == ["dave"])
        // A rename would miss the uses in the text the parser skipped.
        let rename = fixture.queries.prepareRename(in: file, at: fixture.offset(of: "ana_dave {", in: path))
        guard case .failure(let refusal) = rename else { Issue.record("a rename was offered while a file has a syntax error"); return }
        #expect(refusal.message.contains("syntax errors"))
    }

    @Test("a field left without its value: the declaration keeps its other fields and names")
    func fieldWithoutValue() throws {
        let path = "agreements/ana_dave.mentor"
        let broken = try Self.build(path, replacing: "  mentee: dave\n", with: "  mentee:\n")
        #expect(!broken.diagnostics.isEmpty)
        #expect(broken.diagnostics.allSatisfy { (200..<300).contains($0.code.number) })
        #expect(broken.diagnostics == broken.checkDiagnostics)
        let fixture = broken.fixture
        let file = fixture.file(path).id
        let mentor = try #require(fixture.queries.definition(in: file, at: fixture.offset(of: "mentor: ana", in: path, shift: "mentor: ".count)))
        #expect(fixture.place(mentor) == "people.mentor:1:8")
        let goal = try #require(fixture.queries.hover(in: file, at: fixture.offset(of: "savings", in: path)))
        #expect(goal.markdown == "**goal** `savings` — Cut procurement cost (in `ana_dave`)")
        // Missing a required field, the agreement is not elaborated; its hover still names it.
        let hover = try #require(fixture.queries.hover(in: file, at: fixture.offset(of: "ana_dave {", in: path)))
        #expect(hover.markdown.hasPrefix("**agreement** `ana_dave`"))
        let field = try #require(fixture.queries.hover(in: file, at: fixture.offset(of: "start:", in: path)))
        #expect(field.markdown.hasPrefix("**field** `start`: a date (required)"))
        #expect(Self.labels(fixture, broken.text.replacingOccurrences(of: "  mentee:\n", with: "  mentee: |\n"), path: path)
            == ["ana", "bo", "lee", "dave", "ines"])
    }

    @Test("a syntax error in another file: the file asked about answers in full")
    func brokenInAnotherFile() throws {
        let broken = try Self.build("program.mentor", replacing: "    require g.due != none else", with: "    require g.due != else")
        #expect(broken.diagnostics.map(\.code) == [.unexpectedToken])
        #expect(broken.diagnostics == broken.checkDiagnostics)
        let fixture = broken.fixture
        let path = "agreements/ana_dave.mentor"
        let file = fixture.file(path).id
        let rule = try #require(fixture.queries.definition(in: file, at: fixture.offset(of: "violations(no_supervisor", in: path, shift: "violations(".count)))
        #expect(fixture.place(rule) == "program.mentor:39:6")
        let hover = try #require(fixture.queries.hover(in: file, at: fixture.offset(of: "ana_dave {", in: path)))
        #expect(hover.markdown.contains("- status: active"))
        let people = fixture.queries.references(in: fixture.file("people.mentor").id, at: fixture.offset(of: "person dave", in: "people.mentor", shift: "person ".count))
        #expect(people.map(fixture.place) == ["people.mentor:22:8", "agreements/ana_dave.mentor:3:11"])
        // The broken rule keeps its other statements and their locals.
        let program = fixture.file("program.mentor").id
        let loop = try #require(fixture.queries.definition(in: program, at: fixture.offset(of: "g.measure", in: "program.mentor")))
        #expect(fixture.place(loop) == "program.mentor:46:24")
        #expect(fixture.queries.documentSymbols(in: program).count == 9)
        #expect(fixture.queries.workspaceSymbols(matching: "smart").map(\.name) == ["smart_goals"])
    }

    @Test("a declaration whose header breaks is left out; the declarations around it are kept")
    func brokenHeader() throws {
        let broken = try Self.build("people.mentor", replacing: "person lee \"Lee Park\"\n", with: "person lee \"Lee Park\" for 3\n")
        #expect(broken.diagnostics == broken.checkDiagnostics)
        #expect(broken.diagnostics.map(\.code) == [.unexpectedToken])
        let fixture = broken.fixture
        let people = fixture.file("people.mentor").id
        #expect(fixture.queries.documentSymbols(in: people).map(\.symbol.name) == ["ana", "bo", "dave", "ines"])
        // `supervisor: lee` names nothing now; `ines`'s supervisor still leads to `ana`.
        #expect(fixture.queries.definition(in: people, at: fixture.offset(of: "supervisor: lee", in: "people.mentor", shift: "supervisor: ".count)) == nil)
        let ana = try #require(fixture.queries.definition(in: people, at: fixture.offset(of: "supervisor: ana", in: "people.mentor", shift: "supervisor: ".count)))
        #expect(fixture.place(ana) == "people.mentor:1:8")
    }

    @Test("past a syntax error the commands and the REPL declare nothing; an editor's engine declares for its queries, and reports the same")
    func commandsStopAtSyntaxErrors() throws {
        var sources = try QueryFixture.credentialExampleSources()
        sources[1].text += "person\n{"
        func load(recording: Bool, replacing: Bool = false, echo: Bool = false) -> (Engine, LoadResult) {
            var options = EngineOptions(today: QueryFixture.today)
            options.recordsNameUses = recording
            let engine = Engine(options: options, output: { _ in })
            let added = sources.map { engine.addSource(path: $0.path, bytes: Array($0.text.utf8)) }
            return (engine, engine.load(added, replacing: replacing, echo: echo))
        }
        let (command, commandLoad) = load(recording: false)
        #expect(commandLoad.hasErrors && !commandLoad.elaborated)
        #expect(command.listedDeclarations().isEmpty)
        let (editor, editorLoad) = load(recording: true)
        #expect(editorLoad.diagnostics == commandLoad.diagnostics)
        #expect(!editorLoad.elaborated && editorLoad.declared.isEmpty)
        // Declared once the queries are made, after the syntax errors went out.
        #expect(editor.listedDeclarations().isEmpty)
        let queries = ProgramQueries(engine: editor)
        #expect(editor.listedDeclarations().map(\.address).contains("ana_dave"))
        #expect(queries.workspaceSymbols(matching: "ana_dave").map(\.name).first == "ana_dave")
        // The REPL's entries and `:load`s are all or nothing, even in an engine that records.
        for (replacing, echo) in [(true, true), (true, false)] {
            let (entry, entryLoad) = load(recording: true, replacing: replacing, echo: echo)
            #expect(entryLoad.diagnostics == commandLoad.diagnostics)
            #expect(entry.listedDeclarations().isEmpty)
        }
    }
}
