import Testing
@testable import MentorSource

/// Counts the reads a given-back text asks for, and answers with the bytes it is set to.
private final class Disk: @unchecked Sendable {
    private let lock = Lock()
    private var stored: [UInt8]?
    private var count = 0

    init(_ bytes: [UInt8]?) { stored = bytes }

    var reads: Int { lock.withLock { count } }
    func write(_ bytes: [UInt8]?) { lock.withLock { stored = bytes } }
    func read() -> [UInt8]? { lock.withLock { count += 1; return stored } }
}

@Suite("Source files: text given back and read again")
struct SourceTextGiveBackTests {
    private static let text = Array("agreement ana {\n  mentee: dave\n  topic: \"café\"\n}\n".utf8)

    private static func givenBack(_ raw: [UInt8], disk: Disk) -> SourceFile {
        let file = SourceFile(id: FileID(0), path: "a.mentor", bytes: raw)
        file.giveBackText { disk.read() }
        return file
    }

    @Test("an unchanged file reads back as its text, once for several questions")
    func unchanged() {
        let disk = Disk(Self.text)
        let held = SourceFile(id: FileID(0), path: "a.mentor", bytes: Self.text)
        let file = Self.givenBack(Self.text, disk: disk)
        #expect(disk.reads == 0)
        #expect(file.byteCount == Self.text.count)
        #expect(file.bytes == Self.text)
        #expect(file.isTextCurrent)
        #expect(file.location(of: 45) == held.location(of: 45))
        #expect(Array(file.lineBytes(2)) == Array(held.lineBytes(2)))
        #expect(file.text(Span(file: file.id, start: 10, end: 13)) == "ana")
        #expect(disk.reads == 1)
    }

    @Test("a span's current text: the text while held or unchanged, nil once the file changed (lambdas print it)")
    func currentText() {
        let span = { (file: SourceFile) in Span(file: file.id, start: 10, end: 13) }
        let held = SourceFile(id: FileID(0), path: "a.mentor", bytes: Self.text)
        #expect(held.currentText(span(held)) == "ana")
        let disk = Disk(Self.text)
        let unchanged = Self.givenBack(Self.text, disk: disk)
        #expect(unchanged.currentText(span(unchanged)) == "ana")
        let changedDisk = Disk(Array("agreement ann {\n  mentee: dave\n  topic: \"café\"\n}\n".utf8))
        let changed = Self.givenBack(Self.text, disk: changedDisk)
        #expect(changed.currentText(span(changed)) == nil)
        #expect(changedDisk.reads == 1)
    }

    @Test("a file with CRLF line ends and a BOM is compared after normalising, as it was read")
    func normalised() {
        let raw: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("let a = 1\r\nlet b = 2\r\n".utf8)
        let disk = Disk(raw)
        let file = Self.givenBack(raw, disk: disk)
        #expect(file.isTextCurrent)
        #expect(file.bytes == Array("let a = 1\nlet b = 2\n".utf8))
    }

    @Test("a file changed, truncated, grown or gone since: blanks with the same lines, and not current",
          arguments: [
              Array("agreement ann {\n  mentee: dave\n  topic: \"café\"\n}\n".utf8), // same length, one byte
              Array("agreement ana {\n".utf8),
              Array("agreement ana {\n  mentee: dave\n  topic: \"café\"\n}\n\n".utf8),
              [],
              nil,
          ] as [[UInt8]?])
    func changed(now: [UInt8]?) {
        let disk = Disk(Self.text)
        let held = SourceFile(id: FileID(0), path: "a.mentor", bytes: Self.text)
        let file = Self.givenBack(Self.text, disk: disk)
        disk.write(now)
        #expect(!file.isTextCurrent)
        let bytes = file.bytes
        #expect(bytes.count == Self.text.count)
        #expect(bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A })
        #expect(zip(bytes, Self.text).allSatisfy { ($0 == 0x0A) == ($1 == 0x0A) })
        #expect(file.lineStarts == held.lineStarts)
        // Every offset of the text still has a line and a column (counted in bytes now).
        #expect(file.location(of: 33) == SourceLocation(line: 3, column: 3))
        #expect(file.location(of: UInt32(Self.text.count) + 10).line == 5)
        #expect(Array(file.lineBytes(1)) == Array(repeating: 0x20, count: 14))
        #expect(file.text(Span(file: file.id, start: 10, end: 13)) == "   ")
    }

    @Test("a file never given back is never read again")
    func held() {
        let file = SourceFile(id: FileID(0), path: "a.mentor", bytes: Self.text)
        #expect(file.isTextCurrent)
        #expect(file.bytes == Self.text)
    }

    @Test("one byte changed anywhere, at any length, changes the digest")
    func digestSeesOneByte() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 7, 8, 31, 32, 33, 100, 4_099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let digest = SourceFile.digest(bytes)
            for position in Set([0, length / 2, length - 1] + (0..<8).map { _ in Int.random(in: 0..<length, using: &generator) }) {
                var changed = bytes
                changed[position] ^= UInt8.random(in: 1...255, using: &generator)
                #expect(SourceFile.digest(changed) != digest, "length \(length), byte \(position)")
            }
            #expect(SourceFile.digest(bytes + [0]) != digest)
        }
    }
}
