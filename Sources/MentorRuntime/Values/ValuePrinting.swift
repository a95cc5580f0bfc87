import MentorDiagnostics
import MentorSource

extension Value {
    /// The value in source syntax, so it can be pasted back in (strings quoted and escaped),
    /// entities by their names in `names`.
    public func sourceText(in names: EntityStore) -> String {
        switch self {
        case .none: return "none"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.sourceText
        case .string(let text): return Value.quoted(text)
        case .date(let date): return date.description
        case .time(let time): return time.description
        case .duration(let duration): return duration.description
        case .cadence(let cadence): return cadence.description
        case .list(let elements): return "[" + elements.map { $0.sourceText(in: names) }.joined(separator: ", ") + "]"
        case .record(let record):
            if record.fields.isEmpty { return "{}" }
            return "{ " + record.fields.map { "\($0.name): \($0.value.sourceText(in: names))" }.joined(separator: ", ") + " }"
        case .function(let function):
            if case .closure(let closure) = function, closure.code.name == nil, let source = closure.code.sourceText {
                return source
            }
            return function.displayName
        case .entity(let entity): return names.referenceText(of: entity.index)
        case .symbol(let name): return name
        }
    }

    /// The value as `print` and interpolation show it: strings as their text, the rest in source syntax.
    public func displayText(in names: EntityStore) -> String {
        if case .string(let text) = self { return text }
        return sourceText(in: names)
    }

    /// A string literal for `text`, escaping quotes, backslashes and every control character.
    public static func quoted(_ text: String) -> String {
        "\"" + text.replacingScalars { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\t": "\\t"
            case "\r": "\\r"
            case "\0": "\\0"
            case _ where DisplayText.isControl(scalar): "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: nil
            }
        } + "\""
    }
}

extension EntityStore {
    /// How entity `id` is written to refer to it: its name (a session by its number).
    func referenceText(of id: EntityID) -> String {
        switch kinds[id.offset] {
        case .program: return "program"
        case .test: return Value.quoted(name(of: id))
        default: return name(of: id)
        }
    }
}

extension Interpreter {
    /// What the REPL echoes for an expression's value: its source text when that reads back
    /// as the same value, else the text as a `//` comment, so a pasted transcript stays valid
    /// source. A symbol (`video`) reads back as itself unless a declared name hides the word;
    /// a nested goal, step or session has no expression that names it, so a nested entity is
    /// written with its kind and the path `:show` takes (`goal ana_dave.savings`).
    func echoText(of value: Value, span: Span) throws -> String {
        var writer = BoundedText(limit: limits.maxStringLength, names: model.store)
        var readsBack = true
        writer.appendEcho(of: value, readsBack: &readsBack, hidden: { self.globals.index(of: $0) != nil }) { entity in
            self.model.parent(of: entity, interpreter: self).map { "\(entity.kind.rawValue) \(self.model.name(of: $0)).\(self.model.name(of: entity))" }
        }
        guard writer.isComplete else { throw stringTooLong(span) }
        return readsBack ? writer.text : "// " + writer.text
    }
}

extension BoundedText {
    /// Appends `value` as `appendSource` does, writing nested entities through `nested` and
    /// clearing `readsBack` when something in it cannot be read back as an expression (`hidden`
    /// says whether a declared name hides a symbol's word).
    mutating func appendEcho(of value: Value, readsBack: inout Bool, hidden: (String) -> Bool, nested: (EntityRef) -> String?) {
        let names = names
        appendSource(of: value) { leaf in
            switch leaf {
            case .symbol(let word):
                if hidden(word) { readsBack = false }
                return nil
            case .entity(let entity) where names.parent(of: entity.index) != nil || entity.kind == .test:
                readsBack = false
                return nested(entity) ?? "\(entity.kind.rawValue) \(names.referenceText(of: entity.index))"
            default:
                return nil
            }
        }
    }
}
