import MentorDiagnostics
import MentorRuntime
import MentorSource

/// Turns the engine's diagnostics into the protocol's, keeping what `check` prints: the code,
/// the severity, the message with its rule, help and place-less notes, and each note or label
/// that points somewhere as related information.
public struct DiagnosticConversion {
    /// Places spans in the client's positions.
    public let locator: SpanLocator
    /// Prefix of each code's documentation link (`codeDescription`); none when nil.
    public let docsBaseURL: String?

    /// Creates a converter.
    public init(locator: SpanLocator, docsBaseURL: String?) {
        self.locator = locator
        self.docsBaseURL = docsBaseURL
    }

    /// One diagnostic, positioned in `sources`.
    public func convert(_ diagnostic: Diagnostic, sources: SourceMap) -> JSONValue? {
        guard let file = sources.file(diagnostic.span.file) else { return nil }
        var message = diagnostic.message
        if let rule = diagnostic.rule { message += " [\(rule)]" }
        if let label = diagnostic.primaryLabel, !label.isEmpty { message += "\n" + label }
        var related: [JSONValue] = []
        for label in diagnostic.labels {
            if let location = locator.location(of: label.span, sources: sources) {
                related.append(["location": location, "message": .string(label.message)])
            }
        }
        for note in diagnostic.notes {
            if let span = note.span, let location = locator.location(of: span, sources: sources) {
                related.append(["location": location, "message": .string(note.message)])
            } else {
                message += "\nnote: " + note.message
            }
        }
        if let help = diagnostic.help { message += "\nhelp: " + help }
        var members: [(String, JSONValue)] = [
            ("range", locator.range(of: diagnostic.span, in: file)),
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
}
