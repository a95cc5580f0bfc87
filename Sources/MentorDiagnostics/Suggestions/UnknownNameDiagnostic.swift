import MentorSource
extension Diagnostic {
    /// A diagnostic about `name` at `span`, which is none of `candidates`: the one way every site
    /// reports an unknown name, field, member or step, so none computes a suggestion and drops it.
    ///
    /// The closest candidate becomes a machine-applicable suggestion (shown as `help: did you mean
    /// …?` and offered as a fix by JSON, SARIF and editors), further close names a note; with no
    /// close name the span carries `label` instead. `meant` is a replacement known to be what
    /// the name stands for (a synonym such as `fortnightly` for `biweekly`): it comes first.
    public static func unknownName(
        _ code: DiagnosticCode,
        _ severity: Severity = .error,
        _ message: String,
        name: String,
        at span: Span,
        among candidates: some Sequence<String>,
        label: String,
        help: String? = nil,
        notes: [DiagnosticNote] = [],
        rule: String? = nil,
        meant: String? = nil
    ) -> Diagnostic {
        unknownName(code, severity, message, name: name, at: span, among: [SuggestionCandidates(candidates)],
                    label: label, help: help, notes: notes, rule: rule, meant: meant)
    }

    /// The same, with candidates prepared once for many lookups (every undeclared name of a file).
    public static func unknownName(
        _ code: DiagnosticCode,
        _ severity: Severity = .error,
        _ message: String,
        name: String,
        at span: Span,
        among candidates: [SuggestionCandidates],
        label: String,
        help: String? = nil,
        notes: [DiagnosticNote] = [],
        rule: String? = nil,
        meant: String? = nil
    ) -> Diagnostic {
        var close = NameSuggester.suggestions(for: name, among: candidates)
        if let meant { close = [meant] + close.filter { $0 != meant } }
        var notes = notes
        if close.count > 1 {
            notes.append(DiagnosticNote("other similar names: " + close.dropFirst().map { "`\($0)`" }.joined(separator: ", ")))
        }
        return Diagnostic(
            code, severity, message, at: span,
            label: close.isEmpty ? label : nil,
            notes: notes,
            help: help,
            suggestions: close.prefix(1).map {
                Suggestion(span: span, replacement: $0, message: "did you mean `\($0)`?", alternatives: Array(close.dropFirst()))
            },
            rule: rule)
    }
}
