import MentorDiagnostics
import MentorSyntax

/// Reads entities into the exporters' typed records through the engine's members, the same
/// ones rules and the REPL see (`a.sessions`, `a.reviews`, `a.end`, `p.credentialed`, …).
struct ExportReader {
    let model: ProgramModel
    let interpreter: Interpreter

    func value(_ entity: Entity, _ name: String) throws -> Value {
        try model.member(of: entity, name: name, span: entity.nameSpan, interpreter: interpreter) ?? .none
    }

    func string(_ entity: Entity, _ name: String) throws -> String? {
        if case .string(let text) = try value(entity, name) { return text }
        return nil
    }

    func date(_ entity: Entity, _ name: String) throws -> CivilDate? {
        if case .date(let date) = try value(entity, name) { return date }
        return nil
    }

    func duration(_ entity: Entity, _ name: String) throws -> CalendarDuration? {
        if case .duration(let duration) = try value(entity, name) { return duration }
        return nil
    }

    func cadence(_ entity: Entity, _ name: String) throws -> Cadence? {
        if case .cadence(let cadence) = try value(entity, name) { return cadence }
        return nil
    }

    func list(_ entity: Entity, _ name: String) throws -> [Value] {
        if case .list(let elements) = try value(entity, name) { return elements }
        return []
    }

    func strings(_ entity: Entity, _ name: String) throws -> [String] {
        try list(entity, name).compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    /// Entity references (and symbols such as channels) by name.
    func names(_ entity: Entity, _ name: String) throws -> [String] {
        try list(entity, name).compactMap(ExportReader.name(of:))
    }

    static func name(of value: Value) -> String? {
        switch value {
        case .entity(let entity): entity.id
        case .symbol(let name): name
        default: nil
        }
    }

    func entity(_ entity: Entity, _ name: String) throws -> Entity? {
        if case .entity(let target) = try value(entity, name) { return target }
        return nil
    }

    func person(_ entity: Entity?) throws -> ExportedPerson? {
        guard let entity else { return nil }
        return ExportedPerson(id: entity.id, name: try string(entity, "name") ?? entity.id, email: try string(entity, "email"))
    }

    // MARK: Agreements

    func agreement(_ agreement: Entity) throws -> ExportedAgreement {
        let agendaEntity = try entity(agreement, "agenda")
        let agenda = try agendaEntity.map { agenda in
            ExportedAgenda(id: agenda.id, title: agenda.title, at: try timeOfDay(try value(agenda, "at")),
                           closing: try strings(agenda, "closing"))
        }
        var signed: [(String, CivilDate)] = []
        if case .record(let record) = try value(agreement, "signed") {
            for field in record.fields { if case .date(let date) = field.value { signed.append((field.name, date)) } }
        }
        var closed: (CivilDate, String?)?
        if case .record(let record) = try value(agreement, "closed"), case .date(let on)? = record["on"] {
            if case .string(let reason)? = record["reason"] { closed = (on, reason) } else { closed = (on, nil) }
        }
        guard let mentor = try person(try entity(agreement, "mentor")),
              let mentee = try person(try entity(agreement, "mentee")),
              let start = try date(agreement, "start"),
              let end = try date(agreement, "end")
        else {
            // Elaboration reports missing parties and start dates, and export runs only after it succeeded.
            throw RuntimeError(.missingField, "agreement `\(agreement.id)` lacks a mentor, a mentee or a start", at: agreement.nameSpan)
        }
        return ExportedAgreement(
            id: agreement.id, title: agreement.title, mentor: mentor, mentee: mentee,
            coMentor: try person(try entity(agreement, "co_mentor")),
            start: start, end: end,
            term: try duration(agreement, "term"), extensionLength: try duration(agreement, "extension"),
            cadence: try cadence(agreement, "cadence"), sessionLength: try duration(agreement, "session_length"),
            channels: try names(agreement, "channels"), contact: try string(agreement, "contact"),
            booking: ExportReader.name(of: try value(agreement, "booking")), notice: try duration(agreement, "notice"),
            confidential: try value(agreement, "confidential"), scope: try string(agreement, "scope"),
            offLimits: try strings(agreement, "off_limits"), review: try cadence(agreement, "review"),
            reviews: try list(agreement, "reviews").compactMap { if case .date(let d) = $0 { d } else { nil } },
            ending: try string(agreement, "ending"), inactivity: try duration(agreement, "inactivity"),
            signed: signed,
            held: try list(agreement, "held").compactMap { if case .date(let d) = $0 { d } else { nil } },
            closed: closed, status: try string(agreement, "status") ?? "",
            agenda: agenda,
            goals: try goals(of: agreement),
            sessions: try list(agreement, "sessions").compactMap(session(from:)))
    }

    private func goals(of agreement: Entity) throws -> [ExportedGoal] {
        try list(agreement, "goals").compactMap { element in
            guard case .entity(let goal) = element else { return nil }
            return ExportedGoal(id: goal.id, title: goal.title, measure: try string(goal, "measure"),
                                target: try value(goal, "target"), due: try date(goal, "due"),
                                competencies: try names(goal, "competencies"))
        }
    }

    private func timeOfDay(_ value: Value) throws -> TimeOfDay? {
        if case .time(let time) = value { return time }
        return nil
    }

    private func session(from value: Value) throws -> ExportedSession? {
        guard case .record(let record) = value,
              case .number(.integer(let number))? = record["number"],
              case .date(let date)? = record["date"] else { return nil }
        func text(_ name: String) -> [String] {
            guard case .list(let items)? = record[name] else { return [] }
            return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        var length: CalendarDuration?
        if case .duration(let given)? = record["length"] { length = given }
        var title: String?
        if case .string(let given)? = record["title"] { title = given }
        return ExportedSession(number: Int(number), date: date, time: try timeOfDay(record["time"] ?? .none),
                               length: length, title: title, topics: text("topics"), actions: text("actions"))
    }

    // MARK: The programme

    func programme() throws -> ExportedProgramme {
        let settings = try model.entities(of: .program).first.map { program in
            var maxMentees: Int64?
            if case .number(.integer(let count)) = try value(program, "max_mentees") { maxMentees = count }
            return ExportedProgramSettings(
                title: program.title, term: try duration(program, "term"), cadence: try cadence(program, "cadence"),
                sessionLength: try duration(program, "session_length"), maxMentees: maxMentees,
                review: try cadence(program, "review"))
        }
        let competencies = try model.entities(of: .competency).map { competency in
            ExportedCompetency(id: competency.id, title: competency.title, description: try string(competency, "description"),
                               requires: try names(competency, "requires"))
        }
        let pathways = try model.entities(of: .pathway).map { pathway in
            ExportedPathway(id: pathway.id, title: pathway.title, description: try string(pathway, "description"),
                            steps: try list(pathway, "steps").compactMap { element in
                                guard case .entity(let step) = element else { return nil }
                                return ExportedStep(id: step.id, title: step.title, competencies: try names(step, "competencies"))
                            })
        }
        let people = try model.entities(of: .person).map { person in
            var completed: [(String, CivilDate)] = []
            if case .record(let record) = try value(person, "completed") {
                for field in record.fields { if case .date(let date) = field.value { completed.append((field.name, date)) } }
            }
            var credentialed = false
            if case .bool(let flag) = try value(person, "credentialed") { credentialed = flag }
            return ExportedPersonRecord(
                id: person.id, name: try string(person, "name") ?? person.id, email: try string(person, "email"),
                supervisor: try entity(person, "supervisor")?.id, pathway: try entity(person, "pathway")?.id,
                completed: completed, competencies: try names(person, "competencies"),
                credentialed: credentialed, progress: try entity(person, "progress")?.id)
        }
        let agreements = try model.entities(of: .agreement).map { try agreement($0) }
        return ExportedProgramme(program: settings, competencies: competencies, pathways: pathways, people: people,
                                 agreements: agreements)
    }
}
