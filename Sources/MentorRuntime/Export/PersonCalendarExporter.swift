/// `mentor export --format ics --person NAME`: one person's sessions across every agreement
/// they are the mentor, mentee or co-mentor of, with the agendas' titles. Each event is the
/// one the agreement's own calendar has (same `UID`), so importing both never duplicates.
struct PersonCalendarExporter {
    /// The person whose calendar this is.
    let person: ExportedPerson
    /// Their agreements, in declaration order.
    let agreements: [ExportedAgreement]
    let today: CivilDate
    let zone: TimeZoneRules?

    /// The sessions shown: an agreement closed early keeps only those before its closing day.
    func sessions(of agreement: ExportedAgreement) -> [ExportedSession] {
        guard let closed = agreement.closed else { return agreement.sessions }
        return agreement.sessions.filter { $0.date < closed.on }
    }

    /// True when no agreement has a session to show (RFC 5545 allows no empty calendar).
    var isEmpty: Bool { agreements.allSatisfy { sessions(of: $0).isEmpty } }

    /// The calendar, CRLF line ends and folded lines included.
    func render() -> String {
        let stamp = ICalendarExporter.stamp(today)
        var events: [String] = []
        var shown: [ExportedSession] = []
        for agreement in agreements {
            for session in sessions(of: agreement) {
                events += ICalendarExporter.event(for: session, of: agreement, stamp: stamp, zone: zone,
                                                  summary: session.displayTitle + " (" + agreement.partiesTitle + ")")
                shown.append(session)
            }
        }
        return ICalendarExporter.calendar(named: "Mentoring sessions: " + person.name, events: events, zone: zone,
                                          span: ICalendarExporter.localSpan(sessions: shown, days: []))
    }
}
