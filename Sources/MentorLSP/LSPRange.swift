/// Builds the protocol's `Range` objects.
public enum LSPRange {
    /// `{"start":…,"end":…}`.
    public static func json(start: LSPPosition, end: LSPPosition) -> JSONValue {
        ["start": start.json, "end": end.json]
    }

    /// Reads a range from a message.
    public static func parse(_ json: JSONValue?) -> (start: LSPPosition, end: LSPPosition)? {
        guard let start = LSPPosition(json: json?["start"]), let end = LSPPosition(json: json?["end"]) else { return nil }
        return (start, end)
    }
}
