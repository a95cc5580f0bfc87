import MentorSyntax

/// The schemas one programme's entities use: each kind's built-in rows, extended by the
/// fields the programme declares (`field department for person { type: string }`). Immutable
/// and built per `Program`: a load that declares fields makes a new one before any entity of
/// the load exists, and a REPL entry that declares a field has the programme built again, so
/// an entity's schema never changes under it. Without programme fields it is `builtIn`, the
/// static tables, so a programme that declares none pays nothing.
final class ProgramSchemas: Sendable {
    /// Each kind's schema, by `DeclarationKind.ordinal`: an array index rather than a hash, since
    /// every entity declared looks its schema up.
    private let byKind: [KindSchema]
    /// The programme's own fields, in declaration order.
    let programmeFields: [FieldRow]
    /// Member numbers for programme field names no built-in kind uses, numbered on from
    /// `SchemaMembers.count`, so `p.department` is found by an array index like `a.start`.
    private let extraMemberIDs: [String: Int]
    /// How many member numbers there are: the built-in names and the programme's new ones.
    let memberCount: Int

    /// The built-in schemas, shared by every programme that declares no field.
    static let builtIn = ProgramSchemas()

    private init() {
        byKind = DeclarationKind.allCases.map { DomainSchema.schema(of: $0) }
        programmeFields = []
        extraMemberIDs = [:]
        memberCount = SchemaMembers.count
    }

    /// The built-in schemas extended by `fields` (each already checked: a known kind, a free
    /// name, a slot after its kind's fields).
    init(fields: [FieldRow]) {
        var extra: [String: Int] = [:]
        for field in fields where SchemaMembers.id(of: field.name) < 0 && extra[field.name] == nil {
            extra[field.name] = SchemaMembers.count + extra.count
        }
        let count = SchemaMembers.count + extra.count
        let ids = extra
        func memberID(_ name: String) -> Int { SchemaMembers.id(of: name) >= 0 ? SchemaMembers.id(of: name) : ids[name] ?? -1 }
        byKind = DeclarationKind.allCases.map { kind in
            let own = fields.filter { $0.kind == kind }
            return own.isEmpty && extra.isEmpty ? DomainSchema.schema(of: kind)
                : KindSchema(kind, programmeFields: own, memberCount: count, memberID: memberID)
        }
        programmeFields = fields
        extraMemberIDs = extra
        memberCount = count
    }

    /// The schema of `kind` in this programme.
    func schema(of kind: DeclarationKind) -> KindSchema { byKind[kind.ordinal] }

    /// The member number of `name`: a built-in name's, a programme field's, or -1.
    func memberID(of name: String) -> Int {
        let id = SchemaMembers.id(of: name)
        return id >= 0 ? id : extraMemberIDs[name] ?? -1
    }

    /// The slot the next programme field of `kind` takes.
    func nextSlot(of kind: DeclarationKind) -> Int {
        KindSchema.firstDeclaredSlot + schema(of: kind).fields.count
    }
}
