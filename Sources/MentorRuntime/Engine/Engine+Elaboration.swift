import MentorDiagnostics
import MentorSyntax

extension Engine {
    /// Evaluates every field of the new entities and runs the declaration checks of LANGUAGE.md.
    func elaborate(_ entities: [Entity]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // An entry that declares nothing (a REPL expression) keeps the memoised computed members.
        guard !entities.isEmpty else { return diagnostics }
        interpreter.resetBudget()
        model.cache.removeAll()
        for entity in entities {
            for slot in entity.pendingSlotsByName {
                do {
                    try model.force(entity, slot: slot, interpreter: interpreter)
                } catch let error as RuntimeError {
                    diagnostics.append(error.diagnostic)
                    entity.removePending(at: slot)
                    entity.setValue(nil, at: slot)
                } catch {
                    entity.removePending(at: slot)
                }
            }
            if case .string(let title)? = entity.value(at: KindSchema.titleSlot) {
                entity.title = title
                entity.setValue(nil, at: KindSchema.titleSlot)
            }
        }
        // Members computed while fields were still being evaluated may have seen them missing.
        model.cache.removeAll()
        for entity in entities {
            diagnostics += declarationChecks(entity)
        }
        return diagnostics
    }

    private func span(of field: String, in entity: Entity) -> Span {
        entity.declaration.givenFields.first { $0.name == field }?.valueSpan ?? entity.nameSpan
    }

    private func declarationChecks(_ entity: Entity) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        switch entity.kind {
        case .agreement:
            diagnostics += agreementChecks(entity)
        case .competency:
            if let cycle = requiresCycle(from: entity) {
                diagnostics.append(Diagnostic(.requiresCycle, .error,
                                              "competency `\(entity.id)` requires itself: " + cycle.map { "`\($0)`" }.joined(separator: " → "),
                                              at: span(of: "requires", in: entity), label: "this starts the cycle",
                                              help: "remove one of the `requires` links in the cycle"))
            }
        case .person:
            diagnostics += completionChecks(entity)
        default:
            break
        }
        return diagnostics
    }

    /// The chain of `requires` that leads back to `start`, if any (reported once, at the cycle's smallest name).
    private func requiresCycle(from start: Entity) -> [String]? {
        func requires(_ entity: Entity) -> [Entity] {
            guard case .list(let items)? = entity.field("requires") else { return [] }
            return items.compactMap { if case .entity(let e) = $0 { e } else { nil } }
        }
        var path: [Entity] = []
        var visited = Set<Int>()
        func walk(_ entity: Entity) -> [String]? {
            if entity.index == start.index, !path.isEmpty { return (path + [entity]).map(\.id) }
            guard visited.insert(entity.index).inserted else { return nil }
            path.append(entity)
            defer { path.removeLast() }
            for next in requires(entity) {
                if let cycle = walk(next) { return cycle }
            }
            return nil
        }
        guard let cycle = walk(start) else { return nil }
        // Report each cycle once: at the member whose name sorts first.
        return cycle.dropLast().min() == start.id ? cycle : nil
    }

    private func completionChecks(_ person: Entity) -> [Diagnostic] {
        guard case .record(let completed)? = person.field("completed") else { return [] }
        var diagnostics: [Diagnostic] = []
        let steps = model.pathwaySteps(of: person)
        let where_ = span(of: "completed", in: person)
        guard case .entity(let pathway)? = person.field("pathway") else {
            diagnostics.append(Diagnostic(.stepNotInPathway, .error, "`\(person.id)` lists completed steps but has no `pathway`", at: where_,
                                          help: "add `pathway: NAME` so the steps can be checked"))
            return diagnostics
        }
        var previous: (step: String, date: CivilDate)?
        for (name, value) in completed.fields {
            guard let position = steps.firstIndex(where: { $0.id == name }) else {
                diagnostics.append(.unknownName(
                    .stepNotInPathway, .error, "`\(name)` is not a step of pathway `\(pathway.id)`",
                    name: name, at: keySpan(name, in: person, field: "completed") ?? where_, among: steps.map(\.id),
                    label: "unknown step",
                    help: "the steps of `\(pathway.id)` are " + steps.map { "`\($0.id)`" }.joined(separator: ", ")))
                continue
            }
            _ = position
            if case .date(let date) = value {
                if let previous, date < previous.date, steps.firstIndex(where: { $0.id == previous.step })! < position {
                    diagnostics.append(Diagnostic(.stepsOutOfOrder, .warning,
                                                  "`\(name)` was completed on \(date), before the earlier step `\(previous.step)` (\(previous.date))",
                                                  at: keySpan(name, in: person, field: "completed") ?? where_,
                                                  help: "steps of a pathway are completed in order; check the dates"))
                }
                previous = (name, date)
            }
        }
        return diagnostics
    }

    /// The span of key `key` in a record literal given as field `field` of `entity`.
    private func keySpan(_ key: String, in entity: Entity, field: String) -> Span? {
        for given in entity.declaration.givenFields where given.name == field && !given.recordKeys.isEmpty {
            return given.recordKeys.first { $0.name == key }?.span
        }
        return nil
    }

    private func agreementChecks(_ agreement: Entity) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if case .entity(let mentor)? = agreement.field("mentor"), case .entity(let mentee)? = agreement.field("mentee"), mentor.index == mentee.index {
            diagnostics.append(Diagnostic(.mentorIsMentee, .error, "`\(mentor.id)` is both mentor and mentee of `\(agreement.id)`",
                                          at: span(of: "mentee", in: agreement), label: "same person as the mentor",
                                          help: "an agreement is between two different people"))
        }
        guard case .date(let start)? = agreement.field("start") else { return diagnostics }
        let end = (try? model.agreementEnd(agreement, interpreter: interpreter)) ?? nil
        if let schedule = (try? model.agreementSchedule(agreement, interpreter: interpreter)) ?? nil {
            for issue in schedule.issues {
                let cadenceSpan = agreement.field("cadence") != nil ? span(of: "cadence", in: agreement) : agreement.nameSpan
                switch issue {
                case .emptyPhase(let index):
                    diagnostics.append(Diagnostic(.emptyPhase, .error, "phase \(index + 1) of the cadence of `\(agreement.id)` contains no session",
                                                  at: cadenceSpan, help: "lengthen the phase's `for` or remove the phase"))
                case .phaseNeverReached(let index):
                    diagnostics.append(Diagnostic(.phaseNeverReached, .warning,
                                                  "phase \(index + 1) of the cadence of `\(agreement.id)` is never reached: the agreement ends first",
                                                  at: cadenceSpan, help: "lengthen the agreement's `term` or shorten the earlier phases"))
                default:
                    diagnostics.append(Diagnostic(.emptyPhase, .warning, "the cadence of `\(agreement.id)`: \(issue)", at: cadenceSpan))
                }
            }
        }
        if case .list(let held)? = agreement.field("held") {
            for value in held {
                guard case .date(let date) = value else { continue }
                if date < start || (end.map { date >= $0 } ?? false) {
                    diagnostics.append(Diagnostic(.heldOutsideAgreement, .error,
                                                  "session held on \(date) is outside agreement `\(agreement.id)` (\(start) to \(end.map(\.description) ?? "?"))",
                                                  at: span(of: "held", in: agreement), help: "check the date, or the agreement's `start` and `term`"))
                }
            }
        }
        if case .record(let closed)? = agreement.field("closed") {
            if case .date(let on)? = closed["on"], on < start {
                diagnostics.append(Diagnostic(.closedBeforeStart, .error, "agreement `\(agreement.id)` is closed on \(on), before it starts on \(start)",
                                              at: span(of: "closed", in: agreement)))
            }
            if closed["on"] == nil {
                diagnostics.append(Diagnostic(.missingField, .error, "`closed` needs `on: DATE`", at: span(of: "closed", in: agreement),
                                              help: "write `closed: { on: 2026-06-01, reason: \"…\" }`"))
            }
        }
        if case .record(let signed)? = agreement.field("signed") {
            let parties = ["mentor", "mentee", "co_mentor"].compactMap { role -> String? in
                if case .entity(let person)? = agreement.field(role) { return person.id }
                return nil
            }
            for signature in signed.fields where !parties.contains(signature.name) {
                diagnostics.append(Diagnostic(.signedByNonParty, .error,
                                              "`\(signature.name)` signed agreement `\(agreement.id)` but is not a party to it",
                                              at: keySpan(signature.name, in: agreement, field: "signed") ?? span(of: "signed", in: agreement),
                                              help: "the parties are " + parties.map { "`\($0)`" }.joined(separator: ", ")))
            }
        }
        return diagnostics
    }
}
