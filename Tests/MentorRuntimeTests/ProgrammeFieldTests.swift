@testable import MentorRuntime
import MentorSyntax
import Testing

/// A programme's `field` declarations extend its kinds' tables for that programme alone, with
/// member numbers after the built-in ones, and a REPL entry declaring one rebuilds the
/// programme so entities made before it have the field too.
@Suite("Programme fields")
struct ProgrammeFieldTests {
    static func engine() -> Engine {
        Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { _ in })
    }

    @Test("a programme field is numbered after the built-in names and found like a built-in field")
    func numbering() {
        let engine = Self.engine()
        let file = engine.addSource(path: "p.mentor", bytes: Array("""
            field department for person { type: string }
            field location for person { type: string }
            person ana "Ana Ruiz" { department: "Sales", location: "Porto" }
            """.utf8))
        #expect(engine.load([file]).hasErrors == false)
        let schemas = engine.model.schemas
        let department = schemas.memberID(of: "department")
        #expect(department == SchemaMembers.count)
        // A name some built-in kind already has keeps its number.
        #expect(schemas.memberID(of: "location") == SchemaMembers.id(of: "location"))
        let person = schemas.schema(of: .person)
        #expect(person.memberLocations.count == schemas.memberCount)
        #expect(person.field(named: "department")?.isProgrammeField == true)
        #expect(person.field(named: "department")?.slot == KindSchema.firstDeclaredSlot + DomainSchema.schema(of: .person).fields.count)
        // Other programmes, and the kinds the programme does not extend, are untouched.
        #expect(ProgramSchemas.builtIn.memberID(of: "department") == -1)
        #expect(DomainSchema.schema(of: .person).field(named: "department") == nil)
        #expect(engine.evaluateEntry("ana.department").output == "\"Sales\"\n")
        #expect(engine.evaluateEntry("ana.location").output == "\"Porto\"\n")
    }

    @Test("an entry declaring a field rebuilds the programme: earlier entities have it")
    func replEntryRebuilds() {
        let engine = Self.engine()
        #expect(engine.evaluateEntry("person ana \"Ana Ruiz\"").diagnostics.isEmpty)
        #expect(engine.evaluateEntry("field department for person { type: string }").diagnostics.isEmpty)
        #expect(engine.evaluateEntry("ana.department").diagnostics.isEmpty)
        #expect(engine.evaluateEntry("person bo \"Bo\" { department: \"Ops\" }").diagnostics.isEmpty)
        #expect(engine.evaluateEntry("bo.department").output == "\"Ops\"\n")
        #expect(engine.withFieldNames(ofExpression: "ana").contains("department"))
        #expect(engine.memberNames(ofExpression: "ana").contains("department"))
        let again = engine.evaluateEntry("field department for person { type: number }")
        #expect(again.diagnostics.map(\.code) == [.duplicateDeclaration])
        #expect(engine.evaluateEntry("bo.department").output == "\"Ops\"\n")
    }
}
