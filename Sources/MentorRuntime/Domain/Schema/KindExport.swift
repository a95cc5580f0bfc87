import MentorSyntax

/// How `export --format json` writes an entity of a kind around its rows: whether `id` and
/// `title` come first, where the whole-programme export lists the kind, and what a `.party`
/// reference to one shows. Stated beside each kind's rows, so the exporter holds no per-kind code.
struct KindExport: Sendable {
    /// Whether the object starts with `id`, the declared name (a programme has none).
    let writesID: Bool
    /// Whether `title` (or `null`) follows `id`.
    let writesTitle: Bool
    /// Where the whole-programme export puts the kind's entities; nil for a kind written only
    /// inside another (goals in their agreement, steps in their pathway).
    let programmeMember: ProgrammeMember?
    /// What a `.party` reference to an entity of the kind writes after its `id`.
    let partyRows: [SchemaRow]

    /// The key of the declared name.
    static let idKey = "id"
    /// The key of the title.
    static let titleKey = "title"

    init(id: Bool = true, title: Bool = true, programme: ProgrammeMember? = nil, partyRows: [SchemaRow] = []) {
        writesID = id
        writesTitle = title
        programmeMember = programme
        self.partyRows = partyRows
    }

    /// The export of `kind`; nil for kinds never exported (an agenda's sessions are merged
    /// into its agreement's `sessions`; rules, tests and waivers are not data of the programme).
    static func of(_ kind: DeclarationKind) -> KindExport? {
        switch kind {
        case .program: ProgramField.export
        case .competency: CompetencyField.export
        case .pathway: PathwayField.export
        case .step: StepField.export
        case .person: PersonField.export
        case .agreement: AgreementField.export
        case .goal: GoalField.export
        case .agenda: AgendaField.export
        case .session, .rule, .test, .waiver, .field: nil
        }
    }
}

/// A member of the whole-programme export holding one kind's entities.
enum ProgrammeMember: Sendable {
    /// One object, or `null` when the programme declares none.
    case single(String)
    /// Every entity of the kind, in declaration order.
    case list(String)

    /// The member's key.
    var key: String {
        switch self {
        case .single(let key), .list(let key): key
        }
    }
}
