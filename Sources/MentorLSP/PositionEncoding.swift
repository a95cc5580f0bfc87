import MentorSource

/// A position as the protocol counts it: a 0-based line and a character offset in the line.
public struct LSPPosition: Sendable, Hashable {
    /// 0-based line.
    public var line: Int
    /// 0-based offset in the line, in the negotiated encoding's code units.
    public var character: Int

    /// Creates a position.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// `{"line":…,"character":…}`.
    public var json: JSONValue { ["line": .integer(line), "character": .integer(character)] }

    /// Reads a position from a message, or nil when it is not one.
    public init?(json: JSONValue?) {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue,
              line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }
}

/// The unit in which the client counts characters within a line (LSP 3.17
/// `positionEncoding`): UTF-8 bytes when the client offers it, otherwise UTF-16 code units,
/// which every client must support.
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"

    /// The encoding to use given the client's `general.positionEncodings`, in its order of preference.
    public static func negotiated(offered: [String]?) -> PositionEncoding {
        guard let offered else { return .utf16 }
        return offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
    }

    /// The number of this encoding's code units in `bytes` (UTF-8; an invalid byte counts as one unit).
    public func units(in bytes: ArraySlice<UInt8>) -> Int {
        switch self {
        case .utf8: return bytes.count
        case .utf16:
            var count = 0
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let length = UTF8Scan.sequenceLength(bytes, at: index) ?? 1
                count += length == 4 ? 2 : 1
                index += length
            }
            return count
        }
    }

    /// The byte offset within `line` (UTF-8, without its line end) that is `units` code units
    /// in; past the end of the line it is the line's length, and inside a character it is the
    /// character's start.
    public func byteOffset(units: Int, in line: ArraySlice<UInt8>) -> Int {
        switch self {
        case .utf8:
            var offset = min(units, line.count)
            // Never split a character: step back to its first byte.
            while offset > 0, offset < line.count, line[line.startIndex + offset] & 0xC0 == 0x80 { offset -= 1 }
            return offset
        case .utf16:
            var counted = 0
            var index = line.startIndex
            while index < line.endIndex {
                let length = UTF8Scan.sequenceLength(line, at: index) ?? 1
                let width = length == 4 ? 2 : 1
                if counted + width > units { break }
                counted += width
                index += length
            }
            return index - line.startIndex
        }
    }
}
