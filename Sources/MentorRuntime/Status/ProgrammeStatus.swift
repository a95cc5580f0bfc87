import MentorDiagnostics
import MentorSource

/// The coordinator's view of a programme on one day: a line per agreement, most urgent first,
/// and the totals of the lines shown (`mentor status`, docs/status.md).
public struct ProgrammeStatus: Sendable {
    /// The day the view is computed for (`--today`).
    public let today: CivilDate
    /// The last day the forecast looked at (`--until`), if it ran.
    public let until: CivilDate?
    /// The agreements that pass the filters, most urgent first.
    public let lines: [AgreementStatusLine]
    /// True when the programme requires signatures (`std.signed_before_start` is in force):
    /// only then is a party without one worth a column.
    public let signaturesRequired: Bool

    /// The statuses in the order their counts are shown.
    public static let statuses = ["pending", "active", "lapsed", "closed", "ended"]

    /// How many of the lines have each status, in `statuses` order.
    public var counts: [(status: String, count: Int)] {
        ProgrammeStatus.statuses.map { status in (status, lines.filter { $0.status == status }.count) }
    }
    /// Sessions planned to date, over the lines.
    public var plannedTotal: Int { lines.reduce(0) { $0 + $1.planned } }
    /// Sessions held to date, over the lines.
    public var heldTotal: Int { lines.reduce(0) { $0 + $1.held } }
    /// Lines that have started (every status but `pending`): the lapse rate's denominator.
    public var startedCount: Int { lines.filter { $0.status != "pending" }.count }
    /// Lines that have lapsed.
    public var lapsedCount: Int { lines.filter { $0.status == "lapsed" }.count }
    /// Lapsed agreements among those that have started, from 0 to 1; nil when none has started.
    public var lapseRate: Double? { startedCount == 0 ? nil : Double(lapsedCount) / Double(startedCount) }
}

/// One agreement's line of `mentor status`: every fact is the engine's (its computed members).
public struct AgreementStatusLine: Sendable {
    /// The agreement's name.
    public let id: String
    /// Where it is declared.
    public let span: Span
    /// The mentor's, mentee's and co-mentor's names (ids).
    public let mentor: String?, mentee: String?, coMentor: String?
    /// `pending`, `active`, `lapsed`, `closed` or `ended`.
    public let status: String
    /// `start` and `end`.
    public let start: CivilDate?, end: CivilDate?
    /// `closed.on`, when it closed early (on or before today or not).
    public let closedOn: CivilDate?
    /// Sessions scheduled to date (`planned_to_date`) and held to date (days in `held` on or before today).
    public let planned: Int, held: Int
    /// `last_held`, `next_session`, `next_review` (none once closed or ended).
    public let lastHeld: CivilDate?, nextSession: CivilDate?, nextReview: CivilDate?
    /// `reviews_overdue`.
    public let reviewsOverdue: Int
    /// `lapses_on`, and the days from today to it while the agreement is active.
    public let lapsesOn: CivilDate?, daysLeft: Int?
    /// `unsigned`: the parties with no signature, by id; nil when the programme requires no signatures.
    public let unsigned: [String]?
    /// The rules it breaks today (its own, its goals').
    public let violations: [StatusViolation]
    /// The next day something needs doing: the start of a pending agreement, the earlier of
    /// `lapses_on`, `next_review` and `end` of an active one, `lapses_on` of a lapsed one; nil once over.
    public let due: CivilDate?
    /// The dates its timeline draws.
    public let timeline: StatusTimeline
    /// The first thing that breaks by `--until` if nothing is done (nil without `--until` or when nothing does).
    public var forecast: ForecastBreak?

    /// True when a pending, active or lapsed agreement needs the coordinator now: it lapsed,
    /// breaks a rule with an error, or has a review overdue.
    public var needsAttention: Bool {
        guard status == "pending" || status == "active" || status == "lapsed" else { return false }
        return status == "lapsed" || reviewsOverdue > 0 || violations.contains { $0.severity == .error }
    }
}

/// A rule an agreement breaks today.
public struct StatusViolation: Sendable {
    /// The rule's name (`std.` prefixed for the standard rules).
    public let rule: String
    /// Error or warning.
    public let severity: Severity
    /// The violation's message.
    public let message: String
}

/// The dates an agreement's timeline shows.
public struct StatusTimeline: Sendable {
    /// Every scheduled session.
    public let planned: [CivilDate]
    /// Every held session.
    public let held: [CivilDate]
    /// Every review.
    public let reviews: [CivilDate]
}
