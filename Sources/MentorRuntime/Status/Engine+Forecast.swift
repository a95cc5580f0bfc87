import MentorDiagnostics
import MentorSource

extension Engine {
    /// For each agreement (by index), the first thing that breaks between today and `until` if
    /// nothing is done. Only the days where one of its date-dependent facts changes are looked
    /// at — its start, a review, its lapse day, its end — and its status is evaluated as of
    /// each of them (`status(of:on:)`), so the cost is linear in the agreements, not in the days.
    func forecast(until: CivilDate) throws -> [EntityID: ForecastBreak] {
        let today = options.today
        let agreements = model.entities(of: .agreement)
        var maxMentees: Int?
        if let program = model.entities(of: .program).first,
           case .number(.integer(let most)) = try model.field(program, ProgramField.maxMentees, interpreter: interpreter) {
            maxMentees = Int(most)
        }
        var byMentor: [EntityID: [EntityRef]] = [:]
        for agreement in agreements {
            if case .entity(let mentor) = try model.field(agreement, AgreementField.mentor, interpreter: interpreter) {
                byMentor[mentor.index, default: []].append(agreement)
            }
        }
        var result: [EntityID: ForecastBreak] = [:]
        for agreement in agreements {
            var breaks: [ForecastBreak] = []
            func statusOn(_ day: CivilDate) throws -> String { try model.status(of: agreement, on: day, interpreter: interpreter) }
            let status = try statusOn(today)
            guard status == "pending" || status == "active" else { continue }
            if status == "pending", case .date(let start) = try model.field(agreement, AgreementField.start, interpreter: interpreter),
               start <= until {
                // A missing signature breaks something only where signatures are required.
                if signaturesRequired, let unsigned = try unsignedOn(start, agreement), !unsigned.isEmpty, try statusOn(start) != "closed" {
                    breaks.append(ForecastBreak(date: start, kind: .startsUnsigned,
                                                message: "starts on \(start) without the signature of \(unsigned.joined(separator: " and "))"))
                }
                if let most = maxMentees, case .entity(let mentor) = try model.field(agreement, AgreementField.mentor, interpreter: interpreter),
                   try statusOn(start) == "active" {
                    var mentees: Set<EntityID> = []
                    for other in byMentor[mentor.index] ?? []
                    where try model.status(of: other, on: start, interpreter: interpreter) == "active" {
                        if case .entity(let mentee) = try model.field(other, AgreementField.mentee, interpreter: interpreter) { mentees.insert(mentee.index) }
                    }
                    if mentees.count > most {
                        breaks.append(ForecastBreak(date: start, kind: .overCapacity,
                                                    message: "starts on \(start) when \(model.name(of: mentor)) would mentor \(mentees.count) people, more than the programme's \(most)"))
                    }
                }
            }
            if let review = try model.reviewDates(of: agreement, interpreter: interpreter).first(where: { $0 >= today }), review <= until,
               try statusOn(review) == "active" {
                breaks.append(ForecastBreak(date: review, kind: .reviewDue, message: "a review falls due on \(review)"))
            }
            if let lapse = try model.lapseDate(of: agreement, interpreter: interpreter), lapse > today, lapse <= until,
               try statusOn(lapse) == "lapsed" {
                breaks.append(ForecastBreak(date: lapse, kind: .lapses,
                                            message: "lapses on \(lapse) unless a session is held before"))
            }
            if let end = try model.agreementEnd(agreement, interpreter: interpreter), end > today, end <= until,
               try statusOn(end) == "ended",
               let goal = try model.children(of: agreement).first(where: { try goalDue($0).map { $0 > end } ?? false }),
               let due = try goalDue(goal) {
                breaks.append(ForecastBreak(date: end, kind: .endsBeforeGoal,
                                            message: "ends on \(end), before goal `\(model.name(of: goal))` is due on \(due)"))
            }
            if let first = breaks.min(by: { ($0.date, $0.kind.tieRank) < ($1.date, $1.kind.tieRank) }) {
                result[agreement.index] = first
            }
        }
        return result
    }

    /// `check --until`: each agreement's first break as a note at its declaration.
    public func forecastNotes(until: CivilDate) -> [Diagnostic] {
        withLargeStack {
            interpreter.resetBudget()
            let breaks: [EntityID: ForecastBreak]
            do { breaks = try forecast(until: until) } catch let error as RuntimeError { return [error.diagnostic] } catch { return [] }
            return model.entities(of: .agreement).compactMap { agreement in
                breaks[agreement.index].map { found in
                    Diagnostic(.forecastBreak, .note, "forecast: `\(model.name(of: agreement))`: \(found.message) [\(found.kind.rawValue)]",
                               at: model.nameSpan(of: agreement), help: "nothing is wrong yet; this is what happens by \(until) if nothing is done")
                }
            }
        }
    }

    /// The parties (ids) without a signature dated on or before `day`.
    private func unsignedOn(_ day: CivilDate, _ agreement: EntityRef) throws -> [String]? {
        var signed: [String: CivilDate] = [:]
        if case .record(let record) = try model.field(agreement, AgreementField.signed, interpreter: interpreter) {
            for field in record.fields { if case .date(let d) = field.value { signed[field.name] = d } }
        }
        var missing: [String] = []
        for role in [AgreementRole.mentor, .mentee] {
            if case .entity(let party) = try model.field(agreement, role.field, interpreter: interpreter),
               (signed[model.name(of: party)].map { $0 > day } ?? true) {
                missing.append(model.name(of: party))
            }
        }
        return missing
    }

    private func goalDue(_ goal: EntityRef) throws -> CivilDate? {
        if case .date(let due) = try model.field(goal, GoalField.due, interpreter: interpreter) { return due }
        return nil
    }
}
