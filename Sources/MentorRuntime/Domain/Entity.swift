import MentorDiagnostics
import MentorSyntax
import MentorSource

/// A declared programme, competency, pathway, step, person, agreement, goal, agenda, session,
/// rule or test: what it is and where it was declared. Its field values live in the
/// programme's `EntityFieldStore`, addressed by `index`, so an entity holds no value and no
/// link to another entity's: fields that name each other (`requires: [b]` in `a` and `[a]`
/// in `b`) make no reference cycle. A `with` copy shares the index of its original and
/// carries its own values.
public final class Entity: @unchecked Sendable {
    // The title is set once while the programme is elaborated, then only read; `with` copies
    // are fresh objects, so no entity is mutated after it becomes visible to evaluation.
    /// What kind of declaration this is.
    public let kind: DeclarationKind
    /// Stable identity within one programme: the entity's place in the store.
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
    /// The field values of a `with` copy, by slot; nil for a declared entity, whose values are
    /// in the store. Made once, from values that existed before the copy, so they cannot
    /// refer to it.
    let copiedFields: [StoredField]?
    /// The kind's field slots and member tables.
    let schema: KindSchema

    init(kind: DeclarationKind, index: Int, id: String, declaration: DeclarationSite, schema: KindSchema, copiedFields: [StoredField]? = nil) {
        self.kind = kind
        self.index = index
        self.id = id
        self.declaration = declaration
        self.copiedFields = copiedFields
        self.schema = schema
    }

    /// True for a `with` copy.
    public var isCopy: Bool { copiedFields != nil }

    /// A copy with the same identity holding `fields`, for `with { … }`.
    func copy(holding fields: [StoredField]) -> Entity {
        let copy = Entity(kind: kind, index: index, id: id, declaration: declaration, schema: schema, copiedFields: fields)
        copy.title = title
        copy.parentIndex = parentIndex
        copy.children = children
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
struct PendingField: Sendable {
    let slot: Int
    let code: Code
    let nameSpan: Span
    let type: FieldType
}
