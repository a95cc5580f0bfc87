import Foundation
import MentorDiagnostics
@testable import MentorRuntime
import MentorSyntax
import Testing

/// Every computed member row is a member: asked by name of a real entity of its kind, it gives a
/// value. A member listed without an implementation used to read as a silent `none`; a row now
/// cannot be written without its closure.
@Suite("Computed members")
struct ComputedMemberTests {
    static func engine() throws -> Engine {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/credential-program")
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { _ in })
        var files = try ["program.mentor", "people.mentor", "agreements/ana_dave.mentor", "agreements/ana_ines.mentor"].map {
            engine.addSource(path: $0, bytes: Array(try Data(contentsOf: root.appendingPathComponent($0))))
        }
        // The fixture programme grants no exception; the waiver's members need one to compute on.
        files.append(engine.addSource(path: "waiver.mentor",
                                      bytes: Array("waiver w for ana_dave { rule: no_supervisor, reason: \"Agreed\", until: 2026-12-31 }\n".utf8)))
        #expect(engine.load(files, replacing: true).hasErrors == false)
        return engine
    }

    @Test("every computed member of every kind is reached by its name and computes", arguments: DeclarationKind.allCases)
    func everyListedMemberIsImplemented(kind: DeclarationKind) throws {
        let rows = DomainSchema.schema(of: kind).computedInOrder
        guard !rows.isEmpty else { return }
        let engine = try Self.engine()
        let entity = try #require(engine.model.entities(of: kind).first, "the fixture has no \(kind)")
        for row in rows {
            let value = try engine.withLargeStack {
                Result { try engine.model.member(of: entity, name: row.name, span: engine.model.nameSpan(of: entity), interpreter: engine.interpreter) }
            }.get()
            #expect(value != nil, "`\(kind.rawValue).\(row.name)` is a row of the schema but no member")
        }
    }

    @Test("a name the schema does not list is no member")
    func unlistedNameIsNoMember() throws {
        let engine = try Self.engine()
        let person = try #require(engine.model.entities(of: .person).first)
        let value = try engine.model.member(of: person, name: "no_such_member", span: engine.model.nameSpan(of: person), interpreter: engine.interpreter)
        #expect(value == nil)
    }

    @Test("a person's agreements are every agreement naming them in any role, in declaration order")
    func personAgreements() throws {
        let engine = try Self.engine()
        let output = engine.evaluateEntry("[ana.agreements, dave.agreements, lee.agreements]").output
        #expect(output == "[[ana_dave, ana_ines], [ana_dave], []]\n")
    }
}
