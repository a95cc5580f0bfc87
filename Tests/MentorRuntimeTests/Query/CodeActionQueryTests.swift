import Testing
import MentorDiagnostics
import MentorRuntime
import MentorSource

@Suite("Position queries: code actions")
struct CodeActionQueryTests {
    /// The diagnostics of loading `files` and, when they allow it, of checking them.
    static func diagnostics(_ fixture: QueryFixture) -> [Diagnostic] {
        fixture.engine.check().diagnostics
    }

    /// `text` with `edits` applied.
    static func applying(_ edits: [TextEdit], to text: String) -> String {
        var bytes = Array(text.utf8)
        for edit in edits.sorted(by: { $0.span.start > $1.span.start }) {
            bytes.replaceSubrange(Int(edit.span.start)..<Int(edit.span.end), with: Array(edit.newText.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func loadDiagnostics(_ sources: [(path: String, text: String)]) -> (QueryFixture, [Diagnostic]) {
        var options = EngineOptions(today: QueryFixture.today)
        options.recordsNameUses = true
        let engine = Engine(options: options, output: { _ in })
        let added = sources.map { engine.addSource(path: $0.path, bytes: Array($0.text.utf8)) }
        let diagnostics = engine.load(added).diagnostics
        return (QueryFixture(engine: engine, files: added), diagnostics)
    }

    @Test("a did-you-mean suggestion becomes the preferred edit")
    func didYouMean() throws {
        let text = "person ana\nperson dave\nagreement x {\n  mentor: anna\n  mentee: dave\n  start: 2026-01-05\n}\n"
        let (fixture, diagnostics) = Self.loadDiagnostics([("main.mentor", text)])
        let unknown = try #require(diagnostics.first { $0.message.contains("anna") })
        let actions = fixture.queries.codeActions(for: unknown)
        #expect(actions.map(\.title) == ["Change to `ana`"])
        #expect(actions[0].isPreferred)
        let edits = try #require(actions[0].edits[fixture.file("main.mentor").id])
        #expect(Self.applying(edits, to: text).contains("mentor: ana\n"))
    }

    @Test("every similar name is offered, best first")
    func alternatives() throws {
        let text = "let alpha = 1\nlet alphb = 2\nlet x = alphc\n"
        let (fixture, diagnostics) = Self.loadDiagnostics([("main.mentor", text)])
        let unknown = try #require(diagnostics.first { $0.message.contains("alphc") })
        let actions = fixture.queries.codeActions(for: unknown)
        #expect(Set(actions.map(\.title)) == ["Change to `alpha`", "Change to `alphb`"])
        #expect(actions.map(\.isPreferred) == [true, false])
        #expect(unknown.notes.contains { $0.message.hasPrefix("other similar names") })
    }

    @Test("a missing required field is added on its own line, with a placeholder of its type")
    func missingField() throws {
        let text = "person ana\nperson dave\nagreement x {\n  mentor: ana\n  mentee: dave\n}\n"
        let (fixture, diagnostics) = Self.loadDiagnostics([("main.mentor", text)])
        let missing = try #require(diagnostics.first { $0.message == "agreement `x` has no `start`" })
        let actions = fixture.queries.codeActions(for: missing)
        #expect(actions.map(\.title) == ["Add `start`"])
        let edits = try #require(actions.first?.edits[fixture.file("main.mentor").id])
        #expect(Self.applying(edits, to: text) == "person ana\nperson dave\nagreement x {\n  mentor: ana\n  mentee: dave\n  start: 2026-06-01\n}\n")
    }

    @Test("a body on one line, or none, is opened to add the field")
    func missingFieldWithoutBody() throws {
        let text = "person ana\nagreement x { mentor: ana }\nagreement y\n"
        let (fixture, diagnostics) = Self.loadDiagnostics([("main.mentor", text)])
        let file = fixture.file("main.mentor").id
        let x = try #require(diagnostics.first { $0.message == "agreement `x` has no `mentee`" })
        let xEdits = try #require(fixture.queries.codeActions(for: x).first?.edits[file])
        #expect(Self.applying(xEdits, to: text) == "person ana\nagreement x {\n  mentor: ana\n  mentee: ana\n}\nagreement y\n")
        let y = try #require(diagnostics.first { $0.message == "agreement `y` has no `mentor`" })
        let yEdits = try #require(fixture.queries.codeActions(for: y).first?.edits[file])
        #expect(Self.applying(yEdits, to: text) == "person ana\nagreement x { mentor: ana }\nagreement y {\n  mentor: ana\n}\n")
    }

    @Test("a rule's violation offers to show the rule")
    func showRule() throws {
        let fixture = try QueryFixture.credentialExample()
        let violations = Self.diagnostics(fixture).filter { $0.rule != nil }
        #expect(violations.count == 2)
        for violation in violations {
            let action = try #require(fixture.queries.codeActions(for: violation).first { $0.kind == .showLocation })
            let location = try #require(action.location)
            #expect(fixture.text(location) == violation.rule)
            #expect(fixture.place(location).hasPrefix("program.mentor:"))
        }
    }
}
