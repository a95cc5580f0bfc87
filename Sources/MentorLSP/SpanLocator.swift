import MentorRuntime
import MentorSource

/// Turns the engine's spans (UTF-8 byte offsets in its source files) into the protocol's
/// positions, ranges and locations in the negotiated encoding, and positions back into offsets.
public struct SpanLocator {
    /// Positions are counted in this encoding.
    public let encoding: PositionEncoding
    /// The URI under which a path is published (an open document's own URI, else a `file:` URI).
    public let uriOfPath: (String) -> String
    /// The protocol's lines of each file holding a lone `\r`, which ends a line for the
    /// protocol but not for the engine's `SourceFile` (whose lines end only at `\n`).
    private let loneCarriageReturnLines = LoneCarriageReturnLines()

    /// Creates a locator.
    public init(encoding: PositionEncoding, uriOfPath: @escaping (String) -> String) {
        self.encoding = encoding
        self.uriOfPath = uriOfPath
    }

    /// The protocol position of byte `offset` of `file`.
    public func position(of offset: Int, in file: SourceFile) -> LSPPosition {
        if let lines = loneCarriageReturnLines.table(of: file) { return lines.position(of: offset, encoding: encoding) }
        let clamped = max(0, min(offset, file.bytes.count))
        let line = file.lineIndex(of: UInt32(clamped))
        let start = Int(file.lineStarts[line])
        return LSPPosition(line: line, character: encoding.units(in: file.bytes[start..<clamped]))
    }

    /// The byte offset in `file` of a protocol position (clamped to its line and to the file).
    public func offset(of position: LSPPosition, in file: SourceFile) -> UInt32 {
        if let lines = loneCarriageReturnLines.table(of: file) { return UInt32(lines.offset(of: position, encoding: encoding)) }
        guard position.line < file.lineStarts.count else { return UInt32(file.bytes.count) }
        let line = file.lineBytes(position.line)
        return file.lineStarts[position.line] + UInt32(encoding.byteOffset(units: position.character, in: line))
    }

    /// The protocol range of `span` in `file`.
    public func range(of span: Span, in file: SourceFile) -> JSONValue {
        LSPRange.json(start: position(of: Int(span.start), in: file), end: position(of: Int(span.end), in: file))
    }

    /// A `Location` for `span`, or nil when it is in no user file (the standard library).
    public func location(of span: Span, sources: SourceMap) -> JSONValue? {
        guard let file = sources.file(span.file), file.path != Engine.standardLibraryPath else { return nil }
        return ["uri": .string(uriOfPath(LexicalPath.normalized(file.path))), "range": range(of: span, in: file)]
    }
}

/// The protocol's line table of each file that holds a lone `\r`, made on first use; nil for
/// the others (nearly all), whose engine lines are the protocol's.
private final class LoneCarriageReturnLines {
    private var tables: [FileID: LineTable?] = [:]

    func table(of file: SourceFile) -> LineTable? {
        if let known = tables[file.id] { return known }
        // The engine turned `\r\n` into `\n`, so any `\r` left is a lone one.
        let table = file.bytes.contains(0x0D) ? LineTable(file.bytes) : nil
        tables[file.id] = table
        return table
    }
}
