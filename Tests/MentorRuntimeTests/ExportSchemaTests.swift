import Foundation
@testable import MentorRuntime
import MentorSyntax
import Testing

/// docs/export.schema.json states what `export --format json` writes; these tests hold it to
/// the schema rows the exporter walks, so a row added, removed or exported differently fails
/// here until the JSON Schema says the same.
@Suite("Export schema")
struct ExportSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func document() throws -> OrderedJSON {
        try OrderedJSON.parse(String(contentsOf: root.appendingPathComponent("docs/export.schema.json"), encoding: .utf8))
    }

    static let exportedKinds = DeclarationKind.allCases.filter { DomainSchema.schema(of: $0).export != nil }

    @Test("each exported kind's definition lists the keys the exporter writes, in order, all required", arguments: exportedKinds)
    func definitionMatchesTheRows(kind: DeclarationKind) throws {
        let definition = try #require(try Self.document()["$defs"]?[kind.rawValue], "no $defs/\(kind.rawValue) in docs/export.schema.json")
        let written = JSONLayout.keys(of: kind).map(\.name)
        // Then the programme's own fields, an object present only when the programme declares some.
        #expect(definition["properties"]?.keys == written + [JSONLayout.programmeFieldsKey], "$defs/\(kind.rawValue).properties")
        #expect(definition["required"]?.strings == written, "$defs/\(kind.rawValue).required")
    }

    /// Keys alone miss a row whose export changes between `.value`, `.party` and `.nested`;
    /// each style has its own kind of definition.
    @Test("each exported row's definition fits its export style", arguments: exportedKinds)
    func propertyFitsTheExportStyle(kind: DeclarationKind) throws {
        let document = try Self.document()
        let kindDefinitions = Set(Self.exportedKinds.map { "#/$defs/\($0.rawValue)" })
        for case .row(let row) in JSONLayout.keys(of: kind) {
            let property = try #require(document["$defs"]?[kind.rawValue]?["properties"]?[row.name], "no property \(row.name)")
            let references = Set(property.references)
            switch row.export {
            case .party:
                #expect(references.contains("#/$defs/party"), "\(kind.rawValue).\(row.name) is a party")
            case .nested:
                #expect(!references.isDisjoint(with: kindDefinitions), "\(kind.rawValue).\(row.name) nests an exported kind")
            case .value, .valueAndText, .omitted:
                #expect(references.isDisjoint(with: kindDefinitions.union(["#/$defs/party"])),
                        "\(kind.rawValue).\(row.name) is written as a value, not as an object")
            }
        }
    }

    @Test("the party definition lists what a party reference writes")
    func partyMatchesThePartyRows() throws {
        let party = try #require(try Self.document()["$defs"]?["party"])
        let partyKinds = Set(DeclarationKind.allCases.flatMap { kind in
            DomainSchema.schema(of: kind).rows.filter { $0.export == .party }.compactMap { row -> DeclarationKind? in
                switch row.fieldType {
                case .entity(let target)?, .list(.entity(let target))?: target
                default: nil
                }
            }
        })
        #expect(partyKinds == [.person], "docs/export.schema.json has one party definition, for people")
        for kind in partyKinds {
            let written = JSONLayout.partyKeys(of: kind).map(\.name)
            #expect(party["properties"]?.keys == written)
            #expect(party["required"]?.strings == written)
        }
    }

    @Test("the programme document lists the kinds' programme members in order")
    func programmeDocumentMatchesTheKinds() throws {
        let variants = try #require(try Self.document()["oneOf"])
        let header = ["format", "version", "today"]
        let members = DeclarationKind.allCases.compactMap { DomainSchema.schema(of: $0).export?.programmeMember?.key }
        #expect(variants[0]?["required"]?.strings == header + [DeclarationKind.agreement.rawValue])
        #expect(variants[1]?["required"]?.strings == header + members)
        #expect(variants[1]?["properties"]?.keys == header + members)
    }

    @Test("an agreement's session records have the keys the exporters read and the schema lists")
    func sessionRecordsMatch() throws {
        let definition = try #require(try Self.document()["$defs"]?["session"])
        let keys = SessionRecordKey.allCases.map(\.rawValue)
        // `fields` follows when the programme declares session fields, so it is not required.
        #expect(definition["properties"]?.keys == keys + [SessionRecordKey.programmeFields])
        #expect(definition["required"]?.strings == keys)
        let engine = try ComputedMemberTests.engine()
        let agreement = try #require(engine.model.entities(of: .agreement).first)
        let sessions = try engine.withLargeStack {
            Result { try engine.model.member(agreement, AgreementField.sessions, span: engine.model.nameSpan(of: agreement), interpreter: engine.interpreter) }
        }.get()
        guard case .list(let records) = sessions, !records.isEmpty else { Issue.record("the fixture's first agreement has no sessions"); return }
        for case .record(let record) in records { #expect(record.fields.map(\.name) == keys) }
    }
}
