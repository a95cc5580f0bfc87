import MentorDiagnostics
import MentorSyntax
import MentorSource

/// A declared programme, competency, pathway, step, person, agreement, goal, agenda, session,
/// rule or test. Identity is `index`; a `with` copy shares the index of its original.
public final class Entity: @unchecked Sendable {
    // Fields are filled once while a programme is elaborated, then only read; `with` copies
    // are fresh objects, so no entity is mutated after it becomes visible to evaluation.
    /// What kind of declaration this is.
    public let kind: DeclarationKind
    /// Stable identity within one engine.
    public let index: Int
    /// The declared name (`ana_dave`), or the number of a session, or the title of a test.
    public let id: String
    /// What it keeps of the syntax it came from (spans for diagnostics, header facts).
    public internal(set) var declaration: DeclarationSite
    /// The declaration's title, if given.
    public internal(set) var title: String?
    /// The index of the entity this one is nested in (goal → agreement, step → pathway,
    /// session → agenda); `ProgramModel.parent(of:)` gives the entity. An index, not a link:
    /// the parent lists this entity in `children`, and a reference back would be a cycle.
    public internal(set) var parentIndex: Int?
    /// Nested entities in declaration order (steps, goals, sessions).
    public internal(set) var children: [Entity] = []
    /// True for a `with` copy.
    public let isCopy: Bool
    /// The kind's field slots and member tables.
    let schema: KindSchema
    /// Field values after evaluation and type checks, by slot of `schema`. A short list rather
    /// than a table by name: an entity gives a handful of fields, so finding a slot is a few
    /// integer compares, where a `[String: Value]` hashed the name on every access and held a
    /// hash table per entity.
    private(set) var storedFields: [StoredField] = []
    /// Field expressions not evaluated yet; fields are evaluated on first use, so declarations
    /// may refer to each other in any order.
    private(set) var pendingFields: [PendingField] = []
    /// Slots of the fields being evaluated right now, to report a field that depends on itself.
    var fieldsInProgress: [Int] = []

    init(kind: DeclarationKind, index: Int, id: String, declaration: DeclarationSite, isCopy: Bool = false) {
        self.kind = kind
        self.index = index
        self.id = id
        self.declaration = declaration
        self.isCopy = isCopy
        schema = DomainSchema.schema(of: kind)
    }

    /// Drops the fields and children, which may refer back to this entity in a cycle that
    /// reference counting cannot free; for the model that owns the entity, when it goes.
    func releaseLinks() {
        storedFields = []
        pendingFields = []
        children = []
    }

    /// Field values after evaluation and type checks, by field name.
    public var fields: [String: Value] {
        Dictionary(uniqueKeysWithValues: storedFields.map { (schema.slotNames[$0.slot], $0.value) })
    }

    /// The value of `field`, if evaluated and present (no programme default).
    @inline(__always)
    subscript(field: FieldRow) -> Value? {
        assert(field.kind == kind, "`\(field.name)` is a field of \(field.kind), not of \(kind)")
        return value(at: field.slot)
    }

    /// The value in `slot`, if evaluated and present.
    @inline(__always)
    func value(at slot: Int) -> Value? {
        for stored in storedFields where stored.slot == slot { return stored.value }
        return nil
    }

    /// Stores `value` in `slot`, or clears the slot for nil.
    func setValue(_ value: Value?, at slot: Int) {
        if let position = storedFields.firstIndex(where: { $0.slot == slot }) {
            if let value { storedFields[position].value = value } else { storedFields.remove(at: position) }
        } else if let value {
            storedFields.append(StoredField(slot: slot, value: value))
        }
    }

    /// The expression waiting in `slot`, if any.
    @inline(__always)
    func pendingField(at slot: Int) -> PendingField? {
        for pending in pendingFields where pending.slot == slot { return pending }
        return nil
    }

    /// Records `field`'s expression to evaluate on first use.
    func addPending(_ field: PendingField) {
        if let position = pendingFields.firstIndex(where: { $0.slot == field.slot }) {
            pendingFields[position] = field
        } else {
            pendingFields.append(field)
        }
    }

    /// Forgets the expression waiting in `slot`; the list's storage goes with its last entry.
    func removePending(at slot: Int) {
        guard let position = pendingFields.firstIndex(where: { $0.slot == slot }) else { return }
        if pendingFields.count == 1 { pendingFields = [] } else { pendingFields.remove(at: position) }
    }

    /// The slots still waiting, in field-name order.
    var pendingSlotsByName: [Int] {
        pendingFields.map(\.slot).sorted { schema.nameRank[$0] < schema.nameRank[$1] }
    }

    /// A copy with the same identity, for `with { … }`.
    func copy() -> Entity {
        let copy = Entity(kind: kind, index: index, id: id, declaration: declaration, isCopy: true)
        copy.title = title
        copy.storedFields = storedFields
        copy.parentIndex = parentIndex
        copy.children = children
        copy.pendingFields = pendingFields
        return copy
    }

    /// Where diagnostics about this entity point: its name.
    public var nameSpan: Span { declaration.nameSpan }
}

/// A field value in its slot.
struct StoredField {
    let slot: Int
    var value: Value
}

/// A field's resolved expression, waiting to be evaluated.
struct PendingField {
    let slot: Int
    let code: Code
    let nameSpan: Span
    let type: FieldType
}
