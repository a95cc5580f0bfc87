import MentorSource
/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary span with a short message, shown under the snippet.
public struct DiagnosticLabel: Sendable, Hashable {
    /// Where the label points.
    public var span: Span
    /// What the label says.
    public var message: String

    /// Creates a label.
    public init(span: Span, message: String) {
        self.span = span
        self.message = message
    }
}

/// A note attached to a diagnostic, optionally pointing at another place.
public struct DiagnosticNote: Sendable, Hashable {
    /// The note's text.
    public var message: String
    /// The place the note refers to, if any.
    public var span: Span?

    /// Creates a note.
    public init(_ message: String, at span: Span? = nil) {
        self.message = message
        self.span = span
    }
}

/// A proposed edit: replace the text at `span` with `replacement`.
public struct Suggestion: Sendable, Hashable {
    /// The text to replace.
    public var span: Span
    /// The replacement text.
    public var replacement: String
    /// Why, shown to the user ("did you mean `mentor`?").
    public var message: String
    /// Other replacements that fit less well, best first: the "other similar names" a note
    /// lists as text, kept as data so an editor can offer each as a fix.
    public var alternatives: [String]

    /// Creates a suggestion.
    public init(span: Span, replacement: String, message: String, alternatives: [String] = []) {
        self.span = span
        self.replacement = replacement
        self.message = message
        self.alternatives = alternatives
    }
}

/// One problem found in a program, as data; rendering happens in one place (`DiagnosticRenderer`).
public struct Diagnostic: Sendable, Hashable {
    /// The stable code, such as `M0101`; see `docs/diagnostics.md`.
    public var code: DiagnosticCode
    /// Error, warning or note.
    public var severity: Severity
    /// The main message, without location or severity.
    public var message: String
    /// Where the problem is.
    public var span: Span
    /// Text shown under the carets of the primary span.
    public var primaryLabel: String?
    /// Secondary places with their own messages.
    public var labels: [DiagnosticLabel]
    /// Extra notes, possibly pointing elsewhere.
    public var notes: [DiagnosticNote]
    /// A line of advice on what to do.
    public var help: String?
    /// Machine-applicable fixes.
    public var suggestions: [Suggestion]
    /// The programme rule whose check reported it (`no_supervisor`, `std.smart_goals`), shown
    /// after the message in text and as its own field in JSON and SARIF.
    public var rule: String?
    /// The waiver excusing this rule violation, if one does (`waiver w for x { rule: … }`).
    public var waiver: DiagnosticWaiver?

    /// Creates a diagnostic.
    public init(
        _ code: DiagnosticCode,
        _ severity: Severity = .error,
        _ message: String,
        at span: Span,
        label: String? = nil,
        labels: [DiagnosticLabel] = [],
        notes: [DiagnosticNote] = [],
        help: String? = nil,
        suggestions: [Suggestion] = [],
        rule: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.span = span
        self.primaryLabel = label
        self.labels = labels
        self.notes = notes
        self.help = help
        self.suggestions = suggestions
        self.rule = rule
    }
}

/// A stable diagnostic code (`M` and four digits); the hundreds group the phase that emits it.
public struct DiagnosticCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numeric part.
    public let number: Int

    /// Creates a code from its number.
    public init(_ number: Int) { self.number = number }

    /// The printed form, such as `M0101`.
    public var description: String {
        let digits = String(number)
        return "M" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.number < rhs.number }
}
