import MentorSource
import MentorSyntax

/// One declared field of a declaration kind, stated once: its name, type, storage slot,
/// programme default, how it exports and its one-line doc. Swift code reads a field through
/// its row (`entity[AgreementField.start]`), never by a string.
struct FieldRow: Sendable {
    /// The kind whose declarations give this field.
    let kind: DeclarationKind
    /// The field's name as written in a declaration body.
    let name: String
    /// The type its value must have.
    let type: FieldType
    /// Where an entity keeps the value (`KindSchema.slotNames[slot] == name`).
    let slot: Int
    /// True when every declaration of the kind must give it.
    let isRequired: Bool
    /// The programme's field an agreement falls back to when it does not give this one.
    let programDefault: ProgramDefault?
    /// How `export --format json` writes it.
    let export: FieldExport
    /// One line for the reference and for hovers.
    let doc: String
    /// True for a field the programme declared (`field department for person { … }`): the
    /// JSON export writes it under the entity's `fields`, apart from the built-in keys.
    let isProgrammeField: Bool
    /// Where a programme field is declared (its name); nil for a built-in one.
    let site: Span?
    /// The bare words its value may use, for the resolver; nil when it takes none.
    let vocabulary: FieldVocabulary?

    init(_ kind: DeclarationKind, slot: Int, _ name: String, _ type: FieldType, required: Bool = false,
         programDefault: ProgramDefault? = nil, export: FieldExport = .value, doc: String, programmeField: Bool = false, site: Span? = nil) {
        self.isProgrammeField = programmeField
        self.site = site
        self.kind = kind
        self.slot = slot
        self.name = name
        self.type = type
        self.isRequired = required
        self.programDefault = programDefault
        self.export = export
        self.doc = doc
        vocabulary = FieldVocabulary(type)
    }
}

/// The slot of the programme field that stands in for an absent agreement field; a slot, not
/// a row, so the agreement's rows can name it without the programme's rows being built first.
struct ProgramDefault: Sendable {
    /// The programme field's slot.
    let slot: Int
}

/// How the JSON export writes a field or computed member.
enum FieldExport: Sendable, Equatable {
    /// Not exported.
    case omitted
    /// Written from its value: an entity as its name, a record keyed by entities as a list of
    /// `{KIND: name, date: …}` pairs, durations and cadences as objects.
    case value
    /// A person written as `{id, name, email}`.
    case party
    /// An entity (or list of entities) written as an object with its own kind's exported members.
    case nested
    /// Written from its value, then under `NAME_text` as written in the source (`"15%"` beside
    /// `0.15`), so a consumer can show it without formatting numbers itself.
    case valueAndText
}
