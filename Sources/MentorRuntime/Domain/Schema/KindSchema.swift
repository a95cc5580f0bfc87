import MentorSyntax

/// One declaration kind's rows with their lookup tables. A class: every entity refers to its
/// kind's schema, and a reference is one word and one retain.
final class KindSchema: Sendable {
    /// Every row, fields and computed members, in documentation and export order.
    let rows: [SchemaRow]
    /// Declared fields in slot order.
    let fields: [FieldRow]
    /// The declared fields' names, in slot order: what `fieldIndexByName` numbers.
    private let fieldNames: [String]
    /// Each declared field's position in `fields` (the first of two with one name);
    /// `fieldIndex(named:)` reads it.
    private let fieldIndexByName: NameIndex
    /// Computed members by name.
    let computedByName: [String: ComputedMemberRow]
    /// Computed members in documentation order.
    let computedInOrder: [ComputedMemberRow]
    /// How `export --format json` writes an entity of the kind; nil when it is never exported.
    let export: KindExport?
    /// Fields a declaration of the kind must give, in slot order.
    let requiredFields: [FieldRow]
    /// The fields the programme added (`field NAME for KIND`), in slot order.
    let programmeFields: [FieldRow]
    /// The names of an entity's field slots: `title` and `for` (evaluated like fields, then
    /// kept apart), then the declared fields in slot order.
    let slotNames: [String]
    /// Where the kind keeps each of `SchemaMembers`' names, by number; nil for a name the
    /// kind does not offer.
    let memberLocations: [MemberLocation?]
    /// Each slot's position in name order, so fields are evaluated in the same order as before
    /// they were stored by slot (diagnostics of equal position keep that order).
    let nameRank: [Int]

    /// The slot of the title; slots from `firstDeclaredSlot` on are the declared fields.
    static let titleSlot = 0
    /// The slot of an agenda's `for` target.
    static let forSlot = 1
    /// The first declared field's slot.
    static let firstDeclaredSlot = 2

    /// The built-in schema of `kind`.
    convenience init(_ kind: DeclarationKind) {
        self.init(kind, rows: DomainSchema.rows(of: kind), memberCount: SchemaMembers.count, memberID: SchemaMembers.id(of:))
    }

    /// The schema of `kind` with a programme's fields after the built-in rows; `memberID`
    /// numbers their names (`ProgramSchemas`).
    convenience init(_ kind: DeclarationKind, programmeFields: [FieldRow], memberCount: Int, memberID: (String) -> Int) {
        self.init(kind, rows: DomainSchema.rows(of: kind) + programmeFields.map { .field($0) }, memberCount: memberCount, memberID: memberID)
    }

    private init(_ kind: DeclarationKind, rows: [SchemaRow], memberCount: Int, memberID: (String) -> Int) {
        self.rows = rows
        export = KindExport.of(kind)
        var fields: [FieldRow] = []
        var computed: [ComputedMemberRow] = []
        for row in rows {
            switch row {
            case .field(let field): fields.append(field)
            case .computed(let member): computed.append(member)
            }
        }
        fields.sort { $0.slot < $1.slot }
        // A row's slot is stated by hand beside its name; a gap or a repeat would make two
        // fields share storage, so the schema refuses to exist (every test would fail).
        precondition(fields.enumerated().allSatisfy { $1.slot == $0 + KindSchema.firstDeclaredSlot && $1.kind == kind },
                     "the field slots of \(kind) must be \(KindSchema.firstDeclaredSlot), \(KindSchema.firstDeclaredSlot + 1), … in order")
        precondition(computed.allSatisfy { $0.kind == kind }, "a computed member of \(kind) is listed under another kind")
        self.fields = fields
        fieldNames = fields.map(\.name)
        fieldIndexByName = KindSchema.firstPositions(of: fieldNames)
        computedInOrder = computed
        computedByName = Dictionary(computed.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        requiredFields = fields.filter(\.isRequired)
        programmeFields = fields.filter(\.isProgrammeField)
        var locations = [MemberLocation?](repeating: nil, count: memberCount)
        locations[SchemaMembers.idMember] = .id
        locations[SchemaMembers.titleMember] = .title
        for field in fields {
            locations[memberID(field.name)] = .field(slot: field.slot, programDefaultSlot: field.programDefault?.slot ?? -1)
        }
        for (row, member) in computed.enumerated() {
            let id = memberID(member.name)
            locations[id] = .computed(row: row, id: id)
        }
        memberLocations = locations
        let names = ["title", "for"] + fields.map(\.name)
        slotNames = names
        var rank = Array(repeating: 0, count: names.count)
        for (position, slot) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { rank[slot] = position }
        nameRank = rank
    }

    /// The position in `fields` of the declared field called `name`, nil when the kind has none.
    /// The resolver asks once per given field: a dictionary's string hashing cost 340
    /// instructions a look-up, this table's hash a few a byte. An index, not a row: the caller
    /// reads the row's parts in place, where a row by value copied and retained all of them.
    func fieldIndex(named name: String) -> Int? {
        fieldIndexByName.position(of: name, hash: NameHash.of(name), in: fieldNames)
    }

    /// The declared field called `name`, nil when the kind has none (the first of two, as
    /// `fieldIndex(named:)` finds it).
    func field(named name: String) -> FieldRow? { fieldIndex(named: name).map { fields[$0] } }

    /// The index of `names`' positions; the first of two equal names wins, as a dictionary
    /// built from them kept it.
    private static func firstPositions(of names: [String]) -> NameIndex {
        var index = NameIndex()
        index.reserveCapacity(names.count)
        for (position, name) in names.enumerated() {
            let hash = NameHash.of(name)
            if index.position(of: name, hash: hash, in: names) == nil { index.insert(position, hash: hash) }
        }
        return index
    }
}
