/// Which field expressions read no other declaration's values, so their stored value cannot
/// change when another file is edited (`Engine.recheck` keeps every other file's values), and
/// which have their value already when their file is resolved (`folded`).
enum FieldCodeShape {
    /// True when `code` is built only from literals, names and operators on them: `ana`,
    /// `[video, email]`, `every 2 weeks`, `{ ana: 2026-01-02 }`, `2026-01-12 + 3 months`. A
    /// name may be a top-level `let`, whose value may read anything; `Engine.recheck` declines
    /// for a programme with `let`s, so a name counts here as a reference, not a read. A member
    /// (`ana.supervisor`), a call, an index or a `with` reads values.
    static func readsNoValues(_ code: Code) -> Bool {
        switch code {
        case .constant, .global:
            return true
        case .list(let elements, _):
            return elements.allSatisfy(readsNoValues)
        case .record(let fields, _):
            return fields.allSatisfy { readsNoValues($0.value) }
        case .interpolation(let parts, _):
            return parts.allSatisfy { part in
                if case .value(let value) = part { return readsNoValues(value) }
                return true
            }
        case .negate(let operand, _), .not(let operand, _), .every(let operand, _), .cadenceOn(let operand, _, _):
            return readsNoValues(operand)
        case .binary(_, let left, let right, _), .and(let left, let right, _), .or(let left, let right, _),
             .coalesce(let left, let right, _), .cadenceFor(let left, let right, _):
            return readsNoValues(left) && readsNoValues(right)
        case .cadenceThen(let phases, _):
            return phases.allSatisfy(readsNoValues)
        case .conditional(let condition, let then, let otherwise, _):
            return readsNoValues(condition) && readsNoValues(then) && readsNoValues(otherwise)
        case .local, .lambda, .call, .member, .memberCall, .index, .with:
            return false
        }
    }

    /// `code` made one literal when it holds nothing but literals and names of declared
    /// entities: `[video, email]`, `ana`, `{ ana: 2026-01-02 }`, `[problem_solving, feedback]`
    /// give the same value however often they are evaluated (no `with` copy stands in for an
    /// entity while a file is resolved). Stored when the file is resolved, like a date or a
    /// string, they are not evaluated one by one in the serial elaboration of the fields.
    /// `code` itself otherwise.
    static func folded(_ code: Code, globals: GlobalTable) -> Code {
        switch code {
        case .global(let index, let span):
            guard let entity = globals.entity(at: index) else { return code }
            return .constant(.entity(entity), span)
        case .list(let elements, let span):
            // A list holding an expression (`[ana.supervisor]`) cannot fold: no room is made for it.
            guard elements.allSatisfy(mayFold) else { return code }
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                guard case .constant(let value, _) = folded(element, globals: globals) else { return code }
                values.append(value)
            }
            return .constant(.list(values), span)
        case .record(let fields, let span):
            guard fields.allSatisfy({ mayFold($0.value) }) else { return code }
            var values: [(name: String, value: Value)] = []
            values.reserveCapacity(fields.count)
            for field in fields {
                guard case .constant(let value, _) = folded(field.value, globals: globals) else { return code }
                values.append((field.name, value))
            }
            return .constant(.record(Record(values)), span)
        default:
            return code
        }
    }

    /// The value `code` folds to (`folded`) when it fits `type`; nil when it does not fold or
    /// does not fit (the field then waits for the elaborate phase, which reports it). A list (and
    /// a record's values) is checked element by element as it is folded, an entity by its kind
    /// as its name is read: checking the folded value afterwards copied every element once more,
    /// and a list of names of entities (`[problem_solving, feedback]`) is most of what folds.
    static func foldedValue(_ code: Code, globals: GlobalTable, fitting type: FieldType) -> Value? {
        switch code {
        case .global(let index, _):
            guard let entity = globals.entity(at: index), FieldTypeChecker.fits(entity, type) else { return nil }
            return .entity(entity)
        case .list(let elements, _):
            guard case .list(let elementType) = type else { break }
            guard elements.allSatisfy(mayFold) else { return nil }
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                switch element {
                case .global(let index, _):
                    guard let entity = globals.entity(at: index), FieldTypeChecker.fits(entity, elementType) else { return nil }
                    values.append(.entity(entity))
                case .constant(let value, _):
                    guard FieldTypeChecker.fits(value, elementType, nested: true) else { return nil }
                    values.append(value)
                default:
                    guard case .constant(let value, _) = folded(element, globals: globals),
                          FieldTypeChecker.fits(value, elementType, nested: true) else { return nil }
                    values.append(value)
                }
            }
            return .list(values)
        case .record(let fields, _):
            // A record of names to values (`signed: { ana: 2026-01-02 }`): each value checked as
            // it is read, as `fits` checks a folded one (its keys are not checked there either).
            guard case .keyedBy(_, let valueType) = type else { break }
            guard fields.allSatisfy({ mayFold($0.value) }) else { return nil }
            var values: [(name: String, value: Value)] = []
            values.reserveCapacity(fields.count)
            for field in fields {
                if case .constant(let value, _) = field.value {
                    guard FieldTypeChecker.fits(value, valueType, nested: true) else { return nil }
                    values.append((field.name, value))
                } else {
                    guard case .constant(let value, _) = folded(field.value, globals: globals),
                          FieldTypeChecker.fits(value, valueType, nested: true) else { return nil }
                    values.append((field.name, value))
                }
            }
            return .record(Record(values))
        default:
            break
        }
        guard case .constant(let value, _) = folded(code, globals: globals), FieldTypeChecker.fits(value, type) else { return nil }
        return value
    }

    /// False when `code` is no literal or name, nor a list or record that may be one.
    private static func mayFold(_ code: Code) -> Bool {
        switch code {
        case .constant, .global, .list, .record: true
        default: false
        }
    }
}
