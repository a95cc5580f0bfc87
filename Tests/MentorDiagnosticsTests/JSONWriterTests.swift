import MentorDiagnostics
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("string escaping", arguments: [
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("back\\slash", #""back\\slash""#),
        ("a/b", #""a/b""#),
        ("line\nfeed\r\ttab", #""line\nfeed\r\ttab""#),
        ("\u{8}\u{C}", #""\b\f""#),
        ("\u{0}\u{1}\u{1B}\u{1F}", #""\u0000\u0001\u001b\u001f""#),
        ("del\u{7F} c1\u{85}\u{9F}", #""del\u007f c1\u0085\u009f""#),
        ("ls\u{2028}ps\u{2029}", #""ls\u2028ps\u2029""#),
        ("é 日本 🎉", "\"é 日本 🎉\""),
        // Bidi overrides and isolates would reorder text on a terminal (Trojan Source).
        ("txt\u{202E}exe \u{2066}x\u{2069}", #""txt\u202eexe \u2066x\u2069""#),
        ("", #""""#),
    ])
    func escaping(input: String, expected: String) {
        #expect(JSONWriter.quoted(input) == expected)
        var json = JSONWriter()
        json.string(input)
        #expect(json.output == expected)
    }

    @Test("objects, arrays and scalars, keys in the order written")
    func structure() {
        var json = JSONWriter()
        json.object { json in
            json.field("z", 1)
            json.field("a", "x")
            json.field("none", nil as String?)
            json.field("yes", true)
            json.key("no")
            json.bool(false)
            json.array("list") { json in
                json.number(-3)
                json.number(2.5)
                json.null()
                json.array { _ in }
                json.object { _ in }
            }
            json.object("nested") { json in json.field("k", "v") }
        }
        #expect(json.output == #"{"z":1,"a":"x","none":null,"yes":true,"no":false,"list":[-3,2.5,null,[],{}],"nested":{"k":"v"}}"#)
        #expect(json.isComplete)
    }

    @Test("keys are escaped like strings")
    func escapedKeys() {
        var json = JSONWriter()
        json.object { json in json.field("a\"b\n", 1) }
        #expect(json.output == #"{"a\"b\n":1}"#)
    }

    @Test("floating-point numbers; non-finite values become null", arguments: [
        (0.0, "0.0"), (1.5, "1.5"), (-0.25, "-0.25"), (1e20, "1e+20"), (1e-7, "1e-07"),
        (Double.infinity, "null"), (-Double.infinity, "null"), (Double.nan, "null"),
    ])
    func doubles(value: Double, expected: String) {
        var json = JSONWriter()
        json.number(value)
        #expect(json.output == expected)
    }

    @Test("pretty output indents two spaces and keeps empty containers on one line")
    func pretty() {
        var json = JSONWriter(pretty: true)
        json.object { json in
            json.field("version", 1)
            json.array("items") { json in
                json.object { json in json.field("a", "b") }
                json.number(2)
            }
            json.array("empty") { _ in }
        }
        #expect(json.output == """
            {
              "version": 1,
              "items": [
                {
                  "a": "b"
                },
                2
              ],
              "empty": []
            }
            """)
    }

    @Test("an unfinished document is not complete")
    func incomplete() {
        var json = JSONWriter()
        #expect(!json.isComplete)
        json.beginArray()
        #expect(!json.isComplete)
        json.endArray()
        #expect(json.isComplete)
    }

    @Test("a value where a key is due stops the program")
    func misuse() async {
        await #expect(processExitsWith: .failure) {
            var json = JSONWriter()
            json.beginObject()
            json.string("no key")
        }
    }
}

@Suite("XML escaping")
struct XMLEscapingTests {
    @Test("text and attribute escaping", arguments: [
        ("a & b < c > d", "a &amp; b &lt; c &gt; d", "a &amp; b &lt; c &gt; d"),
        ("\"quoted\" 'single'", "&quot;quoted&quot; &apos;single&apos;", "&quot;quoted&quot; &apos;single&apos;"),
        ("line\nnext\ttab\rcr", "line\nnext\ttab&#13;cr", "line&#10;next&#9;tab&#13;cr"),
        ("esc\u{1B}nul\u{0}", "esc\\u{1B}nul\\u{00}", "esc\\u{1B}nul\\u{00}"),
        ("\u{FFFE}\u{FFFF}", "\\u{FFFE}\\u{FFFF}", "\\u{FFFE}\\u{FFFF}"),
        ("日本 🎉", "日本 🎉", "日本 🎉"),
        // Allowed in XML but terminal controls: character references, never raw.
        ("c1\u{85}\u{9B} bidi\u{202E}", "c1&#x85;&#x9B; bidi&#x202E;", "c1&#x85;&#x9B; bidi&#x202E;"),
        ("", "", ""),
    ])
    func escaping(input: String, text: String, attribute: String) {
        #expect(XMLEscaping.escapeText(input) == text)
        #expect(XMLEscaping.escapeAttribute(input) == attribute)
    }

    @Test("XML 1.0 character ranges")
    func allowed() {
        #expect(XMLEscaping.isAllowed("\t") && XMLEscaping.isAllowed("\n") && XMLEscaping.isAllowed("\r"))
        #expect(!XMLEscaping.isAllowed("\u{8}") && !XMLEscaping.isAllowed("\u{1F}"))
        #expect(XMLEscaping.isAllowed(" ") && XMLEscaping.isAllowed("\u{D7FF}") && XMLEscaping.isAllowed("\u{E000}"))
        #expect(XMLEscaping.isAllowed("\u{FFFD}") && !XMLEscaping.isAllowed("\u{FFFE}"))
        #expect(XMLEscaping.isAllowed("\u{10000}") && XMLEscaping.isAllowed("\u{10FFFF}"))
    }
}
