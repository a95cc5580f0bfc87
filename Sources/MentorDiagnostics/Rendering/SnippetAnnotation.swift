import MentorSource
/// A place to mark in a source snippet: `^` for the primary span, `-` for secondary ones.
struct SnippetAnnotation {
    /// The bytes to mark; only the first line of a multi-line span is shown.
    var span: Span
    /// Text after the marker, already escaped for display; empty for none.
    var label: String
    /// Whether this is the diagnostic's primary span.
    var isPrimary: Bool
}
