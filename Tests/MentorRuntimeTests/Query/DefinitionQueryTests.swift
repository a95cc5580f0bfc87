import Testing
import MentorRuntime
import MentorSource

@Suite("Position queries: definition and references")
struct DefinitionQueryTests {
    @Test("a person used as a mentor leads to the person, across files")
    func personAcrossFiles() throws {
        let fixture = try QueryFixture.credentialExample()
        #expect(fixture.loadDiagnostics.isEmpty)
        let use = fixture.offset(of: "mentor: ana", in: "agreements/ana_dave.mentor", shift: "mentor: ".count)
        let definition = try #require(fixture.queries.definition(in: fixture.file("agreements/ana_dave.mentor").id, at: use))
        #expect(fixture.place(definition) == "people.mentor:1:8")
        #expect(fixture.text(definition) == "ana")
    }

    @Test("references of a person: its declaration, fields naming it and `supervisor: ana`")
    func personReferences() throws {
        let fixture = try QueryFixture.credentialExample()
        let declaration = fixture.offset(of: "person ana", in: "people.mentor", shift: "person ".count)
        let references = fixture.queries.references(in: fixture.file("people.mentor").id, at: declaration)
        #expect(references.map(fixture.place) == [
            "people.mentor:1:8", "people.mentor:23:41",
            "agreements/ana_dave.mentor:2:11", "agreements/ana_ines.mentor:3:11",
        ])
        let withoutDeclaration = fixture.queries.references(in: fixture.file("people.mentor").id, at: declaration, includingDeclaration: false)
        #expect(withoutDeclaration.count == 3)
    }

    @Test("steps named as keys of `completed` are references of the pathway's steps")
    func stepKeys() throws {
        let fixture = try QueryFixture.credentialExample()
        let key = fixture.offset(of: "selection: 2026", in: "people.mentor")
        let definition = try #require(fixture.queries.definition(in: fixture.file("people.mentor").id, at: key))
        #expect(fixture.text(definition) == "selection")
        #expect(fixture.place(definition) == "program.mentor:29:8")
        let references = fixture.queries.references(in: fixture.file("program.mentor").id, at: definition.start)
        #expect(references.count == 3)
    }

    @Test("competencies, an agenda's agreement and rules: used names lead to their declarations")
    func otherKinds() throws {
        let fixture = try QueryFixture.credentialExample()
        let required = fixture.offset(of: "requires: [problem_solving]", in: "program.mentor", shift: "requires: [".count)
        let competency = try #require(fixture.queries.definition(in: fixture.file("program.mentor").id, at: required))
        #expect(fixture.place(competency) == "program.mentor:18:12")
        let target = fixture.offset(of: "for ana_dave", in: "agreements/ana_dave.mentor", shift: 4)
        let agreement = try #require(fixture.queries.definition(in: fixture.file("agreements/ana_dave.mentor").id, at: target))
        #expect(fixture.place(agreement) == "agreements/ana_dave.mentor:1:11")
        let rule = fixture.offset(of: "violations(no_supervisor", in: "agreements/ana_dave.mentor", shift: "violations(".count)
        let declared = try #require(fixture.queries.definition(in: fixture.file("agreements/ana_dave.mentor").id, at: rule))
        #expect(fixture.text(declared) == "no_supervisor")
        #expect(fixture.place(declared).hasPrefix("program.mentor:"))
    }

    @Test("locals: loop variables, lets, parameters and lambdas, each to its own declaration")
    func locals() throws {
        let source = """
        let limit = 3
        fn double(x) = x * 2
        fn twice(f, y) {
          let once = f(y)
          f(once)
        }
        rule r "R" {
          for a in agreements {
            let n = a.goals.count
            require n <= limit else "\\(a.id) has \\(n)"
          }
        }
        let total = [1, 2].map(x => double(x) + limit)
        """
        let fixture = QueryFixture([("main.mentor", source)])
        #expect(fixture.loadDiagnostics.isEmpty)
        let file = fixture.file("main.mentor").id
        func definitionText(_ needle: String, _ occurrence: Int = 0, shift: Int = 0) -> String? {
            fixture.queries.definition(in: file, at: fixture.offset(of: needle, in: "main.mentor", occurrence: occurrence, shift: shift)).map(fixture.place)
        }
        #expect(definitionText("x * 2") == "main.mentor:2:11")
        #expect(definitionText("f(once)") == "main.mentor:3:10")
        #expect(definitionText("once)") == "main.mentor:4:7")
        #expect(definitionText("n <= ") == "main.mentor:9:9")
        #expect(definitionText("limit else") == "main.mentor:1:5")
        #expect(definitionText("a.id") == "main.mentor:8:7")
        #expect(definitionText("n)\"") == "main.mentor:9:9")
        #expect(definitionText("x) + limit") == "main.mentor:13:24")
        #expect(definitionText("double(x)") == "main.mentor:2:4")
        let references = fixture.queries.references(in: file, at: fixture.offset(of: "limit", in: "main.mentor"))
        #expect(references.map(fixture.place) == ["main.mentor:1:5", "main.mentor:10:18", "main.mentor:13:41"])
    }

    @Test("std.NAME leads to the standard library's rule")
    func standardRule() throws {
        let source = """
        import std
        person a
        let r = std.smart_goals
        """
        let fixture = QueryFixture([("main.mentor", source)])
        #expect(fixture.loadDiagnostics.isEmpty)
        let use = fixture.offset(of: "smart_goals", in: "main.mentor")
        let symbol = try #require(fixture.queries.symbol(in: fixture.file("main.mentor").id, at: use))
        #expect(symbol.symbol.name == "smart_goals")
        #expect(symbol.symbol.kind == .declaration(.rule))
        #expect(!symbol.symbol.isRenamable)
    }

    @Test("no symbol where no name stands, and none for built-ins")
    func nothingThere() throws {
        let fixture = try QueryFixture.credentialExample()
        let program = fixture.file("program.mentor").id
        #expect(fixture.queries.definition(in: program, at: fixture.offset(of: "12 months", in: "program.mentor")) == nil)
        #expect(fixture.queries.definition(in: program, at: fixture.offset(of: "in agreements", in: "program.mentor", shift: 3)) == nil)
        #expect(fixture.queries.references(in: program, at: 0).isEmpty)
    }
}
