/// One `String` per distinct spelling in a file, for names and plain string text.
///
/// Names repeat (every agreement spells its mentor's and mentee's names, every body its field
/// names) and so do literal texts. Building a `String` validates the UTF-8 and, past 15 bytes,
/// allocates storage that the tree's release later frees. Looking the bytes up here instead
/// costs a hash and a comparison, and a repeat shares the first occurrence's storage.
/// The table is private to one parse, so it needs no lock.
struct SpellingTable {
    /// A spelling's length and first 16 bytes (zero-padded), where it was first seen, its hash,
    /// and its entry in `strings`. Most names fit in the two words, so a probe rarely reads the
    /// source again.
    private struct Slot {
        var first: UInt64
        var second: UInt64
        var hash: UInt32
        var length: UInt32
        var start: UInt32
        var entry: UInt32
    }

    private static let emptyLength = UInt32.max
    private static let emptySlot = Slot(first: 0, second: 0, hash: 0, length: emptyLength, start: 0, entry: 0)
    /// The open-addressed hash table. It holds no reference, so making, growing and freeing it
    /// touch no reference count; the strings live densely in `strings`, one per spelling.
    private var slots: [Slot]
    /// The string of each spelling, in the order first seen.
    private var strings: [String] = []
    /// The parts of a plain literal of each spelling's text, empty until one is asked for.
    private var parts: [[StringPart]] = []
    private var mask: Int

    /// A table sized for a file of `byteCount` bytes (about one new spelling per 100 bytes).
    init(byteCount: Int) {
        var capacity = 256
        while capacity < byteCount / 50 { capacity <<= 1 }
        slots = Array(repeating: Self.emptySlot, count: capacity)
        strings.reserveCapacity(capacity / 2)
        mask = capacity - 1
    }

    /// The bytes `start..<end` of `bytes` decoded as UTF-8 (invalid sequences repaired, as
    /// `String(decoding:as:)` does), shared with earlier occurrences of the same bytes.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        if end <= start { return "" }
        return strings[seenEntry(bytes, from: start, to: end) ?? entry(bytes, from: start, to: end)]
    }

    /// The parts of a plain string literal whose text is the bytes `start..<end` (no escapes, no
    /// indentation to remove): one `.text` part, shared by every literal spelled the same, so
    /// repeated texts (titles, topics, measures) cost no array of their own.
    mutating func plainStringParts(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [StringPart] {
        let entry = seenEntry(bytes, from: start, to: end) ?? entry(bytes, from: start, to: end)
        while parts.count <= entry { parts.append([]) }
        if parts[entry].isEmpty { parts[entry] = [.text(strings[entry])] }
        return parts[entry]
    }

    /// The entry of a spelling of 1 to 16 bytes that is already in the table, found inline:
    /// most names are short and seen before, and `entry` is a call with a large frame. Nil for
    /// a new or longer spelling, or one too near the end of the buffer for two word loads.
    @inline(__always)
    private func seenEntry(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        let length = end - start
        guard length <= 16, start + 16 <= bytes.count else { return nil }
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        let first = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self) & Self.lowBytesMask(length)
        let second = raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self) & Self.lowBytesMask(length - 8)
        let hash = Self.finalHash(Self.prefixHashState(first: first, second: second, length: length))
        let mask = mask
        return slots.withUnsafeBufferPointer { table in
            var slot = Int(hash) & mask
            while true {
                let candidate = table[slot]
                if candidate.length == Self.emptyLength { return nil }
                // Up to 16 bytes, the two words and the length are the whole spelling.
                if candidate.first == first, candidate.second == second, Int(candidate.length) == length {
                    return Int(candidate.entry)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The hash state after a spelling's length and first 16 bytes (`prefix`).
    @inline(__always)
    private static func prefixHashState(first: UInt64, second: UInt64, length: Int) -> UInt64 {
        let state = (UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15) ^ first
        return (state &* 0xFF51_AFD7_ED55_8CCD) ^ second
    }

    /// The table's hash of a finished hash state.
    @inline(__always)
    private static func finalHash(_ state: UInt64) -> UInt32 {
        let mixed = (state ^ (state >> 31)) &* 0xC4CE_B9FE_1A85_EC53
        return UInt32(truncatingIfNeeded: mixed ^ (mixed >> 32))
    }

    /// The entry of the spelling `start..<end` (not empty), added if it is new.
    private mutating func entry(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        let length = end - start
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        let (first, second) = Self.prefix(raw, count: bytes.count, start: start, length: length)
        var state = Self.prefixHashState(first: first, second: second, length: length)
        if length > 16 {
            var offset = 16
            while offset + 8 <= length {
                state = (state ^ (state >> 29)) &* 0xFF51_AFD7_ED55_8CCD
                state ^= raw.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self)
                offset += 8
            }
            // The last, partial word overlaps bytes already hashed; it is still a function of the bytes.
            state = (state ^ (state >> 29)) &* 0xFF51_AFD7_ED55_8CCD
            state ^= raw.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self)
        }
        let hash = Self.finalHash(state)

        var slot = Int(hash) & mask
        while true {
            let candidate = slots[slot]
            if candidate.length == Self.emptyLength { break }
            if candidate.hash == hash, Int(candidate.length) == length, candidate.first == first,
               candidate.second == second,
               length <= 16 || Self.suffixEqual(raw, Int(candidate.start), start, length: length)
            {
                return Int(candidate.entry)
            }
            slot = (slot + 1) & mask
        }
        let entry = strings.count
        strings.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        slots[slot] = Slot(
            first: first, second: second, hash: hash, length: UInt32(truncatingIfNeeded: length),
            start: UInt32(truncatingIfNeeded: start), entry: UInt32(truncatingIfNeeded: entry))
        if strings.count * 2 > slots.count { grow() }
        return entry
    }

    /// Doubles the table, placing every entry again by its stored hash.
    private mutating func grow() {
        let oldSlots = slots
        let capacity = oldSlots.count * 2
        slots = Array(repeating: Self.emptySlot, count: capacity)
        mask = capacity - 1
        for old in oldSlots where old.length != Self.emptyLength {
            var slot = Int(old.hash) & mask
            while slots[slot].length != Self.emptyLength { slot = (slot + 1) & mask }
            slots[slot] = old
        }
    }

    /// The first 16 bytes of the spelling as two little-endian words, zero past its end: two
    /// loads and masks where the buffer has 16 bytes left, a byte loop only at its very end.
    @inline(__always)
    private static func prefix(_ raw: UnsafeRawPointer, count: Int, start: Int, length: Int) -> (UInt64, UInt64) {
        if start + 16 <= count {
            let first = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)
            let second = raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self)
            return (first & lowBytesMask(length), second & lowBytesMask(length - 8))
        }
        var words: (UInt64, UInt64) = (0, 0)
        var index = min(length, 16) - 1
        while index >= 0 {
            let byte = UInt64(raw.load(fromByteOffset: start + index, as: UInt8.self))
            if index >= 8 { words.1 = (words.1 << 8) | byte } else { words.0 = (words.0 << 8) | byte }
            index -= 1
        }
        return words
    }

    /// A mask keeping the low `count` bytes of a word (all of them from 8 on, none at 0 or below).
    @inline(__always)
    private static func lowBytesMask(_ count: Int) -> UInt64 {
        if count >= 8 { return ~0 }
        if count <= 0 { return 0 }
        return (1 << UInt64(8 * count)) &- 1
    }

    /// Whether the bytes from offset 16 on agree, for two spellings of the same `length` > 16.
    @inline(__always)
    private static func suffixEqual(_ raw: UnsafeRawPointer, _ first: Int, _ second: Int, length: Int) -> Bool {
        var offset = 16
        while offset + 8 <= length {
            if raw.loadUnaligned(fromByteOffset: first + offset, as: UInt64.self)
                != raw.loadUnaligned(fromByteOffset: second + offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        return raw.loadUnaligned(fromByteOffset: first + length - 8, as: UInt64.self)
            == raw.loadUnaligned(fromByteOffset: second + length - 8, as: UInt64.self)
    }
}
