import MentorDiagnostics
import Testing

@Suite("Display text and widths")
struct DisplayTextTests {
    @Test("control characters are escaped, everything else is kept", arguments: [
        ("plain `name`", "plain `name`"),
        ("tab\tkept", "tab\tkept"),
        ("esc\u{1B}[31m", "esc\\u{1B}[31m"),
        ("nul\u{0} lf\n cr\r", "nul\\u{00} lf\\u{0A} cr\\u{0D}"),
        ("del\u{7F} c1\u{80}\u{9F}", "del\\u{7F} c1\\u{80}\\u{9F}"),
        ("\u{2028}\u{2029}", "\\u{2028}\\u{2029}"),
        ("\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}", "\\u{202A}\\u{202B}\\u{202C}\\u{202D}\\u{202E}"),
        ("\u{2066}\u{2067}\u{2068}\u{2069}", "\\u{2066}\\u{2067}\\u{2068}\\u{2069}"),
        ("lrm\u{200E} rlm\u{200F} alm\u{61C}", "lrm\\u{200E} rlm\\u{200F} alm\\u{61C}"),
        ("日本 é e\u{301} 🎉 \u{200D} \u{A0}", "日本 é e\u{301} 🎉 \u{200D} \u{A0}"),
    ])
    func escapeControls(input: String, expected: String) {
        #expect(DisplayText.escapeControls(input) == expected)
        // Escaping twice changes nothing: layers may escape defensively.
        #expect(DisplayText.escapeControls(expected) == expected)
    }

    @Test("display widths", arguments: [
        ("abc", 3), ("日本語", 6), ("한글", 4), ("ＡＢ", 4), ("🎉🚀🧪", 6), ("e\u{301}", 1),
        ("\u{200B}", 0), ("ｱ", 1), ("α→", 2), ("\u{1B}", 6), ("\u{3000}", 2),
        ("𠀀", 2), ("⌚", 2), ("✅", 2), ("☺", 1),
    ])
    func widths(text: String, expected: Int) {
        #expect(DisplayText.width(text) == expected)
    }

    @Test("colour choice", arguments: [
        (ColorChoice.auto, true, [String: String](), true),
        (.auto, false, [:], false),
        (.auto, true, ["NO_COLOR": "1"], false),
        (.auto, true, ["NO_COLOR": ""], true),
        (.auto, true, ["TERM": "dumb"], false),
        (.always, false, ["NO_COLOR": "1"], true),
        (.never, true, [:], false),
    ])
    func colorChoice(choice: ColorChoice, isTerminal: Bool, environment: [String: String], expected: Bool) {
        #expect(choice.resolve(isTerminal: isTerminal, environment: environment) == expected)
    }

    @Test("colour choices parse from their option spelling")
    func colorChoiceNames() {
        #expect(ColorChoice(rawValue: "auto") == .auto)
        #expect(ColorChoice(rawValue: "always") == .always)
        #expect(ColorChoice(rawValue: "never") == .never)
        #expect(ColorChoice(rawValue: "sometimes") == nil)
    }
}
