import MentorDiagnostics
import MentorRuntime
import MentorSource

/// Turns the engine's diagnostics into the protocol's, keeping what `check` prints: the code,
/// the severity, the message with its rule, help and place-less notes, and each note or label
/// that points somewhere as related information.
public struct DiagnosticConversion {
    /// Positions are counted in this encoding.
    public let encoding: PositionEncoding
    /// Prefix of each code's documentation link (`codeDescription`); none when nil.
    public let docsBaseURL: String?
    /// The URI under which a path is published (an open document's own URI, else a `file:` URI).
    public let uriOfPath: (String) -> String

    /// Creates a converter.
    public init(encoding: PositionEncoding, docsBaseURL: String?, uriOfPath: @escaping (String) -> String) {
        self.encoding = encoding
        self.docsBaseURL = docsBaseURL
        self.uriOfPath = uriOfPath
    }

    /// The protocol range of `span` in `file`.
    public func range(of span: Span, in file: SourceFile) -> JSONValue {
        LSPRange.json(start: position(of: Int(span.start), in: file), end: position(of: Int(span.end), in: file))
    }

    /// The protocol position of byte `offset` of `file`.
    public func position(of offset: Int, in file: SourceFile) -> LSPPosition {
        let clamped = min(offset, file.bytes.count)
        let line = file.lineIndex(of: UInt32(clamped))
        let start = Int(file.lineStarts[line])
        return LSPPosition(line: line, character: encoding.units(in: file.bytes[start..<clamped]))
    }

    /// One diagnostic, positioned in `sources`.
    public func convert(_ diagnostic: Diagnostic, sources: SourceMap) -> JSONValue? {
        guard let file = sources.file(diagnostic.span.file) else { return nil }
        var message = diagnostic.message
        if let rule = diagnostic.rule { message += " [\(rule)]" }
        if let label = diagnostic.primaryLabel, !label.isEmpty { message += "\n" + label }
        var related: [JSONValue] = []
        for label in diagnostic.labels {
            if let location = location(of: label.span, sources: sources) {
                related.append(["location": location, "message": .string(label.message)])
            }
        }
        for note in diagnostic.notes {
            if let span = note.span, let location = location(of: span, sources: sources) {
                related.append(["location": location, "message": .string(note.message)])
            } else {
                message += "\nnote: " + note.message
            }
        }
        if let help = diagnostic.help { message += "\nhelp: " + help }
        var members: [(String, JSONValue)] = [
            ("range", range(of: diagnostic.span, in: file)),
            ("severity", .integer(DiagnosticConversion.severity(diagnostic.severity))),
            ("code", .string(diagnostic.code.description)),
            ("source", "mentor"),
            ("message", .string(message)),
        ]
        if let docsBaseURL { members.append(("codeDescription", ["href": .string(docsBaseURL + diagnostic.code.description)])) }
        if !related.isEmpty { members.append(("relatedInformation", .array(related))) }
        return .object(members)
    }

    /// The protocol's severity number: 1 error, 2 warning, 3 information (a note).
    public static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
    }

    /// A `Location` for `span`, or nil when it is in no user file.
    public func location(of span: Span, sources: SourceMap) -> JSONValue? {
        guard let file = sources.file(span.file), file.path != Engine.standardLibraryPath else { return nil }
        return ["uri": .string(uriOfPath(LexicalPath.normalized(file.path))), "range": range(of: span, in: file)]
    }
}

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
