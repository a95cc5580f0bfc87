import MentorSyntax

/// What one evaluation sees differently from the programme, without changing it: `with` copies
/// standing in for their originals and, while `violations(rule, x)` runs, the restriction of
/// the rule's `for` loops over `x`'s kind to `x` (LANGUAGE.md). Evaluation state carried by
/// the interpreter, never an edit of the shared programme.
struct EvaluationOverlay {
    /// Copies standing in for their originals, by entity ID.
    var standIns: [EntityID: EntityRef] = [:]
    /// Every `for` over entities of these kinds binds only these entities.
    var loopRestriction: LoopRestriction?

    /// True when this evaluation sees the programme as it is.
    var isEmpty: Bool { standIns.isEmpty && loopRestriction == nil }

    /// The entity as this evaluation sees it: a copy standing in for it, or itself.
    @inline(__always)
    func current(_ entity: EntityRef) -> EntityRef {
        if standIns.isEmpty { return entity }
        return standIns[entity.index] ?? entity
    }
}

/// The entities a restricted rule's `for` loops may bind: one for `violations(rule, x)`, the
/// entities of an edited file for `Engine.recheck`. A loop over another kind is not restricted.
struct LoopRestriction {
    /// The kinds whose loops are restricted.
    let kinds: Set<DeclarationKind>
    /// The entities (by ID) those loops still bind.
    let indices: Set<EntityID>
    /// The declared entities admitted, by kind, in declaration order: what a restricted loop
    /// straight over a kind's collection (`for a in agreements`) walks, without listing the
    /// others. Empty for `violations`, whose subject may be a copy: its loops filter the list.
    let admittedByKind: [DeclarationKind: [EntityRef]]

    /// Restricts loops over `entity`'s kind to `entity`.
    init(_ entity: EntityRef) {
        kinds = [entity.kind]
        indices = [entity.index]
        admittedByKind = [:]
    }

    /// Restricts loops over the kinds of `entities` (declared ones) to `entities`.
    init(_ entities: [EntityRef]) {
        kinds = Set(entities.map(\.kind))
        indices = Set(entities.map(\.index))
        admittedByKind = Dictionary(grouping: entities.sorted { $0.index < $1.index }, by: \.kind)
    }

    /// True when a restricted loop binds `entity`.
    @inline(__always)
    func admits(_ entity: EntityRef) -> Bool {
        !kinds.contains(entity.kind) || indices.contains(entity.index)
    }
}
