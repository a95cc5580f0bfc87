import Foundation
import MentorDiagnostics
@testable import MentorRuntime
import MentorSyntax
import Testing

/// Every computed member the schema lists has an implementation: asked of a real entity of its
/// kind, it gives a value. A member listed without one used to read as a silent `none`.
@Suite("Computed members")
struct ComputedMemberTests {
    static func engine() throws -> Engine {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/credential-program")
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { _ in })
        let files = try ["program.mentor", "people.mentor", "agreements/ana_dave.mentor", "agreements/ana_ines.mentor"].map {
            engine.addSource(path: $0, bytes: Array(try Data(contentsOf: root.appendingPathComponent($0))))
        }
        #expect(engine.load(files, replacing: true).hasErrors == false)
        return engine
    }

    @Test("every listed computed member of every kind gives a value", arguments: DeclarationKind.allCases)
    func everyListedMemberIsImplemented(kind: DeclarationKind) throws {
        let names = DomainSchema.computedMembers(of: kind)
        guard !names.isEmpty else { return }
        let engine = try Self.engine()
        let entity = try #require(engine.model.entities(of: kind).first, "the fixture has no \(kind)")
        for name in names {
            let value = try engine.withLargeStack {
                Result { try engine.model.computedMember(entity, name, span: entity.nameSpan, interpreter: engine.interpreter) }
            }.get()
            #expect(value != nil, "`\(kind.rawValue).\(name)` is listed in the schema but has no implementation")
        }
    }

    @Test("a name the schema does not list is not a computed member")
    func unlistedNameHasNoImplementation() throws {
        let engine = try Self.engine()
        let person = try #require(engine.model.entities(of: .person).first)
        let value = try engine.model.computedMember(person, "no_such_member", span: person.nameSpan, interpreter: engine.interpreter)
        #expect(value == nil)
    }

    @Test("a person's agreements are every agreement naming them in any role, in declaration order")
    func personAgreements() throws {
        let engine = try Self.engine()
        let output = engine.evaluateEntry("[ana.agreements, dave.agreements, lee.agreements]").output
        #expect(output == "[[ana_dave, ana_ines], [ana_dave], []]\n")
    }
}
