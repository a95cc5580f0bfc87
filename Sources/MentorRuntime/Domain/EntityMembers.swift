import MentorDiagnostics
import MentorSyntax
import MentorSource

extension ProgramModel {
    /// Every member name an entity offers: `id`, `title`, its kind's fields and computed members.
    func memberNames(of entity: EntityRef) -> [String] {
        ["id", "title"] + schema(of: entity).fields.map(\.name) + schema(of: entity).computedInOrder.map(\.name)
    }

    /// The value of the field or computed member named `name`, or nil when the kind has no
    /// such member (the REPL and the tests ask by text; resolved code by `MemberName`).
    func member(of original: EntityRef, name: String, span: Span, interpreter: Interpreter) throws -> Value? {
        try member(of: original, MemberName(name, schemas: schemas), span: span, interpreter: interpreter)
    }

    /// The value of a stored field, or of a computed member this interpreter has memoised, of
    /// a declared entity as it is (no copy standing in for it, no field waiting anywhere), or
    /// nil for anything else, which `member(of:_:span:interpreter:)` then finds. The commonest
    /// member reads of a rule (`a.start`, `g.due`, `a.end`), inlined where the interpreter
    /// evaluates a member: the general read's call cost a third of its time.
    @inline(__always)
    func knownMember(of entity: EntityRef, _ name: MemberName, interpreter: Interpreter) -> Value? {
        guard entity.copy == nil, fields.entitiesWithPendingFields == 0, interpreter.overlay.standIns.isEmpty else { return nil }
        let locations = schemas.schema(of: entity.kind).memberLocations
        guard name.schemaID >= 0, name.schemaID < locations.count else { return nil }
        switch locations[name.schemaID] {
        case .field(let slot, _)?:
            return fields.value(of: entity.index.offset, at: slot)
        case .computed(_, let id)?:
            return remembered(entity, id, interpreter: interpreter)
        default:
            return nil
        }
    }

    /// The value of a field or computed member, or nil when the kind has no such member.
    func member(of original: EntityRef, _ name: MemberName, span: Span, interpreter: Interpreter) throws -> Value? {
        // Every member a rule reads comes here: the schema is looked up once, and a computed
        // member is looked up in the memo once (not again by `member(_:_:id:…)`).
        let schema = schema(of: original)
        guard name.schemaID >= 0, name.schemaID < schema.memberLocations.count,
              let location = schema.memberLocations[name.schemaID] else { return nil }
        let entity = interpreter.overlay.current(original)
        switch location {
        case .id:
            return .string(self.name(of: entity))
        case .title:
            return title(of: entity).map { Value.string($0) } ?? Value.none
        case .field(let slot, let programDefaultSlot):
            if pendingField(of: entity, at: slot) != nil { return try force(entity, slot: slot, interpreter: interpreter) }
            return value(of: entity, at: slot) ?? programDefault(slot: programDefaultSlot, interpreter: interpreter) ?? Value.none
        case .computed(let row, let id):
            let cacheable = interpreter.overlay.standIns.isEmpty && !entity.isCopy
            if cacheable, let cached = remembered(entity, id, interpreter: interpreter) { return cached }
            return try compute(entity, schema.computedInOrder[row], id: id, cacheable: cacheable, span: span, interpreter: interpreter)
        }
    }

    /// The computed member `row` of `entity`, memoised by entity and member while no overlay
    /// holds a copy (a copy's members depend on the copy).
    func member(_ original: EntityRef, _ row: ComputedMemberRow, span: Span, interpreter: Interpreter) throws -> Value {
        try member(original, row, id: SchemaMembers.id(of: row.name), span: span, interpreter: interpreter)
    }

    private func member(_ original: EntityRef, _ row: ComputedMemberRow, id: Int, span: Span, interpreter: Interpreter) throws -> Value {
        let entity = interpreter.overlay.current(original)
        let cacheable = interpreter.overlay.standIns.isEmpty && !entity.isCopy
        if cacheable, let cached = remembered(entity, id, interpreter: interpreter) { return cached }
        return try compute(entity, row, id: id, cacheable: cacheable, span: span, interpreter: interpreter)
    }

    /// Computes member `row` of `entity` (as the overlay sees it) and, when `cacheable`,
    /// remembers it in the interpreter's memo.
    private func compute(_ entity: EntityRef, _ row: ComputedMemberRow, id: Int, cacheable: Bool, span: Span,
                         interpreter: Interpreter) throws -> Value {
        let value = try row.compute(ComputedMemberContext(model: self, interpreter: interpreter, span: span), entity)
        if cacheable {
            if let worker = interpreter.worker {
                remember(value, as: id, of: entity, in: &worker.cache)
            } else {
                remember(value, as: id, of: entity, in: &cache)
            }
        }
        return value
    }

    /// Computed member `id` of `entity` as memoised for `interpreter`: a rule worker keeps its
    /// own memo, so workers never write one they share.
    @inline(__always)
    private func remembered(_ entity: EntityRef, _ id: Int, interpreter: Interpreter) -> Value? {
        if let worker = interpreter.worker { return remembered(entity, id, in: worker.cache) }
        return remembered(entity, id, in: cache)
    }

    /// The programme's value standing in for an absent `field`, if the field has a default and
    /// the programme gives it.
    private func programDefault(for field: FieldRow, interpreter: Interpreter) -> Value? {
        programDefault(slot: field.programDefault?.slot ?? -1, interpreter: interpreter)
    }

    /// The programme's value in `slot` (none for -1), standing in for an absent agreement field.
    private func programDefault(slot: Int, interpreter: Interpreter) -> Value? {
        guard slot >= 0, let program = entities(of: .program).first else { return nil }
        return value(of: interpreter.overlay.current(program), at: slot)
    }

    /// Evaluates the pending field in `slot`, checks its type and stores it.
    @discardableResult
    func force(_ entity: EntityRef, slot: Int, interpreter: Interpreter) throws -> Value {
        guard let pending = pendingField(of: entity, at: slot) else { return value(of: entity, at: slot) ?? .none }
        if let worker = interpreter.worker {
            // Storing the value writes the shared store: a rule worker leaves it to the serial run.
            worker.neededSharedState = true
            throw SharedStateNeeded()
        }
        let name = schema(of: entity).slotNames[slot]
        guard beginEvaluating(entity, slot: slot) else {
            throw RuntimeError(.letCycle, "field `\(name)` of `\(self.name(of: entity))` depends on its own value", at: pending.nameSpan)
        }
        defer { endEvaluating(entity, slot: slot) }
        let value: Value
        do {
            value = try interpreter.nested(at: pending.code.span, .onDemand) {
                try interpreter.evaluate(pending.code, Frame(size: 0, parent: nil))
            }
        } catch let error as RuntimeError where error.diagnostic.code == .recursionLimit {
            // Every field on the too-deep chain gives up with it: left pending, each would be
            // tried again from its own start, and a chain of n fields would cost n² steps.
            removePending(of: entity, at: slot)
            setValue(nil, of: entity, at: slot)
            throw error
        }
        if let problem = FieldTypeChecker.check(value, against: pending.type, names: self) {
            throw FieldTypeChecker.mismatch(name, pending.type, problem, at: pending.code.span)
        }
        setValue(value, of: entity, at: slot)
        removePending(of: entity, at: slot)
        return value
    }

    /// Evaluates every pending field of `entity`.
    func forceAll(_ entity: EntityRef, interpreter: Interpreter) throws {
        for slot in pendingSlotsByName(of: entity) { try force(entity, slot: slot, interpreter: interpreter) }
    }

    /// A field's value, evaluated if still pending, falling back to the programme's default;
    /// `none` when absent.
    func field(_ original: EntityRef, _ field: FieldRow, interpreter: Interpreter) throws -> Value {
        let entity = interpreter.overlay.current(original)
        if pendingField(of: entity, at: field.slot) != nil {
            return try force(entity, slot: field.slot, interpreter: interpreter)
        }
        return self[entity, field] ?? programDefault(for: field, interpreter: interpreter) ?? .none
    }

    /// The agreements naming `person` in `role`, in declaration order.
    func agreements(where role: AgreementRole, is person: EntityRef, interpreter: Interpreter) -> [EntityRef] {
        // An index built once keeps `mentees` over all people linear. While `with` copies stand
        // in, the index still answers for every agreement but theirs: a copy found in it is
        // kept if it still names the person, and only a copy that names the person anew (its
        // place in declaration order unknown here) needs a scan. `match` tries a candidate
        // mentor per copy, so every other person's agreements come from the index.
        let overlay = interpreter.overlay
        let indexed = indexedAgreements(where: role, is: person)
        if overlay.standIns.isEmpty { return indexed }
        func names(_ agreement: EntityRef) -> Bool {
            if case .entity(let party)? = self[agreement, role.field] { return party.index == person.index }
            return false
        }
        let addsAgreement = overlay.standIns.values.contains { copy in
            copy.kind == .agreement && names(copy) && !indexed.contains { $0.index == copy.index }
        }
        if addsAgreement { return entities(of: .agreement).map(overlay.current).filter(names) }
        return indexed.map(overlay.current).filter(names)
    }

    /// The agreements naming `person` in `role` in the programme as declared, from an index
    /// built on first use.
    private func indexedAgreements(where role: AgreementRole, is person: EntityRef) -> [EntityRef] {
        if partyIndex == nil { buildPartyIndex() }
        return partyIndex?.agreements(where: role, is: person, in: store) ?? []
    }

    private func buildPartyIndex() {
        partyIndex = PartyIndex(self)
    }

    private func buildAgendaIndex() {
        var index: [EntityID: EntityRef] = [:]
        for agenda in entities(of: .agenda) {
            if case .entity(let target)? = value(of: agenda, at: KindSchema.forSlot), index[target.index] == nil { index[target.index] = agenda }
        }
        agendaIndex = index
    }

    /// Builds the indexes computed members otherwise build on first use, so that rule workers
    /// running at once only read them.
    func buildDerivedIndexes() {
        if partyIndex == nil { buildPartyIndex() }
        if agendaIndex == nil { buildAgendaIndex() }
    }

    /// The distinct people in `role` of the agreements naming `person` in `personRole`.
    func parties(_ role: AgreementRole, ofAgreementsWhere personRole: AgreementRole, is person: EntityRef,
                 interpreter: Interpreter) -> [Value] {
        // A person is party to a handful of agreements: a scan of the parties found so far
        // costs less than a set (allocated, and a hashed insert per agreement); a set only
        // past that.
        let agreements = agreements(where: personRole, is: person, interpreter: interpreter)
        let scans = agreements.count <= 16
        var seen = Set<EntityID>()
        var result: [Value] = []
        result.reserveCapacity(agreements.count)
        for agreement in agreements {
            guard case .entity(let party)? = self[agreement, role.field] else { continue }
            if scans {
                if result.contains(where: { if case .entity(let found) = $0 { found.index == party.index } else { false } }) { continue }
            } else if !seen.insert(party.index).inserted {
                continue
            }
            result.append(.entity(interpreter.overlay.current(party)))
        }
        return result
    }

    /// The steps of a person's pathway, in order.
    func pathwaySteps(of person: EntityRef, interpreter: Interpreter) -> [EntityRef] {
        let overlay = interpreter.overlay
        guard case .entity(let pathway)? = self[overlay.current(person), PersonField.pathway] else { return [] }
        return children(of: overlay.current(pathway))
    }

    /// The names of the steps a person completed.
    func completedSteps(of person: EntityRef, interpreter: Interpreter) -> Set<String> {
        guard case .record(let record)? = self[interpreter.overlay.current(person), PersonField.completed] else { return [] }
        return Set(record.fields.map(\.name))
    }

    /// True when the person completed the step named `step`: one pass over `completed`, where
    /// `completedSteps` hashes every name into a set (`credentialed` asks about one step only).
    func hasCompleted(_ step: String, person: EntityRef, interpreter: Interpreter) -> Bool {
        guard case .record(let record)? = self[interpreter.overlay.current(person), PersonField.completed] else { return false }
        return record.fields.contains { $0.name == step }
    }

    // MARK: Agreements

    /// `start + term` (the term falls back to the programme's, then to 12 months), moved by
    /// `extended.by` when an extension was taken.
    func agreementEnd(_ agreement: EntityRef, interpreter: Interpreter) throws -> CivilDate? {
        guard let planned = try plannedEnd(agreement, interpreter: interpreter) else { return nil }
        guard let taken = try extensionTaken(agreement, interpreter: interpreter), taken.isPositive else { return planned }
        // An extension past 9999 is no end at all; the planned one stays.
        return planned.adding(taken) ?? planned
    }

    /// `end` as memoised: `status`, the schedule and the reviews each need it, and rules read
    /// it too (as `lapseDate` reads `last_held`).
    func memoisedEnd(_ agreement: EntityRef, interpreter: Interpreter) throws -> CivilDate? {
        guard case .date(let end) = try member(agreement, AgreementField.end, id: Self.endMemberID, span: nameSpan(of: agreement), interpreter: interpreter)
        else { return nil }
        return end
    }

    /// The member number of `end`, looked up once: hashing the name for each agreement cost
    /// a third of reading the memoised value.
    private static let endMemberID = SchemaMembers.id(of: AgreementField.end.name)

    /// `start + term`, before any extension.
    func plannedEnd(_ agreement: EntityRef, interpreter: Interpreter) throws -> CivilDate? {
        guard case .date(let start) = try field(agreement, AgreementField.start, interpreter: interpreter) else { return nil }
        var term = CalendarDuration(amount: 12, unit: .month)
        if case .duration(let given) = try field(agreement, AgreementField.term, interpreter: interpreter) { term = given }
        return start.adding(term)
    }

    /// `extended.by`, the length of the extension taken; nil without one.
    func extensionTaken(_ agreement: EntityRef, interpreter: Interpreter) throws -> CalendarDuration? {
        guard case .record(let extended) = try field(agreement, AgreementField.extended, interpreter: interpreter),
              case .duration(let by)? = extended[ExtendedKey.by], by.kind != .time else { return nil }
        return by
    }

    /// The agreement's session dates and any schedule issues.
    func agreementSchedule(_ agreement: EntityRef, interpreter: Interpreter) throws -> ScheduleResult? {
        // A worker remembers each schedule it works out, as it does computed members (never
        // while a copy stands in): an agreement's declaration checks and its agenda's length
        // check each asked for it, and the agenda's second computation cost as much as the first.
        let memo = interpreter.overlay.standIns.isEmpty && !agreement.isCopy ? interpreter.worker : nil
        let serial = store.serial(of: agreement.index)
        if let memo, serial < memo.schedules.count, let known = memo.schedules[serial] { return known }
        guard case .date(let start) = try field(agreement, AgreementField.start, interpreter: interpreter),
              let end = try memoisedEnd(agreement, interpreter: interpreter),
              case .cadence(let cadence) = try field(agreement, AgreementField.cadence, interpreter: interpreter)
        else { return nil }
        let schedule = Schedule.sessions(cadence: cadence, start: start, end: end, weekends: try weekendPolicy(of: agreement, interpreter: interpreter))
        if let memo {
            if serial >= memo.schedules.count {
                memo.schedules.append(contentsOf: repeatElement(nil, count: max(store.addedCount(of: .agreement), serial + 1) - memo.schedules.count))
            }
            memo.schedules[serial] = schedule
        }
        return schedule
    }

    /// The agreement's `weekends` (or the programme's), `keep` when neither gives one.
    func weekendPolicy(of agreement: EntityRef, interpreter: Interpreter) throws -> WeekendPolicy {
        guard case .symbol(let word) = try field(agreement, AgreementField.weekends, interpreter: interpreter) else { return .keep }
        return WeekendPolicy(rawValue: word) ?? .keep
    }

    /// The day a closed agreement closed (`closed.on`), after which it has no sessions or reviews.
    func closingDay(_ agreement: EntityRef, interpreter: Interpreter) throws -> CivilDate? {
        guard case .record(let closed) = try field(agreement, AgreementField.closed, interpreter: interpreter),
              case .date(let on)? = closed[ClosedKey.on] else { return nil }
        return on
    }

    /// The session dates of `schedule`, up to and including the closing day of a closed agreement.
    func scheduledDates(_ agreement: EntityRef, interpreter: Interpreter) throws -> [CivilDate] {
        guard let schedule = try agreementSchedule(agreement, interpreter: interpreter) else { return [] }
        guard let closing = try closingDay(agreement, interpreter: interpreter) else { return schedule.dates }
        return schedule.dates.filter { $0 <= closing }
    }

    /// `pending`, `active`, `lapsed`, `closed` or `ended`, relative to `today`.
    func status(of agreement: EntityRef, interpreter: Interpreter) throws -> String {
        try status(of: agreement, on: interpreter.today, interpreter: interpreter)
    }

    /// The status the agreement has on `today` with the sessions held so far (the forecast
    /// asks about days to come, assuming no further session).
    func status(of agreement: EntityRef, on today: CivilDate, interpreter: Interpreter) throws -> String {
        if case .record(let closed) = try field(agreement, AgreementField.closed, interpreter: interpreter),
           case .date(let on)? = closed["on"], on <= today {
            return "closed"
        }
        guard case .date(let start) = try field(agreement, AgreementField.start, interpreter: interpreter) else { return "pending" }
        if today < start { return "pending" }
        if let end = try memoisedEnd(agreement, interpreter: interpreter), today >= end { return "ended" }
        if let lapse = try lapseDate(of: agreement, interpreter: interpreter), lapse <= today { return "lapsed" }
        return "active"
    }

    /// The agenda declared `for` this agreement, if any.
    func agendaFor(_ agreement: EntityRef, interpreter: Interpreter) -> EntityRef? {
        // As for the parties: scan while a `with` copy is active, else an index built once, so
        // the sessions of every agreement take time linear in the agendas, not their product.
        func target(of agenda: EntityRef) -> EntityID? {
            if case .entity(let target)? = value(of: agenda, at: KindSchema.forSlot) { return target.index }
            return nil
        }
        let overlay = interpreter.overlay
        if !overlay.standIns.isEmpty {
            return entities(of: .agenda).map(overlay.current).first { target(of: $0) == agreement.index }
        }
        if agendaIndex == nil { buildAgendaIndex() }
        return agendaIndex?[agreement.index]
    }

    func sessionRecords(_ agreement: EntityRef, interpreter: Interpreter) throws -> [Value] {
        let dates = try scheduledDates(agreement, interpreter: interpreter)
        guard !dates.isEmpty else { return [] }
        let agenda = agendaFor(agreement, interpreter: interpreter)
        var byNumber: [Int64: EntityRef] = [:]
        for session in agenda.map(children) ?? [] {
            if let number = site(of: session).number { byNumber[number] = interpreter.overlay.current(session) }
        }
        let time = agenda.flatMap { self[$0, AgendaField.at] } ?? .none
        let defaultLength = try field(agreement, AgreementField.sessionLength, interpreter: interpreter)
        let defaultLocation = try field(agreement, AgreementField.location, interpreter: interpreter)
        let ownFields = schemas.schema(of: .session).programmeFields
        return dates.enumerated().map { offset, date in
            let number = Int64(offset + 1)
            let session = byNumber[number]
            var record = Record([
                (SessionRecordKey.number.rawValue, .integer(number)),
                (SessionRecordKey.date.rawValue, .date(date)),
                (SessionRecordKey.time.rawValue, time),
                (SessionRecordKey.length.rawValue, session.flatMap { self[$0, SessionField.length] } ?? defaultLength),
                (SessionRecordKey.location.rawValue, session.flatMap { self[$0, SessionField.location] } ?? defaultLocation),
                (SessionRecordKey.title.rawValue, session.flatMap { title(of: $0) }.map { .string($0) } ?? .none),
                (SessionRecordKey.topics.rawValue, session.flatMap { self[$0, SessionField.topics] } ?? .list([])),
                (SessionRecordKey.actions.rawValue, session.flatMap { self[$0, SessionField.actions] } ?? .list([])),
            ])
            // The session's own fields (`field room for session { … }`) under one key, as an
            // entity's are in the JSON export, so they never clash with the fixed keys; present
            // exactly when the programme declares session fields.
            if !ownFields.isEmpty {
                record.fields.append((SessionRecordKey.programmeFields,
                                      .record(Record(ownFields.map { row in (row.name, session.flatMap { self[$0, row] } ?? .none) }))))
            }
            return .record(record)
        }
    }

    /// The open actions (`ActionKey.isOpen`) of the scheduled sessions, each with its session's number and date.
    func openActions(_ agreement: EntityRef, interpreter: Interpreter) throws -> [Value] {
        var open: [Value] = []
        for case .record(let session) in try sessionRecords(agreement, interpreter: interpreter) {
            guard case .list(let actions)? = session[SessionRecordKey.actions.rawValue] else { continue }
            for case .record(let action) in actions where ActionKey.isOpen(.record(action)) {
                open.append(.record(Record([
                    ("session", session[SessionRecordKey.number.rawValue] ?? .none),
                    ("date", session[SessionRecordKey.date.rawValue] ?? .none),
                    (ActionKey.what, action[ActionKey.what] ?? .none),
                    (ActionKey.owner, action[ActionKey.owner] ?? .none),
                ])))
            }
        }
        return open
    }

    // MARK: with

    /// A copy of `entity` with fields replaced; its identity stays the original's.
    func with(_ original: EntityRef, fields edits: [(name: String, nameSpan: Span, value: Value)], interpreter: Interpreter) throws -> EntityRef {
        let entity = interpreter.overlay.current(original)
        try forceAll(entity, interpreter: interpreter)
        let schema = schema(of: entity)
        var fields = entity.copy?.fields ?? self.fields.values(of: entity.index.offset)
        for edit in edits {
            guard let row = schema.field(named: edit.name) else {
                throw RuntimeError(diagnostic: .unknownName(
                    .unknownField, .error, "\(entity.kind.rawValue) has no field `\(edit.name)`",
                    name: edit.name, at: edit.nameSpan, among: schema.fields.map(\.name), label: "unknown field"))
            }
            if let problem = FieldTypeChecker.check(edit.value, against: row.type, names: self) {
                throw FieldTypeChecker.mismatch(edit.name, row.type, problem, at: edit.nameSpan, labelled: false)
            }
            if let position = fields.firstIndex(where: { $0.slot == row.slot }) {
                fields[position].value = edit.value
            } else {
                fields.append(StoredField(slot: row.slot, value: edit.value))
            }
        }
        return entity.copy(holding: fields)
    }
}

extension ProgramModel {
    /// The entities nested in `entity` as the evaluation sees them, as values: one list made,
    /// where `children(of:)` and a map made two (`goals` is read for every agreement).
    func childValues(of entity: EntityRef, interpreter: Interpreter) -> [Value] {
        store.childIDs(of: entity.index).map { .entity(interpreter.overlay.current(store.entity($0))) }
    }

    /// The entity `entity` is nested in, as the evaluation sees it.
    func parent(of entity: EntityRef, interpreter: Interpreter) -> EntityRef? {
        parent(of: entity).map(interpreter.overlay.current)
    }
}
