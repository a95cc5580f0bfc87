import MentorDiagnostics
import MentorSource

/// The programme's waivers as `check` applies them: a violation of a waiver's rule at its
/// entity (or at a goal or session nested in it) is marked waived while the waiver holds; once
/// its `until` day has passed the violation stands, with a note, and the waiver gets a warning.
/// A waiver that excused nothing gets a warning too (stale), unless its rule stopped.
struct WaiverLedger {
    /// One waiver, read from its fields.
    struct Grant {
        let waiver: Entity
        let rule: Entity
        let target: Entity
        let until: CivilDate?
        let record: DiagnosticWaiver
        var matched = false
    }

    private(set) var grants: [Grant]
    let today: CivilDate

    /// Reads every waiver of `model`; one whose fields did not evaluate was reported already.
    init(model: ProgramModel, today: CivilDate) {
        self.today = today
        grants = model.entities(of: .waiver).compactMap { waiver in
            guard case .entity(let rule)? = model[waiver, WaiverField.rule],
                  case .entity(let target)? = model.value(of: waiver, at: KindSchema.forSlot),
                  case .string(let reason)? = model[waiver, WaiverField.reason]
            else { return nil }
            var until: CivilDate?
            if case .date(let day)? = model[waiver, WaiverField.until] { until = day }
            var approver: String?
            if case .entity(let person)? = model[waiver, WaiverField.approver] { approver = person.title ?? person.id }
            let record = DiagnosticWaiver(name: waiver.id, reason: reason, approver: approver, until: until?.description, span: waiver.nameSpan)
            return Grant(waiver: waiver, rule: rule, target: target, until: until, record: record)
        }
    }

    /// True when the ledger has nothing to apply.
    var isEmpty: Bool { grants.isEmpty }

    /// Marks `diagnostic`, a violation of `rule` reported at `entity`, waived when a waiver
    /// that still holds covers it; a covering waiver that expired adds a note instead.
    mutating func apply(to diagnostic: inout Diagnostic, rule: Entity, entity: Entity?) {
        guard let entity else { return }
        for position in grants.indices where grants[position].rule.index == rule.index {
            let target = grants[position].target.index
            guard entity.index == target || entity.parentIndex == target else { continue }
            grants[position].matched = true
            if let until = grants[position].until, until < today {
                diagnostic.notes.append(DiagnosticNote("waiver `\(grants[position].waiver.id)` expired on \(until)",
                                                       at: grants[position].waiver.nameSpan))
            } else if diagnostic.waiver == nil {
                diagnostic.waiver = grants[position].record
            }
        }
    }

    /// Where an expired waiver's warning points: its `until` date, else its name.
    private static func untilSpan(of waiver: Entity) -> Span {
        waiver.declaration.givenFields.first { $0.name == WaiverField.until.name }?.valueSpan ?? waiver.nameSpan
    }

    /// The warnings about the waivers themselves: expired ones, and those that matched no
    /// violation of a rule that ran to the end (`stopped` holds the rules that did not).
    func warnings(stopped: Set<Int>) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for grant in grants {
            let what = "`\(grant.rule.id)` for `\(grant.target.id)`"
            if let until = grant.until, until < today {
                warnings.append(Diagnostic(.waiverExpired, .warning, "waiver `\(grant.waiver.id)` of \(what) expired on \(until)",
                                           at: WaiverLedger.untilSpan(of: grant.waiver), label: "before today, \(today)",
                                           help: grant.matched ? "the violation is reported again: fix it, or renew the waiver with a later `until`"
                                                               : "the rule holds now: remove the waiver"))
            } else if !grant.matched, !stopped.contains(grant.rule.index) {
                warnings.append(Diagnostic(.waiverStale, .warning, "waiver `\(grant.waiver.id)` matches no violation: \(what) holds",
                                           at: grant.waiver.nameSpan, label: "nothing to waive",
                                           help: "remove the waiver, or check that it names the entity the rule reports"))
            }
        }
        return warnings
    }
}
