import MentorDiagnostics

/// What `mentor export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// An RFC 5545 iCalendar file of one agreement's sessions and reviews.
    case ics
    /// A Markdown handout for the pair.
    case md
    /// The resolved data of one agreement or of the whole programme.
    case json
}

/// Which calendar `--format ics` writes: one agreement's, the programme's or one person's.
public enum CalendarSelection: Sendable, Equatable {
    /// The agreement named by `ExportRequest.agreement`.
    case agreement
    /// `--programme`: every agreement's start, signatures, reviews, lapse deadline and end.
    case programme
    /// `--person NAME`: that person's sessions across their agreements.
    case person(String)
}

/// One export: the format, the agreement (nil for the whole programme, `json` only), and
/// for `ics` the zone the sessions' times are in.
public struct ExportRequest: Sendable {
    /// The output format.
    public var format: ExportFormat
    /// The agreement's name; nil exports the programme (`json`).
    public var agreement: String?
    /// `--tz`: a zone of the database; nil for floating local times.
    public var timeZone: String?
    /// The time-zone database consulted for `timeZone`.
    public var zoneDatabase: TimeZoneDatabase
    /// With `ics`: which calendar.
    public var calendar: CalendarSelection = .agreement

    /// Creates a request.
    public init(format: ExportFormat, agreement: String?, timeZone: String? = nil,
                zoneDatabase: TimeZoneDatabase = TimeZoneDatabase(directory: TimeZoneDatabase.defaultDirectory),
                calendar: CalendarSelection = .agreement) {
        self.calendar = calendar
        self.format = format
        self.agreement = agreement
        self.timeZone = timeZone
        self.zoneDatabase = zoneDatabase
    }
}

/// Why an export produced nothing: diagnostics to show, and whether the cause lies in how the
/// command was used (exit 2) rather than in the programme (exit 1).
public struct ExportFailure: Error, Sendable {
    /// What went wrong.
    public var diagnostics: [Diagnostic]
    /// True for usage and system problems (no agreement for `ics`, an unknown `--tz` zone).
    public var isUsageError: Bool
}
