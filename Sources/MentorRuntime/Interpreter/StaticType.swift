import MentorSyntax

/// The type of an expression as known before evaluating it (`:type`): as precise as the
/// resolved code and the schema rows allow, `unknown` where only running it would tell.
public indirect enum StaticType: Sendable, Equatable {
    case none, bool, number, string, date, time, duration, cadence, symbol, function
    case entity(DeclarationKind)
    /// A list; `unknown` elements when they are not known (or the list is empty).
    case list(StaticType)
    /// A record with these fields in order; nil when its fields are not known.
    case record([Field]?)
    /// Any of these (never nested, never `unknown`).
    case oneOf([StaticType])
    case unknown

    /// A record field's name and type.
    public struct Field: Sendable, Equatable {
        /// The field's name.
        public var name: String
        /// The field's type.
        public var type: StaticType
    }

    /// How `:type` names it: `list of date`, `agreement or none`, `record { a: number }`.
    public var description: String {
        switch self {
        case .none: "none"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .date: "date"
        case .time: "time"
        case .duration: "duration"
        case .cadence: "cadence"
        case .symbol: "symbol"
        case .function: "function"
        case .entity(let kind): kind.rawValue
        case .list(.unknown): "list"
        case .list(let element):
            // Parentheses keep `list of (date or none)` apart from `list of date, or none`.
            if case .oneOf = element { "list of (\(element.description))" } else { "list of \(element.description)" }
        case .record(nil): "record"
        case .record(let fields?):
            fields.isEmpty ? "record {}" : "record { " + fields.map { "\($0.name): \($0.type.description)" }.joined(separator: ", ") + " }"
        case .oneOf(let types):
            // `none` last, as the reference writes `agenda or none`.
            (types.filter { $0 != .none } + types.filter { $0 == .none }).map(\.description).joined(separator: " or ")
        case .unknown: "unknown"
        }
    }

    /// A value that is one of `types`: duplicates merged, and `unknown` when any is unknown.
    public static func union(_ types: [StaticType]) -> StaticType {
        var members: [StaticType] = []
        for type in types {
            let parts: [StaticType]
            if case .oneOf(let inner) = type { parts = inner } else { parts = [type] }
            for part in parts {
                if part == .unknown { return .unknown }
                if !members.contains(part) { members.append(part) }
            }
        }
        if members.isEmpty { return .unknown }
        return members.count == 1 ? members[0] : .oneOf(members)
    }

    /// The type without `none` (what `x ?? y` keeps of `x`).
    var withoutNone: StaticType {
        guard case .oneOf(let types) = self else { return self }
        return StaticType.union(types.filter { $0 != .none })
    }

    /// The type of a value already at hand, read without evaluating anything (a list's
    /// elements are looked at, a function is not called).
    static func of(_ value: Value) -> StaticType {
        switch value {
        case .none: .none
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .date: .date
        case .time: .time
        case .duration: .duration
        case .cadence: .cadence
        case .symbol: .symbol
        case .function: .function
        case .entity(let entity): .entity(entity.kind)
        case .list(let elements): .list(elements.isEmpty ? .unknown : union(elements.map(of)))
        case .record(let record): .record(record.fields.map { Field(name: $0.name, type: of($0.value)) })
        }
    }

    /// The type a schema row states for a field.
    init(_ field: FieldType) {
        switch field {
        case .string: self = .string
        case .number, .integer: self = .number
        case .date: self = .date
        case .time: self = .time
        case .duration, .dateDuration: self = .duration
        case .cadence, .singlePhaseCadence: self = .cadence
        case .bool: self = .bool
        case .boolOrString: self = .oneOf([.bool, .string])
        case .numberOrString: self = .oneOf([.number, .string])
        case .entity(let kind): self = .entity(kind)
        case .entityOf(let kinds): self = .oneOf(kinds.sorted { $0.rawValue < $1.rawValue }.map { .entity($0) })
        case .symbol: self = .symbol
        case .list(let element): self = .list(StaticType(element))
        case .keyedBy: self = .record(nil)
        case .shape(let fields, _): self = .record(fields.map { Field(name: $0.0, type: StaticType($0.1)) })
        case .oneOf(let types): self = StaticType.union(types.map(StaticType.init))
        }
    }

    /// The type a computed member's row names (`list of person`, `agenda or none`).
    init(typeName: String) {
        let alternatives = typeName.split(separator: " or ").map(String.init)
        if alternatives.count > 1 {
            self = StaticType.union(alternatives.map { StaticType(typeName: $0) })
            return
        }
        if typeName.hasPrefix("list of ") {
            self = .list(StaticType(typeName: String(typeName.dropFirst("list of ".count))))
            return
        }
        switch typeName {
        case "none": self = .none
        case "bool": self = .bool
        case "number": self = .number
        case "string": self = .string
        case "date": self = .date
        case "time": self = .time
        case "duration": self = .duration
        case "cadence": self = .cadence
        case "symbol": self = .symbol
        case "record": self = .record(nil)
        case "function": self = .function
        default: self = DeclarationKind(rawValue: typeName).map { .entity($0) } ?? .unknown
        }
    }
}
