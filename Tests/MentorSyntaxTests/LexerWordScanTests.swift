import Testing

@testable import MentorSyntax

@Suite("Lexer: eight bytes at a time")
struct LexerWordScanTests {
    /// The offset of the first byte of `bytes` (eight of them) that `continues` refuses, or 8.
    static func firstStop(_ bytes: [UInt8], _ continues: (UInt8) -> Bool) -> Int {
        bytes.firstIndex { !continues($0) } ?? 8
    }

    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { LexerWordScan.load($0, at: 0) }
    }

    /// Every byte value at every offset of a word of identifier bytes, and every pair of byte
    /// values in two adjacent offsets (a carry between bytes would show there), agree with the
    /// one-byte classifier.
    @Test("identifier runs agree with the one-byte test")
    func identifierRuns() {
        for offset in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: 0x61, count: 8)
                bytes[offset] = UInt8(value)
                #expect(LexerWordScan.identifierRunLength(Self.word(bytes))
                    == Self.firstStop(bytes, LexerCharacters.isASCIIIdentifierContinue), "byte \(value) at \(offset)")
            }
        }
        for first in 0...255 {
            for second in 0...255 {
                let bytes: [UInt8] = [0x5F, UInt8(first), UInt8(second), 0x5A, 0x30, 0x39, 0x7A, 0x41]
                let expected = Self.firstStop(bytes, LexerCharacters.isASCIIIdentifierContinue)
                if LexerWordScan.identifierRunLength(Self.word(bytes)) != expected {
                    Issue.record("bytes \(first), \(second)")
                }
            }
        }
    }
}
