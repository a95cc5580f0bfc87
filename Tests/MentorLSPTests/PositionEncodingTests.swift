@testable import MentorLSP
import MentorSource
import Testing

/// Positions in the client's units: UTF-16 code units by default, UTF-8 bytes when negotiated.
@Suite("Position encoding")
struct PositionEncodingTests {
    // `é` is 2 bytes and 1 UTF-16 unit; `😀` is 4 bytes and 2 UTF-16 units.
    let table = LineTable(Array("ab\npé 😀x\r\nlast".utf8))

    @Test("UTF-8 is chosen only when the client offers it")
    func negotiation() {
        #expect(PositionEncoding.negotiated(offered: ["utf-16", "utf-8"]) == .utf8)
        #expect(PositionEncoding.negotiated(offered: ["utf-32"]) == .utf16)
        #expect(PositionEncoding.negotiated(offered: nil) == .utf16)
    }

    @Test("byte offsets and UTF-16 positions convert both ways on a non-ASCII line")
    func utf16() {
        // `x` is at byte 3 + 1 + 2 + 1 + 4 = 11; in UTF-16 it is character 1 + 1 + 1 + 2 = 5.
        #expect(table.position(of: 11, encoding: .utf16) == LSPPosition(line: 1, character: 5))
        #expect(table.offset(of: LSPPosition(line: 1, character: 5), encoding: .utf16) == 11)
        // Inside the surrogate pair: the character's start.
        #expect(table.offset(of: LSPPosition(line: 1, character: 4), encoding: .utf16) == 7)
    }

    @Test("UTF-8 positions are byte counts, never inside a character")
    func utf8() {
        #expect(table.position(of: 11, encoding: .utf8) == LSPPosition(line: 1, character: 8))
        #expect(table.offset(of: LSPPosition(line: 1, character: 2), encoding: .utf8) == 4)
        #expect(table.offset(of: LSPPosition(line: 1, character: 3), encoding: .utf8) == 6)
    }

    @Test("the carriage return of CRLF is not part of the line; positions past the end clamp")
    func clamping() {
        #expect(table.line(1).count == 9)
        #expect(table.offset(of: LSPPosition(line: 1, character: 99), encoding: .utf16) == 12)
        #expect(table.offset(of: LSPPosition(line: 9, character: 0), encoding: .utf16) == table.bytes.count)
    }

    @Test("a lone carriage return ends a line, as the protocol says; CRLF is one line end")
    func loneCarriageReturn() {
        let lines = LineTable(Array("a\rbc\r\nd\n\re\r".utf8))
        #expect(lines.lineStarts == [0, 2, 6, 8, 9, 11])
        #expect((0..<6).map { String(decoding: lines.line($0), as: UTF8.self) } == ["a", "bc", "d", "", "e", ""])
        // `c` is byte 3, `e` byte 9.
        #expect(lines.position(of: 3, encoding: .utf16) == LSPPosition(line: 1, character: 1))
        #expect(lines.position(of: 9, encoding: .utf16) == LSPPosition(line: 4, character: 0))
        #expect(lines.offset(of: LSPPosition(line: 4, character: 0), encoding: .utf16) == 9)
        // Past the end of a line ended by `\r\n`: before the `\r`.
        #expect(lines.offset(of: LSPPosition(line: 1, character: 9), encoding: .utf16) == 4)
        var document = TextDocument(uri: "file:///a.mentor", version: 1, text: "x\ry\rz")
        document.apply([TextDocument.Change(range: (LSPPosition(line: 2, character: 0), LSPPosition(line: 2, character: 1)), text: "w")],
                       encoding: .utf16)
        #expect(String(decoding: document.bytes, as: UTF8.self) == "x\ry\rw")
    }

    @Test("the engine's spans are placed on the protocol's lines: a lone CR ends one, a BOM takes no column")
    func spanLocatorLines() {
        let locator = SpanLocator(encoding: .utf16, uriOfPath: { $0 })
        // The engine drops the BOM and turns CRLF into LF, but keeps a lone CR inside its line.
        let file = SourceFile(id: FileID(0), path: "/a.mentor", bytes: [0xEF, 0xBB, 0xBF] + Array("ab\r\ncd\ref".utf8))
        #expect(file.lineStarts.count == 2)
        // `a` is byte 0, `d` byte 4, `f` byte 7.
        #expect(locator.position(of: 0, in: file) == LSPPosition(line: 0, character: 0))
        #expect(locator.position(of: 4, in: file) == LSPPosition(line: 1, character: 1))
        #expect(locator.position(of: 7, in: file) == LSPPosition(line: 2, character: 1))
        #expect(locator.offset(of: LSPPosition(line: 2, character: 1), in: file) == 7)
        let plain = SourceFile(id: FileID(1), path: "/b.mentor", text: "ab\ncd")
        #expect(locator.position(of: 4, in: plain) == LSPPosition(line: 1, character: 1))
        #expect(locator.offset(of: LSPPosition(line: 1, character: 1), in: plain) == 4)
    }

    @Test("incremental changes apply in order, each against the text the last one left")
    func incrementalChanges() {
        var document = TextDocument(uri: "file:///a.mentor", version: 1, text: "person é \"E\"\nperson b\n")
        document.apply([
            TextDocument.Change(range: (LSPPosition(line: 0, character: 7), LSPPosition(line: 0, character: 8)), text: "eve"),
            TextDocument.Change(range: (LSPPosition(line: 1, character: 8), LSPPosition(line: 1, character: 8)), text: " \"B\""),
        ], encoding: .utf16)
        #expect(String(decoding: document.bytes, as: UTF8.self) == "person eve \"E\"\nperson b \"B\"\n")
        document.apply([TextDocument.Change(range: nil, text: "x")], encoding: .utf16)
        #expect(document.bytes == Array("x".utf8))
    }

    @Test("file URIs and paths convert both ways, percent-encoding included")
    func uris() {
        #expect(DocumentURI.path(of: "file:///home/a%20b/x.mentor") == "/home/a b/x.mentor")
        #expect(DocumentURI.path(of: "file://localhost/tmp/./x.mentor") == "/tmp/x.mentor")
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == nil)
        #expect(DocumentURI.path(of: "file:///bad%zz") == nil)
        #expect(DocumentURI.uri(ofPath: "/home/a b/é.mentor") == "file:///home/a%20b/%C3%A9.mentor")
    }
}
