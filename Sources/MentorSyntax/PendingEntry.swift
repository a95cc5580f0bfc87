import MentorDiagnostics
import MentorSource

/// A REPL entry being gathered line by line, and whether the lexer sees it still open: a
/// bracket, a `"""` string or a block comment not yet closed. Such an entry waits for its
/// closing line whatever errors it holds, so the user's closing `}` never becomes an error
/// of its own; once nothing is open, the parser decides (`ParseResult.isIncomplete`).
///
/// Each line is lexed once. The lexer's state at a line break it reaches in code is empty
/// (single-line strings end there), so lexing resumes from the last such break instead of
/// from the entry's start, and an entry of N lines costs O(N), not O(N²). Only the lines of
/// a `"""` string or block comment that stays open are lexed again from its line each time.
public struct PendingEntry: Sendable {
    /// The entry so far: its lines joined by line breaks.
    public private(set) var bytes: [UInt8] = []
    /// How many lines it holds.
    public private(set) var lineCount = 0
    /// True while a bracket, a `"""` string or a block comment is open at the end.
    public private(set) var isOpen = false
    /// Where lexing resumes: the end of the last line that ended in code.
    private var settledEnd = 0
    /// Opening minus closing brackets in `bytes[..<settledEnd]`.
    private var settledDepth = 0

    /// An entry with no lines yet.
    public init() {}

    /// True before the first line.
    public var isEmpty: Bool { lineCount == 0 }

    /// The entry so far as text (invalid UTF-8 replaced, as for display and history).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Adds one line (without its line break).
    public mutating func append<Line: Collection<UInt8>>(line: Line) {
        if lineCount > 0 { bytes.append(UInt8(ascii: "\n")) }
        bytes.append(contentsOf: line)
        lineCount += 1
        let rest = SourceFile(id: FileID(UInt32.max - 2), path: "<entry>", bytes: Array(bytes[settledEnd...]))
        var depth = 0
        var insideText = false
        for token in Lexer.tokenize(rest) {
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace: depth -= 1
            case .error where token.error == .unterminatedBlockComment: insideText = true
            case .endOfFile where token.flags.contains(.multiline): insideText = true
            default: break
            }
        }
        if !insideText {
            settledEnd = bytes.count
            settledDepth += depth
        }
        isOpen = insideText || settledDepth > 0
    }

    /// Adds one line of text.
    public mutating func append(line: String) { append(line: line.utf8) }
}
