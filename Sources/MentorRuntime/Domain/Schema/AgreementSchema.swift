import MentorSyntax

/// The fields and members of `agreement`.
enum AgreementField {
    static let mentor = FieldRow(.agreement, slot: 2, "mentor", .entity(.person), required: true, export: .party,
                                 doc: "The mentor; never the mentee's line manager.")
    static let mentee = FieldRow(.agreement, slot: 3, "mentee", .entity(.person), required: true, export: .party,
                                 doc: "The mentee.")
    static let start = FieldRow(.agreement, slot: 4, "start", .date, required: true, doc: "The day the agreement starts.")
    static let coMentor = FieldRow(.agreement, slot: 5, "co_mentor", .entity(.person), export: .party,
                                   doc: "A credentialed mentor working alongside a candidate.")
    static let term = FieldRow(.agreement, slot: 6, "term", .dateDuration, programDefault: ProgramDefault(slot: ProgramField.term.slot),
                               doc: "How long the agreement runs (the programme's, else 12 months).")
    static let `extension` = FieldRow(.agreement, slot: 7, "extension", .dateDuration,
                                      doc: "The longest extension the agreement allows; `extended` records one taken.")
    static let cadence = FieldRow(.agreement, slot: 8, "cadence", .cadence, programDefault: ProgramDefault(slot: ProgramField.cadence.slot),
                                  doc: "The meeting rhythm (the programme's when not given).")
    static let sessionLength = FieldRow(.agreement, slot: 9, "session_length", .duration(.time),
                                        programDefault: ProgramDefault(slot: ProgramField.sessionLength.slot),
                                        doc: "How long a session lasts (the programme's when not given).")
    static let channels = FieldRow(.agreement, slot: 10, "channels", .list(.symbol(DomainSchema.channels)),
                                   programDefault: ProgramDefault(slot: ProgramField.channels.slot),
                                   doc: "How the pair meets and talks (the programme's when not given).")
    static let contact = FieldRow(.agreement, slot: 11, "contact", .string, programDefault: ProgramDefault(slot: ProgramField.contact.slot),
                                  doc: "When and how the parties may contact each other (the programme's when not given).")
    static let booking = FieldRow(.agreement, slot: 12, "booking", .symbol(DomainSchema.bookingRoles), doc: "Who books the meetings.")
    static let notice = FieldRow(.agreement, slot: 13, "notice", .duration(nil), doc: "How much notice cancelling a session needs.")
    static let confidential = FieldRow(.agreement, slot: 14, "confidential", .boolOrString,
                                       doc: "Whether what is said stays between the parties, or a string stating its limits.")
    static let scope = FieldRow(.agreement, slot: 15, "scope", .string, doc: "What the mentoring covers.")
    static let offLimits = FieldRow(.agreement, slot: 16, "off_limits", .list(.string), doc: "Subjects the pair agreed not to discuss.")
    static let review = FieldRow(.agreement, slot: 17, "review", .singlePhaseCadence, programDefault: ProgramDefault(slot: ProgramField.review.slot),
                                 doc: "How often the agreement is reviewed (the programme's when not given).")
    static let ending = FieldRow(.agreement, slot: 18, "ending", .string, programDefault: ProgramDefault(slot: ProgramField.ending.slot),
                                 doc: "The ending clause agreed at the start (the programme's when not given).")
    static let inactivity = FieldRow(.agreement, slot: 19, "inactivity", .dateDuration,
                                     doc: "How long without a held session before the agreement lapses.")
    static let signed = FieldRow(.agreement, slot: 20, "signed", .keyedBy(.person, .date), doc: "Who signed, and when.")
    static let held = FieldRow(.agreement, slot: 21, "held",
                               .list(.oneOf([.date, .shape([(HeldKey.on, .date), (HeldKey.observer, .entity(.person)), (HeldKey.notes, .string)],
                                                           required: [HeldKey.on])])),
                               doc: "The sessions that took place: each a date, or `{ on, observer, notes }` for an observed one.")
    static let closed = FieldRow(.agreement, slot: 22, "closed", .shape([(ClosedKey.on, .date), (ClosedKey.reason, .string)], required: [ClosedKey.on]),
                                 doc: "An early, no-fault ending: its day and reason.")
    static let location = FieldRow(.agreement, slot: 23, "location", .string, doc: "Where the pair meets: a room, an address, a video link.")
    static let weekends = FieldRow(.agreement, slot: 24, "weekends", .symbol(DomainSchema.weekendPolicies),
                                   programDefault: ProgramDefault(slot: ProgramField.weekends.slot),
                                   doc: "`move` sessions and reviews off Saturdays and Sundays, or `keep` them (the programme's, else `keep`).")
    static let extended = FieldRow(.agreement, slot: 25, "extended",
                                   .shape([(ExtendedKey.by, .dateDuration), (ExtendedKey.on, .date), (ExtendedKey.reason, .string)],
                                          required: [ExtendedKey.by, ExtendedKey.on]),
                                   doc: "An extension taken: by how long, the day it was agreed and why; it moves `end`, up to `extension`.")

    static let end = ComputedMemberRow(.agreement, "end", "date", export: .value,
                                       doc: "`start` plus `term`, plus `extended.by` when an extension was taken.") { context, agreement in
        try context.model.agreementEnd(agreement, interpreter: context.interpreter).map { .date($0) } ?? Value.none
    }
    static let status = ComputedMemberRow(.agreement, "status", "symbol", export: .value,
                                          doc: "`pending`, `active`, `lapsed`, `closed` or `ended`, relative to `today`.") { context, agreement in
        .symbol(try context.model.status(of: agreement, interpreter: context.interpreter))
    }
    static let agenda = ComputedMemberRow(.agreement, "agenda", "agenda or none", export: .nested,
                                          doc: "The agenda declared `for` the agreement.") { context, agreement in
        context.model.agendaFor(agreement, interpreter: context.interpreter).map { .entity($0) } ?? Value.none
    }
    static let goals = ComputedMemberRow(.agreement, "goals", "list of goal", export: .nested, doc: "The nested goals, in order.") { context, agreement in
        .list(context.model.childValues(of: agreement, interpreter: context.interpreter))
    }
    static let sessions = ComputedMemberRow(.agreement, "sessions", "list of record", export: .value,
                                            doc: "The scheduled sessions joined with the agenda's: number, date, time, length, location, title, topics, actions (and `fields`, the session's programme fields, when there are any); a closed agreement's stop at `closed.on`.") { context, agreement in
        .list(try context.model.sessionRecords(agreement, interpreter: context.interpreter))
    }
    static let reviews = ComputedMemberRow(.agreement, "reviews", "list of date", export: .value, doc: "The review dates; a closed agreement's stop at `closed.on`.") { context, agreement in
        .list(try context.model.reviewDates(of: agreement, interpreter: context.interpreter).map { .date($0) })
    }
    static let schedule = ComputedMemberRow(.agreement, "schedule", "list of date",
                                            doc: "The session dates; a closed agreement's stop at `closed.on`.") { context, agreement in
        .list(try context.model.scheduledDates(agreement, interpreter: context.interpreter).map { .date($0) })
    }
    static let lastHeld = ComputedMemberRow(.agreement, "last_held", "date or none", doc: "The latest day in `held`.") { context, agreement in
        try context.model.heldDates(of: agreement, interpreter: context.interpreter).last.map { .date($0) } ?? Value.none
    }
    static let observations = ComputedMemberRow(.agreement, "observations", "list of record",
                                                doc: "The `held` entries given as records (`on`, `observer`, `notes`), in order.") { context, agreement in
        guard case .list(let held) = try context.model.field(agreement, AgreementField.held, interpreter: context.interpreter) else { return .list([]) }
        return .list(held.filter { if case .record = $0 { true } else { false } })
    }
    static let openActions = ComputedMemberRow(.agreement, "open_actions", "list of record",
                                               doc: "The agenda's actions with an owner and not `done`, of scheduled sessions: `session`, `date`, `what`, `owner`.") { context, agreement in
        .list(try context.model.openActions(agreement, interpreter: context.interpreter))
    }
    static let nextSession = ComputedMemberRow(.agreement, "next_session", "date or none",
                                               doc: "The first scheduled session on or after `today`.") { context, agreement in
        try context.model.scheduledDates(agreement, interpreter: context.interpreter).first { $0 >= context.interpreter.today }.map { .date($0) } ?? Value.none
    }
    static let plannedToDate = ComputedMemberRow(.agreement, "planned_to_date", "number",
                                                 doc: "Scheduled sessions on or before `today` (before `closed.on` when closed early).") { context, agreement in
        .integer(Int64(try context.model.plannedToDate(agreement, interpreter: context.interpreter)))
    }
    static let nextReview = ComputedMemberRow(.agreement, "next_review", "date or none",
                                              doc: "The first review on or after `today`.") { context, agreement in
        try context.model.reviewDates(of: agreement, interpreter: context.interpreter)
            .first { $0 >= context.interpreter.today }.map { .date($0) } ?? Value.none
    }
    static let reviewsOverdue = ComputedMemberRow(.agreement, "reviews_overdue", "number",
                                                  doc: "Reviews before `today` (and before `closed.on` and `end`) with no session held between that review and the next.") { context, agreement in
        .integer(Int64(try context.model.reviewsOverdue(agreement, interpreter: context.interpreter)))
    }
    static let lapsesOn = ComputedMemberRow(.agreement, "lapses_on", "date or none",
                                            doc: "The day it lapses unless a session is held before: the day after `max(start, last_held) + inactivity`.") { context, agreement in
        try context.model.lapseDate(of: agreement, interpreter: context.interpreter).map { .date($0) } ?? Value.none
    }
    static let unsigned = ComputedMemberRow(.agreement, "unsigned", "list of person",
                                            doc: "The mentor and mentee without an entry in `signed`.") { context, agreement in
        .list(try context.model.unsignedParties(agreement, interpreter: context.interpreter).map { .entity($0) })
    }

    /// The rows in documentation and export order.
    static let rows: [SchemaRow] = [
        .field(mentor), .field(mentee), .field(coMentor), .field(start), .computed(end), .field(term), .field(`extension`), .field(extended),
        .field(cadence), .field(weekends), .field(sessionLength), .field(location), .field(channels), .field(contact), .field(booking), .field(notice),
        .field(confidential), .field(scope), .field(offLimits), .field(review), .field(ending), .field(inactivity),
        .field(signed), .field(held), .field(closed), .computed(status), .computed(agenda), .computed(goals),
        .computed(sessions), .computed(reviews), .computed(schedule), .computed(lastHeld), .computed(nextSession),
        .computed(observations), .computed(openActions), .computed(plannedToDate), .computed(nextReview), .computed(reviewsOverdue), .computed(lapsesOn), .computed(unsigned),
    ]
    /// How `export --format json` writes an agreement beyond its rows.
    static let export = KindExport(programme: .list("agreements"))
}

/// The keys of `closed`'s record, named once for its type and for the exporters that read it.
enum ClosedKey {
    static let on = "on"
    static let reason = "reason"
}

/// The keys of `extended`'s record.
enum ExtendedKey {
    static let by = "by"
    static let on = "on"
    static let reason = "reason"
}

/// The keys of an observed session's record in `held`.
enum HeldKey {
    static let on = "on"
    static let observer = "observer"
    static let notes = "notes"

    /// The day of a `held` entry, given as a date or as a record's `on`.
    static func date(_ entry: Value) -> CivilDate? {
        switch entry {
        case .date(let date): date
        case .record(let record): if case .date(let date)? = record[on] { date } else { nil }
        default: nil
        }
    }
}

/// The keys of an action record in a session's `actions`.
enum ActionKey {
    static let what = "what"
    static let owner = "owner"
    static let done = "done"

    /// True for an action record with an owner whose `done` is absent or `false`; a plain
    /// string action names no owner, so nobody can be asked to follow it through.
    static func isOpen(_ action: Value) -> Bool {
        guard case .record(let record) = action, case .entity? = record[owner] else { return false }
        switch record[done] ?? .none {
        case .none, .bool(false): return true
        default: return false
        }
    }
}

/// The keys of each record of an agreement's `sessions`, in order: the exporters read the
/// records by these, and docs/export.schema.json's `session` lists them (a test keeps the three equal).
enum SessionRecordKey: String, CaseIterable {
    case number, date, time, length, location, title, topics, actions

    /// The key of the session's programme fields, after the fixed ones, when the programme declares any.
    static let programmeFields = "fields"
}

/// The roles a person can have in an agreement, each a field of it.
enum AgreementRole: CaseIterable {
    case mentor, mentee, coMentor

    /// The agreement field naming the person in this role.
    var field: FieldRow {
        switch self {
        case .mentor: AgreementField.mentor
        case .mentee: AgreementField.mentee
        case .coMentor: AgreementField.coMentor
        }
    }
}

/// The fields and members of `goal`.
enum GoalField {
    static let measure = FieldRow(.goal, slot: 2, "measure", .string, doc: "How progress is measured.")
    static let target = FieldRow(.goal, slot: 3, "target", .numberOrString, export: .valueAndText, doc: "The value of the measure that meets the goal.")
    static let due = FieldRow(.goal, slot: 4, "due", .date, doc: "When the goal is to be met.")
    static let competencies = FieldRow(.goal, slot: 5, "competencies", .list(.entity(.competency)), doc: "The competencies the goal builds.")
    static let progress = FieldRow(.goal, slot: 6, "progress", .numberOrString, export: .valueAndText,
                                   doc: "The measure's latest value, written like `target`.")
    static let achieved = FieldRow(.goal, slot: 7, "achieved", .date, doc: "The day the goal was met.")
    static let agreement = ComputedMemberRow(.goal, "agreement", "agreement", doc: "The agreement the goal belongs to.") { context, goal in
        context.model.parent(of: goal, interpreter: context.interpreter).map { .entity($0) } ?? Value.none
    }

    /// The rows in documentation and export order.
    static let rows: [SchemaRow] = [.field(measure), .field(target), .field(progress), .field(due), .field(achieved), .field(competencies), .computed(agreement)]
    /// How `export --format json` writes a goal (inside its agreement's `goals`).
    static let export = KindExport()
}
