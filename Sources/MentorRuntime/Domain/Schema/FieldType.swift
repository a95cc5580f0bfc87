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
    /// An entity of one of these kinds (a waiver's `for`).
    case entityOf(Set<DeclarationKind>)
    case symbol(Set<String>)
    case list(FieldType)
    /// A record whose keys name entities of a kind, each mapped to a value type.
    case keyedBy(DeclarationKind, FieldType)
    /// A record with exactly these fields.
    case shape([(String, FieldType)], required: Set<String>)
    /// Any one of these types: a `held` entry is a date or an observation record, so an
    /// existing list of dates keeps its meaning beside the richer form.
    case oneOf([FieldType])

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
        case .entityOf(let kinds): "the name of " + FieldType.alternatives(kinds.map(\.rawValue).sorted().map(withIndefiniteArticle))
        case .symbol(let names): "one of " + names.sorted().map { "`\($0)`" }.joined(separator: ", ")
        case .list(let element): "a list of \(FieldType.plural(element))"
        case .keyedBy(let kind, let value): "a record from \(kind.rawValue) names to \(FieldType.plural(value))"
        case .shape(let fields, _): "a record { " + fields.map { "\($0.0): …" }.joined(separator: ", ") + " }"
        case .oneOf(let types): FieldType.alternatives(types.map(\.description))
        }
    }

    /// `a, b or c`.
    private static func alternatives(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " or " + last
    }

    private static func plural(_ type: FieldType) -> String {
        switch type {
        case .string: "strings"
        case .date: "dates"
        case .entity(let kind): kind == .person ? "people" : (kind == .competency ? "competencies" : "\(kind.rawValue)s")
        case .symbol(let names): names.sorted().map { "`\($0)`" }.joined(separator: ", ")
        case .shape: "records { " + type.description.dropFirst("a record { ".count)
        case .oneOf(let types): alternatives(types.map(plural))
        default: type.description
        }
    }
}

