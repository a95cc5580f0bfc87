import MentorSyntax

/// The date-dependent facts of an agreement that `status` and the forecast read (each also a
/// computed member, so a programme's rules can ask the same question).
extension ProgramModel {
    /// The day the agreement lapses unless a session is held before it: the day after
    /// `max(start, last_held) + inactivity`; nil without an `inactivity` limit.
    func lapseDate(of agreement: EntityRef, interpreter: Interpreter) throws -> CivilDate? {
        guard case .duration(let inactivity) = try field(agreement, AgreementField.inactivity, interpreter: interpreter),
              case .date(let start) = try field(agreement, AgreementField.start, interpreter: interpreter)
        else { return nil }
        var last = start
        if case .date(let held) = try member(agreement, AgreementField.lastHeld, span: nameSpan(of: agreement), interpreter: interpreter) {
            last = max(last, held)
        }
        return last.adding(inactivity)?.adding(days: 1)
    }

    /// The days of the `held` entries (dates, or records' `on`), in order.
    func heldDates(of agreement: EntityRef, interpreter: Interpreter) throws -> [CivilDate] {
        guard case .list(let held) = try field(agreement, AgreementField.held, interpreter: interpreter) else { return [] }
        return held.compactMap(HeldKey.date).sorted()
    }

    /// The review dates (`start + k × review`, on or before `end`), up to and including the
    /// closing day of a closed agreement, as its sessions are.
    func reviewDates(of agreement: EntityRef, interpreter: Interpreter) throws -> [CivilDate] {
        guard case .date(let start) = try field(agreement, AgreementField.start, interpreter: interpreter),
              let end = try memoisedEnd(agreement, interpreter: interpreter),
              case .cadence(let review) = try field(agreement, AgreementField.review, interpreter: interpreter),
              let interval = review.phases.first?.interval
        else { return [] }
        let reviews = Schedule.reviews(every: interval, pin: review.phases.first?.pin, start: start, end: end,
                                       weekends: try weekendPolicy(of: agreement, interpreter: interpreter))
        guard let closing = try closingDay(agreement, interpreter: interpreter) else { return reviews }
        return reviews.filter { $0 <= closing }
    }

    /// Scheduled sessions on or before `today` (a closed agreement's schedule already stops at
    /// its closing day).
    func plannedToDate(_ agreement: EntityRef, interpreter: Interpreter) throws -> Int {
        try scheduledDates(agreement, interpreter: interpreter).prefix { $0 <= interpreter.today }.count
    }

    /// Reviews that fell before `today` (and before `closed.on` and `end`) with no session held between
    /// the review's day and the next review's: a review takes place at a session, and `held`
    /// is the only record of sessions.
    func reviewsOverdue(_ agreement: EntityRef, interpreter: Interpreter) throws -> Int {
        let reviews = try reviewDates(of: agreement, interpreter: interpreter)
        let held = try heldDates(of: agreement, interpreter: interpreter)
        var last = interpreter.today
        if let closed = try closingDay(agreement, interpreter: interpreter), closed < last { last = closed }
        if let end = try memoisedEnd(agreement, interpreter: interpreter), end < last { last = end }
        var overdue = 0
        for (offset, review) in reviews.enumerated() where review < last {
            let until = offset + 1 < reviews.count ? min(reviews[offset + 1], last) : last
            if !held.contains(where: { $0 >= review && $0 < until }) { overdue += 1 }
        }
        return overdue
    }

    /// The mentor and mentee, in that order, who have no entry in `signed`.
    func unsignedParties(_ agreement: EntityRef, interpreter: Interpreter) throws -> [EntityRef] {
        var signed: Set<String> = []
        if case .record(let record) = try field(agreement, AgreementField.signed, interpreter: interpreter) {
            signed = Set(record.fields.map(\.name))
        }
        var parties: [EntityRef] = []
        for role in [AgreementRole.mentor, .mentee] {
            if case .entity(let party) = try field(agreement, role.field, interpreter: interpreter), !signed.contains(name(of: party)) {
                parties.append(interpreter.overlay.current(party))
            }
        }
        return parties
    }
}
