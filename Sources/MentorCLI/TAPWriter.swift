import MentorDiagnostics
import MentorSource

/// A value in a TAP test point's YAML diagnostic block.
indirect enum YAMLValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([YAMLValue])
    case map([(String, YAMLValue)])
}

/// One test point of a TAP stream, before it is numbered: the reports build their points,
/// and one stream may hold several programmes' points, numbered on.
struct TAPPoint {
    let ok: Bool
    let description: String
    var yaml: [(String, YAMLValue)] = []
}

/// Writes a TAP version 14 stream: the version line, a plan, test points with YAML
/// diagnostic blocks, comments and `Bail out!` (testanything.org, TAP 14 specification).
struct TAPWriter {
    /// The stream so far.
    private(set) var output = "TAP version 14\n"
    /// The number of the last test point written.
    private(set) var count = 0

    /// `1..N`, or `1..0 # SKIP reason` when there is nothing to test.
    mutating func plan(_ total: Int, skipping reason: String? = nil) {
        output += "1..\(total)"
        if let reason { output += " # SKIP " + Self.escapeDescription(reason) }
        output += "\n"
    }

    /// `ok N - description` or `not ok N - description`, then the YAML block if there is one.
    mutating func point(ok: Bool, _ description: String, yaml: [(String, YAMLValue)] = []) {
        count += 1
        output += (ok ? "ok " : "not ok ") + "\(count) - " + Self.escapeDescription(description) + "\n"
        guard !yaml.isEmpty else { return }
        output += "  ---\n"
        Self.write(yaml, indent: 2, into: &output)
        output += "  ...\n"
    }

    /// `point` as the next test point.
    mutating func point(_ point: TAPPoint) {
        self.point(ok: point.ok, point.description, yaml: point.yaml)
    }

    /// One stream for several programmes (`DIR/...`): a plan of every point, then each
    /// programme's name as a comment before its points, numbered on; a plan that skips, with
    /// `emptyReason`, when no programme has a point.
    static func programmes(_ parts: [(name: String, points: [TAPPoint])], emptyReason: String) -> String {
        var tap = TAPWriter()
        let total = parts.reduce(0) { $0 + $1.points.count }
        guard total > 0 else {
            tap.plan(0, skipping: emptyReason)
            return tap.output
        }
        tap.plan(total)
        for (name, points) in parts {
            tap.comment(name)
            for point in points { tap.point(point) }
        }
        return tap.output
    }

    /// `# text`, one comment line per line of `text`.
    mutating func comment(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            output += line.isEmpty ? "#\n" : "# " + DisplayText.escapeControls(String(line)) + "\n"
        }
    }

    /// `Bail out! reason`: the run could not go on (the programme has errors).
    mutating func bailOut(_ reason: String) {
        output += "Bail out! " + DisplayText.escapeControls(reason) + "\n"
    }

    /// A description on one line: `\` and `#` escaped as TAP 14 asks (an unescaped `#` starts
    /// a directive), line breaks and other controls as visible escapes.
    static func escapeDescription(_ text: String) -> String {
        text.replacingScalars { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "#": "\\#"
            case _ where DisplayText.isControl(scalar): DisplayText.escape(scalar)
            default: nil
            }
        }
    }

    /// Writes block-style YAML, each entry on its own line at `indent` spaces.
    private static func write(_ entries: [(String, YAMLValue)], indent: Int, into output: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (key, value) in entries {
            switch value {
            case .list(let items) where !items.isEmpty:
                output += pad + key + ":\n"
                for item in items { writeItem(item, indent: indent + 2, into: &output) }
            case .map(let inner) where !inner.isEmpty:
                output += pad + key + ":\n"
                write(inner, indent: indent + 2, into: &output)
            default:
                output += pad + key + ": " + scalar(value) + "\n"
            }
        }
    }

    /// One `- item` of a list; a map's first entry shares the dash's line, the rest align under it.
    private static func writeItem(_ item: YAMLValue, indent: Int, into output: inout String) {
        let pad = String(repeating: " ", count: indent)
        guard case .map(let entries) = item, !entries.isEmpty else {
            output += pad + "- " + scalar(item) + "\n"
            return
        }
        var rest = ""
        write(entries, indent: indent + 2, into: &rest)
        output += pad + "- " + rest.dropFirst(indent + 2)
    }

    /// The one-line form of a value: strings double-quoted, empty collections as `[]` and `{}`.
    private static func scalar(_ value: YAMLValue) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .list: "[]"
        case .map: "{}"
        }
    }

    /// A YAML double-quoted scalar. Everything YAML does not allow raw in a stream (controls,
    /// U+FFFE, U+FFFF) and the terminal controls of `DisplayText.isControl` are escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingScalars { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\t": "\\t"
            case _ where DisplayText.isControl(scalar) || [0xFFFE, 0xFFFF, 0xFEFF].contains(scalar.value):
                "\\u" + DisplayText.hex(scalar.value, minimumDigits: 4)
            default: nil
            }
        } + "\""
    }

    /// The YAML of a diagnostic: its code, severity, message, place, rule, notes and help.
    static func yaml(of diagnostic: Diagnostic, sources: SourceMap) -> YAMLValue {
        var entries: [(String, YAMLValue)] = [
            ("code", .string(diagnostic.code.description)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
        ]
        if let position = DiagnosticPosition(diagnostic.span, in: sources) {
            entries.append(("file", .string(position.path)))
            entries.append(("line", .int(position.line)))
            entries.append(("column", .int(position.column)))
        }
        if let rule = diagnostic.rule { entries.append(("rule", .string(rule))) }
        if !diagnostic.notes.isEmpty { entries.append(("notes", .list(diagnostic.notes.map { .string($0.message) }))) }
        if let help = diagnostic.help { entries.append(("help", .string(help))) }
        return .map(entries)
    }
}
