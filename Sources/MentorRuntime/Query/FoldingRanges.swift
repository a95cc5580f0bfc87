import MentorSyntax
import MentorSource

/// A stretch of lines an editor can fold.
public struct FoldingRange: Sendable, Hashable {
    /// What the stretch is.
    public enum Kind: String, Sendable, Hashable {
        /// A declaration body, a block, a list or a record between brackets.
        case region
        /// A block comment, or consecutive line or doc comments.
        case comment
        /// A multi-line (`"""`) string.
        case string
    }

    /// From the first byte of the stretch to its last; it spans at least two lines.
    public var span: Span
    /// What the stretch is.
    public var kind: Kind
}

extension ProgramQueries {
    /// The foldable stretches of `file`, by start: every bracketed body over several lines
    /// (declarations, blocks, lists, records), block comments, runs of line comments, and
    /// `"""` strings. Read from the file's tokens, so a file that does not parse still folds.
    public func foldingRanges(in file: FileID) -> [FoldingRange] {
        guard let source = engine.sources.file(file) else { return [] }
        return Self.foldingRanges(of: TokenContext(source))
    }

    static func foldingRanges(of context: TokenContext) -> [FoldingRange] {
        let file = context.file
        var ranges: [FoldingRange] = []
        func add(_ start: UInt32, _ end: UInt32, _ kind: FoldingRange.Kind) {
            guard end > start, file.lineIndex(of: start) < file.lineIndex(of: end - 1) else { return }
            ranges.append(FoldingRange(span: Span(file: file.id, start: start, end: end), kind: kind))
        }
        var openBrackets: [UInt32] = []
        var stringStart: UInt32?
        var commentRun: (start: UInt32, end: UInt32, line: Int)?
        for token in context.tokens {
            switch token.kind {
            case .leftBrace, .leftBracket, .leftParen:
                openBrackets.append(token.start)
            case .rightBrace, .rightBracket, .rightParen:
                if let open = openBrackets.popLast() { add(open, token.end, .region) }
            case .stringStart where token.flags.contains(.multiline):
                stringStart = token.start
            case .stringEnd where token.flags.contains(.multiline):
                if let start = stringStart { add(start, token.end, .string) }
                stringStart = nil
            case .blockComment:
                add(token.start, token.end, .comment)
            default:
                break
            }
            if token.kind == .lineComment || token.kind == .docComment {
                let line = file.lineIndex(of: token.start)
                if let run = commentRun, run.line + 1 == line {
                    commentRun = (run.start, token.end, line)
                } else {
                    if let run = commentRun { add(run.start, run.end, .comment) }
                    commentRun = (token.start, token.end, line)
                }
            }
        }
        if let run = commentRun { add(run.start, run.end, .comment) }
        return ranges.sorted { $0.span.start < $1.span.start }
    }
}
