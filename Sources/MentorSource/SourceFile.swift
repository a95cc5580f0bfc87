/// Identifies one loaded source file inside a `SourceMap`.
public struct FileID: Hashable, Sendable, Comparable {
    /// Index of the file in its `SourceMap`.
    public let index: UInt32

    /// Creates an identifier for the file at `index`.
    public init(_ index: UInt32) { self.index = index }

    public static func < (lhs: FileID, rhs: FileID) -> Bool { lhs.index < rhs.index }
}

/// A half-open byte range `[start, end)` inside one source file.
public struct Span: Hashable, Sendable {
    /// The file the range belongs to.
    public var file: FileID
    /// Offset of the first byte.
    public var start: UInt32
    /// Offset one past the last byte.
    public var end: UInt32

    /// Creates a span of `file` from `start` up to (not including) `end`.
    public init(file: FileID, start: UInt32, end: UInt32) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span covering both `self` and `other` (same file assumed).
    public func merged(with other: Span) -> Span {
        Span(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    /// Length in bytes.
    public var length: Int { Int(end - start) }

    /// A span that points at nothing in particular; used for synthesized nodes.
    public static let unknown = Span(file: FileID(UInt32.max), start: 0, end: 0)
}

/// A 1-based line and column; the column counts Unicode scalars (an invalid byte counts as one).
public struct SourceLocation: Hashable, Sendable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One source text as bytes, with a table of line starts for turning offsets into locations.
///
/// `check` gives a file's text back once it is parsed (`giveBackText`) and reads it again
/// from its file for the few lines its diagnostics show (docs/performance.md, "Peak memory:
/// the source text").
// Unchecked: `held` and `origin` change once, in `giveBackText`, which is called only while no
// other thread reads the file; every other state is immutable or behind `RecentlyRestored`'s lock.
public final class SourceFile: @unchecked Sendable {
    /// The identifier under which the file was registered.
    public let id: FileID
    /// The path shown to users (`agreements/ana_dave.mentor`, `<repl>`, `<stdin>`).
    public let path: String
    /// The length of `bytes`, known without reading them again once they were given back.
    public let byteCount: Int
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [UInt32]
    /// The text while it is held: from creation until `giveBackText`.
    private var held: [UInt8]?
    /// How to read the given-back text again and know it for the same.
    private var origin: Origin?

    /// Where a given-back text is read again from, and its digest when it was given back.
    private struct Origin {
        let reread: @Sendable () -> [UInt8]?
        let digest: UInt64
    }

    /// Creates a source file, normalising a BOM and CRLF line ends.
    public init(id: FileID, path: String, bytes raw: [UInt8]) {
        self.id = id
        self.path = path
        let bytes = SourceFile.normalized(raw)
        held = bytes
        byteCount = bytes.count
        lineStarts = SourceFile.lineStarts(of: bytes)
    }

    /// `raw` without a leading UTF-8 BOM and with CRLF turned into LF.
    private static func normalized(_ raw: [UInt8]) -> [UInt8] {
        let hasByteOrderMark = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
        // Nearly every file has neither a BOM nor a CR: it is kept as given, with no copy.
        // This runs once per byte of every programme, so it scans, then copies only if it must.
        if raw.withUnsafeBufferPointer({ SourceFile.firstIndex(of: 0x0D, in: $0, from: 0) != nil }) {
            return SourceFile.withoutCarriageReturns(raw, from: hasByteOrderMark ? 3 : 0)
        }
        return hasByteOrderMark ? Array(raw[3...]) : raw
    }

    /// The raw bytes, with a leading UTF-8 BOM removed and CRLF turned into LF. Once given
    /// back, read again from the file; if the file no longer holds the same text (or cannot be
    /// read), a stand-in of blanks with the same lines, so offsets and line numbers stay valid.
    public var bytes: [UInt8] {
        if let held { return held }
        return restored().bytes
    }

    /// False when the text was given back and its file no longer holds it: a diagnostic then
    /// shows its place but no snippet (the lines would be the file's new ones, or blanks).
    public var isTextCurrent: Bool {
        held != nil || restored().isCurrent
    }

    /// Lets go of the text, to be read again with `reread` (the bytes the file was created
    /// from, or nil) when it is asked for: `check` holds every file's text only while parsing,
    /// where the editor and the REPL keep theirs. Call it only while no other thread reads this
    /// file (the engine does so between parsing and declaring, on its loading thread).
    public func giveBackText(rereadingWith reread: @escaping @Sendable () -> [UInt8]?) {
        guard let held, origin == nil else { return }
        origin = Origin(reread: reread, digest: SourceFile.digest(held))
        self.held = nil
    }

    /// The given-back text, from the last few restored (diagnostics are shown file by file,
    /// so each file is read about once), or read again now.
    private func restored() -> (bytes: [UInt8], isCurrent: Bool) {
        SourceFile.recentlyRestored.text(of: self) {
            guard let origin else { return (standIn(), false) }
            if let raw = origin.reread() {
                let fresh = SourceFile.normalized(raw)
                if fresh.count == byteCount, SourceFile.digest(fresh) == origin.digest { return (fresh, true) }
            }
            return (standIn(), false)
        }
    }

    /// Blanks with a line feed ending each line: the same length and lines as the text.
    private func standIn() -> [UInt8] {
        var blanks = [UInt8](repeating: 0x20, count: byteCount)
        for start in lineStarts.dropFirst() where start > 0 { blanks[Int(start) - 1] = 0x0A }
        return blanks
    }

    /// A 64-bit digest of `bytes`, to tell a file changed since it was read from one
    /// unchanged (not against an adversary: a changed file shows new lines, no more). Four
    /// lanes of eight bytes, each step `(lane ^ word) &* odd`, a bijection of the lane: so one
    /// changed word always changes the digest. About a third of an instruction a byte.
    static func digest(_ bytes: [UInt8]) -> UInt64 {
        let prime: UInt64 = 0x100_0000_01B3
        return bytes.withUnsafeBytes { buffer in
            var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5)
            var offset = 0
            while offset + 32 <= buffer.count {
                lanes.0 = (lanes.0 ^ buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
                lanes.1 = (lanes.1 ^ buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* prime
                lanes.2 = (lanes.2 ^ buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* prime
                lanes.3 = (lanes.3 ^ buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* prime
                offset += 32
            }
            var hash = UInt64(buffer.count)
            for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { hash = (hash ^ lane ^ (lane >> 29)) &* prime }
            while offset < buffer.count {
                hash = (hash ^ UInt64(buffer[offset])) &* prime
                offset += 1
            }
            return hash ^ (hash >> 32)
        }
    }

    /// The texts read again most recently, shared by every file.
    private static let recentlyRestored = RecentlyRestored()

    /// The last few given-back texts read again, so the diagnostics of one file read it once.
    private final class RecentlyRestored: @unchecked Sendable {
        // Guarded by `lock`: the rules' workers may read a rule's text while others do too.
        private var entries: [(file: SourceFile, bytes: [UInt8], isCurrent: Bool)] = []
        private let lock = Lock()
        /// Kept small, as each entry holds one whole file, but two a core: diagnostics are
        /// rendered on every core, each worker a run of them file by file, and with fewer
        /// entries than workers each worker's file was evicted by the others' and read again.
        private static let capacity = max(4, 2 * ParallelMap.processorCount)

        func text(of file: SourceFile, reading: () -> (bytes: [UInt8], isCurrent: Bool)) -> (bytes: [UInt8], isCurrent: Bool) {
            lock.withLock {
                if let index = entries.firstIndex(where: { $0.file === file }) {
                    let entry = entries.remove(at: index)
                    entries.append(entry)
                    return (entry.bytes, entry.isCurrent)
                }
                let text = reading()
                if entries.count == RecentlyRestored.capacity { entries.removeFirst() }
                entries.append((file, text.bytes, text.isCurrent))
                return text
            }
        }
    }

    /// `raw` from `start` on, with each CR that begins a CRLF left out.
    private static func withoutCarriageReturns(_ raw: [UInt8], from start: Int) -> [UInt8] {
        raw.withUnsafeBufferPointer { buffer in
            var normalized = [UInt8]()
            normalized.reserveCapacity(buffer.count)
            var index = start
            while index < buffer.count {
                let byte = buffer[index]
                index += 1
                if byte == 0x0D, index < buffer.count, buffer[index] == 0x0A { continue }
                normalized.append(byte)
            }
            return normalized
        }
    }

    /// The offset at which each line of `bytes` starts.
    private static func lineStarts(of bytes: [UInt8]) -> [UInt32] {
        bytes.withUnsafeBufferPointer { buffer in
            var starts: [UInt32] = []
            // Lines of Mentor are mostly short: one start per 24 bytes rarely has to grow.
            starts.reserveCapacity(buffer.count / 24 + 1)
            starts.append(0)
            var offset = 0
            while let lineFeed = firstIndex(of: 0x0A, in: buffer, from: offset) {
                offset = lineFeed + 1
                starts.append(UInt32(truncatingIfNeeded: offset))
            }
            // Held for the whole run (the text may be given back, the lines never are): a list
            // left with much room is copied to its size. The corpus's lines average 29.5
            // bytes, so a fifth of the room reserved above was never used.
            guard starts.capacity - starts.count > starts.count / 8 else { return starts }
            return [UInt32](unsafeUninitializedCapacity: starts.count) { exact, initialized in
                initialized = starts.withUnsafeBufferPointer { exact.initialize(fromContentsOf: $0) }
            }
        }
    }

    /// The index of the first `byte` in `buffer` at or after `start`: memchr, which reads a
    /// vector at a time, where a loop over the bytes costs several instructions each.
    @inline(__always)
    private static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count,
              let found = SystemCall.memchr(base + start, byte, buffer.count - start) else { return nil }
        return UnsafeRawPointer(base).distance(to: found)
    }

    /// Convenience initialiser from a Swift string.
    public convenience init(id: FileID, path: String, text: String) {
        self.init(id: id, path: path, bytes: Array(text.utf8))
    }

    /// 0-based index of the line holding `offset`.
    public func lineIndex(of offset: UInt32) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The line and column (in Unicode scalars) of a byte offset.
    public func location(of offset: UInt32) -> SourceLocation {
        let line = lineIndex(of: offset)
        let bytes = self.bytes
        let start = Int(lineStarts[line])
        let end = min(Int(offset), bytes.count)
        return SourceLocation(line: line + 1, column: SourceFile.scalarCount(bytes[start..<max(start, end)]) + 1)
    }

    /// The bytes of the 0-based line `index`, without its line feed.
    public func lineBytes(_ index: Int) -> ArraySlice<UInt8> {
        let bytes = self.bytes
        let start = Int(lineStarts[index])
        var end = index + 1 < lineStarts.count ? Int(lineStarts[index + 1]) : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        return bytes[start..<end]
    }

    /// The source text covered by `span`, or nil when the text was given back and its file no
    /// longer holds it: one read of the text answers both questions, so a restored text
    /// evicted between them cannot mix a current check with blanks.
    public func currentText(_ span: Span) -> String? {
        let (bytes, isCurrent) = held.map { ($0, true) } ?? restored()
        guard isCurrent else { return nil }
        let start = min(Int(span.start), bytes.count)
        let end = min(Int(span.end), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The source text covered by `span`, decoding invalid UTF-8 as U+FFFD.
    public func text(_ span: Span) -> String {
        let bytes = self.bytes
        let start = min(Int(span.start), bytes.count)
        let end = min(Int(span.end), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Counts Unicode scalars in UTF-8 bytes, counting each invalid byte as one.
    public static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        // Every diagnostic's column is counted from its line's start, so thousands on one long
        // line make this hot: read the buffer directly and step over ASCII without a call.
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            var index = 0
            while index < buffer.count {
                index += buffer[index] < 0x80 ? 1 : UTF8Scan.sequenceLength(buffer, at: index) ?? 1
                count += 1
            }
            return count
        }
    }
}

/// Small helpers for walking UTF-8 byte sequences without building `String`s.
public enum UTF8Scan {
    /// Length of the valid UTF-8 sequence starting at `index`, or nil if the bytes there are invalid.
    public static func sequenceLength<C: Collection>(_ bytes: C, at index: C.Index) -> Int?
    where C.Element == UInt8, C.Index == Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        var minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.endIndex else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            scalar = (scalar << 6) | UInt32(byte & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return nil }
        return length
    }
}

/// All source files loaded in one run, addressable by `FileID`.
public final class SourceMap: @unchecked Sendable {
    // Guarded by `lock`: front doors may register files from several threads while parsing.
    private var files: [SourceFile] = []
    private let lock = Lock()

    /// Creates an empty map.
    public init() {}

    /// Registers a file's bytes under `path` and returns it.
    @discardableResult
    public func add(path: String, bytes: [UInt8]) -> SourceFile {
        lock.withLock {
            let file = SourceFile(id: FileID(UInt32(files.count)), path: path, bytes: bytes)
            files.append(file)
            return file
        }
    }

    /// Registers a file from text.
    @discardableResult
    public func add(path: String, text: String) -> SourceFile {
        add(path: path, bytes: Array(text.utf8))
    }

    /// The file registered under `id`, if any.
    public func file(_ id: FileID) -> SourceFile? {
        lock.withLock { Int(id.index) < files.count ? files[Int(id.index)] : nil }
    }

    /// Every registered file, in registration order.
    public var allFiles: [SourceFile] { lock.withLock { files } }

    /// A new map with the same files but `bytes` as the text of the file registered under
    /// `id` (same id and path), and that file: an editor's check of one edited file sees the
    /// others as they are without copying them.
    public func replacing(_ id: FileID, bytes: [UInt8]) -> (map: SourceMap, file: SourceFile)? {
        lock.withLock {
            guard Int(id.index) < files.count else { return nil }
            let map = SourceMap()
            let file = SourceFile(id: id, path: files[Int(id.index)].path, bytes: bytes)
            map.files = files
            map.files[Int(id.index)] = file
            return (map, file)
        }
    }
}
