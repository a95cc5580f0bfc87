import MentorSyntax

/// What one evaluation sees differently from the programme, without changing it: `with` copies
/// standing in for their originals and, while `violations(rule, x)` runs, the restriction of
/// the rule's `for` loops over `x`'s kind to `x` (LANGUAGE.md). Evaluation state carried by
/// the interpreter, never an edit of the shared programme.
struct EvaluationOverlay {
    /// Copies standing in for their originals, by entity index.
    var standIns: [Int: Entity] = [:]
    /// Every `for` over entities of this kind binds only the entity with this index.
    var loopRestriction: (kind: DeclarationKind, index: Int)?

    /// True when this evaluation sees the programme as it is.
    var isEmpty: Bool { standIns.isEmpty && loopRestriction == nil }

    /// The entity as this evaluation sees it: a copy standing in for it, or itself.
    @inline(__always)
    func current(_ entity: Entity) -> Entity {
        if standIns.isEmpty { return entity }
        return standIns[entity.index] ?? entity
    }
}
