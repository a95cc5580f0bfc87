import Foundation
@testable import MentorRuntime
import MentorSyntax
import Testing

/// The per-kind tables of docs/reference.md, generated from the schema rows: each field with
/// its type, whether it must be given or falls back to the programme, and its doc line; each
/// computed member with what it gives.
enum ReferenceTables {
    static let begin = "<!-- BEGIN schema tables: generated from Sources/MentorRuntime/Domain/Schema; MENTOR_UPDATE_DOCS=1 swift test --filter ReferenceDocTests rewrites them -->"
    static let end = "<!-- END schema tables -->"

    /// The text between the markers.
    static func markdown() -> String {
        var lines: [String] = []
        for kind in DeclarationKind.allCases {
            let rows = DomainSchema.schema(of: kind).rows
            guard !rows.isEmpty else { continue }
            let parents = DeclarationKind.allCases.filter { DomainSchema.nestedKinds(of: $0).contains(kind) }
            let nesting = parents.isEmpty ? "" : " (inside " + parents.map { withIndefiniteArticle($0.rawValue) }.joined(separator: " or ") + ")"
            lines += ["", "#### `\(kind.rawValue)`\(nesting)", "", "| member | type | given | meaning |", "|---|---|---|---|"]
            for row in rows {
                switch row {
                case .field(let field):
                    lines.append(line(field.name, shortName(field.type), given(field), field.doc))
                case .computed(let member):
                    lines.append(line(member.name, member.typeName, "computed", member.doc))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func line(_ name: String, _ type: String, _ given: String, _ doc: String) -> String {
        "| `\(name)` | \(cell(type)) | \(given) | \(cell(doc)) |"
    }

    // A `|` would end the cell.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    /// The type as messages name it, without its article: `date`, `list of people`.
    private static func shortName(_ type: FieldType) -> String {
        let text = type.description
        for article in ["a ", "an "] where text.hasPrefix(article) { return String(text.dropFirst(article.count)) }
        return text
    }

    private static func given(_ field: FieldRow) -> String {
        if field.isRequired { return "required" }
        guard let slot = field.programDefault?.slot,
              let programField = DomainSchema.fields(of: .program).first(where: { $0.slot == slot }) else { return "optional" }
        return "optional; else the programme's `\(programField.name)`"
    }
}

@Suite("Reference documentation")
struct ReferenceDocTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/reference.md")

    @Test("docs/reference.md's tables of fields and members are the schema's")
    func tablesMatchTheSchema() throws {
        let text = try String(contentsOf: Self.path, encoding: .utf8)
        let begin = try #require(text.range(of: ReferenceTables.begin), "docs/reference.md has no begin marker")
        let end = try #require(text.range(of: ReferenceTables.end, range: begin.upperBound..<text.endIndex), "docs/reference.md has no end marker")
        let generated = ReferenceTables.markdown()
        if ProcessInfo.processInfo.environment["MENTOR_UPDATE_DOCS"] == "1" {
            try (text[..<begin.upperBound] + "\n" + generated + text[end.lowerBound...]).write(to: Self.path, atomically: true, encoding: .utf8)
            return
        }
        #expect(text[begin.upperBound..<end.lowerBound] == "\n" + generated,
                "docs/reference.md differs from the schema; run with MENTOR_UPDATE_DOCS=1 and review the diff")
    }
}
