import MentorSyntax

/// The type a declaration field must have.
indirect enum FieldType: Sendable, Equatable {
    case string
    case number
    case integer
    case date
    case time
    case duration(CalendarDuration.Kind?)
    /// Days, weeks, months or years: a length a date can be moved by.
    case dateDuration
    case cadence
    case singlePhaseCadence
    case bool
    case boolOrString
    case numberOrString
    case entity(DeclarationKind)
    case symbol(Set<String>)
    case list(FieldType)
    /// A record whose keys name entities of a kind, each mapped to a value type.
    case keyedBy(DeclarationKind, FieldType)
    /// A record with exactly these fields.
    case shape([(String, FieldType)], required: Set<String>)

    static func == (lhs: FieldType, rhs: FieldType) -> Bool { lhs.description == rhs.description }

    /// How the type is named in messages.
    var description: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .integer: "a whole number"
        case .date: "a date"
        case .time: "a time of day"
        case .duration(.some(.time)): "a duration in minutes or hours"
        case .duration(.some(.month)): "a duration in months or years"
        case .duration(.some(.day)): "a duration in days or weeks"
        case .duration(.none): "a duration"
        case .dateDuration: "a duration in days, weeks, months or years"
        case .cadence: "a cadence"
        case .singlePhaseCadence: "a single-phase cadence such as `every 3 months`"
        case .bool: "true or false"
        case .boolOrString: "true, false or a string stating the limits"
        case .numberOrString: "a number or a string"
        case .entity(let kind): kind.withArticle
        case .symbol(let names): "one of " + names.sorted().map { "`\($0)`" }.joined(separator: ", ")
        case .list(let element): "a list of \(FieldType.plural(element))"
        case .keyedBy(let kind, let value): "a record from \(kind.rawValue) names to \(FieldType.plural(value))"
        case .shape(let fields, _): "a record { " + fields.map { "\($0.0): …" }.joined(separator: ", ") + " }"
        }
    }

    private static func plural(_ type: FieldType) -> String {
        switch type {
        case .string: "strings"
        case .date: "dates"
        case .entity(let kind): kind == .person ? "people" : (kind == .competency ? "competencies" : "\(kind.rawValue)s")
        case .symbol(let names): names.sorted().map { "`\($0)`" }.joined(separator: ", ")
        default: type.description
        }
    }
}

/// The fields each declaration kind takes, and its computed members (LANGUAGE.md's table).
enum DomainSchema {
    static let channels: Set<String> = ["in_person", "video", "phone", "email", "chat"]
    static let bookingRoles: Set<String> = ["mentor", "mentee"]

    /// Declared fields by kind, in documentation order.
    static func fields(of kind: DeclarationKind) -> [(name: String, type: FieldType)] { schema(of: kind).fields }

    /// Computed members by kind (every entity also has `id` and `title`).
    static func computedMembers(of kind: DeclarationKind) -> [String] { schema(of: kind).computedInOrder }

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

    /// The table of declared fields (LANGUAGE.md's table), read once per kind into `KindSchema`.
    fileprivate static func declaredFields(of kind: DeclarationKind) -> [(name: String, type: FieldType)] {
        switch kind {
        case .program:
            return [("term", .dateDuration), ("cadence", .cadence), ("session_length", .duration(.time)),
                    ("max_mentees", .integer), ("review", .singlePhaseCadence)]
        case .competency:
            return [("description", .string), ("requires", .list(.entity(.competency)))]
        case .pathway:
            return [("description", .string)]
        case .step:
            return [("competencies", .list(.entity(.competency)))]
        case .person:
            return [("email", .string), ("supervisor", .entity(.person)), ("pathway", .entity(.pathway)),
                    ("completed", .keyedBy(.step, .date)), ("competencies", .list(.entity(.competency)))]
        case .agreement:
            return [("mentor", .entity(.person)), ("mentee", .entity(.person)), ("start", .date),
                    ("co_mentor", .entity(.person)), ("term", .dateDuration), ("extension", .dateDuration),
                    ("cadence", .cadence), ("session_length", .duration(.time)), ("channels", .list(.symbol(channels))),
                    ("contact", .string), ("booking", .symbol(bookingRoles)), ("notice", .duration(nil)),
                    ("confidential", .boolOrString), ("scope", .string), ("off_limits", .list(.string)),
                    ("review", .singlePhaseCadence), ("ending", .string), ("inactivity", .dateDuration),
                    ("signed", .keyedBy(.person, .date)), ("held", .list(.date)),
                    ("closed", .shape([("on", .date), ("reason", .string)], required: ["on"]))]
        case .goal:
            return [("measure", .string), ("target", .numberOrString), ("due", .date), ("competencies", .list(.entity(.competency)))]
        case .agenda:
            return [("at", .time), ("closing", .list(.string))]
        case .session:
            return [("topics", .list(.string)), ("actions", .list(.string)), ("length", .duration(.time))]
        case .rule, .test:
            return []
        }
    }

    /// Fields a declaration of `kind` must give.
    static func requiredFields(of kind: DeclarationKind) -> [String] {
        kind == .agreement ? ["mentor", "mentee", "start"] : []
    }

    /// Agreement fields that fall back to the programme's value when not given.
    static let programDefaults: Set<String> = ["term", "cadence", "session_length", "review"]

    /// The computed members (LANGUAGE.md's table), read once per kind into `KindSchema`.
    fileprivate static func declaredComputedMembers(of kind: DeclarationKind) -> [String] {
        switch kind {
        case .person: ["name", "mentees", "mentors", "co_mentees", "agreements", "credentialed", "progress"]
        case .agreement: ["end", "schedule", "sessions", "goals", "reviews", "status", "last_held", "next_session", "agenda"]
        case .competency: ["holders"]
        case .pathway: ["steps"]
        case .step: ["pathway"]
        case .goal: ["agreement"]
        case .agenda: ["sessions", "agreement"]
        case .session: ["number", "agenda"]
        case .rule: ["severity"]
        case .program, .test: []
        }
    }

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

/// One declaration kind's fields and computed members, with lookup tables. A class: every
/// entity refers to its kind's schema, and a reference is one word and one retain.
final class KindSchema: Sendable {
    /// Declared fields in documentation order.
    let fields: [(name: String, type: FieldType)]
    /// Declared field types by name.
    let fieldTypes: [String: FieldType]
    /// Computed member names.
    let computed: Set<String>
    /// Computed member names in documentation order.
    let computedInOrder: [String]
    /// The names of an entity's field slots: `title` and `for` (evaluated like fields, then
    /// kept apart), then the declared fields in documentation order.
    let slotNames: [String]
    /// The slot of each name in `slotNames`.
    let slotIndex: [String: Int]
    /// Each slot's position in name order, so fields are evaluated in the same order as before
    /// they were stored by slot (diagnostics of equal position keep that order).
    let nameRank: [Int]

    /// The slot of the title; slots from `firstDeclaredSlot` on are the declared fields.
    static let titleSlot = 0
    /// The slot of an agenda's `for` target.
    static let forSlot = 1
    /// The first declared field's slot.
    static let firstDeclaredSlot = 2

    init(_ kind: DeclarationKind) {
        fields = DomainSchema.declaredFields(of: kind)
        fieldTypes = Dictionary(fields.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        computedInOrder = DomainSchema.declaredComputedMembers(of: kind)
        computed = Set(computedInOrder)
        let names = ["title", "for"] + fields.map(\.name)
        slotNames = names
        slotIndex = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var rank = Array(repeating: 0, count: names.count)
        for (position, slot) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { rank[slot] = position }
        nameRank = rank
    }
}

extension DeclarationKind {
    /// The kind's name with its indefinite article: `an agreement`, `a person`.
    var withArticle: String { withIndefiniteArticle(rawValue) }
}
