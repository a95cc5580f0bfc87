import MentorDiagnostics
import MentorSource

/// `mentor fmt`'s formatter: prints a syntax tree in the one canonical layout described in
/// `docs/formatting.md`, keeping every comment and the spelling of every literal.
public enum SourceFormatter {
    /// Lines are wrapped to fit this many columns (Unicode scalars) where the grammar allows.
    public static let lineWidth = 100
    /// Spaces per indentation level.
    public static let indentWidth = 2

    /// The canonical text of `syntax`, which must be the tree parsed from `source` without
    /// syntax errors (a tree with `.error` nodes is printed as best it can, not faithfully).
    public static func format(_ syntax: SourceFileSyntax, source: SourceFile) -> String {
        // The builder recurses once a level of the tree, and the parser accepts 4,096 levels:
        // more than a small thread's stack holds, so it runs where the parser's deep input does.
        LargeStack.run {
            var builder = FormatBuilder(source: source, comments: syntax.comments)
            var layout = FormatLayout(width: lineWidth, indentWidth: indentWidth)
            builder.sourceFile(syntax, into: &layout)
            return layout.finish()
        }
    }

    /// Parses `source` and formats it; a file with syntax errors is not formatted.
    public static func format(_ source: SourceFile) -> FormatOutcome {
        let parsed = Parser.parse(source)
        if parsed.diagnostics.contains(where: { $0.severity == .error }) {
            return FormatOutcome(formatted: nil, diagnostics: parsed.diagnostics)
        }
        return FormatOutcome(formatted: format(parsed.syntax, source: source), diagnostics: parsed.diagnostics)
    }
}

/// The result of formatting one file.
public struct FormatOutcome: Sendable {
    /// The canonical text, or nil when the file has syntax errors.
    public var formatted: String?
    /// The parser's diagnostics (errors when `formatted` is nil).
    public var diagnostics: [Diagnostic]

    /// Creates an outcome.
    public init(formatted: String?, diagnostics: [Diagnostic]) {
        self.formatted = formatted
        self.diagnostics = diagnostics
    }
}
