@testable import MentorRuntime
import MentorSyntax
import Testing

/// Member names are numbered once (`SchemaMembers`) and each kind finds its members by that
/// number: the table must agree with the rows it was built from, for every kind.
@Suite("Schema member numbers")
struct SchemaMembersTests {
    @Test("each kind locates exactly its own rows, id and title by number", arguments: DeclarationKind.allCases)
    func locationsAgreeWithRows(kind: DeclarationKind) {
        let schema = DomainSchema.schema(of: kind)
        let own = Set(["id", "title"] + schema.rows.map(\.name))
        for (id, name) in SchemaMembers.names.enumerated() {
            let location = schema.memberLocations[id]
            #expect((location != nil) == own.contains(name), "`\(kind.rawValue).\(name)`")
            switch location {
            case .field(let slot, let defaultSlot)?:
                let row = schema.fields.first { $0.slot == slot }
                #expect(row?.name == name && defaultSlot == (row?.programDefault?.slot ?? -1))
            case .computed(let row, let number)?: #expect(schema.computedInOrder[row].name == name && number == id)
            case .id?: #expect(name == "id")
            case .title?: #expect(name == "title")
            case nil: break
            }
        }
    }

    @Test("a name no kind offers has no number; a schema name keeps its text")
    func interning() {
        #expect(MemberName("no_such_member").schemaID == -1)
        #expect(MemberName("count").schemaID == -1)
        let start = MemberName("start")
        #expect(start.text == "start")
        #expect(SchemaMembers.names[start.schemaID] == "start")
    }
}
