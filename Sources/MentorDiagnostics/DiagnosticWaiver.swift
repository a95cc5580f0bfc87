import MentorSource

/// The waiver that excuses a rule violation: `check --show-waived` shows it, SARIF writes it as
/// a suppression, and the summary counts the violation as waived instead of as a problem.
public struct DiagnosticWaiver: Sendable, Hashable {
    /// The waiver's declared name.
    public var name: String
    /// Why the exception was granted.
    public var reason: String
    /// Who approved it, by name, if anyone is named.
    public var approver: String?
    /// The last day it holds (`2027-03-31`), if it has one.
    public var until: String?
    /// Where the waiver is declared (its name).
    public var span: Span

    /// Creates a waiver record.
    public init(name: String, reason: String, approver: String?, until: String?, span: Span) {
        self.name = name
        self.reason = reason
        self.approver = approver
        self.until = until
        self.span = span
    }

    /// `waived by `w` (approved by Lee Park, until 2027-03-31): reason`.
    public var summary: String {
        let details = [approver.map { "approved by \($0)" }, until.map { "until \($0)" }].compactMap { $0 }
        return "waived by `\(name)`" + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")") + ": " + reason
    }
}

extension Diagnostic {
    /// True when a waiver excuses this diagnostic.
    public var isWaived: Bool { waiver != nil }

    /// How a waived diagnostic is shown by `check --show-waived`: a note with the original
    /// severity in its message and a note pointing at the waiver, so it neither reads nor
    /// parses as a problem.
    public var shownAsWaived: Diagnostic {
        guard let waiver else { return self }
        var shown = self
        shown.severity = .note
        shown.message = "waived \(severity.rawValue): " + message
        shown.notes.append(DiagnosticNote(waiver.summary, at: waiver.span))
        return shown
    }
}
