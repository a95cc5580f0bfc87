import MentorDiagnostics
import MentorSyntax

/// The declared entities of a session and their members. `with` copies are applied here, so
/// every computed member sees them.
final class ProgramModel {
    private(set) var entitiesByKind: [DeclarationKind: [Entity]] = [:]
    private(set) var allEntities: [Entity] = []
    /// While `violations(rule, copy)` runs: the copy that stands in for its original.
    var overrides: [Int: Entity] = [:]

    // Fields may refer to other entities in a cycle (`requires: [b]` in `a` and `[a]` in
    // `b`, two people supervising each other), which reference counting cannot free. Every
    // entity lives exactly as long as its model, so the model cuts those links when it goes.
    deinit {
        for entity in allEntities { entity.releaseLinks() }
    }
    /// Caches of computed members, keyed by entity index and member name; cleared whenever a
    /// `with` copy or a new declaration could change them.
    var cache: [Int: [String: Value]] = [:] {
        didSet { if cache.isEmpty { dropDerivedIndexes() } }
    }
    /// Agreements by role and party (person index), built on first use; dropped with the cache.
    var partyIndex: [AgreementRole: [Int: [Entity]]]?
    /// The first agenda `for` each agreement (by agreement index), built on first use; dropped with the cache.
    var agendaIndex: [Int: Entity]?

    /// Adds an entity (top-level or nested) and returns it.
    @discardableResult
    func add(kind: DeclarationKind, id: String, declaration: Declaration, parent: Entity?) -> Entity {
        let entity = Entity(kind: kind, index: allEntities.count, id: id, declaration: DeclarationSite(declaration))
        entity.parentIndex = parent?.index
        parent?.children.append(entity)
        allEntities.append(entity)
        entitiesByKind[kind, default: []].append(entity)
        dropDerivedIndexes()
        return entity
    }

    /// How many entities were replaced: values evaluated before a replacement may still hold the old entity.
    private(set) var replacements = 0

    /// Removes every entity declared by `name` at top level (REPL redeclaration) and its children.
    func remove(_ entity: Entity) {
        replacements += 1
        var doomed = Set<Int>([entity.index])
        var stack = entity.children
        while let child = stack.popLast() {
            doomed.insert(child.index)
            stack.append(contentsOf: child.children)
        }
        for (kind, list) in entitiesByKind {
            entitiesByKind[kind] = list.filter { !doomed.contains($0.index) }
        }
        cache.removeAll()
    }

    /// Forgets the indexes built from the entities' fields, which a new entity or a changed
    /// field makes stale.
    private func dropDerivedIndexes() {
        partyIndex = nil
        agendaIndex = nil
    }

    /// The entity `entity` is nested in, as currently seen.
    func parent(of entity: Entity) -> Entity? {
        entity.parentIndex.map { current(allEntities[$0]) }
    }

    /// Entities of `kind` in declaration order.
    func entities(of kind: DeclarationKind) -> [Entity] {
        entitiesByKind[kind] ?? []
    }

    /// The entity as currently seen: a `with` copy standing in for it, or itself.
    @inline(__always)
    func current(_ entity: Entity) -> Entity {
        if overrides.isEmpty { return entity }
        return overrides[entity.index] ?? entity
    }
}
