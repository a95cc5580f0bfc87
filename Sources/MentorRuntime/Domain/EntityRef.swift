import MentorSyntax
import MentorSource

/// A value naming a declared programme, competency, pathway, step, person, agreement, goal,
/// agenda, session, rule or test: its `EntityID` and kind, and for a `with` copy the copy's
/// own field values. What it was declared as (name, title, site, parent, children) is read
/// from the programme's `EntityStore` by the ID, and its field values from the
/// `EntityFieldStore`, so a value naming an entity holds no other entity and no link back:
/// fields that name each other (`requires: [b]` in `a` and `[a]` in `b`) make no cycle. The
/// kind is kept here so a value's type name needs no store.
public struct EntityRef: Sendable {
    /// Identity within one programme: the entity's place in the store. A `with` copy has its
    /// original's. Named `index`, not `id`, since `id` is the declared name in the language.
    public let index: EntityID
    /// What kind of declaration this is.
    public let kind: DeclarationKind
    /// The field values of a `with` copy; nil for a declared entity, whose values are in the
    /// store.
    let copy: CopiedFields?

    init(_ index: EntityID, _ kind: DeclarationKind, copy: CopiedFields? = nil) {
        self.index = index
        self.kind = kind
        self.copy = copy
    }

    /// True for a `with` copy.
    public var isCopy: Bool { copy != nil }

    /// A copy with the same identity holding `fields`, for `with { … }`.
    func copy(holding fields: [StoredField]) -> EntityRef {
        EntityRef(index, kind, copy: CopiedFields(fields))
    }
}

/// The field values of a `with` copy, by slot: the only reference a value naming an entity
/// holds. Made once, from values that existed before the copy, so they cannot refer to it,
/// and never changed.
final class CopiedFields: Sendable {
    /// The copy's values.
    let fields: [StoredField]

    init(_ fields: [StoredField]) {
        self.fields = fields
    }

    /// The value in `slot`, if the copy has one.
    @inline(__always)
    func value(at slot: Int) -> Value? {
        for field in fields where field.slot == slot { return field.value }
        return nil
    }
}

/// A field value in its slot.
struct StoredField: Sendable {
    /// The value first and the slot in four bytes after it: they fit in the value's padding
    /// (a `Value` is 33 bytes), so an entry takes 40 bytes, not 48 (an `Int` slot laid out
    /// first). The field store holds one an entity's given field: 2 MB of 10,000 agreements.
    var value: Value
    private let storedSlot: UInt32

    /// The slot's index in its kind's schema.
    var slot: Int { Int(storedSlot) }

    init(slot: Int, value: Value) {
        self.value = value
        storedSlot = UInt32(slot)
    }
}

/// A field's resolved expression, waiting to be evaluated.
struct PendingField: Sendable {
    let slot: Int
    let code: Code
    let nameSpan: Span
    let type: FieldType
    /// True while the expression is being evaluated, to report a field that depends on itself.
    var isEvaluating = false
}
