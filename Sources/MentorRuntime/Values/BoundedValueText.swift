import MentorDiagnostics

// A list may hold the same inner list many times over without using more memory (values are
// shared), so `[x, x]` nested forty deep is cheap to build but its text would be a thousand
// gigabytes. Every place that turns a value into text therefore stops at a byte budget
// instead of building the whole text first and checking its length afterwards.

extension Value {
    /// The value's text (`displayText` when `display`, else `sourceText`), or nil when it
    /// would be longer than `limit` bytes; stops working as soon as the budget is spent.
    /// Entities are written by their names in `names`.
    func text(display: Bool, limit: Int, in names: EntityStore) -> String? {
        var writer = BoundedText(limit: limit, names: names)
        if display, case .string(let text) = self {
            writer.append(text)
        } else {
            writer.appendSource(of: self)
        }
        return writer.isComplete ? writer.text : nil
    }

    /// The value in source syntax, cut to about `limit` bytes with a trailing `…`, for messages.
    func sourceText(truncatedTo limit: Int, in names: EntityStore) -> String {
        var writer = BoundedText(limit: limit, names: names)
        writer.appendSource(of: self)
        return writer.isComplete ? writer.text : writer.text + "…"
    }
}

/// Text built up to a byte budget; once an append would exceed it, nothing more is added.
struct BoundedText {
    let limit: Int
    /// Where the names of the entities written are read.
    let names: EntityStore
    private(set) var text = ""
    private(set) var isComplete = true

    init(limit: Int, names: EntityStore) {
        self.limit = limit
        self.names = names
    }

    mutating func append(_ piece: String) {
        guard isComplete else { return }
        if text.utf8.count + piece.utf8.count > limit {
            // Keep a prefix for truncated messages; cut on a scalar boundary.
            for scalar in piece.unicodeScalars {
                if text.utf8.count + String(scalar).utf8.count > limit { break }
                text.unicodeScalars.append(scalar)
            }
            isComplete = false
            return
        }
        text += piece
    }

    /// Appends `value` in source syntax, element by element, so a huge value costs only the
    /// budget; `leaf` may write a value that is not a list or record its own way (nil: its
    /// source text).
    mutating func appendSource(of value: Value, leaf: (Value) -> String? = { _ in nil }) {
        guard isComplete else { return }
        switch value {
        case .list(let elements):
            append("[")
            for (index, element) in elements.enumerated() {
                guard isComplete else { return }
                if index > 0 { append(", ") }
                appendSource(of: element, leaf: leaf)
            }
            append("]")
        case .record(let record):
            if record.fields.isEmpty { return append("{}") }
            append("{ ")
            for (index, field) in record.fields.enumerated() {
                guard isComplete else { return }
                if index > 0 { append(", ") }
                append(field.name + ": ")
                appendSource(of: field.value, leaf: leaf)
            }
            append(" }")
        default:
            append(leaf(value) ?? value.sourceText(in: names))
        }
    }
}
