/// A document the client has open: its text as the client holds it, kept up to date by
/// `didChange` (whole-text or incremental edits).
public struct TextDocument: Sendable {
    /// The document's URI as the client names it.
    public let uri: String
    /// The client's version number of the text.
    public var version: Int
    /// The text, UTF-8.
    public private(set) var lines: LineTable

    /// The text's bytes.
    public var bytes: [UInt8] { lines.bytes }

    /// Creates a document with its first text.
    public init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        lines = LineTable(Array(text.utf8))
    }

    /// One change of a `didChange` notification: a range replaced, or the whole text when `range` is nil.
    public struct Change: Sendable {
        /// The range replaced, in the client's positions.
        public var range: (start: LSPPosition, end: LSPPosition)?
        /// The new text.
        public var text: String

        /// Creates a change.
        public init(range: (start: LSPPosition, end: LSPPosition)?, text: String) {
            self.range = range
            self.text = text
        }
    }

    /// Applies changes in order, as the protocol requires: each range refers to the text as
    /// the previous change left it.
    public mutating func apply(_ changes: [Change], encoding: PositionEncoding) {
        for change in changes {
            guard let range = change.range else {
                lines = LineTable(Array(change.text.utf8))
                continue
            }
            let start = lines.offset(of: range.start, encoding: encoding)
            let end = max(start, lines.offset(of: range.end, encoding: encoding))
            var bytes = lines.bytes
            bytes.replaceSubrange(start..<end, with: Array(change.text.utf8))
            lines = LineTable(bytes)
        }
    }
}
