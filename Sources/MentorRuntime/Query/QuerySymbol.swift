import MentorSyntax
import MentorSource

/// What a named thing of a programme is, for an editor's outline, hover and rename.
public enum QuerySymbolKind: Sendable, Hashable {
    /// A declaration of a kind (`agreement`, `goal`, `rule`, `program`, `test`…).
    case declaration(DeclarationKind)
    /// A top-level `let`.
    case topLevelLet
    /// A top-level `fn`.
    case topLevelFunction
    /// A name local to a body: a `let`, a local `fn`, a parameter or a loop variable.
    case local(LocalKind)

    /// The word an editor shows for the kind (`agreement`, `let`, `fn`, `parameter`…).
    public var word: String {
        switch self {
        case .declaration(let kind): kind.rawValue
        case .topLevelLet: "let"
        case .topLevelFunction: "fn"
        case .local(let kind): kind.rawValue
        }
    }
}

/// A named thing of a programme: a declaration, a top-level `let` or `fn`, or a local.
public struct QuerySymbol: Sendable, Hashable {
    /// The name as declared (a session's number, a test's title, `program` for the programme).
    public let name: String
    /// What it is.
    public let kind: QuerySymbolKind
    /// Where its name stands (the kind word of a `program`, the number of a session).
    public let nameSpan: Span
    /// Its whole declaration (from the kind word, or `let`/`fn`, to the end).
    public let span: Span
    /// Its `///` documentation, markers stripped.
    public let docComment: String?
    /// The title string of a declaration, when it is plain text.
    public let title: String?
    /// The name of the declaration it is nested in (the agreement of a goal); nil at top level.
    public let containerName: String?
    /// True when the name can be renamed: it is spelled as a name in the user's source.
    public let isRenamable: Bool
}
