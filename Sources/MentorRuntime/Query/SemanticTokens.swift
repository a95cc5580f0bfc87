import MentorSyntax
import MentorSource

/// The kinds of semantic token, in legend order: a server advertises `legend` and sends each
/// token's position in it. The standard LSP names come first, so themes colour them; `date`,
/// `time`, `duration` and `percentage` are Mentor's own (an editor extension can give each
/// `number` as its super type).
public enum SemanticTokenType: String, Sendable, Hashable, CaseIterable {
    /// The programme and pathways.
    case namespace
    /// People.
    case `class`
    /// Agreements.
    case `struct`
    /// Agendas.
    case interface
    /// Competencies.
    case type
    /// Steps and sessions; the words that stand for themselves (channels, booking roles).
    case enumMember
    /// Goals.
    case event
    /// Rules and tests.
    case macro
    /// `fn`s, top-level or local.
    case function
    /// `let`s and loop variables.
    case variable
    /// Parameters of `fn`s and lambdas.
    case parameter
    /// Field names, record keys and members after `.`.
    case property
    /// Reserved words and the declaration words.
    case keyword
    /// Comments, doc comments included.
    case comment
    /// Strings, their pieces between interpolations.
    case string
    /// Whole and decimal numbers.
    case number
    /// Operators and `=>`.
    case `operator`
    /// `2026-01-12`.
    case date
    /// `09:30`.
    case time
    /// `4 weeks`.
    case duration
    /// `15%`.
    case percentage

    /// The token types in the order a server advertises them.
    public static let legend: [String] = allCases.map(\.rawValue)

    /// The type of a declared name of `kind`.
    static func of(_ kind: QuerySymbolKind) -> SemanticTokenType {
        switch kind {
        case .declaration(let declarationKind):
            switch declarationKind {
            case .program, .pathway: .namespace
            case .person: .class
            case .agreement: .struct
            case .agenda: .interface
            case .competency: .type
            case .step, .session: .enumMember
            case .goal: .event
            case .rule, .test: .macro
            case .waiver: .macro
            case .field: .property
            }
        case .topLevelLet: .variable
        case .topLevelFunction: .function
        case .local(.function): .function
        case .local(.parameter): .parameter
        case .local(.let), .local(.loopVariable): .variable
        }
    }
}

/// Modifiers of a semantic token, in legend order (each is a bit: `1 << position`).
public enum SemanticTokenModifier: String, Sendable, Hashable, CaseIterable {
    /// The name where it is declared.
    case declaration
    /// A doc comment.
    case documentation
    /// A name from the standard library or a built-in.
    case defaultLibrary

    /// The modifiers in the order a server advertises them.
    public static let legend: [String] = allCases.map(\.rawValue)
}

/// One classified stretch of a single line.
public struct SemanticToken: Sendable, Hashable {
    /// The bytes classified; never crosses a line end.
    public var span: Span
    /// What they are.
    public var type: SemanticTokenType
    /// Modifiers that apply.
    public var modifiers: Set<SemanticTokenModifier>
}

extension ProgramQueries {
    /// Every classified token of `file`, by position, each within one line: declared names by
    /// their kind (with `declaration` where declared), field names and members, literals,
    /// keywords, comments and operators.
    public func semanticTokens(in file: FileID) -> [SemanticToken] {
        guard let source = engine.sources.file(file) else { return [] }
        let context = TokenContext(source)
        let declarationWords = Set(SyntaxVocabulary.declarationWords.map(\.word))
        var result: [SemanticToken] = []
        func add(_ start: UInt32, _ end: UInt32, _ type: SemanticTokenType, _ modifiers: Set<SemanticTokenModifier> = []) {
            // Split at line ends: editors take a token as lying on one line.
            var lineStart = start
            for offset in start..<end where source.bytes[Int(offset)] == UInt8(ascii: "\n") {
                if offset > lineStart { result.append(SemanticToken(span: Span(file: file, start: lineStart, end: offset), type: type, modifiers: modifiers)) }
                lineStart = offset + 1
            }
            if end > lineStart { result.append(SemanticToken(span: Span(file: file, start: lineStart, end: end), type: type, modifiers: modifiers)) }
        }
        for (position, token) in context.tokens.enumerated() {
            switch token.kind {
            case .identifier:
                if let occurrence = index.occurrence(in: file, at: token.start), occurrence.span.start == token.start {
                    let symbol = index.symbols[occurrence.symbol]
                    var modifiers: Set<SemanticTokenModifier> = occurrence.isDeclaration ? [.declaration] : []
                    if engine.sources.file(symbol.nameSpan.file)?.path == StandardLibrary.path { modifiers.insert(.defaultLibrary) }
                    add(token.start, token.end, SemanticTokenType.of(symbol.kind), modifiers)
                    continue
                }
                let text = context.text(position)
                let previous = context.previousSignificant(before: position).map { context.tokens[$0].kind }
                let next = context.nextSignificant(after: position).map { context.tokens[$0].kind }
                if previous == .dot || next == .colon {
                    add(token.start, token.end, .property)
                } else if declarationWords.contains(text), [.identifier, .stringStart, .integer, .leftBrace].contains(next) {
                    add(token.start, token.end, .keyword)
                } else if text == "warning", previous == .identifier {
                    add(token.start, token.end, .keyword)
                } else if DomainSchema.channels.contains(text) || DomainSchema.bookingRoles.contains(text) {
                    add(token.start, token.end, .enumMember)
                } else if engine.globals.index(of: text) != nil {
                    add(token.start, token.end, .variable, [.defaultLibrary])
                }
            case .kwLet, .kwFn, .kwIf, .kwThen, .kwElse, .kwFor, .kwIn, .kwWhere, .kwTrue, .kwFalse, .kwNone,
                 .kwAnd, .kwOr, .kwNot, .kwWith, .kwEvery, .kwRequire, .kwWarn, .kwFail, .kwExpect, .kwImport:
                add(token.start, token.end, .keyword)
            case .integer, .decimal: add(token.start, token.end, .number)
            case .percent: add(token.start, token.end, .percentage)
            case .date: add(token.start, token.end, .date)
            case .time: add(token.start, token.end, .time)
            case .duration: add(token.start, token.end, .duration)
            case .stringStart, .stringText, .stringEnd: add(token.start, token.end, .string)
            case .lineComment, .blockComment: add(token.start, token.end, .comment)
            case .docComment: add(token.start, token.end, .comment, [.documentation])
            case .plus, .minus, .star, .slash, .equal, .equalEqual, .bangEqual, .less, .lessEqual, .greater, .greaterEqual,
                 .arrow, .questionQuestion:
                add(token.start, token.end, .operator)
            default:
                break
            }
        }
        return result
    }
}
