@testable import MentorLSP
import Testing

/// The base protocol's framing: `Content-Length` headers, bodies split across reads, bad headers skipped.
@Suite("Message framing")
struct MessageFramerTests {
    @Test("a body arriving a byte at a time comes out whole, then the next one")
    func splitReads() {
        var framer = MessageFramer()
        let stream = MessageFramer.frame(Array("{\"a\":1}".utf8)) + MessageFramer.frame(Array("[]".utf8))
        var out: [FramedInput] = []
        for byte in stream {
            framer.append([byte])
            while let unit = framer.next() { out.append(unit) }
        }
        #expect(out == [.body(Array("{\"a\":1}".utf8)), .body(Array("[]".utf8))])
    }

    @Test("other headers are allowed and the name's case does not matter")
    func extraHeaders() {
        var framer = MessageFramer()
        framer.append(Array("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8))
        #expect(framer.next() == .body(Array("{}".utf8)))
        #expect(framer.next() == nil)
    }

    @Test("a header without Content-Length is reported and the stream goes on")
    func missingLength() {
        var framer = MessageFramer()
        framer.append(Array("X-Thing: 1\r\n\r\n".utf8) + MessageFramer.frame(Array("{}".utf8)))
        guard case .malformedHeader = framer.next() else {
            Issue.record("expected a malformed header")
            return
        }
        #expect(framer.next() == .body(Array("{}".utf8)))
    }

    @Test("a length that is not a number, and one beyond the limit, are reported")
    func badLengths() {
        var framer = MessageFramer()
        framer.append(Array("Content-Length: lots\r\n\r\n".utf8))
        guard case .malformedHeader = framer.next() else {
            Issue.record("expected a malformed header")
            return
        }
        framer.append(Array("Content-Length: \(MessageFramer.maxBodyBytes + 1)\r\n\r\n".utf8))
        guard case .malformedHeader = framer.next() else {
            Issue.record("expected a malformed header")
            return
        }
    }

    @Test("bytes that never end a header are dropped once past the limit")
    func endlessHeader() {
        var framer = MessageFramer()
        framer.append([UInt8](repeating: UInt8(ascii: "x"), count: MessageFramer.maxHeaderBytes + 10))
        guard case .malformedHeader = framer.next() else {
            Issue.record("expected a malformed header")
            return
        }
        framer.append(MessageFramer.frame(Array("1".utf8)))
        #expect(framer.next() == .body(Array("1".utf8)))
    }
}
