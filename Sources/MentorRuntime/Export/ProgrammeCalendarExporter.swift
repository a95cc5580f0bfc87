/// `mentor export --format ics --programme`: the coordinator's calendar of every agreement's
/// start, signature deadline, reviews, lapse deadline and end, one all-day event each, in
/// declaration order. Layout and choices are specified in docs/export.md.
struct ProgrammeCalendarExporter {
    let agreements: [ExportedAgreement]
    /// The programme's title, for the calendar's name.
    let programTitle: String?
    /// The date of the run, for `DTSTAMP`.
    let today: CivilDate

    /// The calendar's events, unfolded, agreement after agreement.
    var events: [String] {
        let stamp = ICalendarExporter.stamp(today)
        var lines: [String] = []
        for agreement in agreements { lines += events(of: agreement, stamp: stamp) }
        return lines
    }

    /// The calendar, CRLF line ends and folded lines included.
    func render() -> String {
        ICalendarExporter.calendar(named: "Mentoring programme" + (programTitle.map { ": " + $0 } ?? ""),
                                   events: events, zone: nil, span: nil)
    }

    private func events(of agreement: ExportedAgreement, stamp: String) -> [String] {
        let parties = agreement.partiesTitle
        let period = "(\(agreement.start) to \(agreement.end))"
        var lines = ICalendarExporter.dayEvent("start", on: agreement.start, of: agreement, stamp: stamp,
                                               summary: "Start: " + parties,
                                               description: "The mentoring agreement \(agreement.id) starts \(period).")
        lines += ICalendarExporter.dayEvent("signatures", on: agreement.start, of: agreement, stamp: stamp,
                                            summary: "Signatures due: " + parties,
                                            description: signatureText(agreement))
        for (index, date) in agreement.reviews.enumerated() {
            lines += ICalendarExporter.review(index + 1, on: date, of: agreement, stamp: stamp)
        }
        // A deadline on or after the end (or the early close) can no longer lapse anything.
        let finish = min(agreement.end, agreement.closed?.on ?? agreement.end)
        if let deadline = agreement.lapseDeadline, let inactivity = agreement.inactivity, deadline < finish {
            let since = agreement.lastHeld.map { "the last held session on \($0)" } ?? "its start on \(agreement.start), with no session held"
            lines += ICalendarExporter.dayEvent("lapse", on: deadline, of: agreement, stamp: stamp,
                                                summary: "Lapse deadline: " + parties,
                                                description: "The last day to hold a session of the mentoring agreement \(agreement.id): "
                                                    + "its inactivity limit is \(inactivity) after \(since). "
                                                    + "Without one it lapses the next day.")
        }
        var ending = "The mentoring agreement \(agreement.id) ends \(period)."
        if let closed = agreement.closed {
            ending += " It was closed early on \(closed.on)" + (closed.reason.map { ": " + $0 } ?? "") + "."
        }
        lines += ICalendarExporter.dayEvent("end", on: agreement.end, of: agreement, stamp: stamp,
                                            summary: "End: " + parties, description: ending)
        return lines
    }

    /// Who has signed and who has not, against the deadline of the start.
    private func signatureText(_ agreement: ExportedAgreement) -> String {
        var text = "Mentor and mentee sign the mentoring agreement \(agreement.id) on or before its start."
        for party in [agreement.mentor, agreement.mentee] {
            if let signed = agreement.signed.first(where: { $0.person == party.id }) {
                text += "\n\(party.name) signed on \(signed.date)."
            } else {
                text += "\n\(party.name) has not signed."
            }
        }
        return text
    }
}
