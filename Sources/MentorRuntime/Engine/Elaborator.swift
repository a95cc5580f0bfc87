import MentorDiagnostics
import MentorSyntax
import MentorSource

/// The elaborate phase: evaluates every field of the entities a load declared (in any order,
/// since a field is evaluated on first use), checks each value's type against the schema, and
/// runs the declaration checks of LANGUAGE.md (cycles, schedules, parties, steps). It is given
/// the programme and the interpreter that evaluates in it, touches no engine, and hands back
/// its diagnostics.
struct Elaborator {
    /// The programme whose fields are evaluated and stored.
    let model: ProgramModel
    /// Evaluates field expressions in the programme.
    let interpreter: Interpreter
    /// How many threads run the declaration checks at once.
    var workers = ParallelMap.processorCount
    /// The pathways' steps, indexed once for the completion checks of this elaborator's people.
    let stepPositions = PathwayStepPositions()

    /// Evaluates every field of `entities` and runs their declaration checks.
    func elaborate(_ entities: [EntityRef]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // An entry that declares nothing (a REPL expression) keeps the memoised computed members.
        guard !entities.isEmpty else { return diagnostics }
        interpreter.resetBudget()
        model.cache.removeAll()
        for entity in entities {
            // In field-name order, one at a time: evaluating one field may evaluate others of
            // the entity, and every way out of `force` leaves the field no longer waiting.
            while let slot = model.firstPendingSlotByName(of: entity) {
                do {
                    try model.force(entity, slot: slot, interpreter: interpreter)
                } catch let error as RuntimeError {
                    diagnostics.append(error.diagnostic)
                    model.removePending(of: entity, at: slot)
                    model.setValue(nil, of: entity, at: slot)
                } catch {
                    model.removePending(of: entity, at: slot)
                }
            }
            if case .string(let title)? = model.value(of: entity, at: KindSchema.titleSlot) {
                model.replaceHeader(of: entity, site: model.site(of: entity), title: title)
                model.setValue(nil, of: entity, at: KindSchema.titleSlot)
            }
        }
        // Members computed while fields were still being evaluated may have seen them missing.
        model.cache.removeAll()
        let cycles = RequiresCycles(from: entities.filter { $0.kind == .competency }, model: model)
        return diagnostics + checkDeclarations(entities, cycles: cycles)
    }

    /// The declaration checks of `entities`, in their order. Once every field is evaluated
    /// they only read the programme, so many entities are checked in chunks on `workers`
    /// threads, each with its own worker interpreter; the chunks' diagnostics are joined in order.
    private func checkDeclarations(_ entities: [EntityRef], cycles: RequiresCycles) -> [Diagnostic] {
        let chunkSize = 512
        if workers > 1, entities.count > chunkSize {
            let pool = WorkerInterpreters(main: interpreter)
            let chunks = stride(from: 0, to: entities.count, by: chunkSize).map { entities[$0..<min($0 + chunkSize, entities.count)] }
            var diagnostics: [Diagnostic] = []
            ParallelMap.forEach(chunks, workers: workers, { chunk in
                pool.run { worker in
                    let elaborator = Elaborator(model: worker.model, interpreter: worker)
                    return chunk.flatMap { elaborator.declarationChecks($0, cycles: cycles) }
                }?.result ?? []
            }, inOrder: { diagnostics += $0 })
            if !pool.gaveUp { pool.mergeMemos() }
            pool.releaseMemos(workers: workers)
            // A field still waiting (none should be, once all were evaluated) is left to the pass below.
            if !pool.gaveUp { return diagnostics }
        }
        return entities.flatMap { declarationChecks($0, cycles: cycles) }
    }

    func span(of field: FieldRow, in entity: EntityRef) -> Span {
        model.site(of: entity).givenFields.first { $0.name == field.name }?.valueSpan ?? model.nameSpan(of: entity)
    }

    private func declarationChecks(_ entity: EntityRef, cycles: RequiresCycles) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        switch entity.kind {
        case .agreement:
            diagnostics += agreementChecks(entity)
            diagnostics += extensionChecks(entity)
        case .competency:
            if let cycle = cycles.cycleByEntity[entity.index] {
                diagnostics.append(Diagnostic(.requiresCycle, .error,
                                              "competency `\(model.name(of: entity))` requires itself: " + cycle.map { "`\($0)`" }.joined(separator: " → "),
                                              at: span(of: CompetencyField.requires, in: entity), label: "this starts the cycle",
                                              help: "remove one of the `requires` links in the cycle"))
            }
        case .person:
            diagnostics += completionChecks(entity)
            diagnostics += supervisorChecks(entity)
        case .session:
            diagnostics += actionOwnerChecks(entity)
        case .agenda:
            diagnostics += agendaLengthCheck(entity)
        default:
            break
        }
        return diagnostics
    }

    /// The people named in an agreement's roles, by name, in role order.
    private func parties(of agreement: EntityRef) -> [EntityRef] {
        AgreementRole.allCases.compactMap { role in
            if case .entity(let person)? = model[agreement, role.field] { return person }
            return nil
        }
    }

    /// An action is followed through by someone in the agreement; an owner outside it is
    /// most often a slip of the name, but may be a coordinator, so it is a warning.
    private func actionOwnerChecks(_ session: EntityRef) -> [Diagnostic] {
        guard case .list(let actions)? = model[session, SessionField.actions],
              let agenda = model.parent(of: session, interpreter: interpreter),
              case .entity(let agreement)? = model.value(of: agenda, at: KindSchema.forSlot), agreement.kind == .agreement
        else { return [] }
        let parties = parties(of: agreement)
        var diagnostics: [Diagnostic] = []
        for case .record(let action) in actions {
            guard case .entity(let owner)? = action[ActionKey.owner], !parties.contains(where: { $0.index == owner.index }) else { continue }
            let what = if case .string(let text)? = action[ActionKey.what] { " `\(text)`" } else { "" }
            diagnostics.append(Diagnostic(.actionOwnerNotParty, .warning,
                                          "action\(what) of session \(model.site(of: session).number ?? 0) is owned by `\(model.name(of: owner))`, who is not a party to agreement `\(model.name(of: agreement))`",
                                          at: span(of: SessionField.actions, in: session),
                                          help: "the parties are " + parties.map { "`\(model.name(of: $0))`" }.joined(separator: ", ")))
        }
        return diagnostics
    }

    private func completionChecks(_ person: EntityRef) -> [Diagnostic] {
        guard case .record(let completed)? = model[person, PersonField.completed] else { return [] }
        var diagnostics: [Diagnostic] = []
        // Where the diagnostics point is looked up only for one to report: most people have none.
        lazy var where_ = span(of: PersonField.completed, in: person)
        guard case .entity(let pathway)? = model[person, PersonField.pathway] else {
            diagnostics.append(Diagnostic(.stepNotInPathway, .error, "`\(model.name(of: person))` lists completed steps but has no `pathway`", at: where_,
                                          help: "add `pathway: NAME` so the steps can be checked"))
            return diagnostics
        }
        // One index and one list of names for all the completed steps, and for all the people
        // on the pathway: looking each step up in the pathway (and spelling out the steps for
        // each unknown one) was O(N²).
        let steps = stepPositions.steps(of: pathway, person: person, model: model, interpreter: interpreter)
        lazy var stepCandidates = [SuggestionCandidates(steps.names)]
        lazy var stepList = "the steps of `\(model.name(of: pathway))` are " + steps.names.map { "`\($0)`" }.joined(separator: ", ")
        var previous: (step: String, position: Int, date: CivilDate)?
        for (name, value) in completed.fields {
            guard let position = steps.positions[name] else {
                diagnostics.append(.unknownName(
                    .stepNotInPathway, .error, "`\(name)` is not a step of pathway `\(model.name(of: pathway))`",
                    name: name, at: keySpan(name, in: person, field: PersonField.completed) ?? where_, among: stepCandidates,
                    label: "unknown step", help: stepList))
                continue
            }
            if case .date(let date) = value {
                if let previous, date < previous.date, previous.position < position {
                    diagnostics.append(Diagnostic(.stepsOutOfOrder, .warning,
                                                  "`\(name)` was completed on \(date), before the earlier step `\(previous.step)` (\(previous.date))",
                                                  at: keySpan(name, in: person, field: PersonField.completed) ?? where_,
                                                  help: "steps of a pathway are completed in order; check the dates"))
                }
                previous = (name, position, date)
            }
        }
        return diagnostics
    }

    /// The span of key `key` in a record literal given as field `field` of `entity`.
    func keySpan(_ key: String, in entity: EntityRef, field: FieldRow) -> Span? {
        for given in model.site(of: entity).givenFields where given.name == field.name && !given.recordKeys.isEmpty {
            return given.recordKeys.first { $0.name == key }?.span
        }
        return nil
    }

    /// Self-supervision, and a supervisor chain that comes back to the person: reported once a
    /// cycle, at the person declared first in it.
    private func supervisorChecks(_ person: EntityRef) -> [Diagnostic] {
        guard case .entity(let first)? = model[person, PersonField.supervisor] else { return [] }
        let at = span(of: PersonField.supervisor, in: person)
        if first.index == person.index {
            return [Diagnostic(.selfSupervision, .warning, "`\(model.name(of: person))` is their own supervisor", at: at,
                               label: "the person being declared", help: "name the person's line manager, or leave `supervisor` out")]
        }
        var chain = [person]
        var next: EntityRef? = first
        while let current = next, chain.count <= model.entities(of: .person).count {
            if current.index == person.index {
                guard chain.allSatisfy({ $0.index >= person.index }) else { return [] }
                return [Diagnostic(.supervisorCycle, .warning,
                                   "supervisors form a cycle: " + (chain + [person]).map { "`\(model.name(of: $0))`" }.joined(separator: " → "),
                                   at: at, label: "this starts the cycle", help: "a line manager's line manager cannot be the person themself; correct one `supervisor`")]
            }
            if chain.contains(where: { $0.index == current.index }) { return [] }
            chain.append(current)
            if case .entity(let above)? = model[current, PersonField.supervisor] { next = above } else { next = nil }
        }
        return []
    }

    /// An agenda that plans more sessions than its agreement's schedule holds.
    private func agendaLengthCheck(_ agenda: EntityRef) -> [Diagnostic] {
        // The whole schedule, not one cut at `closed.on`: an agreement closed early is not an
        // agenda planned too long. Without a cadence there is no schedule to compare with.
        guard case .entity(let agreement)? = model.value(of: agenda, at: KindSchema.forSlot), agreement.kind == .agreement,
              let schedule = (try? model.agreementSchedule(agreement, interpreter: interpreter)) ?? nil,
              model.children(of: agenda).count > schedule.dates.count
        else { return [] }
        let scheduled = schedule.dates
        return [Diagnostic(.agendaLongerThanSchedule, .warning,
                           "agenda `\(model.name(of: agenda))` plans \(plural(model.children(of: agenda).count, "session")), but the schedule of `\(model.name(of: agreement))` holds \(scheduled.count)",
                           at: model.nameSpan(of: agenda), label: "sessions \(scheduled.count + 1) to \(model.children(of: agenda).count) never take place",
                           help: "drop the extra sessions, or lengthen the agreement's `term` or quicken its `cadence`")]
    }

    private func agreementChecks(_ agreement: EntityRef) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if case .entity(let mentor)? = model[agreement, AgreementField.mentor], case .entity(let mentee)? = model[agreement, AgreementField.mentee], mentor.index == mentee.index {
            diagnostics.append(Diagnostic(.mentorIsMentee, .error, "`\(model.name(of: mentor))` is both mentor and mentee of `\(model.name(of: agreement))`",
                                          at: span(of: AgreementField.mentee, in: agreement), label: "same person as the mentor",
                                          help: "an agreement is between two different people"))
        }
        guard case .date(let start)? = model[agreement, AgreementField.start] else { return diagnostics }
        // The memoised `end`: the schedule below reads it too, and worked out here it was computed twice.
        let end = (try? model.memoisedEnd(agreement, interpreter: interpreter)) ?? nil
        if let schedule = (try? model.agreementSchedule(agreement, interpreter: interpreter)) ?? nil {
            for issue in schedule.issues {
                let cadenceSpan = model[agreement, AgreementField.cadence] != nil ? span(of: AgreementField.cadence, in: agreement) : model.nameSpan(of: agreement)
                switch issue {
                case .emptyPhase(let index):
                    diagnostics.append(Diagnostic(.emptyPhase, .error, "phase \(index + 1) of the cadence of `\(model.name(of: agreement))` contains no session",
                                                  at: cadenceSpan, help: "lengthen the phase's `for` or remove the phase"))
                case .phaseNeverReached(let index):
                    diagnostics.append(Diagnostic(.phaseNeverReached, .warning,
                                                  "phase \(index + 1) of the cadence of `\(model.name(of: agreement))` is never reached: the agreement ends first",
                                                  at: cadenceSpan, help: "lengthen the agreement's `term` or shorten the earlier phases"))
                default:
                    diagnostics.append(Diagnostic(.emptyPhase, .warning, "the cadence of `\(model.name(of: agreement))`: \(issue)", at: cadenceSpan))
                }
            }
        }
        if case .list(let held)? = model[agreement, AgreementField.held] {
            for case .record(let entry) in held {
                guard case .entity(let observer)? = entry[HeldKey.observer], case .entity(let mentee)? = model[agreement, AgreementField.mentee],
                      observer.index == mentee.index else { continue }
                diagnostics.append(Diagnostic(.observerIsMentee, .error,
                                              "the mentee `\(model.name(of: mentee))` is the observer of their own session" + (HeldKey.date(.record(entry)).map { " on \($0)" } ?? ""),
                                              at: span(of: AgreementField.held, in: agreement),
                                              help: "an observer is someone else who watched the session, such as a credentialed mentor"))
            }
            for value in held {
                guard let date = HeldKey.date(value) else { continue }
                if date < start || (end.map { date >= $0 } ?? false) {
                    diagnostics.append(Diagnostic(.heldOutsideAgreement, .error,
                                                  "session held on \(date) is outside agreement `\(model.name(of: agreement))` (\(start) to \(end.map(\.description) ?? "?"))",
                                                  at: span(of: AgreementField.held, in: agreement), help: "check the date, or the agreement's `start` and `term`"))
                }
            }
        }
        if case .list(let held)? = model[agreement, AgreementField.held],
           let future = held.compactMap({ if case .date(let day) = $0 { day } else { nil } }).filter({ $0 > interpreter.today }).min() {
            diagnostics.append(Diagnostic(.heldInFuture, .warning,
                                          "agreement `\(model.name(of: agreement))` lists a session held on \(future), after today (\(interpreter.today))",
                                          at: span(of: AgreementField.held, in: agreement),
                                          help: "`held` records sessions that took place; check the date, or `--today`"))
        }
        if case .entity(let coMentor)? = model[agreement, AgreementField.coMentor],
           case .entity(let mentee)? = model[agreement, AgreementField.mentee],
           case .entity(let supervisor)? = model[mentee, PersonField.supervisor], supervisor.index == coMentor.index {
            diagnostics.append(Diagnostic(.coMentorSupervises, .warning,
                                          "co-mentor `\(model.name(of: coMentor))` of `\(model.name(of: agreement))` is also the supervisor of its mentee `\(model.name(of: mentee))`",
                                          at: span(of: AgreementField.coMentor, in: agreement), label: "supervises the mentee",
                                          help: "a mentee speaks freely only without their line manager: choose another co-mentor"))
        }
        if case .record(let closed)? = model[agreement, AgreementField.closed] {
            if case .date(let on)? = closed["on"], on < start {
                diagnostics.append(Diagnostic(.closedBeforeStart, .error, "agreement `\(model.name(of: agreement))` is closed on \(on), before it starts on \(start)",
                                              at: span(of: AgreementField.closed, in: agreement)))
            }
            if closed["on"] == nil {
                diagnostics.append(Diagnostic(.missingField, .error, "`closed` needs `on: DATE`", at: span(of: AgreementField.closed, in: agreement),
                                              help: "write `closed: { on: 2026-06-01, reason: \"…\" }`"))
            }
        }
        if case .record(let signed)? = model[agreement, AgreementField.signed] {
            // Sized for every role first: grown by `compactMap`, the list was copied on the way.
            var parties: [String] = []
            parties.reserveCapacity(AgreementRole.allCases.count)
            for role in AgreementRole.allCases {
                if case .entity(let person)? = model[agreement, role.field] { parties.append(model.name(of: person)) }
            }
            for signature in signed.fields where !parties.contains(signature.name) {
                diagnostics.append(Diagnostic(.signedByNonParty, .error,
                                              "`\(signature.name)` signed agreement `\(model.name(of: agreement))` but is not a party to it",
                                              at: keySpan(signature.name, in: agreement, field: AgreementField.signed) ?? span(of: AgreementField.signed, in: agreement),
                                              help: "the parties are " + parties.map { "`\($0)`" }.joined(separator: ", ")))
            }
        }
        return diagnostics
    }
}
