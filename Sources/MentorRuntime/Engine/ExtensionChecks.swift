import MentorDiagnostics

/// The declaration checks of an extension taken (`extended`) against the one allowed (`extension`).
extension Elaborator {
    /// M0590–M0594 for `extended`: longer than allowed, not allowed, in units that do not
    /// compare, not positive, or agreed after the planned end; M0503 without `by` or `on`.
    func extensionChecks(_ agreement: EntityRef) -> [Diagnostic] {
        guard case .record(let extended)? = model[agreement, AgreementField.extended] else { return [] }
        let missing = [ExtendedKey.by, ExtendedKey.on].filter { extended[$0] == nil }
        if !missing.isEmpty {
            return [Diagnostic(.missingField, .error, "`extended` needs " + missing.map { "`\($0)`" }.joined(separator: " and "),
                               at: span(of: AgreementField.extended, in: agreement),
                               help: "write `extended: { by: 2 months, on: 2026-12-01, reason: \"…\" }`")]
        }
        guard case .duration(let taken)? = extended[ExtendedKey.by] else { return [] }
        let at = keySpan(ExtendedKey.by, in: agreement, field: AgreementField.extended) ?? span(of: AgreementField.extended, in: agreement)
        guard taken.isPositive else {
            return [Diagnostic(.extensionNotPositive, .error, "`extended.by` of `\(model.name(of: agreement))` is \(taken), which extends nothing",
                               at: at, help: "give the length the agreement was extended by, such as `by: 2 months`, or remove `extended`")]
        }
        var diagnostics: [Diagnostic] = []
        let allowedSpan = span(of: AgreementField.extension, in: agreement)
        if case .duration(let allowed)? = model[agreement, AgreementField.extension] {
            switch taken.compare(to: allowed) {
            case nil:
                diagnostics.append(Diagnostic(
                    .extensionUnitsDiffer, .error,
                    "`\(model.name(of: agreement))` was extended by \(taken), which does not compare with the \(allowed) allowed: \(taken.kind) and \(allowed.kind) durations differ",
                    at: at, labels: [DiagnosticLabel(span: allowedSpan, message: "the extension allowed")],
                    help: "give both in months or years, or both in days or weeks"))
            case 1?:
                diagnostics.append(Diagnostic(
                    .extensionBeyondAllowed, .error,
                    "`\(model.name(of: agreement))` was extended by \(taken), more than the \(allowed) its `extension` allows",
                    at: at, labels: [DiagnosticLabel(span: allowedSpan, message: "the most it may be extended by")],
                    help: "extend by at most \(allowed), or agree a longer `extension`"))
            default:
                break
            }
        } else {
            diagnostics.append(Diagnostic(
                .extensionNotAllowed, .error, "`\(model.name(of: agreement))` was extended by \(taken), but it allows no extension",
                at: at, help: "state the longest extension the agreement allows, such as `extension: 3 months`"))
        }
        if case .date(let agreed)? = extended[ExtendedKey.on],
           let planned = (try? model.plannedEnd(agreement, interpreter: interpreter)) ?? nil, agreed > planned {
            diagnostics.append(Diagnostic(
                .extendedAfterEnd, .warning,
                "`\(model.name(of: agreement))` was extended on \(agreed), after it ended on \(planned)",
                at: keySpan(ExtendedKey.on, in: agreement, field: AgreementField.extended) ?? at,
                help: "an extension is agreed before the end; check the date, or start a new agreement"))
        }
        return diagnostics
    }
}
