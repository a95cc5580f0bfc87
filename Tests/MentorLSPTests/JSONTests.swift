@testable import MentorLSP
import Testing

/// The JSON the protocol is carried in: parsed as RFC 8259 says, written back compactly.
@Suite("JSON")
struct JSONTests {
    @Test("values parse and write back to the same text")
    func roundTrip() throws {
        let text = #"{"jsonrpc":"2.0","id":7,"params":{"a":[1,-2.5,true,false,null],"s":"é\n\"x\""}}"#
        let value = try JSONParser.parse(Array(text.utf8))
        #expect(value["id"]?.intValue == 7)
        #expect(value["params"]?["s"]?.stringValue == "é\n\"x\"")
        #expect(value.serialized == text)
    }

    @Test("escapes, surrogate pairs and exponents are read")
    func escapes() throws {
        #expect(try JSONParser.parse(Array(#""\u00e9\ud83d\ude00\t""#.utf8)) == .string("é😀\t"))
        #expect(try JSONParser.parse(Array("1e3".utf8)) == .double(1000))
        #expect(try JSONParser.parse(Array(" [ ] ".utf8)) == .array([]))
    }

    @Test("malformed text is refused with a reason", arguments: [
        "{", "[1,]", "{\"a\" 1}", "01", "\"abc", "tru", "{} x", "\"\u{01}\"", "-", "1.",
    ])
    func malformed(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test("nesting deeper than the limit is refused, not a crash")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(text.utf8)) }
    }
}
