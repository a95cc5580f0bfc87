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
                return programDefault(for: schema.fields[slot - KindSchema.firstDeclaredSlot]) ?? Value.none
            }
        }
        guard let row = schema.computedByName[name] else { return nil }
        let cacheable = overrides.isEmpty && !entity.isCopy
        if cacheable, let cached = cache[entity.index]?[name] { return cached }
        let value = try row.compute(ComputedMemberContext(model: self, interpreter: interpreter, span: span), entity)
        if cacheable { cache[entity.index, default: [:]][name] = value }
        return value
    }

    /// The programme's value standing in for an absent `field`, if the field has a default and
    /// the programme gives it.
    private func programDefault(for field: FieldRow) -> Value? {
        guard let slot = field.programDefault?.slot, let program = entities(of: .program).first else { return nil }
        return current(program).value(at: slot)
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

    /// A field's value, evaluated if still pending, falling back to the programme's default;
    /// `none` when absent.
    func field(_ original: Entity, _ field: FieldRow, interpreter: Interpreter) throws -> Value {
        let entity = current(original)
        if !entity.pendingFields.isEmpty, entity.pendingField(at: field.slot) != nil {
            return try force(entity, slot: field.slot, interpreter: interpreter)
        }
        return entity[field] ?? programDefault(for: field) ?? .none
    }

    /// The computed member `row` of `entity`, computed afresh.
    func computedMember(_ entity: Entity, _ row: ComputedMemberRow, span: Span, interpreter: Interpreter) throws -> Value {
        try row.compute(ComputedMemberContext(model: self, interpreter: interpreter, span: span), current(entity))
    }

    /// The agreements naming `person` in `role`, in declaration order.
    func agreements(where role: AgreementRole, is person: Entity) -> [Entity] {
        // While a `with` copy is active the answer may differ, so scan; otherwise use an index
        // built once, which keeps `mentees` over all people linear.
        if !overrides.isEmpty {
            return entities(of: .agreement).map(current).filter { agreement in
                if case .entity(let party)? = agreement[role.field] { return party.index == person.index }
                return false
            }
        }
        if partyIndex == nil {
            var index: [AgreementRole: [Int: [Entity]]] = [:]
            for agreement in entities(of: .agreement) {
                for partyRole in AgreementRole.allCases {
                    if case .entity(let party)? = agreement[partyRole.field] {
                        index[partyRole, default: [:]][party.index, default: []].append(agreement)
                    }
                }
            }
            partyIndex = index
        }
        return partyIndex?[role]?[person.index] ?? []
    }

    /// The distinct people in `role` of the agreements naming `person` in `personRole`.
    func parties(_ role: AgreementRole, ofAgreementsWhere personRole: AgreementRole, is person: Entity) -> [Value] {
        var seen = Set<Int>()
        var result: [Value] = []
        for agreement in agreements(where: personRole, is: person) {
            if case .entity(let party)? = agreement[role.field], seen.insert(party.index).inserted {
                result.append(.entity(current(party)))
            }
        }
        return result
    }

    /// The steps of a person's pathway, in order.
    func pathwaySteps(of person: Entity) -> [Entity] {
        guard case .entity(let pathway)? = current(person)[PersonField.pathway] else { return [] }
        return current(pathway).children
    }

    /// The names of the steps a person completed.
    func completedSteps(of person: Entity) -> Set<String> {
        guard case .record(let record)? = current(person)[PersonField.completed] else { return [] }
        return Set(record.fields.map(\.name))
    }

    // MARK: Agreements

    /// `start + term` (the term falls back to the programme's, then to 12 months).
    func agreementEnd(_ agreement: Entity, interpreter: Interpreter) throws -> CivilDate? {
        guard case .date(let start) = try field(agreement, AgreementField.start, interpreter: interpreter) else { return nil }
        var term = CalendarDuration(amount: 12, unit: .month)
        if case .duration(let given) = try field(agreement, AgreementField.term, interpreter: interpreter) { term = given }
        return start.adding(term)
    }

    /// The agreement's session dates and any schedule issues.
    func agreementSchedule(_ agreement: Entity, interpreter: Interpreter) throws -> ScheduleResult? {
        guard case .date(let start) = try field(agreement, AgreementField.start, interpreter: interpreter),
              let end = try agreementEnd(agreement, interpreter: interpreter),
              case .cadence(let cadence) = try field(agreement, AgreementField.cadence, interpreter: interpreter)
        else { return nil }
        return Schedule.sessions(cadence: cadence, start: start, end: end)
    }

    /// `pending`, `active`, `lapsed`, `closed` or `ended`, relative to `today`.
    func status(of agreement: Entity, interpreter: Interpreter) throws -> String {
        let today = interpreter.today
        if case .record(let closed) = try field(agreement, AgreementField.closed, interpreter: interpreter),
           case .date(let on)? = closed["on"], on <= today {
            return "closed"
        }
        guard case .date(let start) = try field(agreement, AgreementField.start, interpreter: interpreter) else { return "pending" }
        if today < start { return "pending" }
        if let end = try agreementEnd(agreement, interpreter: interpreter), today >= end { return "ended" }
        if case .duration(let inactivity) = try field(agreement, AgreementField.inactivity, interpreter: interpreter) {
            var last = start
            if case .date(let held) = try computedMember(agreement, AgreementField.lastHeld, span: agreement.nameSpan, interpreter: interpreter) {
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
            if case .entity(let target)? = agenda.value(at: KindSchema.forSlot) { return target.index }
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

    func sessionRecords(_ agreement: Entity, interpreter: Interpreter) throws -> [Value] {
        guard let schedule = try agreementSchedule(agreement, interpreter: interpreter) else { return [] }
        let agenda = agendaFor(agreement)
        var byNumber: [Int64: Entity] = [:]
        for session in agenda?.children ?? [] {
            if let number = session.declaration.number { byNumber[number] = current(session) }
        }
        let time = agenda?[AgendaField.at] ?? .none
        let defaultLength = try field(agreement, AgreementField.sessionLength, interpreter: interpreter)
        return schedule.dates.enumerated().map { offset, date in
            let number = Int64(offset + 1)
            let session = byNumber[number]
            return .record(Record([
                ("number", .integer(number)),
                ("date", .date(date)),
                ("time", time),
                ("length", session?[SessionField.length] ?? defaultLength),
                ("title", session?.title.map { .string($0) } ?? .none),
                ("topics", session?[SessionField.topics] ?? .list([])),
                ("actions", session?[SessionField.actions] ?? .list([])),
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
            guard let row = schema.fieldsByName[field.name] else {
                throw RuntimeError(diagnostic: .unknownName(
                    .unknownField, .error, "\(copy.kind.rawValue) has no field `\(field.name)`",
                    name: field.name, at: field.nameSpan, among: schema.fields.map(\.name), label: "unknown field"))
            }
            if let problem = FieldTypeChecker.check(field.value, against: row.type, model: self) {
                throw FieldTypeChecker.mismatch(field.name, row.type, problem, at: field.nameSpan, labelled: false)
            }
            copy.setValue(field.value, at: row.slot)
        }
        return copy
    }
}
