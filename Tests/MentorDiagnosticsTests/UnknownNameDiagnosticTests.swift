import MentorDiagnostics
import Testing
import MentorSource

@Suite("Unknown-name diagnostics")
struct UnknownNameDiagnosticTests {
    static let span = Span(file: FileID(0), start: 4, end: 9)

    @Test("the closest name is a fix at the name's span, the others a note (and data), and no label")
    func closeNames() {
        let diagnostic = Diagnostic.unknownName(
            DiagnosticCode(501), .error, "no field", name: "mentir", at: Self.span,
            among: ["mentor", "mentee", "start"], label: "unknown field", help: "the fields are …")
        #expect(diagnostic.suggestions == [Suggestion(span: Self.span, replacement: "mentor", message: "did you mean `mentor`?",
                                                      alternatives: ["mentee"])])
        #expect(diagnostic.notes == [DiagnosticNote("other similar names: `mentee`")])
        #expect(diagnostic.primaryLabel == nil)
        #expect(diagnostic.help == "the fields are …")
    }

    @Test("with nothing close the span keeps its label and there is no fix")
    func nothingClose() {
        let diagnostic = Diagnostic.unknownName(
            DiagnosticCode(501), .error, "no field", name: "xyz", at: Self.span,
            among: ["mentor", "mentee"], label: "unknown field", notes: [DiagnosticNote("kept")])
        #expect(diagnostic.suggestions.isEmpty)
        #expect(diagnostic.primaryLabel == "unknown field")
        #expect(diagnostic.notes == [DiagnosticNote("kept")])
    }
}
