import MentorDiagnostics

/// What `mentor match` found: per mentee, the mentors ranked by fit, the mentors a rule
/// excluded and why, and the proposal chosen. docs/match.md specifies it.
public struct MatchReport: Sendable {
    /// The start date of every hypothetical agreement.
    public var start: CivilDate
    /// The mentees in the order they were matched (earlier proposals count for later mentees).
    public var mentees: [MenteeMatch]
}

/// One mentee's candidates.
public struct MenteeMatch: Sendable {
    /// The mentee's name and display name.
    public var mentee: MatchPerson
    /// Errors about the agreement that every mentor tried gets alike (same rule, same
    /// message): terms the pair still has to agree, which say nothing about any mentor.
    public var terms: [MatchReason]
    /// Required agreement fields beyond `mentor`, `mentee` and `start` (a programme's own
    /// `field … for agreement { required: true }`): a proposal cannot know their values, so the
    /// pair gives them, as it agrees the terms. The trial reads them as `none`.
    public var fieldsToGive: [String] = []
    /// The mentors whose hypothetical agreement breaks no error rule, best fit first.
    public var candidates: [MatchCandidate]
    /// The mentors an error rule excluded, in declaration order.
    public var excluded: [MatchExclusion]
    /// The first candidate as a ready-to-commit agreement; nil when no mentor fits.
    public var proposal: MatchProposal?
}

/// A person as the report names them.
public struct MatchPerson: Sendable, Equatable {
    /// The declared name.
    public var id: String
    /// The title, or the name.
    public var name: String
}

/// A mentor the rules allow, with the parts of their fit.
public struct MatchCandidate: Sendable {
    /// The mentor.
    public var mentor: MatchPerson
    /// The competencies the mentor holds that the mentee's goals or competencies name.
    public var shared: [String]
    /// True when the mentor completed their pathway (`credentialed`).
    public var credentialed: Bool
    /// `program.max_mentees` less the mentor's current mentees; nil without `max_mentees`.
    public var placesLeft: Int?
    /// Warnings the hypothetical agreement raises (they do not exclude).
    public var warnings: [MatchReason]

    /// 100 per shared competency, 10 when credentialed, plus the places left up to 9, so the
    /// ranking is by shared competencies, then credential, then capacity (docs/match.md).
    public var fit: Int {
        100 * shared.count + (credentialed ? 10 : 0) + min(max(placesLeft ?? 0, 0), 9)
    }
}

/// A mentor excluded by the rules, with every violation the pair would cause.
public struct MatchExclusion: Sendable {
    /// The mentor.
    public var mentor: MatchPerson
    /// The error rules that fail for this pair (at least one).
    public var reasons: [MatchReason]
}

/// A rule that fails (or warns, or stops) on the hypothetical agreement.
public struct MatchReason: Sendable, Hashable {
    /// `no_supervisor`, or `std.boundaries` for a standard rule.
    public var rule: String
    /// The violation's message, or why the rule stopped.
    public var message: String
}

/// A chosen proposal: the agreement's name and its formatted source.
public struct MatchProposal: Sendable {
    /// The agreement's name, `MENTOR_MENTEE` (with `_2`, … when taken).
    public var name: String
    /// The mentor chosen.
    public var mentor: MatchPerson
    /// The declaration, formatted as `mentor fmt` would, with the terms still to agree as comments.
    public var source: String
    /// True when `check` fails on the proposal until the pair agrees the mentee's `terms`.
    public var needsTerms: Bool
}
