import Testing
import MentorRuntime
import MentorSource

@Suite("Position queries: rename")
struct RenameQueryTests {
    @Test("renaming a person edits its declaration and every use, in every file")
    func renamePerson() throws {
        let fixture = try QueryFixture.credentialExample()
        let people = fixture.file("people.mentor").id
        let offset = fixture.offset(of: "person ana", in: "people.mentor", shift: "person a".count)
        let range = try fixture.queries.prepareRename(in: people, at: offset).get()
        #expect(fixture.text(range) == "ana")
        let edits = try fixture.queries.rename(in: people, at: offset, to: "anna").get()
        let places = edits.values.flatMap { $0 }.map { fixture.place($0.span) }.sorted()
        #expect(places == ["agreements/ana_dave.mentor:2:11", "agreements/ana_ines.mentor:3:11", "people.mentor:1:8", "people.mentor:23:41"])
        #expect(edits.values.flatMap { $0 }.allSatisfy { $0.newText == "anna" && fixture.text($0.span) == "ana" })
    }

    @Test("renaming a step renames the keys of `completed` that name it")
    func renameStep() throws {
        let fixture = try QueryFixture.credentialExample()
        let program = fixture.file("program.mentor").id
        let edits = try fixture.queries.rename(in: program, at: fixture.offset(of: "step selection", in: "program.mentor", shift: 5), to: "chosen").get()
        #expect(edits.values.map(\.count).reduce(0, +) == 3)
        #expect(edits[fixture.file("people.mentor").id]?.count == 2)
    }

    @Test("a new name that is not a name, is reserved or is taken is refused with a reason")
    func refusals() throws {
        let fixture = try QueryFixture.credentialExample()
        let people = fixture.file("people.mentor").id
        let offset = fixture.offset(of: "person ana", in: "people.mentor", shift: "person ".count)
        func message(_ name: String) -> String? {
            if case .failure(let refusal) = fixture.queries.rename(in: people, at: offset, to: name) { return refusal.message }
            return nil
        }
        #expect(message("if") == "`if` is a reserved word")
        #expect(message("2ana")?.hasPrefix("`2ana` is not a name") == true)
        #expect(message("ana dave")?.hasPrefix("`ana dave` is not a name") == true)
        #expect(message("dave") == "`dave` is already declared (people.mentor:22)")
        #expect(message("agreements") == "`agreements` is a built-in name")
        #expect(message("ana") == nil)
        let goal = fixture.offset(of: "goal savings", in: "agreements/ana_dave.mentor", shift: 5)
        let dave = fixture.file("agreements/ana_dave.mentor").id
        guard case .failure(let sibling) = fixture.queries.rename(in: dave, at: goal, to: "negotiation") else {
            Issue.record("renaming a goal to its sibling's name was allowed")
            return
        }
        #expect(sibling.message == "`negotiation` is already declared in agreement `ana_dave`")
        #expect((try? fixture.queries.rename(in: dave, at: goal, to: "presenting").get()) != nil)
    }

    @Test("locals: a name taken in the same block is refused; the rename edits only that local")
    func renameLocal() throws {
        let source = """
        fn f(a, b) {
          let c = a + b
          c * a
        }
        fn g(a) = a
        """
        let fixture = QueryFixture([("main.mentor", source)])
        let file = fixture.file("main.mentor").id
        let parameter = fixture.offset(of: "a, b", in: "main.mentor")
        guard case .failure(let taken) = fixture.queries.rename(in: file, at: parameter, to: "b") else {
            Issue.record("renaming a parameter to its neighbour's name was allowed")
            return
        }
        #expect(taken.message == "`b` is already declared in the same scope")
        let edits = try fixture.queries.rename(in: file, at: parameter, to: "x").get()
        #expect(edits[file]?.map { fixture.place($0.span) } == ["main.mentor:1:6", "main.mentor:2:11", "main.mentor:3:7"])
    }

    @Test("a rename that a local would capture, or a local rename that would hide a name, is refused")
    func capture() throws {
        let source = """
        let limit = 3
        fn within(n) {
          let count = n + 1
          count <= limit
        }
        fn twice(n) = n * 2
        fn outside(m) = m + limit
        """
        let fixture = QueryFixture([("main.mentor", source)])
        let file = fixture.file("main.mentor").id
        func refusal(at needle: String, occurrence: Int = 0, to name: String) -> String? {
            let offset = fixture.offset(of: needle, in: "main.mentor", occurrence: occurrence)
            if case .failure(let refusal) = fixture.queries.rename(in: file, at: offset, to: name) { return refusal.message }
            return nil
        }
        // The global `limit` is used where the local `count` is in scope: calling it `count` captures that use.
        #expect(refusal(at: "limit", to: "count")
                == "`count` would mean the local `count` declared at main.mentor:3:7 where `limit` is used at main.mentor:4:12")
        // The local `count` would hide the global `limit` used in its scope.
        #expect(refusal(at: "count", to: "limit") == "the local would hide `limit` used at main.mentor:4:12")
        // A parameter would hide the global too; elsewhere the same names are free.
        #expect(refusal(at: "n)", to: "limit") == "the local would hide `limit` used at main.mentor:4:12")
        #expect(refusal(at: "n)", occurrence: 1, to: "limit") == nil)
        #expect(refusal(at: "m)", to: "count") == nil)
        // `count` is declared only inside `within`: the use of `limit` in `outside` is not in its scope.
        #expect(refusal(at: "limit", occurrence: 2, to: "m") != nil)
        #expect((try? fixture.queries.rename(in: file, at: fixture.offset(of: "twice", in: "main.mentor"), to: "count").get()) != nil)
        #expect(refusal(at: "twice", to: "video") == "`video` is a word of the language's vocabulary: where it is written bare it would name `twice` instead")
    }

    @Test("built-ins, sessions and the standard library cannot be renamed")
    func notRenamable() throws {
        let fixture = try QueryFixture.credentialExample()
        let program = fixture.file("program.mentor").id
        #expect(throws: RenameRefusal.self) { try fixture.queries.prepareRename(in: program, at: fixture.offset(of: "in agreements", in: "program.mentor", shift: 3)).get() }
        let dave = fixture.file("agreements/ana_dave.mentor").id
        #expect(throws: RenameRefusal.self) { try fixture.queries.prepareRename(in: dave, at: fixture.offset(of: "session 1", in: "agreements/ana_dave.mentor", shift: 8)).get() }
    }
}
