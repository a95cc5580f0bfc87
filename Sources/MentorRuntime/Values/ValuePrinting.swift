import MentorDiagnostics

extension Value {
    /// The value in source syntax, so it can be pasted back in (strings quoted and escaped).
    public var sourceText: String {
        switch self {
        case .none: return "none"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.sourceText
        case .string(let text): return Value.quoted(text)
        case .date(let date): return date.description
        case .time(let time): return time.description
        case .duration(let duration): return duration.description
        case .cadence(let cadence): return cadence.description
        case .list(let elements): return "[" + elements.map(\.sourceText).joined(separator: ", ") + "]"
        case .record(let record):
            if record.fields.isEmpty { return "{}" }
            return "{ " + record.fields.map { "\($0.name): \($0.value.sourceText)" }.joined(separator: ", ") + " }"
        case .function(let function):
            if case .closure(let closure) = function, closure.code.name == nil, let source = closure.code.sourceText {
                return source
            }
            return function.displayName
        case .entity(let entity): return entity.referenceText
        case .symbol(let name): return name
        }
    }

    /// The value as `print` and interpolation show it: strings as their text, the rest in source syntax.
    public var displayText: String {
        if case .string(let text) = self { return text }
        return sourceText
    }

    /// A string literal for `text`, escaping quotes, backslashes and every control character.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\0": result += "\\0"
            default:
                if DisplayText.isControl(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

extension Entity {
    /// How the entity is written to refer to it: its name (a session by its number).
    var referenceText: String {
        switch kind {
        case .program: return "program"
        case .test: return Value.quoted(id)
        default: return id
        }
    }
}
