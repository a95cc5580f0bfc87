import MentorDiagnostics
import MentorSyntax

/// A field or computed member row, read alike by the exporters.
protocol ReadableRow {
    /// The row as a row of its kind's schema.
    var schemaRow: SchemaRow { get }
}

extension FieldRow: ReadableRow {
    var schemaRow: SchemaRow { .field(self) }
}

extension ComputedMemberRow: ReadableRow {
    var schemaRow: SchemaRow { .computed(self) }
}

extension SchemaRow: ReadableRow {
    var schemaRow: SchemaRow { self }
}

/// Reads entities through their kind's schema rows, the same fields and members rules and the
/// REPL see (`a.sessions`, `a.reviews`, `a.end`, `p.credentialed`, …), and types what the
/// Markdown and iCalendar exporters show of an agreement.
struct ExportReader {
    let model: ProgramModel
    let interpreter: Interpreter

    /// A row's value: a field as given (or the programme's default), a computed member as
    /// computed now; `none` when absent.
    func value(_ entity: EntityRef, _ row: some ReadableRow) throws -> Value {
        switch row.schemaRow {
        case .field(let field): try model.field(entity, field, interpreter: interpreter)
        case .computed(let member): try model.member(entity, member, span: model.nameSpan(of: entity), interpreter: interpreter)
        }
    }

    /// The row's string, nil when absent.
    func string(_ entity: EntityRef, _ row: some ReadableRow) throws -> String? {
        if case .string(let text) = try value(entity, row) { return text }
        return nil
    }

    /// The row's word (a symbol such as an agreement's `status` or `booking`), nil when absent.
    func word(_ entity: EntityRef, _ row: some ReadableRow) throws -> String? {
        switch try value(entity, row) {
        case .symbol(let word), .string(let word): word
        default: nil
        }
    }

    /// The row's date, nil when absent.
    func date(_ entity: EntityRef, _ row: some ReadableRow) throws -> CivilDate? {
        if case .date(let date) = try value(entity, row) { return date }
        return nil
    }

    /// The row's duration, nil when absent.
    func duration(_ entity: EntityRef, _ row: some ReadableRow) throws -> CalendarDuration? {
        if case .duration(let duration) = try value(entity, row) { return duration }
        return nil
    }

    /// The row's cadence, nil when absent.
    func cadence(_ entity: EntityRef, _ row: some ReadableRow) throws -> Cadence? {
        if case .cadence(let cadence) = try value(entity, row) { return cadence }
        return nil
    }

    /// The row's list, empty when absent.
    func list(_ entity: EntityRef, _ row: some ReadableRow) throws -> [Value] {
        if case .list(let elements) = try value(entity, row) { return elements }
        return []
    }

    /// The strings of the row's list.
    func strings(_ entity: EntityRef, _ row: some ReadableRow) throws -> [String] {
        try list(entity, row).compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    /// The dates of the row's list.
    func dates(_ entity: EntityRef, _ row: some ReadableRow) throws -> [CivilDate] {
        try list(entity, row).compactMap { if case .date(let date) = $0 { date } else { nil } }
    }

    /// EntityRef references (and symbols such as channels) by name.
    func names(_ entity: EntityRef, _ row: some ReadableRow) throws -> [String] {
        try list(entity, row).compactMap(name(of:))
    }

    /// The name of an entity or symbol value.
    func name(of value: Value) -> String? {
        switch value {
        case .entity(let entity): model.name(of: entity)
        case .symbol(let name): name
        default: nil
        }
    }

    /// The entity the row names, nil when absent.
    func entity(_ entity: EntityRef, _ row: some ReadableRow) throws -> EntityRef? {
        if case .entity(let target) = try value(entity, row) { return target }
        return nil
    }

    /// A record keyed by entity names (`signed`), as (name, date) pairs in the order written.
    func datesByName(_ entity: EntityRef, _ row: some ReadableRow) throws -> [(String, CivilDate)] {
        guard case .record(let record) = try value(entity, row) else { return [] }
        return record.fields.compactMap { field in
            if case .date(let date) = field.value { (field.name, date) } else { nil }
        }
    }

    /// A person as a party of an agreement.
    func person(_ entity: EntityRef?) throws -> ExportedPerson? {
        guard let entity else { return nil }
        return ExportedPerson(id: model.name(of: entity), name: try string(entity, PersonField.name) ?? model.name(of: entity),
                              email: try string(entity, PersonField.email), programmeFields: try programmeFields(of: entity))
    }

    /// The programme's own fields `entity` gives, by name, as written (`MarkdownExporter.target`).
    func programmeFields(of entity: EntityRef) throws -> [(name: String, text: String)] {
        try model.schema(of: entity).programmeFields.compactMap { field in
            let value = try value(entity, field)
            return value.isNone ? nil : (field.name, MarkdownExporter.target(value, names: model.store))
        }
    }

    // MARK: Agreements

    /// The agreement as the Markdown and iCalendar exporters show it.
    func agreement(_ agreement: EntityRef) throws -> ExportedAgreement {
        let agenda = try entity(agreement, AgreementField.agenda).map { agenda in
            ExportedAgenda(at: try timeOfDay(try value(agenda, AgendaField.at)), closing: try strings(agenda, AgendaField.closing))
        }
        var extended: (CalendarDuration, CivilDate?, String?)?
        if case .record(let record) = try value(agreement, AgreementField.extended), case .duration(let by)? = record[ExtendedKey.by] {
            var on: CivilDate?
            if case .date(let day)? = record[ExtendedKey.on] { on = day }
            var reason: String?
            if case .string(let text)? = record[ExtendedKey.reason] { reason = text }
            extended = (by, on, reason)
        }
        var closed: (CivilDate, String?)?
        if case .record(let record) = try value(agreement, AgreementField.closed), case .date(let on)? = record[ClosedKey.on] {
            if case .string(let reason)? = record[ClosedKey.reason] { closed = (on, reason) } else { closed = (on, nil) }
        }
        // Elaboration reports missing parties and start dates, and export runs only after it succeeded.
        func required<T>(_ value: T?, _ row: some ReadableRow) throws -> T {
            guard let value else {
                throw RuntimeError(.missingField, "agreement `\(model.name(of: agreement))` lacks `\(row.schemaRow.name)`", at: model.nameSpan(of: agreement))
            }
            return value
        }
        return ExportedAgreement(
            id: model.name(of: agreement), title: model.title(of: agreement),
            mentor: try required(try person(try entity(agreement, AgreementField.mentor)), AgreementField.mentor),
            mentee: try required(try person(try entity(agreement, AgreementField.mentee)), AgreementField.mentee),
            coMentor: try person(try entity(agreement, AgreementField.coMentor)),
            start: try required(try date(agreement, AgreementField.start), AgreementField.start),
            end: try required(try date(agreement, AgreementField.end), AgreementField.end),
            term: try duration(agreement, AgreementField.term),
            extensionLength: try duration(agreement, AgreementField.extension),
            extended: extended,
            cadence: try cadence(agreement, AgreementField.cadence),
            sessionLength: try duration(agreement, AgreementField.sessionLength),
            location: try string(agreement, AgreementField.location),
            channels: try names(agreement, AgreementField.channels),
            contact: try string(agreement, AgreementField.contact),
            booking: name(of: try value(agreement, AgreementField.booking)),
            notice: try duration(agreement, AgreementField.notice),
            confidential: try value(agreement, AgreementField.confidential),
            scope: try string(agreement, AgreementField.scope),
            offLimits: try strings(agreement, AgreementField.offLimits),
            review: try cadence(agreement, AgreementField.review),
            reviews: try dates(agreement, AgreementField.reviews),
            ending: try string(agreement, AgreementField.ending),
            inactivity: try duration(agreement, AgreementField.inactivity),
            lastHeld: try date(agreement, AgreementField.lastHeld),
            signed: try datesByName(agreement, AgreementField.signed),
            closed: closed,
            agenda: agenda,
            goals: try goals(of: agreement),
            sessions: try list(agreement, AgreementField.sessions).compactMap(session(from:)),
            programmeFields: try programmeFields(of: agreement))
    }

    private func goals(of agreement: EntityRef) throws -> [ExportedGoal] {
        try list(agreement, AgreementField.goals).compactMap { element -> ExportedGoal? in
            guard case .entity(let goal) = element else { return nil }
            return ExportedGoal(id: model.name(of: goal), title: model.title(of: goal), measure: try string(goal, GoalField.measure),
                                target: try value(goal, GoalField.target), progress: try value(goal, GoalField.progress),
                                due: try date(goal, GoalField.due), achieved: try date(goal, GoalField.achieved))
        }
    }

    private func timeOfDay(_ value: Value) throws -> TimeOfDay? {
        if case .time(let time) = value { return time }
        return nil
    }

    private func session(from value: Value) throws -> ExportedSession? {
        guard case .record(let record) = value,
              case .number(.integer(let number))? = record[SessionRecordKey.number.rawValue],
              case .date(let date)? = record[SessionRecordKey.date.rawValue] else { return nil }
        func text(_ key: SessionRecordKey) -> [String] {
            guard case .list(let items)? = record[key.rawValue] else { return [] }
            return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        var length: CalendarDuration?
        if case .duration(let given)? = record[SessionRecordKey.length.rawValue] { length = given }
        var title: String?
        if case .string(let given)? = record[SessionRecordKey.title.rawValue] { title = given }
        var location: String?
        if case .string(let given)? = record[SessionRecordKey.location.rawValue] { location = given }
        var actions: [String] = []
        if case .list(let items)? = record[SessionRecordKey.actions.rawValue] { actions = try items.compactMap(actionText) }
        return ExportedSession(number: Int(number), date: date, time: try timeOfDay(record[SessionRecordKey.time.rawValue] ?? .none),
                               length: length, location: location, title: title, topics: text(.topics), actions: actions)
    }

    /// An action as the handout and calendar show it: `Send the draft (owner: Ines Sousa, done 2026-03-04)`.
    private func actionText(_ action: Value) throws -> String? {
        switch action {
        case .string(let text): return text
        case .record(let record):
            guard case .string(let what)? = record[ActionKey.what] else { return nil }
            var notes: [String] = []
            if case .entity(let owner)? = record[ActionKey.owner] { notes.append("owner: " + (try person(owner)?.name ?? model.name(of: owner))) }
            switch record[ActionKey.done] ?? .none {
            case .date(let day): notes.append("done \(day)")
            case .bool(true): notes.append("done")
            default: break
            }
            return notes.isEmpty ? what : what + " (" + notes.joined(separator: ", ") + ")"
        default: return nil
        }
    }
}
