import MentorDiagnostics
import MentorSource

/// The programme's waivers as `check` applies them: a violation of a waiver's rule at its
/// entity (or at a goal or session nested in it) is marked waived while the waiver holds; once
/// its `until` day has passed the violation stands, with a note, and the waiver gets a warning.
/// A waiver that excused nothing gets a warning too (stale), unless its rule stopped.
struct WaiverLedger {
    /// One waiver, read from its fields.
    struct Grant {
        let waiver: EntityRef
        let rule: EntityRef
        let target: EntityRef
        let until: CivilDate?
        let record: DiagnosticWaiver
        var matched = false
    }

    private(set) var grants: [Grant]
    let today: CivilDate
    /// The programme the waivers belong to, for their names and spans.
    let model: ProgramModel

    /// Reads every waiver of `model`; one whose fields did not evaluate was reported already.
    init(model: ProgramModel, today: CivilDate) {
        self.today = today
        self.model = model
        grants = model.entities(of: .waiver).compactMap { waiver in
            guard case .entity(let rule)? = model[waiver, WaiverField.rule],
                  case .entity(let target)? = model.value(of: waiver, at: KindSchema.forSlot),
                  case .string(let reason)? = model[waiver, WaiverField.reason]
            else { return nil }
            var until: CivilDate?
            if case .date(let day)? = model[waiver, WaiverField.until] { until = day }
            var approver: String?
            if case .entity(let person)? = model[waiver, WaiverField.approver] { approver = model.title(of: person) ?? model.name(of: person) }
            let record = DiagnosticWaiver(name: model.name(of: waiver), reason: reason, approver: approver, until: until?.description, span: model.nameSpan(of: waiver))
            return Grant(waiver: waiver, rule: rule, target: target, until: until, record: record)
        }
    }

    /// True when the ledger has nothing to apply.
    var isEmpty: Bool { grants.isEmpty }

    /// Marks `diagnostic`, a violation of `rule` reported at `entity`, waived when a waiver
    /// that still holds covers it; a covering waiver that expired adds a note instead.
    mutating func apply(to diagnostic: inout Diagnostic, rule: EntityRef, entity: EntityRef?) {
        guard let entity else { return }
        for position in grants.indices where grants[position].rule.index == rule.index {
            let target = grants[position].target.index
            guard entity.index == target || model.store.parent(of: entity.index) == target else { continue }
            grants[position].matched = true
            if let until = grants[position].until, until < today {
                diagnostic.notes.append(DiagnosticNote("waiver `\(model.name(of: grants[position].waiver))` expired on \(until)",
                                                       at: model.nameSpan(of: grants[position].waiver)))
            } else if diagnostic.waiver == nil {
                diagnostic.waiver = grants[position].record
            }
        }
    }

    /// Where an expired waiver's warning points: its `until` date, else its name.
    private func untilSpan(of waiver: EntityRef) -> Span {
        model.site(of: waiver).givenFields.first { $0.name == WaiverField.until.name }?.valueSpan ?? model.nameSpan(of: waiver)
    }

    /// The warnings about the waivers themselves: expired ones, and those that matched no
    /// violation of a rule that ran to the end (`stopped` holds the rules that did not).
    func warnings(stopped: Set<EntityID>) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for grant in grants {
            let what = "`\(model.name(of: grant.rule))` for `\(model.name(of: grant.target))`"
            if let until = grant.until, until < today {
                warnings.append(Diagnostic(.waiverExpired, .warning, "waiver `\(model.name(of: grant.waiver))` of \(what) expired on \(until)",
                                           at: untilSpan(of: grant.waiver), label: "before today, \(today)",
                                           help: grant.matched ? "the violation is reported again: fix it, or renew the waiver with a later `until`"
                                                               : "the rule holds now: remove the waiver"))
            } else if !grant.matched, !stopped.contains(grant.rule.index) {
                warnings.append(Diagnostic(.waiverStale, .warning, "waiver `\(model.name(of: grant.waiver))` matches no violation: \(what) holds",
                                           at: model.nameSpan(of: grant.waiver), label: "nothing to waive",
                                           help: "remove the waiver, or check that it names the entity the rule reports"))
            }
        }
        return warnings
    }
}
