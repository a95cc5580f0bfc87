import MentorDiagnostics
import MentorSyntax
import MentorSource

/// The declared entities of a programme, their field values (`fields`, by entity index) and
/// the memoised computed members. Evaluation never edits it to see a `with` copy or a
/// `violations` restriction: that is the interpreter's `EvaluationOverlay`.
final class ProgramModel {
    private(set) var entitiesByKind: [DeclarationKind: [Entity]] = [:]
    private(set) var allEntities: [Entity] = []
    /// The field values and pending field expressions of every entity, by index.
    private(set) var fields = EntityFieldStore()
    /// Caches of computed members, by entity index, then by the member's number in
    /// `SchemaMembers`; cleared whenever a new declaration could change them, and not used
    /// while an overlay holds a copy. A table per entity rather than one keyed by both: one
    /// table of every cached member grew by doubling, and its copy while growing was 60 MB of
    /// the peak at 100,000 agreements. A worker interpreter keeps its own (`WorkerScratch`).
    var cache: [Int: [Int: Value]] = [:] {
        didSet { if cache.isEmpty { dropDerivedIndexes() } }
    }
    /// The schemas entities are made with: the built-in ones, extended by the programme's fields.
    private(set) var schemas = ProgramSchemas.builtIn

    /// Adds the programme's `fields`. Entities declared before keep the schemas they were
    /// made with, so when there are any this counts as a replacement: the engine builds the
    /// programme again from its history, as for a name declared again.
    func extendSchemas(with fields: [FieldRow]) {
        guard !fields.isEmpty else { return }
        schemas = ProgramSchemas(fields: schemas.programmeFields + fields)
        if !allEntities.isEmpty { replacements += 1 }
    }

    /// Agreements by role and party (person index), built on first use; dropped with the cache.
    var partyIndex: [AgreementRole: [Int: [Entity]]]?
    /// The first agenda `for` each agreement (by agreement index), built on first use; dropped with the cache.
    var agendaIndex: [Int: Entity]?

    /// Adds an entity (top-level or nested) and returns it.
    @discardableResult
    func add(kind: DeclarationKind, id: String, site: DeclarationSite, parent: Entity?) -> Entity {
        let entity = Entity(kind: kind, index: allEntities.count, id: id, declaration: site, schema: schemas.schema(of: kind))
        entity.parentIndex = parent?.index
        parent?.children.append(entity)
        allEntities.append(entity)
        fields.append(entity: entity.index)
        entitiesByKind[kind, default: []].append(entity)
        dropDerivedIndexes()
        return entity
    }

    /// How many entities were replaced: values evaluated before a replacement may still hold the old entity.
    private(set) var replacements = 0

    /// Removes every entity declared by `name` at top level (REPL redeclaration) and its children.
    func remove(_ entity: Entity) { remove([entity]) }

    /// Removes top-level entities declared again (REPL redeclarations) and their children, in
    /// one pass over the kinds' lists: a pass per entity made a `:load` of files already loaded
    /// quadratic in their declarations (minutes for 10,000 agreements).
    func remove(_ entities: [Entity]) {
        guard !entities.isEmpty else { return }
        replacements += entities.count
        var doomed = Set<Int>()
        var stack = entities
        while let entity = stack.popLast() {
            doomed.insert(entity.index)
            stack.append(contentsOf: entity.children)
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

    /// Entities of `kind` in declaration order.
    func entities(of kind: DeclarationKind) -> [Entity] {
        entitiesByKind[kind] ?? []
    }

    // MARK: Field values

    /// The evaluated value of `field` of `entity` (a copy's own, else the store's), with no
    /// programme default and no evaluation.
    @inline(__always)
    subscript(entity: Entity, field: FieldRow) -> Value? {
        assert(field.kind == entity.kind, "`\(field.name)` is a field of \(field.kind), not of \(entity.kind)")
        return value(of: entity, at: field.slot)
    }

    /// The evaluated value in `slot` of `entity`.
    @inline(__always)
    func value(of entity: Entity, at slot: Int) -> Value? {
        if let copied = entity.copiedFields {
            for field in copied where field.slot == slot { return field.value }
            return nil
        }
        return fields.value(of: entity.index, at: slot)
    }

    /// Stores `value` in `slot` of a declared entity, or clears the slot for nil.
    func setValue(_ value: Value?, of entity: Entity, at slot: Int) {
        precondition(!entity.isCopy, "a `with` copy's values are fixed when it is made")
        fields.setValue(value, of: entity.index, at: slot)
    }

    /// Records `field`'s expression, to evaluate on first use.
    func addPending(_ field: PendingField, of entity: Entity) {
        fields.addPending(field, of: entity.index)
        if !FieldCodeShape.readsNoValues(field.code) { filesWithComputedFields.insert(entity.declaration.kindSpan.file) }
    }

    /// The files declaring a field whose expression reads values (a member, a call, a `let`):
    /// its stored value may depend on another declaration's, so `Engine.recheck` of another
    /// file cannot keep it.
    private(set) var filesWithComputedFields: Set<FileID> = []

    /// Everything `entity` holds in the store, to put back with `replaceFields`.
    func fieldContents(of entity: Entity) -> (stored: [StoredField], pending: [PendingField]) {
        fields.contents(of: entity.index)
    }

    /// Puts `contents` in place of what declared `entity` holds in the store.
    func replaceFields(of entity: Entity, with contents: (stored: [StoredField], pending: [PendingField])) {
        precondition(!entity.isCopy, "a `with` copy's values are fixed when it is made")
        fields.replaceContents(of: entity.index, with: contents)
    }

    /// Forgets the expression waiting in `slot` of `entity`.
    func removePending(of entity: Entity, at slot: Int) {
        fields.removePending(of: entity.index, at: slot)
    }

    /// The expression waiting in `slot` of `entity`, if any (never for a copy: copies are made
    /// of evaluated fields).
    @inline(__always)
    func pendingField(of entity: Entity, at slot: Int) -> PendingField? {
        entity.isCopy ? nil : fields.pendingField(of: entity.index, at: slot)
    }

    /// The slots of `entity` still waiting, in field-name order.
    func pendingSlotsByName(of entity: Entity) -> [Int] {
        guard !entity.isCopy, fields.hasPending(entity.index) else { return [] }
        return fields.pendingSlotsByName(of: entity.index, schema: entity.schema)
    }

    /// Marks `slot` of `entity` as being evaluated; false when it already is (the field depends on itself).
    func beginEvaluating(_ entity: Entity, slot: Int) -> Bool {
        fields.inProgress.insert(EntityFieldStore.key(entity.index, slot)).inserted
    }

    /// Ends `beginEvaluating` of `slot` of `entity`.
    func endEvaluating(_ entity: Entity, slot: Int) {
        fields.inProgress.remove(EntityFieldStore.key(entity.index, slot))
    }
}
