/// Writes a JSON document in one pass, with keys in the order they are written, so output is
/// deterministic and needs no Foundation. Misuse (a value where a key is due, unbalanced
/// containers) is a programming error and stops with a precondition failure.
///
/// ```swift
/// var json = JSONWriter()
/// json.object { json in
///     json.field("version", 1)
///     json.array("items") { json in json.string("a") }
/// }
/// json.output  // {"version":1,"items":["a"]}
/// ```
public struct JSONWriter: Sendable {
    /// The text written so far.
    public private(set) var output = ""
    private let pretty: Bool
    private var stack: [Container] = []

    private struct Container: Sendable {
        var isObject: Bool
        var count = 0
        var awaitingValue = false
    }

    /// Creates a writer; `pretty` indents by two spaces with one member per line, otherwise
    /// the output has no whitespace at all.
    public init(pretty: Bool = false) {
        self.pretty = pretty
    }

    /// True once one top-level value has been written and every container closed.
    public var isComplete: Bool { stack.isEmpty && !output.isEmpty }

    /// Opens an object (`{`).
    public mutating func beginObject() {
        beforeValue()
        output += "{"
        stack.append(Container(isObject: true))
    }

    /// Closes the innermost object (`}`).
    public mutating func endObject() {
        precondition(stack.last?.isObject == true && stack.last?.awaitingValue == false, "endObject outside an object or after a key")
        close("}")
    }

    /// Opens an array (`[`).
    public mutating func beginArray() {
        beforeValue()
        output += "["
        stack.append(Container(isObject: false))
    }

    /// Closes the innermost array (`]`).
    public mutating func endArray() {
        precondition(stack.last?.isObject == false, "endArray outside an array")
        close("]")
    }

    /// Writes the next member's key; a value must follow.
    public mutating func key(_ name: String) {
        precondition(stack.last?.isObject == true && stack.last?.awaitingValue == false, "key outside an object or after a key")
        separate()
        output += JSONWriter.quoted(name) + (pretty ? ": " : ":")
        stack[stack.count - 1].awaitingValue = true
    }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        beforeValue()
        output += JSONWriter.quoted(value)
    }

    /// Writes an integer value.
    public mutating func number(_ value: Int) {
        beforeValue()
        output += String(value)
    }

    /// Writes a floating-point value; JSON has no infinities or NaN, so those become `null`.
    public mutating func number(_ value: Double) {
        beforeValue()
        output += value.isFinite ? value.description : "null"
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        beforeValue()
        output += value ? "true" : "false"
    }

    /// Writes `null`.
    public mutating func null() {
        beforeValue()
        output += "null"
    }

    /// Writes a member whose value is a string, or `null` when nil.
    public mutating func field(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    /// Writes a member whose value is an integer, or `null` when nil.
    public mutating func field(_ name: String, _ value: Int?) {
        key(name)
        if let value { number(value) } else { null() }
    }

    /// Writes a member whose value is a floating-point number, or `null` when nil.
    public mutating func field(_ name: String, _ value: Double?) {
        key(name)
        if let value { number(value) } else { null() }
    }

    /// Writes a member whose value is a Boolean.
    public mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// Writes an object value whose members `body` writes.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        beginObject()
        body(&self)
        endObject()
    }

    /// Writes a member whose value is an object that `body` fills.
    public mutating func object(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name)
        object(body)
    }

    /// Writes an array value whose elements `body` writes.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        beginArray()
        body(&self)
        endArray()
    }

    /// Writes a member whose value is an array that `body` fills.
    public mutating func array(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name)
        array(body)
    }

    /// `text` as a JSON string literal: quotes and backslashes escaped, `\b \f \n \r \t` in
    /// their short forms, other control characters (C0, DEL, C1), U+2028/U+2029 and the bidi
    /// controls (`DisplayText.isControl`) as `\u00XX` style escapes, so the output is safe to
    /// print on a terminal and to embed in JavaScript.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{8}": result += "\\b"
            case "\u{C}": result += "\\f"
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}", "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}":
                let digits = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private mutating func beforeValue() {
        guard let top = stack.last else {
            precondition(output.isEmpty, "a JSON document has one top-level value")
            return
        }
        if top.isObject {
            precondition(top.awaitingValue, "object members need a key first")
            stack[stack.count - 1].awaitingValue = false
        } else {
            separate()
        }
    }

    // Comma and (when pretty) line break before the next member or element.
    private mutating func separate() {
        if stack[stack.count - 1].count > 0 { output += "," }
        stack[stack.count - 1].count += 1
        if pretty { output += "\n" + String(repeating: "  ", count: stack.count) }
    }

    private mutating func close(_ bracket: String) {
        let container = stack.removeLast()
        if pretty, container.count > 0 { output += "\n" + String(repeating: "  ", count: stack.count) }
        output += bracket
    }
}
