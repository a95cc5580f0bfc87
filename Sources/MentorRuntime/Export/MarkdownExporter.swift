/// `mentor export --format md`: a handout for the pair, laid out as docs/export.md specifies.
struct MarkdownExporter {
    let agreement: ExportedAgreement
    /// The programme's title, if it has one.
    let programTitle: String?
    /// Where the names of entities in goal targets are read.
    let names: EntityStore

    func render() -> String {
        var out: [String] = []
        let a = agreement
        out.append("# Mentoring agreement: " + MarkdownText.inline(a.partiesTitle))
        out.append("")
        var intro = "Agreement `\(a.id)`"
        if let title = a.title { intro += " (" + MarkdownText.inline(title) + ")" }
        if let programTitle { intro += ", part of the " + MarkdownText.inline(programTitle) }
        out.append(intro + ".")

        section(&out, "Parties", bullets([
            ("Mentor", person(a.mentor)), ("Mentee", person(a.mentee)), ("Co-mentor", a.coMentor.map(person)),
            ("Signed", a.signed.isEmpty ? nil : a.signed.map { "`\($0.person)` on \($0.date)" }.joined(separator: ", ")),
        ]))

        var rhythm = a.cadence.map { MarkdownText.inline($0.description) }
        if let length = a.sessionLength { rhythm = (rhythm.map { $0 + ", " } ?? "") + "\(length) each" }
        if let at = a.agenda?.at { rhythm = (rhythm.map { $0 + ", " } ?? "") + "at \(at)" }
        section(&out, "Dates and rhythm", bullets([
            ("Start", a.start.description),
            ("End", a.end.description + MarkdownExporter.endNote(term: a.term, extendedBy: a.extended?.by)),
            ("Extension", a.extensionLength.map { "may be extended by \($0)" }),
            ("Extended", a.extended.map { taken in
                "by \(taken.by)" + (taken.on.map { " on \($0)" } ?? "") + (taken.reason.map { ": " + MarkdownText.inline($0) } ?? "")
            }),
            ("Meetings", rhythm),
            ("Location", a.location.map { MarkdownText.inline($0, continuation: "  ") }),
            ("Sessions", "\(a.sessions.count)"),
            ("Reviews", a.review.map { MarkdownText.inline($0.description) }),
            ("Closed", a.closed.map { "on \($0.on)" + ($0.reason.map { ": " + MarkdownText.inline($0) } ?? "") }),
        ]))

        section(&out, "Boundaries", bullets([
            ("Channels", a.channels.isEmpty ? nil : a.channels.map(MarkdownExporter.channelName).joined(separator: ", ")),
            ("Contact", a.contact.map { MarkdownText.inline($0, continuation: "  ") }),
            ("Booking", a.booking.map { "the \($0) books meetings" }),
            ("Cancellation notice", a.notice.map { "\($0)" }),
            ("Confidentiality", confidentiality),
            ("Scope", a.scope.map { MarkdownText.inline($0, continuation: "  ") }),
            ("Inactivity", a.inactivity.map { "the agreement lapses after \($0) without a held session" }),
        ]) + offLimits)

        if !a.programmeFields.isEmpty {
            section(&out, "Programme fields", a.programmeFields.map { "- **\(MarkdownText.inline($0.name)):** " + MarkdownText.inline($0.text, continuation: "  ") })
        }

        // Progress columns only when some goal records progress, so a handout written before
        // there was any keeps its table.
        let tracksProgress = a.goals.contains { !$0.progress.isNone || $0.achieved != nil }
        var goals = tracksProgress ? ["| Goal | Measure | Target | Due | Progress | Achieved |", "|---|---|---|---|---|---|"]
            : ["| Goal | Measure | Target | Due |", "|---|---|---|---|"]
        for goal in a.goals {
            let name = goal.title.map(MarkdownText.cell) ?? "`\(goal.id)`"
            var row = "| \(name) | \(MarkdownText.cell(goal.measure ?? "")) | \(MarkdownText.cell(MarkdownExporter.target(goal.target, names: names))) | \(goal.due?.description ?? "—") |"
            if tracksProgress {
                row += " \(MarkdownText.cell(MarkdownExporter.target(goal.progress, names: names))) | \(goal.achieved?.description ?? "—") |"
            }
            goals.append(row)
        }
        section(&out, "Goals", a.goals.isEmpty ? ["No goals are recorded."] : goals)

        // A Location column only when a session meets somewhere other than the agreement's
        // `location` (shown once above).
        let movesAround = a.sessions.contains { $0.location != a.location }
        var schedule = movesAround ? ["| # | Date | Time | Session | Topics | Location |", "|---:|---|---|---|---|---|"]
            : ["| # | Date | Time | Session | Topics |", "|---:|---|---|---|---|"]
        for session in a.sessions {
            let time = session.time.map { "\($0)" } ?? "—"
            var row = "| \(session.number) | \(MarkdownExporter.weekday(session.date)) \(session.date) | \(time) | "
                + "\(MarkdownText.cell(session.displayTitle)) | \(MarkdownText.cell(session.topics.joined(separator: "\n"))) |"
            if movesAround { row += " \(MarkdownText.cell(session.location ?? "—")) |" }
            schedule.append(row)
        }
        section(&out, "Schedule", a.sessions.isEmpty ? ["No sessions fall within the agreement."] : schedule)

        let actions = a.sessions.filter { !$0.actions.isEmpty }
        if !actions.isEmpty {
            var lines: [String] = []
            for session in actions {
                lines.append("- Session \(session.number) (\(session.date)):")
                for action in session.actions { lines.append("  - " + MarkdownText.inline(action, continuation: "    ")) }
            }
            section(&out, "Actions", lines)
        }

        section(&out, "Reviews", a.reviews.isEmpty ? ["No reviews are scheduled."]
            : a.reviews.map { "- \(MarkdownExporter.weekday($0)) \($0)" })
        section(&out, "Ending", [a.ending.map { MarkdownText.inline($0) } ?? "No ending clause is recorded."])
        let closing = a.agenda?.closing ?? []
        section(&out, "Check-in questions", closing.isEmpty ? ["No closing check-in is recorded."]
            : ["Every session closes with:", ""] + closing.enumerated().map { "\($0.offset + 1). " + MarkdownText.inline($0.element, continuation: "   ") })
        return out.joined(separator: "\n") + "\n"
    }

    private func section(_ out: inout [String], _ heading: String, _ lines: [String]) {
        out += ["", "## " + heading, ""] + (lines.isEmpty ? ["Nothing is recorded."] : lines)
    }

    private func bullets(_ items: [(String, String?)]) -> [String] {
        items.compactMap { label, text in text.map { "- **\(label):** " + $0 } }
    }

    private func person(_ person: ExportedPerson) -> String {
        MarkdownText.inline(person.name) + (person.email.map { " (" + MarkdownText.inline($0) + ")" } ?? "")
            + person.programmeFields.map { "; \(MarkdownText.inline($0.name)): " + MarkdownText.inline($0.text) }.joined()
    }

    private var confidentiality: String? {
        switch agreement.confidential {
        case .bool(true): "confidential"
        case .bool(false): "not confidential"
        case .string(let limits): MarkdownText.inline(limits, continuation: "  ")
        default: nil
        }
    }

    private var offLimits: [String] {
        guard !agreement.offLimits.isEmpty else { return [] }
        return ["- **Off limits:**"] + agreement.offLimits.map { "  - " + MarkdownText.inline($0, continuation: "    ") }
    }

    /// ` (a term of 12 months, extended by 2 months)`: what the end date is made of.
    static func endNote(term: CalendarDuration?, extendedBy: CalendarDuration?) -> String {
        let parts = [term.map { "a term of \($0)" }, extendedBy.map { "extended by \($0)" }].compactMap { $0 }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    /// `in_person` reads as "in person".
    static func channelName(_ symbol: String) -> String {
        symbol.replacingUnderscores()
    }

    /// A goal's target as written: `15%`, `2`, or the text.
    static func target(_ value: Value, names: EntityStore) -> String {
        switch value {
        case .none: ""
        case .string(let text): text
        default: value.sourceText(in: names)
        }
    }

    /// `Mon`: the English weekday abbreviation, so readers see the day at a glance.
    static func weekday(_ date: CivilDate) -> String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][date.weekday - 1]
    }
}

extension String {
    /// The text with `_` read as a space.
    fileprivate func replacingUnderscores() -> String {
        String(unicodeScalars.map { $0 == "_" ? " " : Character($0) })
    }
}
