/// A line such as `:load a.mentor b.mentor`, split into the command name and its argument.
struct MetaCommandLine: Equatable {
    /// The name after the colon.
    var name: String
    /// The rest of the line, trimmed.
    var argument: String

    /// Parses `line`, or nil when it does not start (after blanks) with a colon.
    init?(_ line: String) {
        let trimmed = line.drop(while: \.isWhitespace)
        guard trimmed.first == ":" else { return nil }
        let afterColon = trimmed.dropFirst()
        let name = afterColon.prefix(while: { !$0.isWhitespace })
        self.name = String(name)
        self.argument = String(afterColon[name.endIndex...]).trimmingBlanks()
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    func trimmingBlanks() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
