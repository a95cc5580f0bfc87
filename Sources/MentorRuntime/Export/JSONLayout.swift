import MentorSyntax

/// The members `export --format json` writes for an entity of a kind, derived from the kind's
/// schema alone: its header (`KindExport`: `id`, `title`), then every row whose export is not
/// `.omitted`, in row order. The exporter writes exactly these keys, and a test holds
/// docs/export.schema.json to them.
enum JSONLayout {
    /// One member of an exported object.
    enum Key: Sendable {
        /// The declared name.
        case id
        /// The title, or `null`.
        case title
        /// A field or computed member, written as its row's export says.
        case row(SchemaRow)
        /// A `.valueAndText` row's value as written in the source.
        case text(SchemaRow)

        /// The member's key in the object.
        var name: String {
            switch self {
            case .id: KindExport.idKey
            case .title: KindExport.titleKey
            case .row(let row): row.name
            case .text(let row): row.name + "_text"
            }
        }
    }

    /// The key of the object holding an entity's programme-defined fields.
    static let programmeFieldsKey = "fields"

    /// What an entity of `kind` is written as; empty for a kind that is never exported.
    static func keys(of kind: DeclarationKind) -> [Key] { keysByKind[kind] ?? [] }

    /// What a `.party` reference to an entity of `kind` is written as: its `id` and party rows.
    static func partyKeys(of kind: DeclarationKind) -> [Key] { partyKeysByKind[kind] ?? [] }

    /// The key of the value beside an entity's name in a `.keyedBy` record's pairs
    /// (`{"person": "ana", "date": "2026-01-05"}`).
    static func pairValueKey(_ type: FieldType) -> String {
        switch type {
        case .date: "date"
        default: "value"
        }
    }

    // Built once: the whole-programme export asks for every entity's layout.
    private static let keysByKind: [DeclarationKind: [Key]] = Dictionary(uniqueKeysWithValues: DeclarationKind.allCases.map { kind in
        let schema = DomainSchema.schema(of: kind)
        guard let export = schema.export else { return (kind, []) }
        var keys: [Key] = []
        if export.writesID { keys.append(.id) }
        if export.writesTitle { keys.append(.title) }
        for row in schema.rows where row.export != .omitted {
            keys.append(.row(row))
            if row.export == .valueAndText { keys.append(.text(row)) }
        }
        return (kind, keys)
    })

    private static let partyKeysByKind: [DeclarationKind: [Key]] = Dictionary(uniqueKeysWithValues: DeclarationKind.allCases.map { kind in
        (kind, [.id] + (DomainSchema.schema(of: kind).export?.partyRows ?? []).map { .row($0) })
    })
}

extension SchemaRow {
    /// The declared type of a field; nil for a computed member.
    var fieldType: FieldType? {
        if case .field(let field) = self { return field.type }
        return nil
    }

    /// True when the row holds a list, so that an absent value exports as `[]`, not `null`.
    var holdsList: Bool {
        switch self {
        case .field(let field):
            switch field.type {
            case .list, .keyedBy: true
            default: false
            }
        case .computed(let member): member.typeName.hasPrefix("list of")
        }
    }
}
