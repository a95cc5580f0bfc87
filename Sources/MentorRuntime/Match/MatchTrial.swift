import MentorDiagnostics

/// What the rules say about a programme before a hypothesis is added: each violation by rule,
/// entity and message, and the rules that stop with an error.
struct MatchBaseline {
    var violations: Set<String> = []
    var stopped: Set<String> = []

    init(engine: Engine) {
        engine.withLargeStack {
            for rule in engine.model.entities(of: .rule) {
                engine.interpreter.resetBudget()
                let name = engine.ruleName(rule)
                do {
                    for outcome in try engine.interpreter.runRuleBody(rule) {
                        violations.insert(MatchBaseline.key(name, outcome, engine.model))
                    }
                } catch {
                    stopped.insert(name)
                }
            }
            engine.interpreter.recorder = nil
        }
    }

    /// A violation told apart from others in another engine of the same programme: by names, not indices.
    static func key(_ rule: String, _ outcome: CheckOutcome, _ model: ProgramModel) -> String {
        var parts = [rule, outcome.message ?? ""]
        if let entity = outcome.entity {
            parts += [entity.kind.rawValue, model.name(of: entity), model.parent(of: entity).map(model.name) ?? ""]
        }
        return parts.joined(separator: "\u{0}")
    }
}

extension Engine {
    /// How `check` names a rule: its name, which for a standard rule is `std.NAME`.
    func ruleName(_ rule: EntityRef) -> String { model.name(of: rule) }

    /// `base`, or `base_2`, `base_3`, … : the first that names nothing in the programme.
    func unusedName(_ base: String) -> String {
        var name = base
        var number = 1
        while globals.index(of: name) != nil {
            number += 1
            name = "\(base)_\(number)"
        }
        return name
    }

    /// Tries each mentor as the mentor of the agreement `placeholder` (whose mentee is
    /// `mentee`), running every rule as `violations(rule, copy)` does, and sorts them into
    /// candidates (ranked by fit, read in `fits`, the programme without the hypothesis) and
    /// mentors excluded by an error rule. An error about the agreement that every mentor tried
    /// (at least two) gets alike is a term the agreement still needs, not a reason against anyone.
    func trial(of mentee: String, placeholder: String, mentors: [String], against baseline: MatchBaseline,
               fits: Engine) throws -> MenteeMatch {
        guard let index = globals.index(of: placeholder), case .entity(let agreement, _) = globals.bindings[index],
              let menteeEntity = person(named: mentee) else {
            return MenteeMatch(mentee: MatchPerson(id: mentee, name: mentee), terms: [], candidates: [], excluded: [], proposal: nil)
        }
        let fit = try MatchFit(engine: fits, mentee: mentee)
        let rules = model.entities(of: .rule)
        var tried: [(person: MatchPerson, errors: [MatchReason], aboutAgreement: Set<MatchReason>, warnings: [MatchReason])] = []
        for mentorName in mentors {
            guard let mentor = person(named: mentorName) else { continue }
            let copy = try model.with(agreement, fields: [("mentor", model.nameSpan(of: agreement), .entity(mentor)),
                                                          ("mentee", model.nameSpan(of: agreement), .entity(menteeEntity))],
                                      interpreter: interpreter)
            var errors: [MatchReason] = []
            var aboutAgreement: Set<MatchReason> = []
            var warnings: [MatchReason] = []
            for rule in rules {
                interpreter.resetBudget()
                let name = ruleName(rule)
                do {
                    for outcome in try interpreter.runRuleBody(rule, restrictedTo: copy) {
                        let aboutPair = outcome.entity.map { $0.index == agreement.index || model.store.parent(of: $0.index) == agreement.index } ?? false
                        guard aboutPair || !baseline.violations.contains(MatchBaseline.key(name, outcome, model)) else { continue }
                        let reason = MatchReason(rule: name, message: RuleRunner.message(of: outcome, rule: rule, in: model))
                        if RuleRunner.severity(of: outcome, rule: rule, in: model) == .error {
                            errors.append(reason)
                            if aboutPair { aboutAgreement.insert(reason) }
                        } else {
                            warnings.append(reason)
                        }
                    }
                } catch let error as RuntimeError {
                    if !baseline.stopped.contains(name) {
                        errors.append(MatchReason(rule: name, message: "the rule stopped: " + error.diagnostic.message))
                    }
                }
            }
            interpreter.recorder = nil
            tried.append((MatchPerson(id: mentorName, name: fit.names[mentorName] ?? mentorName), errors, aboutAgreement, warnings))
        }
        // With one mentor tried, "alike" cannot tell the agreement's terms from that mentor.
        let alike = tried.count < 2 ? [] : tried.dropFirst().reduce(tried[0].aboutAgreement) { $0.intersection($1.aboutAgreement) }
        let terms = tried.first.map { $0.errors.filter(alike.contains) } ?? []
        var candidates: [(order: Int, candidate: MatchCandidate)] = []
        var excluded: [MatchExclusion] = []
        for (order, trial) in tried.enumerated() {
            let reasons = trial.errors.filter { !alike.contains($0) }
            if reasons.isEmpty {
                candidates.append((order, try fit.candidate(trial.person, warnings: trial.warnings)))
            } else {
                excluded.append(MatchExclusion(mentor: trial.person, reasons: reasons))
            }
        }
        candidates.sort { $0.candidate.fit != $1.candidate.fit ? $0.candidate.fit > $1.candidate.fit : $0.order < $1.order }
        // The fields the hypothetical agreement gives (`Matcher`'s placeholder).
        let given = Set([AgreementField.mentor, AgreementField.mentee, AgreementField.start].map(\.name))
        return MenteeMatch(mentee: MatchPerson(id: mentee, name: fit.names[mentee] ?? mentee), terms: terms,
                           fieldsToGive: model.schema(of: agreement).requiredFields.map(\.name).filter { !given.contains($0) },
                           candidates: candidates.map(\.candidate), excluded: excluded, proposal: nil)
    }

    /// The person declared as `name`, nil when the name is something else.
    func person(named name: String) -> EntityRef? {
        guard let index = globals.index(of: name), case .entity(let entity, _) = globals.bindings[index], entity.kind == .person else { return nil }
        return entity
    }
}
