import MentorSource
import MentorSyntax

/// Checks a field value against its declared type.
enum FieldTypeChecker {
    /// The error for field `name` whose value at `span` is `problem` where `type` is wanted;
    /// `label` marks the value in the snippet.
    static func mismatch(_ name: String, _ type: FieldType, _ problem: String, at span: Span, labelled: Bool = true) -> RuntimeError {
        RuntimeError(.fieldTypeMismatch, "`\(name)` must be \(type.description), but this is \(problem)",
                     at: span, label: labelled ? "expected \(type.description)" : nil)
    }

    /// Nil when `value` fits `type`; otherwise a description of what the value is. A record
    /// given as the field itself (`closed`) is checked for its required keys by the elaborator,
    /// which can say which key to add and how (M0503); one inside a list (a `held` entry) is
    /// checked here, where the key decides which alternative of a `oneOf` it is.
    /// `names` is the programme whose entity names the problem quotes; nil for a literal, which names no entity.
    static func check(_ value: Value, against type: FieldType, names: ProgramModel?, nested: Bool = false) -> String? {
        problem(value, type, names: names, nested: nested, describing: true)
    }

    /// True when `value` fits `type`, found without describing what does not: a value holding
    /// entities is checked with no programme to name them (a field folded when its file is
    /// resolved, `FieldCodeShape.folded`).
    /// `nested` for a value inside a list or record, as `check` has it.
    static func fits(_ value: Value, _ type: FieldType, nested: Bool = false) -> Bool {
        problem(value, type, names: nil, nested: nested, describing: false) == nil
    }

    /// True when `entity` fits `type`, as `fits(.entity(entity), type)` finds, with no value made
    /// and copied to find it (a folded list of names of entities, `FieldCodeShape.foldedValue`).
    static func fits(_ entity: EntityRef, _ type: FieldType) -> Bool {
        switch type {
        case .entity(let kind): entity.kind == kind
        case .entityOf(let kinds): kinds.contains(entity.kind)
        case .oneOf(let types): types.contains { fits(entity, $0) }
        default: false
        }
    }

    /// `check`; with `describing` false, a problem is only said to be there (the text is empty).
    private static func problem(_ value: Value, _ type: FieldType, names: ProgramModel?, nested: Bool, describing: Bool) -> String? {
        if case .none = value { return nil }
        let fits: Bool
        switch (type, value) {
        case (.string, .string), (.date, .date), (.time, .time), (.bool, .bool), (.cadence, .cadence),
             (.boolOrString, .bool), (.boolOrString, .string), (.numberOrString, .number), (.numberOrString, .string),
             (.number, .number):
            fits = true
        case (.integer, .number(.integer)):
            fits = true
        case (.duration(let kind), .duration(let duration)):
            fits = kind.map { duration.kind == $0 } ?? true
        case (.dateDuration, .duration(let duration)):
            fits = duration.kind != .time
        case (.singlePhaseCadence, .cadence(let cadence)):
            fits = cadence.phases.count == 1 && cadence.phases[0].limit == nil
        case (.entity(let kind), .entity(let entity)):
            fits = entity.kind == kind
        case (.entityOf(let kinds), .entity(let entity)):
            fits = kinds.contains(entity.kind)
        case (.symbol(let names), .symbol(let name)):
            fits = names.contains(name)
        case (.list(let element), .list(let items)):
            for item in items {
                if let problem = problem(item, element, names: names, nested: true, describing: describing) { return "a list holding \(problem)" }
            }
            return nil
        case (.keyedBy(_, let valueType), .record(let record)):
            for field in record.fields {
                if let problem = problem(field.value, valueType, names: names, nested: true, describing: describing) { return "a record whose `\(field.name)` is \(problem)" }
            }
            return nil
        case (.shape(let fields, let required), .record(let record)):
            for field in record.fields {
                guard let expected = fields.first(where: { $0.0 == field.name })?.1 else { return "a record with an unknown field `\(field.name)`" }
                if let problem = problem(field.value, expected, names: names, nested: true, describing: describing) { return "a record whose `\(field.name)` is \(problem)" }
            }
            // In shape order, so the message names the same key on every run.
            if nested, let missing = fields.first(where: { required.contains($0.0) && (record[$0.0] ?? .none).isNone }) {
                return "a record without `\(missing.0)`"
            }
            return nil
        case (.oneOf(let types), _):
            // The problem reported is the one against the alternative of the value's own
            // sort (a record against the record shape), which says what to fix.
            guard describing else {
                return types.contains { problem(value, $0, names: names, nested: nested, describing: false) == nil } ? nil : ""
            }
            var problems: [String] = []
            for type in types {
                guard let problem = problem(value, type, names: names, nested: nested, describing: true) else { return nil }
                problems.append(problem)
            }
            return problems.first { $0 != describeType(value, names?.store ?? EntityStore()) } ?? describeType(value, names?.store ?? EntityStore())
        default:
            fits = false
        }
        return fits ? nil : describing ? describeType(value, names?.store ?? EntityStore()) : ""
    }
}
