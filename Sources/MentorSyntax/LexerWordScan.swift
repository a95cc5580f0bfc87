/// Byte classes tested eight bytes at a time ("SIMD within a register"). Identifier and string
/// text runs are the lexer's longest loops; a byte-at-a-time test spends about eight
/// instructions a byte on them, these about three. Each function answers for a whole word: the
/// offset of the first byte (0–7) that ends the run, or 8 when all eight continue it.
enum LexerWordScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowSeven: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The word of 8 bytes at `index` (the caller checks that 8 bytes remain), little-endian so
    /// that byte `index` is the low byte.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// High bit set in each byte of `low7` (bytes below 0x80) that is at least `bound`.
    @inline(__always)
    private static func atLeast(_ low7: UInt64, _ bound: UInt8) -> UInt64 {
        // A byte below 0x80 plus (0x80 - bound) stays below 0x100, so no carry crosses bytes.
        (low7 &+ ones &* UInt64(0x80 &- bound)) & highBits
    }

    /// High bit set in each byte of `low7` equal to `value`.
    @inline(__always)
    private static func equal(_ low7: UInt64, _ value: UInt8) -> UInt64 {
        ~((low7 ^ (ones &* UInt64(value))) &+ lowSeven) & highBits
    }

    /// Offset of the first byte of `word` that is not `[0-9A-Za-z_]`.
    @inline(__always)
    static func identifierRunLength(_ word: UInt64) -> Int {
        let low7 = word & lowSeven
        let digit = atLeast(low7, 0x30) & ~atLeast(low7, 0x3A)
        // Setting bit 5 folds `A-Z` onto `a-z` and moves no other byte into `a-z` (0x40–0x5F
        // land on 0x60–0x7F, of which only `A-Z`'s images are letters), so one range test
        // covers both cases; `_` is tested before folding, where it cannot be DEL.
        let folded = low7 | (ones &* 0x20)
        let letter = atLeast(folded, 0x61) & ~atLeast(folded, 0x7B)
        let continues = (digit | letter | equal(low7, 0x5F)) & ~word
        let stops = ~continues & highBits
        return stops.trailingZeroBitCount >> 3
    }

    /// Offset of the first byte of `word` that plain string text cannot hold as it is: a
    /// control character, `"`, `\`, DEL, or a non-ASCII byte (those take the careful path).
    @inline(__always)
    static func plainTextRunLength(_ word: UInt64) -> Int {
        let low7 = word & lowSeven
        let stops = ~atLeast(low7, 0x20) & highBits | equal(low7, 0x22) | equal(low7, 0x5C)
            | atLeast(low7, 0x7F) | (word & highBits)
        return stops.trailingZeroBitCount >> 3
    }
}
