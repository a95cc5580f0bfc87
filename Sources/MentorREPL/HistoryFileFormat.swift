/// One history entry per line: backslashes and line breaks inside an entry are escaped, so a
/// multi-line entry stays one line in the file and comes back whole.
enum HistoryFileFormat {
    /// The entry as one line of the file, without the newline that ends it.
    static func escape(_ entry: String) -> String {
        var line = ""
        line.unicodeScalars.reserveCapacity(entry.unicodeScalars.count)
        for scalar in entry.unicodeScalars {
            switch scalar {
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            default: line.unicodeScalars.append(scalar)
            }
        }
        return line
    }

    /// The entry a line of the file stands for; an unknown escape is kept as written.
    static func unescape(_ line: Substring) -> String {
        var entry = ""
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                entry.unicodeScalars.append(scalar)
                continue
            }
            switch scalars.next() {
            case "\\": entry += "\\"
            case "n": entry += "\n"
            case "r": entry += "\r"
            case let other?:
                entry += "\\"
                entry.unicodeScalars.append(other)
            case nil: entry += "\\"
            }
        }
        return entry
    }

    /// The entries of a whole file, oldest first; blank lines are skipped.
    static func entries(in contents: String) -> [String] {
        // Split on scalars: as Characters, "\r\n" is one grapheme and would not split on "\n".
        contents.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            let trimmed = line.last == "\r" ? line.dropLast() : line
            return trimmed.isEmpty ? nil : unescape(Substring(trimmed))
        }
    }

    /// A whole file holding `entries`.
    static func contents(of entries: [String]) -> String {
        entries.map { escape($0) + "\n" }.joined()
    }
}
