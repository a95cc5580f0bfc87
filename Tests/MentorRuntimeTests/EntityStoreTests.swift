@testable import MentorRuntime
import MentorSource
import MentorSyntax
import Testing

/// The entity store's columns, on declarations parsed here and added by hand: IDs in
/// declaration order, children right after their parent, kinds listed without replaced
/// entities, headers swapped in place.
@Suite("Entity store")
struct EntityStoreTests {
    /// The declarations of `source`, top-level ones with their nested ones.
    static func declarations(_ source: String) throws -> [(Declaration, [Declaration])] {
        let parsed = Parser.parse(SourceMap().add(path: "store.mentor", text: source))
        #expect(parsed.diagnostics.isEmpty)
        return parsed.syntax.items.compactMap { item in
            guard case .declaration(let declaration) = item else { return nil }
            let nested = declaration.members.compactMap { member -> Declaration? in
                if case .nested(let child) = member { child } else { nil }
            }
            return (declaration, nested)
        }
    }

    /// A store holding `source`'s declarations in order, each nested one after its parent.
    static func store(_ source: String) throws -> EntityStore {
        var store = EntityStore()
        for (declaration, nested) in try declarations(source) {
            let parent = store.add(kind: declaration.kind, name: declaration.name?.name ?? "", title: Declarer.plainText(declaration.title),
                                   site: DeclarationSite(declaration), parent: nil)
            for child in nested {
                _ = store.add(kind: child.kind, name: child.name?.name ?? "", title: Declarer.plainText(child.title),
                              site: DeclarationSite(child), parent: parent)
            }
        }
        return store
    }

    static let source = """
        person ana "Ana"
        agreement ana_ana "Ana with herself" {
          goal talk "Give a talk" { }
          goal write { }
        }
        person dave "Dave"
        """

    @Test("IDs follow declaration order and compare by it; each column reads back what was added")
    func columnsReadBack() throws {
        let store = try Self.store(Self.source)
        #expect(store.count == 5)
        let all = store.all
        #expect(all.map(\.kind) == [.person, .agreement, .goal, .goal, .person])
        #expect(all.map { store.name(of: $0.index) } == ["ana", "ana_ana", "talk", "write", "dave"])
        #expect(all.map { store.title(of: $0.index) } == ["Ana", "Ana with herself", "Give a talk", nil, "Dave"])
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.index < $1.index })
        #expect(store.site(of: all[2].index).nameSpan == store.nameSpan(of: all[2].index))
        #expect(store.nameSpan(of: all[2].index).start < store.nameSpan(of: all[3].index).start)
    }

    @Test("children are the IDs after their parent, and each knows its parent")
    func childrenAndParents() throws {
        let store = try Self.store(Self.source)
        let agreement = try #require(store.entities(of: .agreement).first)
        #expect(store.children(of: agreement.index).map { store.name(of: $0.index) } == ["talk", "write"])
        #expect(store.children(of: agreement.index).count == 2)
        for child in store.children(of: agreement.index) { #expect(store.parent(of: child.index) == agreement.index) }
        let people = store.entities(of: .person)
        #expect(people.map { store.name(of: $0.index) } == ["ana", "dave"])
        #expect(people.allSatisfy { store.parent(of: $0.index) == nil && store.children(of: $0.index).isEmpty })
        #expect(store.entities(of: .rule).isEmpty)
    }

    @Test("a removed entity leaves its kind's list and `current`, but its columns stay readable")
    func removeKeepsColumns() throws {
        var store = try Self.store(Self.source)
        let ana = try #require(store.entities(of: .person).first)
        store.remove([ana.index])
        #expect(store.entities(of: .person).map { store.name(of: $0.index) } == ["dave"])
        #expect(store.current.map { store.name(of: $0.index) } == ["ana_ana", "talk", "write", "dave"])
        #expect(store.name(of: ana.index) == "ana")
        #expect(store.all.count == 5)
    }

    @Test("replacing a header changes that entity's site and title only")
    func replaceHeader() throws {
        var store = try Self.store(Self.source)
        let (other, _) = try #require(try Self.declarations("person ines \"Inés\"").first)
        let dave = try #require(store.entities(of: .person).last)
        let saved = (store.site(of: dave.index), store.title(of: dave.index))
        store.replaceHeader(of: dave.index, site: DeclarationSite(other), title: "Inés")
        #expect(store.title(of: dave.index) == "Inés")
        #expect(store.nameSpan(of: dave.index) == other.nameSpan)
        #expect(store.title(of: store.all[0].index) == "Ana")
        store.replaceHeader(of: dave.index, site: saved.0, title: saved.1)
        #expect(store.title(of: dave.index) == "Dave")
    }

    @Test("a site's given fields read back as the body gives them: names, value spans, a record's keys after their field")
    func givenFieldsReadBack() throws {
        let source = "agreement a {\n  mentor: dave\n  signed: { ana: 2026-01-01, bo_b: 2026-01-02 }\n  channels: [chat]\n  contact: { }\n}"
        let (declaration, _) = try #require(try Self.declarations(source).first)
        var site = DeclarationSite(declaration)
        // As the resolver gathers them: field by field, then one list of the declaration's own.
        var gathered: [DeclarationSite.GivenFields.Entry] = []
        for case .field(let field) in declaration.members { DeclarationSite.appendGiven(field, to: &gathered) }
        site.given = DeclarationSite.givenFields(gathered)
        var expected: [(String, Span, [Identifier])] = []
        for case .field(let field) in declaration.members {
            var keys: [Identifier] = []
            if case .record(let entries, _) = field.value.kind { keys = entries.map(\.name) }
            expected.append((field.name.name, field.value.span, keys))
        }
        let given = site.givenFields
        #expect(given.map(\.name) == ["mentor", "signed", "channels", "contact"])
        #expect(given.map(\.name) == expected.map(\.0))
        #expect(given.map(\.valueSpan) == expected.map(\.1))
        #expect(given.map(\.recordKeys) == expected.map(\.2))
        #expect(given[1].recordKeys.map(\.name) == ["ana", "bo_b"])
        #expect(site.span == declaration.span && site.kindSpan == declaration.kindSpan && site.nameSpan == declaration.nameSpan)
    }

    @Test("a declaration waiting to be resolved is 32 bytes: two positions, an ID, a kind and a name", .enabled(if: MemoryLayout<Int>.size == 8))
    func pendingDeclarationLayout() {
        #expect(MemoryLayout<PendingDeclaration>.stride == 32)
        let entity = EntityRef(EntityID(7), .goal)
        let nested = PendingDeclaration(item: 3, member: 0, entity: entity, name: "network")
        #expect(nested.item == 3 && nested.member == 0 && nested.entity.index == entity.index && nested.entity.kind == .goal)
        #expect(PendingDeclaration(item: 0, member: nil, entity: entity, name: "a").member == nil)
    }

    @Test("a site is 72 bytes: its spans share their file", .enabled(if: MemoryLayout<Int>.size == 8))
    func siteStaysSmall() {
        #expect(MemoryLayout<DeclarationSite>.stride == 72)
    }

    @Test("a value naming an entity is written by the name the store holds: a test's quoted, the programme as `program`")
    func valuesPrintThroughTheStore() throws {
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { _ in })
        let file = engine.addSource(path: "store.mentor", bytes: Array("program \"P\"\nperson ana \"Ana\"\ntest \"ana exists\" { expect ana.id == \"ana\" }\n".utf8))
        _ = engine.load([file])
        let store = engine.entities
        let written = [DeclarationKind.program, .person, .test].map { kind in
            store.entities(of: kind).map { Value.entity($0).sourceText(in: store) }
        }
        #expect(written == [["program"], ["ana"], ["\"ana exists\""]])
        let ana = try #require(store.entities(of: .person).first)
        #expect(Value.list([.entity(ana), .string("x")]).displayText(in: store) == "[ana, \"x\"]")
    }

    @Test("a value naming an entity is no larger than a string: an ID, a kind and a copy's fields", .enabled(if: MemoryLayout<Int>.size == 8))
    func valueStaysSmall() {
        #expect(MemoryLayout<EntityRef>.size <= MemoryLayout<String>.size)
        // As when `Value.entity` held an object: the largest payload is a cadence's, not an entity's.
        #expect(MemoryLayout<Value>.size == 33)
        // A stored field's slot sits in the value's padding (`StoredField`).
        #expect(MemoryLayout<StoredField>.stride == 40)
    }
}
