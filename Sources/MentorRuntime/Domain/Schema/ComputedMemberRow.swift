import MentorDiagnostics
import MentorSource
import MentorSyntax

/// One computed member of a declaration kind, stated once with its implementation, so a
/// member cannot be listed without one (the row does not build without its closure).
struct ComputedMemberRow: Sendable {
    /// The kind that offers the member.
    let kind: DeclarationKind
    /// The member's name (`a.end`).
    let name: String
    /// What it gives, as the reference names it (`date`, `list of person`).
    let typeName: String
    /// How `export --format json` writes it.
    let export: FieldExport
    /// One line for the reference and for hovers.
    let doc: String
    /// Computes the member of an entity (the one currently seen: a `with` copy if one stands in).
    let compute: @Sendable (ComputedMemberContext, EntityRef) throws -> Value

    init(_ kind: DeclarationKind, _ name: String, _ typeName: String, export: FieldExport = .omitted, doc: String,
         compute: @escaping @Sendable (ComputedMemberContext, EntityRef) throws -> Value) {
        self.kind = kind
        self.name = name
        self.typeName = typeName
        self.export = export
        self.doc = doc
        self.compute = compute
    }
}

/// What a computed member's implementation may read: the programme and the evaluation that asks.
struct ComputedMemberContext {
    /// The programme's entities and their members.
    let model: ProgramModel
    /// The evaluation asking (for `today`, fields evaluated on demand, the step budget).
    let interpreter: Interpreter
    /// Where the member was asked for, for errors raised while computing it.
    let span: Span
}

/// A row of a kind's schema: a declared field or a computed member.
enum SchemaRow: Sendable {
    /// A declared field.
    case field(FieldRow)
    /// A computed member.
    case computed(ComputedMemberRow)

    /// The member's name.
    var name: String {
        switch self {
        case .field(let row): row.name
        case .computed(let row): row.name
        }
    }

    /// How `export --format json` writes it.
    var export: FieldExport {
        switch self {
        case .field(let row): row.export
        case .computed(let row): row.export
        }
    }

    /// One line for the reference and for hovers.
    var doc: String {
        switch self {
        case .field(let row): row.doc
        case .computed(let row): row.doc
        }
    }
}
