import MentorDiagnostics
import Testing
import MentorSource

private let agreement = """
    agreement ana_dave {
      mentee: dave
      start: 2026-01-12
      term: 12 months
      mentr: ana
    }

    """

@Suite("Text diagnostic renderer")
struct TextDiagnosticRendererTests {
    @Test("a simple error with a suggestion and help")
    func simpleError() {
        let fixture = Fixture("agreements/ana_dave.mentor", agreement)
        let diagnostic = Diagnostic(
            DiagnosticCode(301), .error, "unknown field `mentr` in agreement `ana_dave`",
            at: fixture.span("mentr"),
            help: "the fields of an agreement are listed in docs/reference.md",
            suggestions: [Suggestion(span: fixture.span("mentr"), replacement: "mentor", message: "did you mean `mentor`?")]
        )
        #expect(fixture.plain(diagnostic) == lines(
            "agreements/ana_dave.mentor:5:3: error: unknown field `mentr` in agreement `ana_dave` [M0301]",
            "  |",
            "5 |   mentr: ana",
            "  |   ^^^^^ did you mean `mentor`?",
            "  = help: the fields of an agreement are listed in docs/reference.md"
        ))
    }

    @Test("a warning with a primary label")
    func warning() {
        let fixture = Fixture("rules.mentor", "let unused = 3\n")
        let diagnostic = Diagnostic(DiagnosticCode(310), .warning, "`unused` is never used", at: fixture.span("unused"), label: "declared here")
        #expect(fixture.plain(diagnostic) == lines(
            "rules.mentor:1:5: warning: `unused` is never used [M0310]",
            "  |",
            "1 | let unused = 3",
            "  |     ^^^^^^ declared here"
        ))
    }

    @Test("a label two lines above shows the line between")
    func labelOnAnotherLine() {
        let fixture = Fixture("a.mentor", "agreement a {\n  mentor: ana\n  mentee: dave\n  mentor: bea\n}\n")
        let diagnostic = Diagnostic(
            DiagnosticCode(302), .error, "field `mentor` is set twice", at: fixture.span("mentor", occurrence: 2),
            label: "set again here", labels: [DiagnosticLabel(span: fixture.span("mentor"), message: "first set here")]
        )
        #expect(fixture.plain(diagnostic) == lines(
            "a.mentor:4:3: error: field `mentor` is set twice [M0302]",
            "  |",
            "2 |   mentor: ana",
            "  |   ------ first set here",
            "3 |   mentee: dave",
            "4 |   mentor: bea",
            "  |   ^^^^^^ set again here"
        ))
    }

    @Test("a label far from the primary span elides the lines between")
    func labelFarAway() {
        let fixture = Fixture("a.mentor", "agreement x {\n  mentee: dave\n  start: 2026-01-12\n  term: 1 year\n  after: x\n}\n")
        let diagnostic = Diagnostic(
            DiagnosticCode(304), .error, "agreement `x` refers to itself", at: fixture.span("x", occurrence: 2),
            labels: [DiagnosticLabel(span: fixture.span("x"), message: "declared here")]
        )
        #expect(fixture.plain(diagnostic) == lines(
            "a.mentor:5:10: error: agreement `x` refers to itself [M0304]",
            "  |",
            "1 | agreement x {",
            "  |           - declared here",
            "...",
            "5 |   after: x",
            "  |          ^"
        ))
    }

    @Test("notes with and without a span")
    func notes() {
        let fixture = Fixture("m.mentor", "let a = 1\nlet a = 2\n")
        let diagnostic = Diagnostic(
            DiagnosticCode(303), .error, "`a` is declared twice", at: fixture.span("a", occurrence: 2), label: "declared again",
            notes: [
                DiagnosticNote("`a` was first declared here", at: fixture.span("a")),
                DiagnosticNote("names in one file must be unique"),
            ]
        )
        #expect(fixture.plain(diagnostic) == lines(
            "m.mentor:2:5: error: `a` is declared twice [M0303]",
            "  |",
            "2 | let a = 2",
            "  |     ^ declared again",
            "  = note: names in one file must be unique",
            "note: m.mentor:1:5: `a` was first declared here",
            "  |",
            "1 | let a = 1",
            "  |     -"
        ))
    }

    @Test("help without a suggestion, and suggestions that do not fit the caret label")
    func helpAndSuggestions() {
        let fixture = Fixture("s.mentor", "print(mentro)\n")
        let span = fixture.span("mentro")
        let several = Diagnostic(
            DiagnosticCode(305), .error, "unknown name `mentro`", at: span, help: "names are case-sensitive",
            suggestions: [
                Suggestion(span: span, replacement: "mentor", message: ""),
                Suggestion(span: span, replacement: "metro", message: "or perhaps `metro`?"),
            ]
        )
        #expect(fixture.plain(several) == lines(
            "s.mentor:1:7: error: unknown name `mentro` [M0305]",
            "  |",
            "1 | print(mentro)",
            "  |       ^^^^^^",
            "  = help: names are case-sensitive",
            "  = help: did you mean `mentor`?",
            "  = help: or perhaps `metro`?"
        ))
        let labelled = Diagnostic(
            DiagnosticCode(305), .error, "unknown name `mentro`", at: span, label: "not in scope",
            suggestions: [Suggestion(span: span, replacement: "mentor", message: "")]
        )
        #expect(fixture.plain(labelled) == lines(
            "s.mentor:1:7: error: unknown name `mentro` [M0305]",
            "  |",
            "1 | print(mentro)",
            "  |       ^^^^^^ not in scope",
            "  = help: did you mean `mentor`?"
        ))
    }

    @Test("tabs expand to four spaces and the carets follow", arguments: [
        ("\tmentr: ana", "2:2", "    mentr: ana", "    ^^^^^"),
        ("\t\tmentr: ana", "2:3", "        mentr: ana", "        ^^^^^"),
        ("  \t mentr: ana", "2:5", "       mentr: ana", "       ^^^^^"),
    ])
    func tabs(line: String, location: String, shown: String, carets: String) {
        let fixture = Fixture("t.mentor", "agreement a {\n" + line + "\n}\n")
        let diagnostic = Diagnostic(DiagnosticCode(301), .error, "unknown field `mentr`", at: fixture.span("mentr"))
        #expect(fixture.plain(diagnostic) == lines(
            "t.mentor:\(location): error: unknown field `mentr` [M0301]",
            "  |",
            "2 | " + shown,
            "  | " + carets
        ))
    }

    @Test("wide characters, emoji and combining marks keep the carets aligned", arguments: [
        // CJK ideographs and an emoji are two columns each.
        ("  \"日本🎉\" mentr", 9, "           ^^^^^"),
        // Hangul syllables and a fullwidth letter.
        ("한글Ａ mentr", 5, "       ^^^^^"),
        // A combining acute accent takes no column.
        ("  \"e\u{301}\" mentr", 8, "      ^^^^^"),
    ])
    func wideAndCombining(line: String, column: Int, carets: String) {
        let fixture = Fixture("w.mentor", line + "\n")
        let diagnostic = Diagnostic(DiagnosticCode(301), .error, "unknown field `mentr`", at: fixture.span("mentr"))
        #expect(fixture.plain(diagnostic) == lines(
            "w.mentor:1:\(column): error: unknown field `mentr` [M0301]",
            "  |",
            "1 | " + line,
            "  | " + carets
        ))
    }

    @Test("carets under a wide character cover both of its columns")
    func caretsUnderWideCharacter() {
        let fixture = Fixture("w.mentor", "let 名前 = 1\n")
        let diagnostic = Diagnostic(DiagnosticCode(303), .error, "bad name", at: fixture.span("名前"))
        #expect(fixture.plain(diagnostic) == lines(
            "w.mentor:1:5: error: bad name [M0303]",
            "  |",
            "1 | let 名前 = 1",
            "  |     ^^^^"
        ))
    }

    @Test("control characters in the source line are escaped and the carets count the escape")
    func controlCharacter() {
        let fixture = Fixture("c.mentor", "  \"\u{1B}[31m\" mentr\n")
        let diagnostic = Diagnostic(DiagnosticCode(301), .error, "unknown field `mentr`", at: fixture.span("mentr"))
        let output = fixture.plain(diagnostic)
        #expect(output == lines(
            "c.mentor:1:11: error: unknown field `mentr` [M0301]",
            "  |",
            "1 |   \"\\u{1B}[31m\" mentr",
            "  |                ^^^^^"
        ))
        #expect(!output.unicodeScalars.contains("\u{1B}"))
    }

    @Test("a span on a control character marks the whole escape")
    func spanOnControlCharacter() {
        let fixture = Fixture("c.mentor", "x \u{7}y\n")
        let diagnostic = Diagnostic(DiagnosticCode(102), .error, "unexpected character", at: fixture.span("\u{7}"))
        #expect(fixture.plain(diagnostic) == lines(
            "c.mentor:1:3: error: unexpected character [M0102]",
            "  |",
            "1 | x \\u{07}y",
            "  |   ^^^^^^"
        ))
    }

    @Test("bidi controls and line separators are never written raw", arguments: [
        ("\u{202E}", "\\u{202E}"), ("\u{2066}", "\\u{2066}"), ("\u{2028}", "\\u{2028}"), ("\u{85}", "\\u{85}"), ("\u{7F}", "\\u{7F}"),
    ])
    func bidiControls(raw: String, escaped: String) {
        let fixture = Fixture("b.mentor", "x" + raw + "y\n")
        let diagnostic = Diagnostic(DiagnosticCode(102), .error, "odd `" + raw + "`", at: fixture.span("y"))
        let caretIndent = String(repeating: " ", count: 1 + escaped.count)
        #expect(fixture.plain(diagnostic) == lines(
            "b.mentor:1:3: error: odd `" + escaped + "` [M0102]",
            "  |",
            "1 | x" + escaped + "y",
            "  | " + caretIndent + "^"
        ))
    }

    @Test("invalid UTF-8 bytes show as \\x{..} and count one column each in the location")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("  \"".utf8) + [0xFF] + Array("\" ".utf8) + [0xE6, 0x97] + Array(" mentr\n".utf8)
        let fixture = Fixture("i.mentor", bytes: bytes)
        let diagnostic = Diagnostic(DiagnosticCode(301), .error, "unknown field `mentr`", at: fixture.span("mentr"))
        #expect(fixture.plain(diagnostic) == lines(
            "i.mentor:1:10: error: unknown field `mentr` [M0301]",
            "  |",
            "1 |   \"\\x{FF}\" \\x{E6}\\x{97} mentr",
            "  |                         ^^^^^"
        ))
    }

    @Test("a span over several lines is marked to the end of its first line")
    func multiLineSpan() {
        let text = "rule r {\n  when x\n}\n"
        let fixture = Fixture("r.mentor", text)
        let whole = Span(file: fixture.file.id, start: 0, end: UInt32(text.utf8.count - 1))
        let diagnostic = Diagnostic(DiagnosticCode(501), .error, "rule `r` has no `then`", at: whole, label: "this rule")
        #expect(fixture.plain(diagnostic) == lines(
            "r.mentor:1:1: error: rule `r` has no `then` [M0501]",
            "  |",
            "1 | rule r {",
            "  | ^^^^^^^^ this rule"
        ))
    }

    @Test("a span starting at a line feed gets one caret after the line's text")
    func spanAtLineFeed() {
        let fixture = Fixture("r.mentor", "let x =\n  3\n")
        let span = Span(file: fixture.file.id, start: 7, end: 11)
        let diagnostic = Diagnostic(DiagnosticCode(202), .error, "expected an expression", at: span)
        #expect(fixture.plain(diagnostic) == lines(
            "r.mentor:1:8: error: expected an expression [M0202]",
            "  |",
            "1 | let x =",
            "  |        ^"
        ))
    }

    @Test("an empty span at the end of the file gets one caret")
    func emptySpanAtEndOfFile() {
        let withNewline = Fixture("e.mentor", "agreement a {\n  mentor: ana\n")
        let first = Diagnostic(DiagnosticCode(201), .error, "expected `}` at end of file", at: withNewline.endOfFile, label: "expected `}`")
        #expect(withNewline.plain(first) == lines(
            "e.mentor:3:1: error: expected `}` at end of file [M0201]",
            "  |",
            "3 |",
            "  | ^ expected `}`"
        ))
        let withoutNewline = Fixture("e.mentor", "agreement a {\n  mentor: ana")
        let second = Diagnostic(DiagnosticCode(201), .error, "expected `}` at end of file", at: withoutNewline.endOfFile, label: "expected `}`")
        #expect(withoutNewline.plain(second) == lines(
            "e.mentor:2:14: error: expected `}` at end of file [M0201]",
            "  |",
            "2 |   mentor: ana",
            "  |              ^ expected `}`"
        ))
        let empty = Fixture("e.mentor", "")
        let third = Diagnostic(DiagnosticCode(201), .error, "expected a declaration", at: empty.endOfFile)
        #expect(empty.plain(third) == lines(
            "e.mentor:1:1: error: expected a declaration [M0201]",
            "  |",
            "1 |",
            "  | ^"
        ))
    }

    @Test("the gutter widens to the largest line number shown")
    func gutterWidth() {
        let text = (1...8).map { "let v\($0) = \($0)\n" }.joined() + "let x = 1\nlet x = 2\n"
        let fixture = Fixture("n.mentor", text)
        let diagnostic = Diagnostic(
            DiagnosticCode(303), .error, "`x` is declared twice", at: fixture.span("x", occurrence: 2), label: "declared again",
            labels: [DiagnosticLabel(span: fixture.span("x"), message: "first declared here")]
        )
        #expect(fixture.plain(diagnostic) == lines(
            "n.mentor:10:5: error: `x` is declared twice [M0303]",
            "   |",
            " 9 | let x = 1",
            "   |     - first declared here",
            "10 | let x = 2",
            "   |     ^ declared again"
        ))
    }

    @Test("a note on line 10 widens the main snippet's gutter too")
    func gutterWidthSharedWithNotes() {
        let text = "let x = 1\n" + (2...9).map { "let v\($0) = \($0)\n" }.joined() + "let y = x\n"
        let fixture = Fixture("n.mentor", text)
        let diagnostic = Diagnostic(
            DiagnosticCode(303), .error, "`x` is shadowed", at: fixture.span("x"),
            notes: [DiagnosticNote("used here", at: fixture.span("x", occurrence: 2))]
        )
        #expect(fixture.plain(diagnostic) == lines(
            "n.mentor:1:5: error: `x` is shadowed [M0303]",
            "   |",
            " 1 | let x = 1",
            "   |     ^",
            "note: n.mentor:10:9: used here",
            "   |",
            "10 | let y = x",
            "   |         -"
        ))
    }

    @Test("unlabelled markers share a row with the labelled rightmost one")
    func mergedRow() {
        let fixture = Fixture("m.mentor", "let total = a + b\n")
        let diagnostic = Diagnostic(
            DiagnosticCode(320), .error, "cannot add a number and text", at: fixture.span("b"), label: "this is text",
            labels: [DiagnosticLabel(span: fixture.span("a", occurrence: 2), message: "")]
        )
        #expect(fixture.plain(diagnostic) == lines(
            "m.mentor:1:17: error: cannot add a number and text [M0320]",
            "  |",
            "1 | let total = a + b",
            "  |             -   ^ this is text"
        ))
    }

    @Test("several labels on one line get a row each, left to right")
    func separateRows() {
        let fixture = Fixture("m.mentor", "let total = a + b\n")
        let diagnostic = Diagnostic(
            DiagnosticCode(320), .error, "cannot add a number and text", at: fixture.span("b"), label: "this is text",
            labels: [DiagnosticLabel(span: fixture.span("a", occurrence: 2), message: "this is a number")]
        )
        #expect(fixture.plain(diagnostic) == lines(
            "m.mentor:1:17: error: cannot add a number and text [M0320]",
            "  |",
            "1 | let total = a + b",
            "  |             - this is a number",
            "  |                 ^ this is text"
        ))
    }

    @Test("a label in another file gets its own snippet introduced by :::")
    func labelInAnotherFile() {
        let fixture = Fixture("b.mentor", "let x = 2\n")
        let other = fixture.sources.add(path: "a.mentor", text: "let x = 1\n")
        let diagnostic = Diagnostic(
            DiagnosticCode(303), .error, "`x` is declared twice", at: fixture.span("x"), label: "declared again",
            labels: [DiagnosticLabel(span: fixture.span("x", in: other), message: "first declared here")]
        )
        #expect(fixture.plain(diagnostic) == lines(
            "b.mentor:1:5: error: `x` is declared twice [M0303]",
            "  |",
            "1 | let x = 2",
            "  |     ^ declared again",
            " ::: a.mentor:1:5",
            "  |",
            "1 | let x = 1",
            "  |     - first declared here"
        ))
    }

    @Test("a diagnostic without a known file has no location and no snippet")
    func unknownSpan() {
        let sources = SourceMap()
        let diagnostic = Diagnostic(
            DiagnosticCode(601), .error, "cannot read `missing.mentor`", at: .unknown,
            notes: [DiagnosticNote("somewhere unknown", at: .unknown)], help: "check the path"
        )
        #expect(TextDiagnosticRenderer(sources: sources, useColor: false).render(diagnostic) == lines(
            "error: cannot read `missing.mentor` [M0601]",
            "  = note: somewhere unknown",
            "  = help: check the path"
        ))
    }

    @Test("the REPL's file is shown as <repl>")
    func replPath() {
        let fixture = Fixture("<repl>", "1 +\n")
        let diagnostic = Diagnostic(DiagnosticCode(202), .error, "expected an expression", at: fixture.endOfFile)
        #expect(fixture.plain(diagnostic).hasPrefix("<repl>:2:1: error: expected an expression [M0202]\n"))
    }

    @Test("control characters in messages, labels, notes, help and paths are escaped")
    func controlsInMessages() {
        let fixture = Fixture("odd\u{1B}.mentor", "x\n")
        let diagnostic = Diagnostic(
            DiagnosticCode(305), .error, "unknown name `a\u{1B}[2J`", at: fixture.span("x"), label: "bad\u{7}",
            notes: [DiagnosticNote("n\u{9B}")], help: "h\u{202E}"
        )
        #expect(fixture.plain(diagnostic) == lines(
            "odd\\u{1B}.mentor:1:1: error: unknown name `a\\u{1B}[2J` [M0305]",
            "  |",
            "1 | x",
            "  | ^ bad\\u{07}",
            "  = note: n\\u{9B}",
            "  = help: h\\u{202E}"
        ))
    }

    @Test("a list of diagnostics: each one followed by a blank line")
    func list() {
        let fixture = Fixture("l.mentor", "a\nb\n")
        let renderer = TextDiagnosticRenderer(sources: fixture.sources, useColor: false)
        let first = Diagnostic(DiagnosticCode(305), .error, "unknown name `a`", at: fixture.span("a"))
        let second = Diagnostic(DiagnosticCode(305), .warning, "unknown name `b`", at: fixture.span("b"))
        #expect(renderer.render([first, second]) == renderer.render(first) + "\n" + renderer.render(second) + "\n")
        #expect(renderer.render([Diagnostic]()) == "")
    }

    @Test("colour on: exact escape sequences")
    func colorOn() {
        let fixture = Fixture("agreements/ana_dave.mentor", agreement)
        let diagnostic = Diagnostic(
            DiagnosticCode(301), .error, "unknown field `mentr` in agreement `ana_dave`",
            at: fixture.span("mentr"),
            help: "see docs/reference.md",
            suggestions: [Suggestion(span: fixture.span("mentr"), replacement: "mentor", message: "did you mean `mentor`?")]
        )
        #expect(fixture.colored(diagnostic) == lines(
            "agreements/ana_dave.mentor:5:3: \u{1B}[1;31merror:\u{1B}[0m \u{1B}[1munknown field `mentr` in agreement `ana_dave`\u{1B}[0m [M0301]",
            "\u{1B}[1;34m  |\u{1B}[0m",
            "\u{1B}[1;34m5 |\u{1B}[0m   mentr: ana",
            "\u{1B}[1;34m  |\u{1B}[0m   \u{1B}[1;31m^^^^^ did you mean `mentor`?\u{1B}[0m",
            "  \u{1B}[1;34m=\u{1B}[0m \u{1B}[1;36mhelp:\u{1B}[0m see docs/reference.md"
        ))
    }

    @Test("colour on: warning, secondary label and note colours")
    func colorOnWarningAndNote() {
        let fixture = Fixture("m.mentor", "let a = b\n")
        let diagnostic = Diagnostic(
            DiagnosticCode(310), .warning, "odd", at: fixture.span("b"),
            labels: [DiagnosticLabel(span: fixture.span("a"), message: "")],
            notes: [DiagnosticNote("plain"), DiagnosticNote("there", at: fixture.span("a"))]
        )
        #expect(fixture.colored(diagnostic) == lines(
            "m.mentor:1:9: \u{1B}[1;33mwarning:\u{1B}[0m \u{1B}[1modd\u{1B}[0m [M0310]",
            "\u{1B}[1;34m  |\u{1B}[0m",
            "\u{1B}[1;34m1 |\u{1B}[0m let a = b",
            "\u{1B}[1;34m  |\u{1B}[0m     \u{1B}[1;34m-\u{1B}[0m   \u{1B}[1;33m^\u{1B}[0m",
            "  \u{1B}[1;34m=\u{1B}[0m \u{1B}[1;36mnote:\u{1B}[0m plain",
            "\u{1B}[1;36mnote:\u{1B}[0m m.mentor:1:5: there",
            "\u{1B}[1;34m  |\u{1B}[0m",
            "\u{1B}[1;34m1 |\u{1B}[0m let a = b",
            "\u{1B}[1;34m  |\u{1B}[0m     \u{1B}[1;34m-\u{1B}[0m"
        ))
    }

    @Test("colour off: no escape sequences at all")
    func colorOff() {
        let fixture = Fixture("m.mentor", "let a = b\n")
        let diagnostic = Diagnostic(
            DiagnosticCode(310), .warning, "odd", at: fixture.span("b"), label: "here",
            labels: [DiagnosticLabel(span: fixture.span("a"), message: "and here")],
            notes: [DiagnosticNote("plain"), DiagnosticNote("there", at: fixture.span("a"))], help: "fix it"
        )
        let output = fixture.plain(diagnostic)
        #expect(!output.unicodeScalars.contains("\u{1B}"))
        #expect(output.hasPrefix("m.mentor:1:9: warning: odd [M0310]\n"))
    }

    @Test("a file whose text was given back shows its lines read again; changed since, its place only")
    func givenBackText() {
        let text = Array("let a = b\nlet c = a\n".utf8)
        let fixture = Fixture("m.mentor", bytes: text)
        let diagnostic = Diagnostic(
            DiagnosticCode(310), .warning, "odd", at: fixture.span("b"), label: "here",
            notes: [DiagnosticNote("there", at: fixture.span("c"))], help: "fix it"
        )
        let whole = fixture.plain(diagnostic)
        fixture.file.giveBackText { text }
        #expect(fixture.plain(diagnostic) == whole)
        let changed = Fixture("m.mentor", bytes: text)
        let rewritten = Array("let a = B\nlet c = a\n".utf8)
        changed.file.giveBackText { rewritten }
        #expect(changed.plain(diagnostic) == lines(
            "m.mentor:1:9: warning: odd [M0310]",
            "  = help: fix it",
            "note: m.mentor:2:5: there"
        ))
    }
}
