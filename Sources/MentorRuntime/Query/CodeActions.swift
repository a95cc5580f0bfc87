import MentorDiagnostics
import MentorSyntax
import MentorSource

/// A fix or a navigation an editor can offer for a diagnostic.
public struct CodeAction: Sendable, Hashable {
    /// What the action does.
    public enum Kind: String, Sendable, Hashable {
        /// Edits the source (a did-you-mean replacement, a missing field added).
        case quickFix
        /// Shows a place: the rule a violation comes from.
        case showLocation
    }

    /// What the editor lists (`Change to \`ana\``).
    public var title: String
    /// What the action does.
    public var kind: Kind
    /// The edits, by file (empty for `showLocation`).
    public var edits: [FileID: [TextEdit]]
    /// The place to show, for `showLocation`.
    public var location: Span?
    /// True for the action an editor may apply on its own (the one did-you-mean suggestion).
    public var isPreferred: Bool
}

extension ProgramQueries {
    /// The actions for `diagnostic`: each of its did-you-mean suggestions (and their alternatives)
    /// as an edit, the first preferred; for a
    /// missing required field, the field added with a placeholder of its type; for a rule's
    /// violation, the rule's declaration to show.
    public func codeActions(for diagnostic: Diagnostic) -> [CodeAction] {
        var actions: [CodeAction] = []
        for suggestion in diagnostic.suggestions {
            for replacement in [suggestion.replacement] + suggestion.alternatives {
                actions.append(CodeAction(title: "Change to `\(replacement)`", kind: .quickFix,
                                          edits: [suggestion.span.file: [TextEdit(span: suggestion.span, newText: replacement)]],
                                          location: nil, isPreferred: actions.isEmpty))
            }
        }
        if diagnostic.code == .missingField, let action = addMissingField(diagnostic) { actions.append(action) }
        if let rule = diagnostic.rule, let entity = engine.model.entities(of: .rule).first(where: { engine.model.name(of: $0) == rule }) {
            actions.append(CodeAction(title: "Show rule `\(rule)`", kind: .showLocation, edits: [:], location: engine.model.nameSpan(of: entity), isPreferred: false))
        }
        return actions
    }

    /// Adds the required field a "has no `NAME`" diagnostic names to the declaration it points at,
    /// in the layout `mentor fmt` gives a body: one field a line, indented two spaces past the
    /// declaration.
    private func addMissingField(_ diagnostic: Diagnostic) -> CodeAction? {
        guard let occurrence = index.occurrence(in: diagnostic.span.file, at: diagnostic.span.start),
              occurrence.isDeclaration, occurrence.span == diagnostic.span,
              let entity = index.entities[occurrence.symbol], let file = engine.sources.file(diagnostic.span.file) else { return nil }
        let given = Set(engine.model.site(of: entity).givenFields.map(\.name))
        guard let row = engine.model.schema(of: entity).requiredFields.first(where: { !given.contains($0.name) && diagnostic.message.hasSuffix("has no `\($0.name)`") })
        else { return nil }
        let site = engine.model.site(of: entity)
        let line = file.lineIndex(of: site.kindSpan.start)
        let indent = String(decoding: file.lineBytes(line).prefix { $0 == UInt8(ascii: " ") }, as: UTF8.self)
        let fieldLine = "\(indent)  \(row.name): \(placeholder(for: row.type))"
        let tokens = TokenContext(file).tokens.filter { $0.start >= site.nameSpan.end && $0.end <= site.span.end }
        let edit: TextEdit
        if let open = tokens.first(where: { $0.kind == .leftBrace }), let close = tokens.last, close.kind == .rightBrace,
           file.lineIndex(of: open.start) != file.lineIndex(of: close.start) {
            // A body over several lines: the field goes after the last field given, else first.
            let after = site.givenFields.map(\.valueSpan.end).max() ?? open.end
            edit = TextEdit(span: Span(file: file.id, start: after, end: after), newText: "\n" + fieldLine)
        } else if let open = tokens.first(where: { $0.kind == .leftBrace }), let close = tokens.last, close.kind == .rightBrace {
            // A body on one line becomes one field a line.
            let lines = site.givenFields.map { "\(indent)  \($0.name): \(file.text($0.valueSpan))" } + [fieldLine]
            edit = TextEdit(span: Span(file: file.id, start: open.start, end: close.end), newText: "{\n" + lines.joined(separator: "\n") + "\n\(indent)}")
        } else {
            edit = TextEdit(span: Span(file: file.id, start: site.span.end, end: site.span.end), newText: " {\n\(fieldLine)\n\(indent)}")
        }
        return CodeAction(title: "Add `\(row.name)`", kind: .quickFix, edits: [file.id: [edit]], location: nil, isPreferred: false)
    }

    /// A value of `type` to stand in a new field until the user writes the real one.
    func placeholder(for type: FieldType) -> String {
        switch type {
        case .string: "\"\""
        case .number, .integer, .numberOrString: "1"
        case .date: engine.options.today.description
        case .time: "09:00"
        case .duration(.some(.time)): "60 minutes"
        case .duration(.some(.day)): "2 weeks"
        case .duration(.some(.month)), .duration(.none), .dateDuration: "12 months"
        case .cadence: "monthly"
        case .singlePhaseCadence: "every 3 months"
        case .bool, .boolOrString: "true"
        case .entity(let kind):
            index.symbols.first { $0.kind == .declaration(kind) && $0.isRenamable }?.name ?? kind.rawValue
        case .entityOf(let kinds):
            kinds.sorted { $0.rawValue < $1.rawValue }.lazy.compactMap { kind in
                self.index.symbols.first { $0.kind == .declaration(kind) && $0.isRenamable }?.name
            }.first ?? "none"
        case .oneOf(let types): types.first.map(placeholder(for:)) ?? "none"
        case .symbol(let words): words.sorted().first ?? "none"
        case .list: "[]"
        case .keyedBy: "{}"
        case .shape(let fields, let required):
            "{ " + fields.filter { required.contains($0.0) }.map { "\($0.0): \(placeholder(for: $0.1))" }.joined(separator: ", ") + " }"
        }
    }
}
