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

    // Stored with the eight-byte parts first and the three spans as offsets in their one file:
    // 72 bytes a site (an entity) instead of 88.

    /// A session's number (`session 3`).
    public let number: Int64?
    /// `warning` after a rule's name.
    public let isWarning: Bool
    /// `on DATE` after a test's title: the day `today` stands for while it runs.
    public let pinnedDate: CivilDate?
    private let file: FileID
    private let kindStart: UInt32, kindEnd: UInt32
    private let nameStart: UInt32, nameEnd: UInt32
    private let start: UInt32, end: UInt32
    /// The text of the `///` comments before the declaration.
    public let docComment: String?
    /// `givenFields`, as kept.
    var given = GivenFields()

    /// The span of the kind word.
    public var kindSpan: Span { Span(file: file, start: kindStart, end: kindEnd) }
    /// Where diagnostics about the declaration point: its name, else its number, else its kind word.
    public var nameSpan: Span { Span(file: file, start: nameStart, end: nameEnd) }
    /// From the kind word to the closing brace.
    public var span: Span { Span(file: file, start: start, end: end) }
    /// The fields the body gives, in source order; recorded when the declaration is resolved
    /// (not when it is declared, while every file's tree is still held).
    public var givenFields: [GivenField] { given.fields(in: file) }

    /// Keeps the site of `declaration`.
    public init(_ declaration: Declaration) {
        let nameSpan = declaration.nameSpan
        assert(declaration.kindSpan.file == declaration.span.file && nameSpan.file == declaration.span.file,
               "a declaration's spans are in one file")
        file = declaration.span.file
        kindStart = declaration.kindSpan.start
        kindEnd = declaration.kindSpan.end
        nameStart = nameSpan.start
        nameEnd = nameSpan.end
        start = declaration.span.start
        end = declaration.span.end
        number = declaration.number
        isWarning = declaration.isWarning
        pinnedDate = declaration.pinnedDate.flatMap { CivilDate(year: $0.year, month: $0.month, day: $0.day) }
        docComment = declaration.docComment
    }

    /// Adds `field`'s entries (its own, then a record value's keys) to `entries`: the resolver
    /// gathers a declaration's given fields in the one loop over its members that binds each
    /// field, where two loops of their own (a count, then the entries) copied every `Member`
    /// twice more.
    static func appendGiven(_ field: Field, to entries: inout [GivenFields.Entry]) {
        entries.append(GivenFields.Entry(name: field.name.name, start: field.value.span.start, end: field.value.span.end))
        guard case .record(let keys, _) = field.value.kind else { return }
        for key in keys {
            entries.append(GivenFields.Entry(name: key.name.name, start: key.name.span.start, end: key.name.span.end))
        }
    }

    /// A declaration's given fields from the entries gathered by `appendGiven`, in a list of
    /// their own sized to them (an entity keeps it).
    static func givenFields(_ gathered: [GivenFields.Entry]) -> GivenFields {
        var given = GivenFields()
        given.entries.reserveCapacity(gathered.count)
        given.entries.append(contentsOf: gathered)
        return given
    }

    /// The fields a declaration gives, packed: one list per entity of 24-byte entries, each a
    /// field's name and its value's offsets, followed by the keys of a record literal given as
    /// the value, their own name and offsets. A key lies within its field's value, and a field
    /// after the value of the one before, so each entry's offsets tell which it is. The file is
    /// the declaration's. As `GivenField`s (40 bytes, a list of keys each) they were the largest
    /// holder the engine added while resolving, 11 MB at 10,000 agreements.
    struct GivenFields: Sendable {
        struct Entry: Sendable {
            let name: String
            let start: UInt32
            let end: UInt32
        }
        var entries: [Entry] = []

        /// The fields, with their spans in `file`.
        func fields(in file: FileID) -> [GivenField] {
            var fields: [GivenField] = []
            var keys: [Identifier] = []
            var field: Entry?
            func finish() {
                guard let field else { return }
                fields.append(GivenField(name: field.name, valueSpan: Span(file: file, start: field.start, end: field.end), recordKeys: keys))
                keys = []
            }
            for entry in entries {
                if let field, entry.start >= field.start, entry.end <= field.end {
                    keys.append(Identifier(entry.name, span: Span(file: file, start: entry.start, end: entry.end)))
                } else {
                    finish()
                    field = entry
                }
            }
            finish()
            return fields
        }
    }
}
