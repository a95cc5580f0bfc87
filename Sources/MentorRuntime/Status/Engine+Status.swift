import MentorDiagnostics
import MentorSource

extension Engine {
    /// The programme's status on `today` (after `load` succeeded): a line per agreement that
    /// passes `request`'s filters, most urgent first, with the forecast when it asks for one.
    public func status(_ request: StatusRequest) -> Result<ProgrammeStatus, StatusFailure> {
        if let failure = invalidFilters(request) { return .failure(failure) }
        let violations = violationsByAgreement()
        return withLargeStack {
            interpreter.resetBudget()
            do {
                let forecasts = try request.until.map { try forecast(until: $0) } ?? [:]
                var lines: [AgreementStatusLine] = []
                for agreement in model.entities(of: .agreement) {
                    var line = try statusLine(agreement, violations: violations[agreement.index] ?? [])
                    guard try passes(line, agreement, request) else { continue }
                    line.forecast = forecasts[agreement.index]
                    lines.append(line)
                }
                return .success(ProgrammeStatus(today: options.today, until: request.until, lines: lines.sorted(by: Engine.moreUrgent),
                                                signaturesRequired: signaturesRequired))
            } catch let error as RuntimeError {
                return .failure(StatusFailure(diagnostics: [error.diagnostic]))
            } catch {
                return .failure(StatusFailure(diagnostics: []))
            }
        }
    }

    /// True when the programme requires signatures: the standard rule `signed_before_start` is
    /// in force (not left out by `import std except signed_before_start`). Without it a party
    /// with no signature breaks no rule, so status shows no `unsigned` column and the forecast
    /// no `starts_unsigned`.
    var signaturesRequired: Bool { program.standardRules.contains("signed_before_start") }

    /// The order of docs/status.md: those needing attention now, then the other pending and
    /// active ones, then the closed and ended; within each, the earliest `due` first (none
    /// last), then by name.
    static func moreUrgent(_ a: AgreementStatusLine, _ b: AgreementStatusLine) -> Bool {
        func group(_ line: AgreementStatusLine) -> Int {
            if line.needsAttention { return 0 }
            return line.status == "pending" || line.status == "active" ? 1 : 2
        }
        if group(a) != group(b) { return group(a) < group(b) }
        switch (a.due, b.due) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.id < b.id
        }
    }

    private func invalidFilters(_ request: StatusRequest) -> StatusFailure? {
        for status in request.statuses where !ProgrammeStatus.statuses.contains(status) {
            return StatusFailure(diagnostics: [.unknownName(
                .unknownStatusFilter, .error, "`--status \(DisplayText.escapeControls(status))` is not a status",
                name: status, at: .unknown, among: ProgrammeStatus.statuses, label: "unknown status",
                help: "a status is one of " + ProgrammeStatus.statuses.joined(separator: ", "))])
        }
        if let person = request.person, !model.entities(of: .person).contains(where: { model.name(of: $0) == person }) {
            return StatusFailure(diagnostics: [unknownPerson(person)])
        }
        if let until = request.until, let problem = Engine.forecastHorizonProblem(until: until, today: options.today) {
            return StatusFailure(diagnostics: [problem])
        }
        return nil
    }

    /// Why `--until` cannot be the forecast's last day (it is before today), or nil.
    public static func forecastHorizonProblem(until: CivilDate, today: CivilDate) -> Diagnostic? {
        guard until < today else { return nil }
        return Diagnostic(.untilBeforeToday, .error, "`--until \(until)` is before today, \(today)",
                          at: .unknown, help: "the forecast looks ahead: give a day on or after \(today)")
    }

    private func passes(_ line: AgreementStatusLine, _ agreement: EntityRef, _ request: StatusRequest) throws -> Bool {
        if !request.statuses.isEmpty, !request.statuses.contains(line.status) { return false }
        if let person = request.person, ![line.mentor, line.mentee, line.coMentor].contains(person) { return false }
        if let within = request.dueWithin {
            guard let due = line.due, let horizon = options.today.adding(within), due <= horizon else { return false }
        }
        return true
    }

    /// The open rule violations of each agreement (by index): those reported at the agreement
    /// or at one of its goals. A violation a waiver excuses today is not open, as `check`
    /// does not count it as an error; an expired waiver's violation stands again.
    private func violationsByAgreement() -> [EntityID: [StatusViolation]] {
        var owner: [Span: EntityID] = [:]
        for agreement in model.entities(of: .agreement) {
            owner[model.nameSpan(of: agreement)] = agreement.index
            for goal in model.children(of: agreement) { owner[model.nameSpan(of: goal)] = agreement.index }
        }
        var result: [EntityID: [StatusViolation]] = [:]
        for diagnostic in sources.inReadingOrder(check().diagnostics) where (diagnostic.code == .ruleViolation || diagnostic.code == .ruleWarning) && diagnostic.waiver == nil {
            guard let index = owner[diagnostic.span] else { continue }
            result[index, default: []].append(StatusViolation(rule: diagnostic.rule ?? "", severity: diagnostic.severity, message: diagnostic.message))
        }
        return result
    }

    private func statusLine(_ agreement: EntityRef, violations: [StatusViolation]) throws -> AgreementStatusLine {
        let today = options.today
        func member(_ row: ComputedMemberRow) throws -> Value {
            try model.member(agreement, row, span: model.nameSpan(of: agreement), interpreter: interpreter)
        }
        func date(_ value: Value) -> CivilDate? { if case .date(let d) = value { d } else { nil } }
        func count(_ value: Value) -> Int { if case .number(.integer(let n)) = value { Int(n) } else { 0 } }
        func party(_ role: AgreementRole) throws -> String? {
            if case .entity(let person) = try model.field(agreement, role.field, interpreter: interpreter) { return model.name(of: person) }
            return nil
        }
        let status = try model.status(of: agreement, interpreter: interpreter)
        let held = try model.heldDates(of: agreement, interpreter: interpreter)
        let lapsesOn = date(try member(AgreementField.lapsesOn))
        let isOver = status == "closed" || status == "ended"
        let nextReview = isOver ? nil : date(try member(AgreementField.nextReview))
        let start = date(try model.field(agreement, AgreementField.start, interpreter: interpreter))
        var unsigned: [String]?
        if signaturesRequired, case .list(let parties) = try member(AgreementField.unsigned) {
            unsigned = parties.compactMap { if case .entity(let p) = $0 { model.name(of: p) } else { nil } }
        }
        let end = date(try member(AgreementField.end))
        let due: CivilDate? = switch status {
        case "pending": start
        case "active": [lapsesOn, nextReview, end].compactMap { $0 }.min()
        case "lapsed": lapsesOn
        default: nil
        }
        let schedule = try model.agreementSchedule(agreement, interpreter: interpreter)?.dates ?? []
        return AgreementStatusLine(
            id: model.name(of: agreement), span: model.nameSpan(of: agreement),
            mentor: try party(.mentor), mentee: try party(.mentee), coMentor: try party(.coMentor),
            status: status, start: start, end: end,
            closedOn: try model.closingDay(agreement, interpreter: interpreter),
            planned: count(try member(AgreementField.plannedToDate)), held: held.filter { $0 <= today }.count,
            lastHeld: date(try member(AgreementField.lastHeld)), nextSession: isOver ? nil : date(try member(AgreementField.nextSession)),
            nextReview: nextReview, reviewsOverdue: count(try member(AgreementField.reviewsOverdue)),
            lapsesOn: lapsesOn, daysLeft: status == "active" ? lapsesOn.map { Int($0.days(since: today)) } : nil,
            unsigned: unsigned, violations: violations, due: due,
            timeline: StatusTimeline(planned: schedule, held: held, reviews: try model.reviewDates(of: agreement, interpreter: interpreter)),
            forecast: nil)
    }
}
