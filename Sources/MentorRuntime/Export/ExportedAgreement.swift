import MentorSyntax

/// A person as exports show them: their name, the display name and e-mail.
struct ExportedPerson {
    let id: String
    let name: String
    let email: String?
    /// The programme's own person fields the person gives, by name, as written.
    let programmeFields: [(name: String, text: String)]
}

/// One scheduled session: the engine's `sessions` record of an agreement, typed.
struct ExportedSession {
    let number: Int
    let date: CivilDate
    let time: TimeOfDay?
    let length: CalendarDuration?
    /// The session's `location`, else the agreement's.
    let location: String?
    let title: String?
    let topics: [String]
    /// Each as text: a string action as written, a record as `what (owner: Name, done …)`.
    let actions: [String]

    /// The title the calendar and handout show: the agenda's, or "Mentoring session N".
    var displayTitle: String { title ?? "Mentoring session \(number)" }
}

/// A goal of an agreement.
struct ExportedGoal {
    let id: String
    let title: String?
    let measure: String?
    /// A number or a string, or `.none`.
    let target: Value
    /// A number or a string, or `.none`.
    let progress: Value
    let due: CivilDate?
    let achieved: CivilDate?
}

/// The agenda of an agreement, without its sessions (they are merged into `sessions`).
struct ExportedAgenda {
    let at: TimeOfDay?
    let closing: [String]
}

/// What the Markdown and iCalendar exporters show of one agreement, read once through its
/// schema rows (`end`, `sessions`, `reviews`, …), so no exporter computes a schedule itself.
/// The JSON export walks the rows instead and needs no record.
struct ExportedAgreement {
    let id: String
    let title: String?
    let mentor: ExportedPerson
    let mentee: ExportedPerson
    let coMentor: ExportedPerson?
    let start: CivilDate
    let end: CivilDate
    /// As written on the agreement or the programme; nil when neither gives one (`end` holds).
    let term: CalendarDuration?
    let extensionLength: CalendarDuration?
    /// The extension taken (`extended`): by how long, the day agreed and why; `end` already includes it.
    let extended: (by: CalendarDuration, on: CivilDate?, reason: String?)?
    let cadence: Cadence?
    let sessionLength: CalendarDuration?
    let location: String?
    let channels: [String]
    let contact: String?
    let booking: String?
    let notice: CalendarDuration?
    /// `true`, `false`, a string stating the limits, or `.none` when not stated.
    let confidential: Value
    let scope: String?
    let offLimits: [String]
    let review: Cadence?
    let reviews: [CivilDate]
    let ending: String?
    let inactivity: CalendarDuration?
    /// The latest held session (`last_held`), nil when none was held.
    let lastHeld: CivilDate?
    let signed: [(person: String, date: CivilDate)]
    let closed: (on: CivilDate, reason: String?)?
    let agenda: ExportedAgenda?
    let goals: [ExportedGoal]
    let sessions: [ExportedSession]
    /// The programme's own fields the agreement gives (`field … for agreement`), by name, as written.
    let programmeFields: [(name: String, text: String)]

    /// The last day a session may be held before the agreement lapses (`status` says `lapsed`
    /// from the next day): the later of `start` and `last_held`, plus `inactivity`.
    var lapseDeadline: CivilDate? {
        guard let inactivity else { return nil }
        return max(start, lastHeld ?? start).adding(inactivity)
    }

    /// "Ana Ruiz and Dave Okafor".
    var partiesTitle: String { "\(mentor.name) and \(mentee.name)" }
}
