import MentorRuntime
import Testing

/// Unfolds RFC 5545 content lines: CRLF followed by one space or tab is removed.
private func unfold(_ text: String) -> String {
    var bytes = Array(text.utf8)
    var result: [UInt8] = []
    var index = 0
    while index < bytes.count {
        if index + 2 < bytes.count, bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 32 || bytes[index + 2] == 9 {
            index += 3
            continue
        }
        result.append(bytes[index])
        index += 1
    }
    bytes.removeAll()
    return String(decoding: result, as: UTF8.self)
}

/// The physical lines of folded output, without their CRLF.
private func physicalLines(_ folded: String) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    var current: [UInt8] = []
    let bytes = Array(folded.utf8)
    var index = 0
    while index < bytes.count {
        if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
            lines.append(current)
            current = []
            index += 2
            continue
        }
        current.append(bytes[index])
        index += 1
    }
    #expect(current.isEmpty, "output must end with CRLF")
    return lines
}

@Suite struct ICalendarTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("two\nlines", "two\\nlines"),
        ("crlf\r\nline", "crlf\\nline"),
        ("cr\rline", "cr\\nline"),
        ("tab\tstays", "tab\tstays"),
        ("bell\u{7}gone", "bellgone"),
        ("csi\u{9B}2J nel\u{85} c1\u{80}\u{9F}", "csi2J nel c1"),
        ("ls\u{2028}ps\u{2029}", "lsps"),
        ("\u{202E}evil\u{202C} \u{2066}iso\u{2069} \u{200E}\u{200F}\u{61C}marks", "evil iso marks"),
        ("日本 é 🎉 \u{200D}", "日本 é 🎉 \u{200D}"),
        ("colon: stays", "colon: stays"),
        ("\\n literal", "\\\\n literal"),
    ])
    func escapesText(_ input: String, _ expected: String) {
        #expect(ICalendarText.escape(input) == expected)
    }

    @Test func shortLinesAreNotFolded() {
        let line = String(repeating: "x", count: 75)
        #expect(ICalendarText.fold(line) == line + "\r\n")
    }

    @Test func longASCIIFoldsAtSeventyFiveOctets() {
        let line = String(repeating: "x", count: 200)
        let lines = physicalLines(ICalendarText.fold(line))
        #expect(lines.map(\.count) == [75, 75, 52])  // 75 + (1 + 74) + (1 + 51) octets
        #expect(lines.dropFirst().allSatisfy { $0.first == 32 })
        #expect(unfold(ICalendarText.fold(line)) == line + "\r\n")
    }

    /// Every scalar width (1 to 4 octets) at every offset against the 75-octet boundary.
    @Test(arguments: ["a", "é", "€", "😀"])
    func foldsNeverSplitAUTF8Sequence(_ scalar: String) {
        for prefix in 0..<8 {
            let line = String(repeating: "p", count: 70 + prefix) + String(repeating: scalar, count: 60)
            let folded = ICalendarText.fold(line)
            for physical in physicalLines(folded) {
                #expect(physical.count <= ICalendarText.maxLineOctets)
                // Each physical line must itself be valid UTF-8: no sequence was cut.
                #expect(String(validating: physical, as: UTF8.self) != nil, "split inside a sequence: prefix \(prefix)")
            }
            #expect(unfold(folded) == line + "\r\n")
        }
    }

    @Test func aFoldFullyUsesTheLineWhenTheScalarFits() {
        // 73 ASCII octets + a 2-octet scalar = 75: fits exactly on the first line.
        let line = String(repeating: "a", count: 73) + "é" + "b"
        let lines = physicalLines(ICalendarText.fold(line))
        #expect(lines.map(\.count) == [75, 2])
    }

    @Test func formatsValues() {
        let date = CivilDate(year: 2026, month: 1, day: 12)!
        #expect(ICalendarText.date(date) == "20260112")
        #expect(ICalendarText.dateTime(date, TimeOfDay(hour: 9, minute: 5)!) == "20260112T090500")
        #expect(ICalendarText.duration(.minutes(60)) == "PT60M")
        #expect(ICalendarText.duration(.hours(2)) == "PT2H")
        #expect(ICalendarText.duration(.minutes(0)) == nil)
        #expect(ICalendarText.duration(.minutes(-5)) == nil)
    }
}

@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("a | b", "a \\| b"),
        ("*star* _under_", "\\*star\\* \\_under\\_"),
        ("two\nlines", "two<br>lines"),
        ("", "—"),
        ("- dash first", "\\- dash first"),
        ("1. numbered", "1\\. numbered"),
        ("<b>&amp;</b>", "\\<b\\>\\&amp;\\</b\\>"),
    ])
    func escapesCells(_ input: String, _ expected: String) {
        #expect(MarkdownText.cell(input) == expected)
    }

    @Test func inlineBreaksKeepTheListItem() {
        #expect(MarkdownText.inline("one\ntwo", continuation: "  ") == "one\\\n  two")
    }

    // The handout is read with `cat` as often as rendered: nothing in it may drive a terminal
    // or reorder its text (Trojan Source).
    @Test("terminal controls and bidi controls are dropped, other text kept", arguments: [
        ("bell\u{7} esc\u{1B}x", "bell escx"),
        ("csi\u{9B}2J nel\u{85} c1\u{80}\u{9F}", "csi2J nel c1"),
        ("ls\u{2028}ps\u{2029}", "lsps"),
        ("\u{202E}evil\u{202C} \u{2066}iso\u{2069} \u{200E}\u{200F}\u{61C}marks", "evil iso marks"),
        ("tab\tspace", "tab space"),
        ("日本 é 🎉 \u{200D}", "日本 é 🎉 \u{200D}"),
    ])
    func controlsAreDropped(_ input: String, _ expected: String) {
        #expect(MarkdownText.inline(input) == expected)
        #expect(MarkdownText.cell(input) == expected)
    }
}
