import MentorDiagnostics
import MentorSource

/// Member access and member calls on values: built-in members of lists, strings, records,
/// dates and times, and the fields and computed members of entities.
enum Members {
    /// Built-in members that take no arguments; they drop their parentheses.
    static let listProperties: Set<String> = ["count", "first", "last", "isEmpty", "sum", "min", "max"]
    /// Built-in list members that take arguments.
    static let listMethods = Set(ListMethod.allCases.map(\.rawValue))
    static let stringProperties: Set<String> = ["count", "isEmpty", "lowercased"]
    static let stringMethods: Set<String> = ["contains", "startsWith", "endsWith", "split"]
    static let dateProperties: Set<String> = ["year", "month", "day", "weekday"]
    static let timeProperties: Set<String> = ["hour", "minute"]

    /// Every member name a value offers, for suggestions and completion.
    static func memberNames(of value: Value, interpreter: Interpreter) -> [String] {
        switch value {
        case .list: return (listProperties.union(listMethods)).sorted()
        case .string: return (stringProperties.union(stringMethods)).sorted()
        case .record(let record): return record.fields.map(\.name) + ["keys", "get"]
        case .date: return dateProperties.sorted()
        case .time: return timeProperties.sorted()
        case .entity(let entity): return interpreter.model.memberNames(of: entity)
        default: return []
        }
    }

    /// `receiver.name` in resolved code: an entity's member found by the name's number, any
    /// other value's by its text.
    static func member(of receiver: Value, name: MemberName, nameSpan: Span, span: Span, interpreter: Interpreter) throws -> Value {
        guard case .entity(let entity) = receiver else {
            return try member(of: receiver, name: name.text, builtin: name.builtin, nameSpan: nameSpan, span: span, interpreter: interpreter)
        }
        if let value = try interpreter.model.member(of: entity, name, span: span, interpreter: interpreter) { return value }
        throw missingMember(receiver, name: name.text, nameSpan: nameSpan, interpreter: interpreter)
    }

    /// `receiver.name`; `builtin` is the name's `BuiltinMembers` when the caller knows them.
    static func member(of receiver: Value, name: String, builtin: BuiltinMembers? = nil, nameSpan: Span, span: Span,
                       interpreter: Interpreter) throws -> Value {
        switch receiver {
        case .list(let elements):
            let builtin = builtin ?? BuiltinMembers(named: name)
            if builtin.contains(.listProperty) { return try listProperty(elements, name, span: span, interpreter: interpreter) }
            if builtin.contains(.listMethod) { return .function(.boundMember(receiver: receiver, member: name)) }
        case .string(let text):
            if name == "count" { return .integer(Int64(text.unicodeScalars.count)) }
            if name == "isEmpty" { return .bool(text.isEmpty) }
            if name == "lowercased" { return .string(text.lowercased()) }
            if (builtin ?? BuiltinMembers(named: name)).contains(.stringMethod) { return .function(.boundMember(receiver: receiver, member: name)) }
        case .record(let record):
            if let value = record[name] { return value }
            if name == "keys" { return .list(record.fields.map { .string($0.name) }) }
            if name == "get" { return .function(.boundMember(receiver: receiver, member: name)) }
        case .date(let date):
            switch name {
            case "year": return .integer(Int64(date.year))
            case "month": return .integer(Int64(date.month))
            case "day": return .integer(Int64(date.day))
            case "weekday": return .integer(Int64(date.weekday))
            default: break
            }
        case .time(let time):
            if name == "hour" { return .integer(Int64(time.hour)) }
            if name == "minute" { return .integer(Int64(time.minute)) }
        case .entity(let entity):
            if let value = try interpreter.model.member(of: entity, name: name, span: span, interpreter: interpreter) {
                return value
            }
        default:
            break
        }
        throw missingMember(receiver, name: name, nameSpan: nameSpan, interpreter: interpreter)
    }

    /// `x.name` where `x` has no member `name`: when `name` is a user `fn`, the parentheses that
    /// call it are missing (a user function is always called with them); else an unknown member.
    private static func missingMember(_ receiver: Value, name: String, nameSpan: Span, interpreter: Interpreter) -> RuntimeError {
        if let index = interpreter.globals.index(of: name), case .function = interpreter.globals.bindings[index] {
            return RuntimeError(diagnostic: Diagnostic(
                .functionNotCalled, .error, "`\(name)` is a function, not a member of \(describeType(receiver, interpreter.model.store))", at: nameSpan,
                help: "a user `fn` is called with parentheses, also after a dot",
                suggestions: [Suggestion(span: nameSpan, replacement: name + "()", message: "call it: `\(name)()`")]))
        }
        return unknownMember(receiver, name: name, nameSpan: nameSpan, interpreter: interpreter)
    }

    static func unknownMember(_ receiver: Value, name: String, nameSpan: Span, interpreter: Interpreter) -> RuntimeError {
        let candidates = memberNames(of: receiver, interpreter: interpreter)
        var help: String?
        if case .none = receiver { help = "the value is `none`; use `??` to give a default" }
        return RuntimeError(diagnostic: .unknownName(
            .unknownMember, .error, "\(describeType(receiver, interpreter.model.store)) has no member `\(name)`",
            name: name, at: nameSpan, among: candidates, label: "unknown member", help: help))
    }

    static func call(_ receiver: Value, name member: MemberName, arguments: [Value], labels: [String?], nameSpan: Span, span: Span,
                     fallback: Code?, interpreter: Interpreter, frame: Frame) throws -> Value {
        let name = member.text
        if hasBuiltinMember(receiver, member) {
            return try callBuiltinMember(receiver, name: name, builtin: member.builtin, arguments: arguments, labels: labels, span: span,
                                         interpreter: interpreter)
        }
        // A record field or entity member that holds a function.
        if case .record(let record) = receiver, let value = record[name] {
            guard case .function(let function) = value else {
                throw RuntimeError(.notCallable, "member `\(name)` is \(describeType(value, interpreter.model.store)), not a function", at: nameSpan)
            }
            return try interpreter.call(function, arguments, labels: labels, span: span)
        }
        if case .entity(let entity) = receiver, member.schemaID >= 0, member.schemaID < interpreter.model.schema(of: entity).memberLocations.count,
           interpreter.model.schema(of: entity).memberLocations[member.schemaID] != nil {
            let value = try self.member(of: receiver, name: member, nameSpan: nameSpan, span: span, interpreter: interpreter)
            if arguments.isEmpty, labels.isEmpty { return value }
            guard case .function(let function) = value else {
                throw RuntimeError(.notCallable, "member `\(name)` is \(describeType(value, interpreter.model.store)), not a function", at: nameSpan)
            }
            return try interpreter.call(function, arguments, labels: labels, span: span)
        }
        // `x.f(y)` calls a function `f(x, y)`.
        if let fallback {
            let function = try interpreter.evaluate(fallback, frame)
            if case .function(let callable) = function {
                return try interpreter.call(callable, [receiver] + arguments, labels: [nil] + labels, span: span)
            }
        }
        throw unknownMember(receiver, name: name, nameSpan: nameSpan, interpreter: interpreter)
    }

    private static func hasBuiltinMember(_ receiver: Value, _ member: MemberName) -> Bool {
        if case .record(let record) = receiver { return member.text == "get" && record[member.text] == nil }
        return member.builtin.includesProperty(of: receiver) || member.builtin.includesMethod(of: receiver)
    }

    /// Calls built-in member `name` of `receiver`; `builtin` is the name's `BuiltinMembers`
    /// when the caller knows them.
    static func callBuiltinMember(_ receiver: Value, name: String, builtin: BuiltinMembers? = nil, arguments: [Value], labels: [String?], span: Span,
                                  interpreter: Interpreter) throws -> Value {
        let builtin = builtin ?? BuiltinMembers(named: name)
        if builtin.includesProperty(of: receiver) {
            try expectArguments(arguments, 0, name: name, span: span)
            return try member(of: receiver, name: name, builtin: builtin, nameSpan: span, span: span, interpreter: interpreter)
        }
        switch receiver {
        case .list(let elements):
            guard let method = ListMethod(rawValue: name) else { throw RuntimeError(.unknownMember, "a list has no member `\(name)`", at: span) }
            return try listMethod(elements, method, arguments: arguments, span: span, interpreter: interpreter)
        case .record(let record):
            try expectArguments(arguments, 1, name: name, span: span)
            guard case .string(let key) = arguments[0] else {
                throw RuntimeError(.typeMismatch, "`get` needs a field name as a string, but got \(describeType(arguments[0], interpreter.model.store))", at: span)
            }
            return record[key] ?? .none
        case .string(let text):
            try expectArguments(arguments, 1, name: name, span: span)
            guard case .string(let other) = arguments[0] else {
                throw RuntimeError(.typeMismatch, "`\(name)` needs a string, but got \(describeType(arguments[0], interpreter.model.store))", at: span)
            }
            switch name {
            case "contains": return .bool(other.isEmpty || text.contains(other))
            case "startsWith": return .bool(text.hasPrefix(other))
            case "split": return try split(text, separator: other, span: span, interpreter: interpreter)
            default: return .bool(text.hasSuffix(other))
            }
        default:
            throw RuntimeError(.unknownMember, "\(describeType(receiver, interpreter.model.store)) has no member `\(name)`", at: span)
        }
    }

    // MARK: Lists

    private static func listProperty(_ elements: [Value], _ name: String, span: Span, interpreter: Interpreter) throws -> Value {
        switch name {
        case "count": return .integer(Int64(elements.count))
        case "first": return elements.first ?? .none
        case "last": return elements.last ?? .none
        case "isEmpty": return .bool(elements.isEmpty)
        case "sum":
            // Numbers and durations only: `+` also joins strings and lists, which is not a sum.
            guard var total = elements.first else { return .integer(0) }
            for element in elements {
                switch element {
                case .number, .duration: continue
                default:
                    throw RuntimeError(.typeMismatch, "`sum` adds numbers or durations, but the list holds \(describeType(element, interpreter.model.store))", at: span,
                                       help: "`sum` of an empty list is 0; to join lists or strings, use `+` or `join`")
                }
            }
            for element in elements.dropFirst() {
                total = try Operators.binary(.add, total, element, span: span, names: interpreter.model, leftSpan: span, rightSpan: span)
            }
            return total
        case "min", "max":
            guard var best = elements.first else { return .none }
            for element in elements.dropFirst() {
                let order = try Operators.compare(element, best, span: span, names: interpreter.model)
                if name == "min" ? order < 0 : order > 0 { best = element }
            }
            return best
        default:
            throw RuntimeError(.unknownMember, "a list has no member `\(name)`", at: span)
        }
    }

    private static func function(_ value: Value, for name: String, span: Span, interpreter: Interpreter) throws -> FunctionValue {
        guard case .function(let function) = value else {
            throw RuntimeError(.typeMismatch, "`\(name)` needs a function such as `x => x.count`, but got \(describeType(value, interpreter.model.store))", at: span)
        }
        return function
    }

    /// List method `method` of `elements` called with `arguments`.
    static func listMethod(_ elements: [Value], _ method: ListMethod, arguments: [Value], span: Span, interpreter: Interpreter) throws -> Value {
        switch method {
        case .sorted where arguments.isEmpty:
            return .list(try mergeSort(elements) { try Operators.compare($0, $1, span: span, names: interpreter.model) < 0 })
        case .join where arguments.isEmpty:
            return try join(elements, separator: "", span: span, interpreter: interpreter)
        default:
            try expectArguments(arguments, 1, name: method.rawValue, span: span)
            return try listMethod(elements, method, argument: arguments[0], span: span, interpreter: interpreter)
        }
    }

    /// List method `method` of `elements` called with one argument: what a rule's member calls
    /// (`held.contains(r)`, `xs.any(x => …)`) come to, with no arguments array to make.
    static func listMethod(_ elements: [Value], _ method: ListMethod, argument: Value, span: Span, interpreter: Interpreter) throws -> Value {
        let name = method.rawValue
        switch method {
        case .contains:
            for element in elements where try Operators.checkedEqual(element, argument, span: span, names: interpreter.model) { return .bool(true) }
            return .bool(false)
        case .take, .drop:
            guard case .number(.integer(let count)) = argument, count >= 0 else {
                throw RuntimeError(.typeMismatch, "`\(name)` needs a whole number of elements, 0 or more, but got \(describeType(argument, interpreter.model.store))", at: span)
            }
            let kept = Int(min(count, Int64(elements.count)))
            return .list(method == .take ? Array(elements.prefix(kept)) : Array(elements.dropFirst(kept)))
        case .map, .filter, .any, .all:
            let transform = try function(argument, for: name, span: span, interpreter: interpreter)
            var spare: Frame?
            switch method {
            case .map:
                var result: [Value] = []
                result.reserveCapacity(elements.count)
                for element in elements { result.append(try interpreter.callOne(transform, element, reusing: &spare, span: span)) }
                return .list(result)
            case .filter:
                var result: [Value] = []
                for element in elements where try interpreter.truth(interpreter.callOne(transform, element, reusing: &spare, span: span), span) {
                    result.append(element)
                }
                return .list(result)
            case .any:
                for element in elements where try interpreter.truth(interpreter.callOne(transform, element, reusing: &spare, span: span), span) {
                    return .bool(true)
                }
                return .bool(false)
            default:
                for element in elements where !(try interpreter.truth(interpreter.callOne(transform, element, reusing: &spare, span: span), span)) {
                    return .bool(false)
                }
                return .bool(true)
            }
        case .sorted:
            let order = try function(argument, for: name, span: span, interpreter: interpreter)
            let arity: Int
            if case .closure(let closure) = order { arity = closure.code.parameterCount } else { arity = 1 }
            if arity == 2 {
                return .list(try mergeSort(elements) { try interpreter.truth(interpreter.call(order, [$0, $1], span: span), span) })
            }
            // A one-parameter function is a sort key.
            var keyed: [(key: Value, value: Value)] = []
            var spare: Frame?
            for element in elements { keyed.append((try interpreter.callOne(order, element, reusing: &spare, span: span), element)) }
            return .list(try mergeSort(keyed) { try Operators.compare($0.key, $1.key, span: span, names: interpreter.model) < 0 }.map(\.value))
        case .join:
            guard case .string(let separator) = argument else {
                throw RuntimeError(.typeMismatch, "`join` needs a string separator, but got \(describeType(argument, interpreter.model.store))", at: span)
            }
            return try join(elements, separator: separator, span: span, interpreter: interpreter)
        }
    }

    /// `elements.join(separator)`: their display text with `separator` between.
    private static func join(_ elements: [Value], separator: String, span: Span, interpreter: Interpreter) throws -> Value {
        var joined = ""
        for (index, element) in elements.enumerated() {
            if index > 0 { joined += separator }
            joined += try interpreter.text(of: element, display: true, span: span)
            if joined.utf8.count > interpreter.limits.maxStringLength { throw interpreter.stringTooLong(span) }
        }
        return .string(joined)
    }

    /// `text.split(separator)`: the pieces between separators, empty ones kept, so `join` gives
    /// the text back; an empty separator splits into characters.
    private static func split(_ text: String, separator: String, span: Span, interpreter: Interpreter) throws -> Value {
        let pieces: [String]
        if separator.isEmpty {
            pieces = text.map { String($0) }
        } else {
            pieces = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        }
        if pieces.count > interpreter.limits.maxListLength {
            throw RuntimeError(.sizeLimit, "list longer than \(interpreter.limits.maxListLength) elements", at: span)
        }
        return .list(pieces.map { .string($0) })
    }

    /// An element of a list by its position from 0: `xs[0]`, and an error beyond the end.
    static func element(of receiver: Value, at index: Value, span: Span, indexSpan: Span, interpreter: Interpreter) throws -> Value {
        guard case .list(let elements) = receiver else {
            throw RuntimeError(.typeMismatch, "`[…]` picks an element of a list, but this is \(describeType(receiver, interpreter.model.store))", at: span)
        }
        guard case .number(.integer(let position)) = index else {
            throw RuntimeError(.typeMismatch, "a list index is a whole number, but this is \(describeType(index, interpreter.model.store))", at: indexSpan)
        }
        guard position >= 0, position < Int64(elements.count) else {
            let range = elements.isEmpty ? "the list is empty" : "the list has \(elements.count) element\(elements.count == 1 ? "" : "s"), indexed 0 to \(elements.count - 1)"
            throw RuntimeError(.indexOutOfRange, "index \(position) is outside the list", at: indexSpan, label: range,
                               help: "`first` and `last` give `none` for an empty list instead of an error")
        }
        return elements[Int(position)]
    }

    /// A stable sort whose comparison may throw.
    private static func mergeSort<T>(_ items: [T], by less: (T, T) throws -> Bool) throws -> [T] {
        if items.count <= 1 { return items }
        let middle = items.count / 2
        let left = try mergeSort(Array(items[..<middle]), by: less)
        let right = try mergeSort(Array(items[middle...]), by: less)
        var merged: [T] = []
        merged.reserveCapacity(items.count)
        var i = 0, j = 0
        while i < left.count, j < right.count {
            if try less(right[j], left[i]) { merged.append(right[j]); j += 1 } else { merged.append(left[i]); i += 1 }
        }
        merged.append(contentsOf: left[i...])
        merged.append(contentsOf: right[j...])
        return merged
    }

    // MARK: with

    static func with(_ receiver: Value, fields: [(name: String, nameSpan: Span, value: Value)], span: Span, baseSpan: Span, interpreter: Interpreter) throws -> Value {
        switch receiver {
        case .record(var record):
            for field in fields { record = record.setting(field.name, to: field.value) }
            return .record(record)
        case .entity(let entity):
            return .entity(try interpreter.model.with(entity, fields: fields, interpreter: interpreter))
        default:
            throw RuntimeError(.typeMismatch, "`with` needs a record or a declared entity, but this is \(describeType(receiver, interpreter.model.store))", at: baseSpan)
        }
    }
}
