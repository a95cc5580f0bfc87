import MentorSyntax

/// The declaration kinds' schemas (LANGUAGE.md's table): each kind is one table of rows
/// (`ProgramField.rows`, `AgreementField.rows`, …), read once into a `KindSchema`.
enum DomainSchema {
    static let channels = SymbolVocabulary.channels
    static let bookingRoles = SymbolVocabulary.bookingRoles
    static let weekendPolicies = SymbolVocabulary.weekendPolicies

    /// Declared fields by kind, in slot order.
    static func fields(of kind: DeclarationKind) -> [FieldRow] { schema(of: kind).fields }

    /// Computed member names by kind (every entity also has `id` and `title`).
    static func computedMembers(of kind: DeclarationKind) -> [String] { schema(of: kind).computedInOrder.map(\.name) }

    /// The schema of `kind`, built once: member lookups run for every field access of every
    /// rule, so they must not rebuild the tables (each `FieldType` holds heap-allocated sets).
    static func schema(of kind: DeclarationKind) -> KindSchema {
        switch kind {
        case .program: programSchema
        case .competency: competencySchema
        case .pathway: pathwaySchema
        case .step: stepSchema
        case .person: personSchema
        case .agreement: agreementSchema
        case .goal: goalSchema
        case .agenda: agendaSchema
        case .session: sessionSchema
        case .rule: ruleSchema
        case .test: testSchema
        case .waiver: waiverSchema
        case .field: fieldSchema
        }
    }

    /// The rows of `kind`, in documentation and export order.
    static func rows(of kind: DeclarationKind) -> [SchemaRow] {
        switch kind {
        case .program: ProgramField.rows
        case .competency: CompetencyField.rows
        case .pathway: PathwayField.rows
        case .step: StepField.rows
        case .person: PersonField.rows
        case .agreement: AgreementField.rows
        case .goal: GoalField.rows
        case .agenda: AgendaField.rows
        case .session: SessionField.rows
        case .rule: RuleMember.rows
        case .test, .field: []
        case .waiver: WaiverField.rows
        }
    }

    private static let programSchema = KindSchema(.program)
    private static let competencySchema = KindSchema(.competency)
    private static let pathwaySchema = KindSchema(.pathway)
    private static let stepSchema = KindSchema(.step)
    private static let personSchema = KindSchema(.person)
    private static let agreementSchema = KindSchema(.agreement)
    private static let goalSchema = KindSchema(.goal)
    private static let agendaSchema = KindSchema(.agenda)
    private static let sessionSchema = KindSchema(.session)
    private static let ruleSchema = KindSchema(.rule)
    private static let testSchema = KindSchema(.test)
    private static let fieldSchema = KindSchema(.field)
    private static let waiverSchema = KindSchema(.waiver)

    /// Nested declaration kinds allowed inside `kind`.
    static func nestedKinds(of kind: DeclarationKind) -> [DeclarationKind] {
        switch kind {
        case .pathway: [.step]
        case .agreement: [.goal]
        case .agenda: [.session]
        default: []
        }
    }
}

extension DeclarationKind {
    /// The kind's name with its indefinite article: `an agreement`, `a person`.
    var withArticle: String { withIndefiniteArticle(rawValue) }
}
