import MentorDiagnostics
import MentorSource

/// `mentor export --format ics`: an RFC 5545 calendar of one agreement's sessions and reviews.
/// Layout and choices are specified in docs/export.md.
struct ICalendarExporter {
    /// The product identifier; it carries no version so output does not change with releases.
    static let productID = "-//mentor//mentor export//EN"

    let agreement: ExportedAgreement
    /// The date of the run: `DTSTAMP` is its midnight UTC, so output is reproducible with `--today`.
    let today: CivilDate
    /// With `--tz`: the zone the sessions' times are in; nil for floating times.
    let zone: TimeZoneRules?

    /// Why the agreement cannot become a calendar: no event at all, or sessions whose length
    /// cannot become an event's `DURATION` (reported once for the agreement).
    func problems(at span: Span) -> [Diagnostic] {
        if agreement.sessions.isEmpty, agreement.reviews.isEmpty {
            // RFC 5545 requires a calendar to hold at least one component.
            return [Diagnostic(.nothingToExport, .error,
                               "`\(agreement.id)` has no scheduled sessions and no reviews to put in a calendar",
                               at: span,
                               help: "give the agreement (or the `program`) a `cadence`, or the agreement a `review`")]
        }
        let bad = agreement.sessions.filter { session in
            guard let length = session.length else { return false }
            return ICalendarText.duration(length) == nil
        }
        guard let first = bad.first, let length = first.length else { return [] }
        var notes: [DiagnosticNote] = []
        if bad.count > 1 {
            let others = bad.dropFirst().map { "\($0.number)" }
            let shown = others.count > 5 ? others.prefix(5).joined(separator: ", ") + " and \(others.count - 5) more"
                : others.dropLast().joined(separator: ", ") + (others.count > 1 ? " and " : "") + others[others.count - 1]
            notes.append(DiagnosticNote("so \(bad.count == 2 ? "does session" : "do sessions") \(shown)"))
        }
        return [Diagnostic(.sessionLengthNotExportable, .error,
                           "session \(first.number) of `\(agreement.id)` lasts \(length); a calendar event needs a positive length",
                           at: span, notes: notes,
                           help: "give the agreement a positive `session_length`, or the agenda session a positive `length`")]
    }

    /// The calendar, CRLF line ends and folded lines included.
    func render() -> String {
        let stamp = ICalendarExporter.stamp(today)
        var events: [String] = []
        for session in agreement.sessions { events += ICalendarExporter.event(for: session, of: agreement, stamp: stamp, zone: zone) }
        for (index, date) in agreement.reviews.enumerated() {
            events += ICalendarExporter.review(index + 1, on: date, of: agreement, stamp: stamp)
        }
        return ICalendarExporter.calendar(named: "Mentoring: " + agreement.partiesTitle, events: events, zone: zone,
                                          span: ICalendarExporter.localSpan(sessions: agreement.sessions, days: agreement.reviews))
    }

    /// `DTSTAMP:20260105T000000Z`: midnight UTC of the run's date.
    static func stamp(_ today: CivilDate) -> String { "DTSTAMP:" + ICalendarText.date(today) + "T000000Z" }

    /// A whole calendar around `events` (each a list of unfolded content lines), with the
    /// `VTIMEZONE` of `zone` covering `span` when both are given.
    static func calendar(named name: String, events: [String], zone: TimeZoneRules?, span: (first: Int64, last: Int64)?) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + ICalendarExporter.productID, "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + ICalendarText.escape(name)]
        if let zone, let span {
            lines += VTimeZoneBuilder.lines(for: zone, firstLocal: span.first, lastLocal: span.last)
        }
        lines += events
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarText.fold).joined()
    }

    /// `ana_dave-session-3@mentor`: the agreement's name and the session's number, so it stays
    /// the same across runs and edits that do not renumber the session.
    static func uid(agreement: String, kind: String, number: Int) -> String {
        "\(agreement)-\(kind)-\(number)@mentor"
    }

    /// One session's event; `summary` replaces the session's title as `SUMMARY` when given.
    static func event(for session: ExportedSession, of agreement: ExportedAgreement, stamp: String, zone: TimeZoneRules?,
                      summary: String? = nil) -> [String] {
        var lines = ["BEGIN:VEVENT",
                     "UID:" + ICalendarText.escape(ICalendarExporter.uid(agreement: agreement.id, kind: "session", number: session.number)),
                     stamp]
        if let time = session.time {
            let value = ICalendarText.dateTime(session.date, time)
            lines.append(zone.map { "DTSTART;TZID=\($0.name):" + value } ?? "DTSTART:" + value)
            if let length = session.length, let duration = ICalendarText.duration(length) { lines.append("DURATION:" + duration) }
        } else {
            // No agenda time: an all-day event on the session's date.
            lines += ["DTSTART;VALUE=DATE:" + ICalendarText.date(session.date), "DURATION:P1D"]
        }
        lines.append("SUMMARY:" + ICalendarText.escape(summary ?? session.displayTitle))
        if let location = session.location { lines.append("LOCATION:" + ICalendarText.escape(location)) }
        lines.append("DESCRIPTION:" + ICalendarText.escape(description(of: session, in: agreement)))
        lines.append("END:VEVENT")
        return lines
    }

    private static func description(of session: ExportedSession, in agreement: ExportedAgreement) -> String {
        var parts = ["Session \(session.number) of \(agreement.sessions.count) of the mentoring agreement \(agreement.id): "
            + "\(agreement.mentor.name) (mentor) and \(agreement.mentee.name) (mentee)."]
        if session.time == nil, let length = session.length { parts.append("Length: \(length).") }
        func section(_ heading: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            parts.append(heading + "\n" + items.map { "- " + $0 }.joined(separator: "\n"))
        }
        section("Topics:", session.topics)
        section("Actions:", session.actions)
        section("Closing check-in:", agreement.agenda?.closing ?? [])
        return parts.joined(separator: "\n\n")
    }

    /// The all-day event of the agreement's review `number`.
    static func review(_ number: Int, on date: CivilDate, of agreement: ExportedAgreement, stamp: String) -> [String] {
        var text = "Review \(number) of \(agreement.reviews.count) of the mentoring agreement \(agreement.id) "
            + "(\(agreement.start) to \(agreement.end))."
        if let ending = agreement.ending { text += "\n\nEnding: " + ending }
        return ["BEGIN:VEVENT",
                "UID:" + ICalendarText.escape(ICalendarExporter.uid(agreement: agreement.id, kind: "review", number: number)),
                stamp,
                "DTSTART;VALUE=DATE:" + ICalendarText.date(date), "DURATION:P1D",
                "SUMMARY:" + ICalendarText.escape("Review: " + agreement.partiesTitle),
                "DESCRIPTION:" + ICalendarText.escape(text),
                "END:VEVENT"]
    }

    /// An all-day event of the agreement, `UID:AGREEMENT-KIND@mentor`.
    static func dayEvent(_ kind: String, on date: CivilDate, of agreement: ExportedAgreement, stamp: String,
                         summary: String, description: String) -> [String] {
        ["BEGIN:VEVENT",
         "UID:" + ICalendarText.escape("\(agreement.id)-\(kind)@mentor"),
         stamp,
         "DTSTART;VALUE=DATE:" + ICalendarText.date(date), "DURATION:P1D",
         "SUMMARY:" + ICalendarText.escape(summary),
         "DESCRIPTION:" + ICalendarText.escape(description),
         "END:VEVENT"]
    }

    /// The first and last wall-clock second the events of `sessions` and the all-day events on
    /// `days` cover, for the `VTIMEZONE`.
    static func localSpan(sessions: [ExportedSession], days: [CivilDate]) -> (first: Int64, last: Int64)? {
        var first = Int64.max
        var last = Int64.min
        for session in sessions {
            let day = Int64(session.date.daysSinceEpoch) * 86_400
            let begin = day + Int64(session.time?.minutesSinceMidnight ?? 0) * 60
            var end = day + 86_400
            if session.time != nil, let minutes = session.length?.normalizedAmount { end = begin + minutes * 60 }
            first = min(first, begin)
            last = max(last, end)
        }
        for date in days {
            first = min(first, Int64(date.daysSinceEpoch) * 86_400)
            last = max(last, Int64(date.daysSinceEpoch + 1) * 86_400)
        }
        return first <= last ? (first, last) : nil
    }
}
