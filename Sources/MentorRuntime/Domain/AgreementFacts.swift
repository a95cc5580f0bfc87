import MentorSyntax

/// The date-dependent facts of an agreement that `status` and the forecast read (each also a
/// computed member, so a programme's rules can ask the same question).
extension ProgramModel {
    /// The day the agreement lapses unless a session is held before it: the day after
    /// `max(start, last_held) + inactivity`; nil without an `inactivity` limit.
    func lapseDate(of agreement: Entity, interpreter: Interpreter) throws -> CivilDate? {
        guard case .duration(let inactivity) = try field(agreement, AgreementField.inactivity, interpreter: interpreter),
              case .date(let start) = try field(agreement, AgreementField.start, interpreter: interpreter)
        else { return nil }
        var last = start
        if case .date(let held) = try member(agreement, AgreementField.lastHeld, span: agreement.nameSpan, interpreter: interpreter) {
            last = max(last, held)
        }
        return last.adding(inactivity)?.adding(days: 1)
    }

    /// The day of `closed.on`, if the agreement records an early ending.
    func closedDate(of agreement: Entity, interpreter: Interpreter) throws -> CivilDate? {
        guard case .record(let closed) = try field(agreement, AgreementField.closed, interpreter: interpreter),
              case .date(let on)? = closed[ClosedKey.on] else { return nil }
        return on
    }

    /// The days in `held`, in order.
    func heldDates(of agreement: Entity, interpreter: Interpreter) throws -> [CivilDate] {
        guard case .list(let held) = try field(agreement, AgreementField.held, interpreter: interpreter) else { return [] }
        return held.compactMap { if case .date(let d) = $0 { d } else { nil } }.sorted()
    }

    /// The review dates (`start + k × review`, on or before `end`).
    func reviewDates(of agreement: Entity, interpreter: Interpreter) throws -> [CivilDate] {
        guard case .date(let start) = try field(agreement, AgreementField.start, interpreter: interpreter),
              let end = try agreementEnd(agreement, interpreter: interpreter),
              case .cadence(let review) = try field(agreement, AgreementField.review, interpreter: interpreter),
              let interval = review.phases.first?.interval
        else { return [] }
        return Schedule.reviews(every: interval, start: start, end: end)
    }

    /// Scheduled sessions on or before `today`, and before `closed.on` when it closed early.
    func plannedToDate(_ agreement: Entity, interpreter: Interpreter) throws -> Int {
        guard let schedule = try agreementSchedule(agreement, interpreter: interpreter) else { return 0 }
        var last = interpreter.today
        if let closed = try closedDate(of: agreement, interpreter: interpreter), closed <= last {
            last = closed.adding(days: -1) ?? closed
        }
        return schedule.dates.prefix { $0 <= last }.count
    }

    /// Reviews that fell before `today` (and before `closed.on` and `end`) with no session held between
    /// the review's day and the next review's: a review takes place at a session, and `held`
    /// is the only record of sessions.
    func reviewsOverdue(_ agreement: Entity, interpreter: Interpreter) throws -> Int {
        let reviews = try reviewDates(of: agreement, interpreter: interpreter)
        let held = try heldDates(of: agreement, interpreter: interpreter)
        var last = interpreter.today
        if let closed = try closedDate(of: agreement, interpreter: interpreter), closed < last { last = closed }
        if let end = try agreementEnd(agreement, interpreter: interpreter), end < last { last = end }
        var overdue = 0
        for (offset, review) in reviews.enumerated() where review < last {
            let until = offset + 1 < reviews.count ? min(reviews[offset + 1], last) : last
            if !held.contains(where: { $0 >= review && $0 < until }) { overdue += 1 }
        }
        return overdue
    }

    /// The mentor and mentee, in that order, who have no entry in `signed`.
    func unsignedParties(_ agreement: Entity, interpreter: Interpreter) throws -> [Entity] {
        var signed: Set<String> = []
        if case .record(let record) = try field(agreement, AgreementField.signed, interpreter: interpreter) {
            signed = Set(record.fields.map(\.name))
        }
        var parties: [Entity] = []
        for role in [AgreementRole.mentor, .mentee] {
            if case .entity(let party) = try field(agreement, role.field, interpreter: interpreter), !signed.contains(party.id) {
                parties.append(interpreter.overlay.current(party))
            }
        }
        return parties
    }
}
