import PropertyBased
import Testing
import MentorSource

@Suite("Source files: normalised bytes and line starts")
struct SourceFileTests {
    /// The normalisation as LANGUAGE.md states it, one byte at a time: a leading BOM dropped,
    /// each CR followed by LF dropped, a line starting after each LF.
    static func expected(_ raw: [UInt8]) -> (bytes: [UInt8], lineStarts: [UInt32]) {
        var rest = raw[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        var bytes: [UInt8] = []
        var index = rest.startIndex
        while index < rest.endIndex {
            let next = rest.index(after: index)
            if !(rest[index] == 0x0D && next < rest.endIndex && rest[next] == 0x0A) { bytes.append(rest[index]) }
            index = next
        }
        var starts: [UInt32] = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(UInt32(offset + 1)) }
        return (bytes, starts)
    }

    @Test("random bytes rich in CR, LF and BOM bytes normalise as the one-byte-at-a-time definition says")
    func randomBytes() async {
        let alphabet: [UInt8] = [0x0D, 0x0A, 0xEF, 0xBB, 0xBF, 0x61, 0x20]
        await propertyCheck(count: 500, input: Gen.int(in: 0...Int.max)) { seed in
            var generator = SeededRandom(state: UInt64(seed))
            let length = Int(generator.next() % 80)
            let bomFirst = generator.next() % 3 == 0
            let raw = (bomFirst ? [0xEF, 0xBB, 0xBF] : []) + (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let file = SourceFile(id: FileID(0), path: "random.mentor", bytes: raw)
            let want = SourceFileTests.expected(raw)
            #expect(file.bytes == want.bytes, "bytes of \(raw)")
            #expect(file.lineStarts == want.lineStarts, "line starts of \(raw)")
        }
    }

    @Test("edge cases: empty, a lone BOM, a final CR, CR CR LF, LF only", arguments: [
        [], [0xEF, 0xBB, 0xBF], [0x61, 0x0D], [0x0D, 0x0D, 0x0A], [0x0A], [0xEF, 0xBB, 0xBF, 0x0D, 0x0A, 0x61],
    ] as [[UInt8]])
    func edgeCases(raw: [UInt8]) {
        let file = SourceFile(id: FileID(0), path: "edge.mentor", bytes: raw)
        let want = SourceFileTests.expected(raw)
        #expect(file.bytes == want.bytes)
        #expect(file.lineStarts == want.lineStarts)
    }

    @Test("the line starts of long lines keep no more room than an eighth: they are held for the whole run")
    func lineStartsSized() {
        let text = String(repeating: String(repeating: "a", count: 99) + "\n", count: 1_000)
        let file = SourceFile(id: FileID(0), path: "long.mentor", text: text)
        #expect(file.lineStarts.count == 1_001)
        #expect(file.lineStarts.capacity - file.lineStarts.count <= file.lineStarts.count / 8)
        #expect(file.lineStarts == SourceFileTests.expected(Array(text.utf8)).lineStarts)
    }
}
