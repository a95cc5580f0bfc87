import MentorDiagnostics
import MentorSyntax
import MentorSource

extension ProgramModel {
    /// Every member name an entity offers: `id`, `title`, its kind's fields and computed members.
    func memberNames(of entity: Entity) -> [String] {
        ["id", "title"] + DomainSchema.fields(of: entity.kind).map(\.name) + DomainSchema.computedMembers(of: entity.kind)
    }

    /// True when `name` is a member of the entity's kind.
    func hasMember(_ entity: Entity, _ name: String) -> Bool {
        memberNames(of: entity).contains(name)
    }

    /// The value of a field or computed member, or nil when the kind has no such member.
    func member(of original: Entity, name: String, span: Span, interpreter: Interpreter) throws -> Value? {
        let entity = current(original)
        switch name {
        case "id": return .string(entity.id)
        case "title": return entity.title.map { Value.string($0) } ?? Value.none
        default: break
        }
        let schema = entity.schema
        // One lookup by name; the slot then finds the pending expression or the value.
        if let slot = schema.slotIndex[name] {
            if !entity.pendingFields.isEmpty, entity.pendingField(at: slot) != nil { return try force(entity, slot: slot, interpreter: interpreter) }
            if let value = entity.value(at: slot) { return value }
            if slot >= KindSchema.firstDeclaredSlot {
                if entity.kind == .agreement, DomainSchema.programDefaults.contains(name),
                   let program = entities(of: .program).first, let value = current(program).field(name) {
                    return value
                }
                return Value.none
            }
        }
        guard schema.computed.contains(name) else { return nil }
        let cacheable = overrides.isEmpty && !entity.isCopy
        if cacheable, let cached = cache[entity.index]?[name] { return cached }
        // A member the schema lists without an implementation is no member at all, never a
        // silent `none`; `ComputedMemberTests` asks every listed one of a real entity.
        guard let value = try computedMember(entity, name, span: span, interpreter: interpreter) else { return nil }
        if cacheable { cache[entity.index, default: [:]][name] = value }
        return value
    }

    /// Evaluates the pending field in `slot`, checks its type and stores it.
    @discardableResult
    func force(_ entity: Entity, slot: Int, interpreter: Interpreter) throws -> Value {
        guard let pending = entity.pendingField(at: slot) else { return entity.value(at: slot) ?? .none }
        let name = entity.schema.slotNames[slot]
        if entity.fieldsInProgress.contains(slot) {
            throw RuntimeError(.letCycle, "field `\(name)` of `\(entity.id)` depends on its own value", at: pending.nameSpan)
        }
        entity.fieldsInProgress.append(slot)
        defer { entity.fieldsInProgress.removeLast() }
        let value: Value
        do {
            value = try interpreter.nested(at: pending.code.span, .onDemand) {
                try interpreter.evaluate(pending.code, Frame(size: 0, parent: nil))
            }
        } catch let error as RuntimeError where error.diagnostic.code == .recursionLimit {
            // Every field on the too-deep chain gives up with it: left pending, each would be
            // tried again from its own start, and a chain of n fields would cost n² steps.
            entity.removePending(at: slot)
            entity.setValue(nil, at: slot)
            throw error
        }
        if let problem = FieldTypeChecker.check(value, against: pending.type, model: self) {
            throw FieldTypeChecker.mismatch(name, pending.type, problem, at: pending.code.span)
        }
        entity.setValue(value, at: slot)
        entity.removePending(at: slot)
        return value
    }

    /// Evaluates every pending field of `entity`.
    func forceAll(_ entity: Entity, interpreter: Interpreter) throws {
        for slot in entity.pendingSlotsByName { try force(entity, slot: slot, interpreter: interpreter) }
    }

    /// A field's value, falling back to the programme's default; `none` when absent.
    func field(_ entity: Entity, _ name: String, interpreter: Interpreter) throws -> Value {
        try member(of: entity, name: name, span: entity.nameSpan, interpreter: interpreter) ?? .none
    }

    /// The computed member `name` of `entity`, or nil when it has no implementation.
    func computedMember(_ entity: Entity, _ name: String, span: Span, interpreter: Interpreter) throws -> Value? {
        switch (entity.kind, name) {
        case (.person, "name"):
            return .string(entity.title ?? entity.id)
        case (.person, "mentees"):
            return .list(uniqueEntities(agreementsWhere(role: "mentor", is: entity, interpreter), role: "mentee", interpreter))
        case (.person, "mentors"):
            return .list(uniqueEntities(agreementsWhere(role: "mentee", is: entity, interpreter), role: "mentor", interpreter))
        case (.person, "co_mentees"):
            return .list(uniqueEntities(agreementsWhere(role: "co_mentor", is: entity, interpreter), role: "mentee", interpreter))
        case (.person, "agreements"):
            // From the party index, as `mentees` is: a scan of every agreement per person made
            // `p.agreements` over all people take agreements × people.
            var seen = Set<Int>()
            let agreements = ["mentor", "mentee", "co_mentor"]
                .flatMap { agreementsWhere(role: $0, is: entity, interpreter) }
                .filter { seen.insert($0.index).inserted }
                .sorted { $0.index < $1.index }
            return .list(agreements.map { .entity(current($0)) })
        case (.person, "credentialed"):
            guard let last = pathwaySteps(of: entity).last else { return .bool(false) }
            return .bool(completedSteps(of: entity).contains(last.id))
        case (.person, "progress"):
            let completed = completedSteps(of: entity)
            return pathwaySteps(of: entity).last { completed.contains($0.id) }.map { .entity($0) } ?? Value.none
        case (.competency, "holders"):
            return .list(entities(of: .person).map(current).filter { person in
                guard case .list(let held)? = person.field("competencies") else { return false }
                return held.contains { if case .entity(let c) = $0 { c.index == entity.index } else { false } }
            }.map { .entity($0) })
        case (.pathway, "steps"):
            return .list(entity.children.map { .entity(current($0)) })
        case (.step, "pathway"), (.goal, "agreement"), (.session, "agenda"):
            return parent(of: entity).map { .entity($0) } ?? Value.none
        case (.agenda, "sessions"):
            return .list(entity.children.map { .entity(current($0)) })
        case (.agenda, "agreement"):
            return entity.field("for") ?? Value.none
        case (.session, "number"):
            return .integer(entity.declaration.number ?? 0)
        case (.rule, "severity"):
            return .string(entity.declaration.isWarning ? "warning" : "error")
        case (.agreement, _):
            return try agreementMember(entity, name, span: span, interpreter: interpreter)
        default:
            return nil
        }
    }

    private func agreementsWhere(role: String, is person: Entity, _ interpreter: Interpreter) -> [Entity] {
        // While a `with` copy is active the answer may differ, so scan; otherwise use an index
        // built once, which keeps `mentees` over all people linear.
        if !overrides.isEmpty {
            return entities(of: .agreement).map(current).filter { agreement in
                if case .entity(let party)? = agreement.field(role) { return party.index == person.index }
                return false
            }
        }
        if partyIndex == nil {
            var index: [String: [Int: [Entity]]] = [:]
            for agreement in entities(of: .agreement) {
                for partyRole in ["mentor", "mentee", "co_mentor"] {
                    if case .entity(let party)? = agreement.field(partyRole) {
                        index[partyRole, default: [:]][party.index, default: []].append(agreement)
                    }
                }
            }
            partyIndex = index
        }
        return partyIndex?[role]?[person.index] ?? []
    }

    private func uniqueEntities(_ agreements: [Entity], role: String, _ interpreter: Interpreter) -> [Value] {
        var seen = Set<Int>()
        var result: [Value] = []
        for agreement in agreements {
            if case .entity(let person)? = agreement.field(role), seen.insert(person.index).inserted {
                result.append(.entity(current(person)))
            }
        }
        return result
    }

    /// The steps of a person's pathway, in order.
    func pathwaySteps(of person: Entity) -> [Entity] {
        guard case .entity(let pathway)? = current(person).field("pathway") else { return [] }
        return current(pathway).children
    }

    /// The names of the steps a person completed.
    func completedSteps(of person: Entity) -> Set<String> {
        guard case .record(let record)? = current(person).field("completed") else { return [] }
        return Set(record.fields.map(\.name))
    }

    // MARK: Agreements

    /// `start + term` (the term falls back to the programme's, then to 12 months).
    func agreementEnd(_ agreement: Entity, interpreter: Interpreter) throws -> CivilDate? {
        guard case .date(let start) = try field(agreement, "start", interpreter: interpreter) else { return nil }
        var term = CalendarDuration(amount: 12, unit: .month)
        if case .duration(let given) = try field(agreement, "term", interpreter: interpreter) { term = given }
        return start.adding(term)
    }

    /// The agreement's session dates and any schedule issues.
    func agreementSchedule(_ agreement: Entity, interpreter: Interpreter) throws -> ScheduleResult? {
        guard case .date(let start) = try field(agreement, "start", interpreter: interpreter),
              let end = try agreementEnd(agreement, interpreter: interpreter),
              case .cadence(let cadence) = try field(agreement, "cadence", interpreter: interpreter)
        else { return nil }
        return Schedule.sessions(cadence: cadence, start: start, end: end)
    }

    private func agreementMember(_ agreement: Entity, _ name: String, span: Span, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "end":
            return try agreementEnd(agreement, interpreter: interpreter).map { .date($0) } ?? Value.none
        case "schedule":
            guard let result = try agreementSchedule(agreement, interpreter: interpreter) else { return .list([]) }
            return .list(result.dates.map { .date($0) })
        case "goals":
            return .list(agreement.children.map { .entity(current($0)) })
        case "agenda":
            return agendaFor(agreement).map { .entity($0) } ?? Value.none
        case "sessions":
            return .list(try sessionRecords(agreement, interpreter: interpreter))
        case "reviews":
            guard case .date(let start) = try field(agreement, "start", interpreter: interpreter),
                  let end = try agreementEnd(agreement, interpreter: interpreter),
                  case .cadence(let review) = try field(agreement, "review", interpreter: interpreter),
                  let interval = review.phases.first?.interval
            else { return .list([]) }
            return .list(Schedule.reviews(every: interval, start: start, end: end).map { .date($0) })
        case "last_held":
            guard case .list(let held) = try field(agreement, "held", interpreter: interpreter) else { return Value.none }
            return held.compactMap { if case .date(let d) = $0 { d } else { nil } }.max().map { .date($0) } ?? Value.none
        case "next_session":
            guard let result = try agreementSchedule(agreement, interpreter: interpreter) else { return Value.none }
            return result.dates.first { $0 >= interpreter.today }.map { .date($0) } ?? Value.none
        case "status":
            return .string(try status(of: agreement, interpreter: interpreter))
        default:
            return nil
        }
    }

    /// `pending`, `active`, `lapsed`, `closed` or `ended`, relative to `today`.
    func status(of agreement: Entity, interpreter: Interpreter) throws -> String {
        let today = interpreter.today
        if case .record(let closed) = try field(agreement, "closed", interpreter: interpreter),
           case .date(let on)? = closed["on"], on <= today {
            return "closed"
        }
        guard case .date(let start) = try field(agreement, "start", interpreter: interpreter) else { return "pending" }
        if today < start { return "pending" }
        if let end = try agreementEnd(agreement, interpreter: interpreter), today >= end { return "ended" }
        if case .duration(let inactivity) = try field(agreement, "inactivity", interpreter: interpreter) {
            var last = start
            if case .date(let held) = try member(of: agreement, name: "last_held", span: agreement.nameSpan, interpreter: interpreter) ?? .none {
                last = max(last, held)
            }
            if let limit = last.adding(inactivity), limit < today { return "lapsed" }
        }
        return "active"
    }

    /// The agenda declared `for` this agreement, if any.
    func agendaFor(_ agreement: Entity) -> Entity? {
        // As for the parties: scan while a `with` copy is active, else an index built once, so
        // the sessions of every agreement take time linear in the agendas, not their product.
        func target(of agenda: Entity) -> Int? {
            if case .entity(let target)? = agenda.field("for") { return target.index }
            return nil
        }
        if !overrides.isEmpty {
            return entities(of: .agenda).map(current).first { target(of: $0) == agreement.index }
        }
        if agendaIndex == nil {
            var index: [Int: Entity] = [:]
            for agenda in entities(of: .agenda) {
                if let target = target(of: agenda), index[target] == nil { index[target] = agenda }
            }
            agendaIndex = index
        }
        return agendaIndex?[agreement.index]
    }

    private func sessionRecords(_ agreement: Entity, interpreter: Interpreter) throws -> [Value] {
        guard let schedule = try agreementSchedule(agreement, interpreter: interpreter) else { return [] }
        let agenda = agendaFor(agreement)
        var byNumber: [Int64: Entity] = [:]
        for session in agenda?.children ?? [] {
            if let number = session.declaration.number { byNumber[number] = current(session) }
        }
        let time = agenda?.field("at") ?? .none
        let defaultLength = try field(agreement, "session_length", interpreter: interpreter)
        return schedule.dates.enumerated().map { offset, date in
            let number = Int64(offset + 1)
            let session = byNumber[number]
            return .record(Record([
                ("number", .integer(number)),
                ("date", .date(date)),
                ("time", time),
                ("length", session?.field("length") ?? defaultLength),
                ("title", session?.title.map { .string($0) } ?? .none),
                ("topics", session?.field("topics") ?? .list([])),
                ("actions", session?.field("actions") ?? .list([])),
            ]))
        }
    }

    // MARK: with

    /// A copy of `entity` with fields replaced; its identity stays the original's.
    func with(_ original: Entity, fields: [(name: String, nameSpan: Span, value: Value)], interpreter: Interpreter) throws -> Entity {
        try forceAll(current(original), interpreter: interpreter)
        let copy = current(original).copy()
        let schema = DomainSchema.schema(of: copy.kind)
        for field in fields {
            guard let type = schema.fieldTypes[field.name] else {
                throw RuntimeError(diagnostic: .unknownName(
                    .unknownField, .error, "\(copy.kind.rawValue) has no field `\(field.name)`",
                    name: field.name, at: field.nameSpan, among: schema.fields.map(\.name), label: "unknown field"))
            }
            if let problem = FieldTypeChecker.check(field.value, against: type, model: self) {
                throw FieldTypeChecker.mismatch(field.name, type, problem, at: field.nameSpan, labelled: false)
            }
            copy.setValue(field.value, at: schema.slotIndex[field.name]!)
        }
        return copy
    }
}
