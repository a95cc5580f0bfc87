import MentorDiagnostics
import MentorSyntax

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
    /// The syntax it came from.
    public let declaration: Declaration
    /// The declaration's title, if given.
    public internal(set) var title: String?
    /// Field values after evaluation and type checks, by field name.
    public internal(set) var fields: [String: Value] = [:]
    /// The entity this one is nested in (goal → agreement, step → pathway, session → agenda).
    // Weak: the parent lists this entity in `children`, and the model owns every entity for
    // its whole life, so a strong link both ways would keep a programme alive after its engine.
    public internal(set) weak var parent: Entity?
    /// Nested entities in declaration order (steps, goals, sessions).
    public internal(set) var children: [Entity] = []
    /// True for a `with` copy.
    public let isCopy: Bool
    /// Field expressions not evaluated yet; fields are evaluated on first use, so declarations
    /// may refer to each other in any order.
    var pendingFields: [String: PendingField] = [:]
    /// Fields being evaluated right now, to report a field that depends on itself.
    var fieldsInProgress: Set<String> = []

    init(kind: DeclarationKind, index: Int, id: String, declaration: Declaration, isCopy: Bool = false) {
        self.kind = kind
        self.index = index
        self.id = id
        self.declaration = declaration
        self.isCopy = isCopy
    }

    /// A copy with the same identity, for `with { … }`.
    func copy() -> Entity {
        let copy = Entity(kind: kind, index: index, id: id, declaration: declaration, isCopy: true)
        copy.title = title
        copy.fields = fields
        copy.parent = parent
        copy.children = children
        copy.pendingFields = pendingFields
        return copy
    }

    /// Where diagnostics about this entity point: its name.
    public var nameSpan: Span { declaration.nameSpan }
}

/// A field's resolved expression, waiting to be evaluated.
struct PendingField {
    let code: Code
    let nameSpan: Span
    let type: FieldType
}
