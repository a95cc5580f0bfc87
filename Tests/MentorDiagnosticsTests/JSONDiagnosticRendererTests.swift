import MentorDiagnostics
import Testing
import MentorSource

@Suite("JSON diagnostic renderer")
struct JSONDiagnosticRendererTests {
    @Test("every key, in a stable order")
    func fullDiagnostic() {
        let fixture = Fixture("agreements/a.mentor", "let a = 1\nlet a = \"\u{1B}\"\n")
        let diagnostic = Diagnostic(
            DiagnosticCode(303), .warning, "`a` is declared \"twice\"", at: fixture.span("a", occurrence: 2), label: "again",
            labels: [DiagnosticLabel(span: fixture.span("a"), message: "first")],
            notes: [DiagnosticNote("plain note"), DiagnosticNote("spanned", at: fixture.span("\u{1B}"))],
            help: "rename one",
            suggestions: [Suggestion(span: fixture.span("a", occurrence: 2), replacement: "b", message: "did you mean `b`?")],
            rule: "unique_names"
        )
        let expected = #"{"version":1,"diagnostics":[{"code":"M0303","severity":"warning","message":"`a` is declared \"twice\"","rule":"unique_names","#
            + #""file":"agreements/a.mentor","line":2,"column":5,"endLine":2,"endColumn":6,"offset":14,"length":1,"#
            + #""label":"again","labels":[{"message":"first","file":"agreements/a.mentor","line":1,"column":5,"endLine":1,"endColumn":6,"offset":4,"length":1}],"#
            + #""notes":[{"message":"plain note","file":null,"line":null,"column":null,"endLine":null,"endColumn":null,"offset":null,"length":null},"#
            + #"{"message":"spanned","file":"agreements/a.mentor","line":2,"column":10,"endLine":2,"endColumn":11,"offset":19,"length":1}],"#
            + #""help":"rename one","suggestions":[{"message":"did you mean `b`?","replacement":"b","#
            + #""file":"agreements/a.mentor","line":2,"column":5,"endLine":2,"endColumn":6,"offset":14,"length":1}]}]}"#
            + "\n"
        #expect(JSONDiagnosticRenderer.render([diagnostic], sources: fixture.sources) == expected)
    }

    @Test("an unknown span, no label and no help give nulls")
    func unknownSpan() {
        let diagnostic = Diagnostic(DiagnosticCode(601), .error, "cannot read `x`", at: .unknown)
        let expected = #"{"version":1,"diagnostics":[{"code":"M0601","severity":"error","message":"cannot read `x`","rule":null,"#
            + #""file":null,"line":null,"column":null,"endLine":null,"endColumn":null,"offset":null,"length":null,"#
            + #""label":null,"labels":[],"notes":[],"help":null,"suggestions":[]}]}"# + "\n"
        #expect(JSONDiagnosticRenderer.render([diagnostic], sources: SourceMap()) == expected)
    }

    @Test("no diagnostics is an empty list")
    func empty() {
        #expect(JSONDiagnosticRenderer.render([], sources: SourceMap()) == #"{"version":1,"diagnostics":[]}"# + "\n")
        #expect(JSONDiagnosticRenderer.render([], sources: SourceMap(), pretty: true) == "{\n  \"version\": 1,\n  \"diagnostics\": []\n}\n")
    }

    @Test("columns count scalars, ends are exclusive, spans past the end are clamped")
    func columnsAndClamping() {
        let fixture = Fixture("w.mentor", "日本 x\nrule r {\n}")
        let multiLine = Span(file: fixture.file.id, start: fixture.span("rule").start, end: 100)
        let diagnostics = [
            Diagnostic(DiagnosticCode(301), .error, "x", at: fixture.span("x")),
            Diagnostic(DiagnosticCode(501), .error, "r", at: multiLine),
        ]
        let output = JSONDiagnosticRenderer.render(diagnostics, sources: fixture.sources)
        #expect(output.contains(#""line":1,"column":4,"endLine":1,"endColumn":5,"offset":7,"length":1"#))
        #expect(output.contains(#""line":2,"column":1,"endLine":3,"endColumn":2,"offset":9,"length":10"#))
    }

    @Test("diagnostics keep their order")
    func order() {
        let fixture = Fixture("o.mentor", "a b")
        let first = Diagnostic(DiagnosticCode(305), .error, "second in source", at: fixture.span("b"))
        let second = Diagnostic(DiagnosticCode(305), .error, "first in source", at: fixture.span("a"))
        let output = JSONDiagnosticRenderer.render([first, second], sources: fixture.sources)
        let firstIndex = output.firstRange(of: "second in source")?.lowerBound
        let secondIndex = output.firstRange(of: "first in source")?.lowerBound
        #expect(firstIndex != nil && secondIndex != nil && firstIndex! < secondIndex!)
    }
}
