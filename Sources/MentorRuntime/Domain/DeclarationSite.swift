import MentorDiagnostics
import MentorSyntax
import MentorSource

/// What an entity keeps of its declaration once the syntax tree is released: the spans that
/// diagnostics point at, and the few header facts members and rules read. Keeping the whole
/// `Declaration` held every file's syntax tree (members, expressions, bodies) for as long as
/// the programme was loaded, which was most of `mentor check`'s peak memory.
public struct DeclarationSite: Sendable {
    /// A field given in the declaration body, for diagnostics about its value.
    public struct GivenField: Sendable {
        /// The field's name.
        public let name: String
        /// Where the field's value stands.
        public let valueSpan: Span
        /// The keys of a record literal given as the value, with their spans (empty otherwise).
        public let recordKeys: [Identifier]
    }

    /// The span of the kind word.
    public let kindSpan: Span
    /// Where diagnostics about the declaration point: its name, else its number, else its kind word.
    public let nameSpan: Span
    /// From the kind word to the closing brace.
    public let span: Span
    /// A session's number (`session 3`).
    public let number: Int64?
    /// `warning` after a rule's name.
    public let isWarning: Bool
    /// `on DATE` after a test's title: the day `today` stands for while it runs.
    public let pinnedDate: CivilDate?
    /// The text of the `///` comments before the declaration.
    public let docComment: String?
    /// The fields the body gives, in source order; recorded when the declaration is resolved
    /// (not when it is declared, while every file's tree is still held).
    public internal(set) var givenFields: [GivenField] = []

    /// Keeps the site of `declaration`.
    public init(_ declaration: Declaration) {
        kindSpan = declaration.kindSpan
        nameSpan = declaration.nameSpan
        span = declaration.span
        number = declaration.number
        isWarning = declaration.isWarning
        pinnedDate = declaration.pinnedDate.flatMap { CivilDate(year: $0.year, month: $0.month, day: $0.day) }
        docComment = declaration.docComment
    }

    /// The fields `declaration` gives, for diagnostics about their values (`givenFields`).
    static func givenFields(of declaration: Declaration) -> [GivenField] {
        var given: [GivenField] = []
        given.reserveCapacity(declaration.members.count { if case .field = $0 { true } else { false } })
        for case .field(let field) in declaration.members {
            var keys: [Identifier] = []
            if case .record(let entries, _) = field.value.kind { keys = entries.map(\.name) }
            given.append(GivenField(name: field.name.name, valueSpan: field.value.span, recordKeys: keys))
        }
        return given
    }
}
