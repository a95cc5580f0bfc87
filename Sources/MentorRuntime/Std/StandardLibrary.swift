import MentorDiagnostics
import MentorSource
import MentorSyntax

/// The standard rules (`import std`), written in Mentor and shipped inside the tool.
/// docs/std.md documents each rule with a passing and a failing example.
enum StandardLibrary {
    /// The path diagnostics show for the standard library's source.
    static let path = "<std>"

    /// The names of the standard rules, in the order the source declares them.
    static let ruleNames: [String] = Parser.parse(SourceFile(id: FileID(0), path: path, text: source)).syntax.items.compactMap { item in
        guard case .declaration(let declaration) = item, declaration.kind == .rule else { return nil }
        return declaration.name?.name
    }

    /// The standard rules `selection` names, with an error for each name that is not one.
    static func rules(in selection: StandardSelection) -> (names: Set<String>, diagnostics: [Diagnostic]) {
        let all = Set(ruleNames)
        var diagnostics: [Diagnostic] = []
        func known(_ name: Identifier) -> Bool {
            guard !all.contains(name.name) else { return true }
            diagnostics.append(.unknownName(.unknownStandardRule, .error, "`\(name.name)` is not a standard rule",
                                            name: name.name, at: name.span, among: ruleNames, label: "not a standard rule",
                                            help: "the standard rules are " + ruleNames.map { "`\($0)`" }.joined(separator: ", ")))
            return false
        }
        switch selection {
        case .all:
            return (all, [])
        case .only(let name):
            return (known(name) ? [name.name] : [], diagnostics)
        case .except(let names):
            let left = names.filter(known)
            return (all.subtracting(left.map(\.name)), diagnostics)
        }
    }

    static let source = #"""
/// Every goal is measurable and time-bound within its agreement.
rule smart_goals "Goals are measurable and due within the agreement" {
  for a in agreements, g in a.goals {
    require g.measure != none else "goal `\(g.id)` has no measure"
    require g.due != none else "goal `\(g.id)` has no due date"
    require g.due <= a.end else "goal `\(g.id)` is due \(g.due), after the agreement ends on \(a.end)"
    warn a.start <= g.due else "goal `\(g.id)` is due \(g.due), before the agreement starts on \(a.start)"
  }
}

/// A mentor is never the mentee's line manager.
rule no_supervisor "A mentor never supervises their mentee" {
  for a in agreements {
    require a.mentee.supervisor != a.mentor else "\(a.mentor.name) supervises \(a.mentee.name)"
  }
}

/// The pair agrees how often they meet, through which channels, and when contact is welcome.
rule boundaries "Boundaries are agreed: rhythm, channels and contact" {
  for a in agreements {
    require a.cadence != none else "no meeting rhythm: give `cadence`"
    require (a.channels ?? []).count > 0 else "no `channels` agreed"
    require a.contact != none else "no `contact` boundaries agreed"
  }
}

/// How the relationship ends is agreed at the start.
rule ending_clause "An ending clause is agreed at the start" {
  for a in agreements {
    require a.ending != none else "no `ending` clause agreed"
  }
}

/// The agreement is reviewed on a rhythm.
rule review_rhythm warning "The agreement is reviewed on a rhythm" {
  for a in agreements {
    require a.review != none else "no `review` rhythm agreed"
  }
}

/// A mentor is credentialed, or a candidate co-mentoring with one; not applied without a pathway.
rule credentialed_mentors "Mentors are credentialed or co-mentor with a credentialed mentor" {
  for a in agreements where not pathways.isEmpty and not a.mentor.credentialed {
    require a.co_mentor != none else "\(a.mentor.name) is not credentialed and has no credentialed `co_mentor`"
    require a.co_mentor.credentialed else "co-mentor \(a.co_mentor.name) is not credentialed"
  }
}

/// A competency is held only together with the competencies it requires.
rule prerequisites "Competencies are held with their prerequisites" {
  for p in people {
    let held = p.competencies ?? []
    let lacking = held.filter(c => (c.requires ?? []).any(r => not held.contains(r)))
    require lacking.isEmpty else "\(p.name) holds \(lacking.map(c => c.id).join(", ")) without all of its prerequisites"
  }
}

/// Every session of an agenda ends with a short check-in.
rule agenda_checkin "Agenda sessions close with a check-in" {
  for g in agendas {
    require (g.closing ?? []).count > 0 else "agenda `\(g.id)` has no `closing` check-in questions"
  }
}

/// Mentor and mentee both sign the agreement on or before its start; until the start arrives, a pending agreement may still be unsigned.
rule signed_before_start "Both parties sign before the start" {
  for a in agreements where a.start <= today {
    let signed = a.signed ?? {}
    require signed.get(a.mentor.id) != none else "\(a.mentor.name) (mentor) has not signed"
    require signed.get(a.mentee.id) != none else "\(a.mentee.name) (mentee) has not signed"
    require signed.get(a.mentor.id) <= a.start and signed.get(a.mentee.id) <= a.start
      else "signed after the start on \(a.start)"
  }
}

/// An active agreement without a held session for longer than its `inactivity` limit has lapsed.
rule inactivity "No agreement lapses through inactivity" {
  for a in agreements where a.inactivity != none {
    require a.status != lapsed else "no session held within \(a.inactivity): the agreement has lapsed"
  }
}
"""#
}
