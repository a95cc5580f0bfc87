import MentorDiagnostics
import MentorSyntax
import MentorSource

/// The declared entities of a programme, their field values (`fields`, by entity index) and
/// the memoised computed members. Evaluation never edits it to see a `with` copy or a
/// `violations` restriction: that is the interpreter's `EvaluationOverlay`.
final class ProgramModel {
    // `store` and `fields` are read at every member access of every rule; rules only read them
    // (from several threads, each its own reads, while nothing writes: `WorkerInterpreters`),
    // and a write never evaluates anything while it is open. Their runtime exclusivity checks
    // found nothing and were a large part of each access's cost, so they are switched off.

    /// What every entity was declared as, by `EntityID`.
    @exclusivity(unchecked) private(set) var store = EntityStore()
    /// The field values and pending field expressions of every entity, by index.
    @exclusivity(unchecked) private(set) var fields = EntityFieldStore()
    /// The memoised computed members (`MemberMemo`); cleared whenever a new declaration could
    /// change them, and not used while an overlay holds a copy. A worker interpreter keeps its
    /// own (`WorkerScratch`).
    var cache = MemberMemo() {
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
        if store.count > 0 { replacements += 1 }
    }

    /// Agreements by role and party, built on first use; dropped with the cache.
    var partyIndex: PartyIndex?
    /// The first agenda `for` each agreement (by agreement index), built on first use; dropped with the cache.
    var agendaIndex: [EntityID: EntityRef]?

    /// Makes room for `additional` more entities (see `EntityStore.reserveCapacity`), and for their fields.
    func reserveEntities(_ additional: Int) {
        store.reserveCapacity(forAdding: additional)
        fields.reserveCapacity(forAdding: additional)
    }

    /// Adds an entity (top-level or nested) and returns it. `dropsIndexes: false` is for a caller
    /// that called `dropDerivedIndexes()` before adding many entities, reading no index between
    /// (the declarer, once a file): dropping them for each entity was an exclusivity check an
    /// entity, and without it the optimiser inlines `add` into the declarer; together 9 M
    /// instructions of the serial declare of 10,000 files.
    @discardableResult
    func add(kind: DeclarationKind, id: String, title: String?, site: DeclarationSite, parent: EntityRef?,
             dropsIndexes: Bool = true) -> EntityRef {
        let index = store.add(kind: kind, name: id, title: title, site: site, parent: parent?.index)
        fields.append(entity: index.offset)
        if dropsIndexes { dropDerivedIndexes() }
        return EntityRef(index, kind)
    }

    /// How many entities were replaced: values evaluated before a replacement may still hold the old entity.
    private(set) var replacements = 0

    /// Removes every entity declared by `name` at top level (REPL redeclaration) and its children.
    func remove(_ entity: EntityRef) { remove([entity]) }

    /// Removes top-level entities declared again (REPL redeclarations) and their children, in
    /// one pass over the kinds' lists: a pass per entity made a `:load` of files already loaded
    /// quadratic in their declarations (minutes for 10,000 agreements).
    func remove(_ entities: [EntityRef]) {
        guard !entities.isEmpty else { return }
        replacements += entities.count
        var doomed = Set<EntityID>()
        var stack = entities
        while let entity = stack.popLast() {
            doomed.insert(entity.index)
            stack.append(contentsOf: store.children(of: entity.index))
        }
        store.remove(doomed)
        cache.removeAll()
    }

    /// Forgets the indexes built from the entities' fields, which a new entity or a changed
    /// field makes stale.
    func dropDerivedIndexes() {
        partyIndex = nil
        agendaIndex = nil
    }

    /// Entities of `kind` in declaration order.
    func entities(of kind: DeclarationKind) -> EntityRefs {
        store.entities(of: kind)
    }

    // MARK: Headers

    /// The declared name of `entity` (`ana_dave`; a session's number, a test's title).
    @inline(__always)
    func name(of entity: EntityRef) -> String { store.name(of: entity.index) }

    /// The title of `entity`, if given.
    func title(of entity: EntityRef) -> String? { store.title(of: entity.index) }

    /// What `entity` keeps of its declaration.
    func site(of entity: EntityRef) -> DeclarationSite { store.site(of: entity.index) }

    /// Where diagnostics about `entity` point: its name.
    func nameSpan(of entity: EntityRef) -> Span { store.nameSpan(of: entity.index) }

    /// The entities nested in `entity`, as declared, in declaration order.
    func children(of entity: EntityRef) -> [EntityRef] { store.children(of: entity.index) }

    /// The entity `entity` is nested in, as declared.
    func parent(of entity: EntityRef) -> EntityRef? { store.parent(of: entity.index).map(store.entity) }

    /// Computed member `member` of `entity` as remembered in `memo`.
    @inline(__always)
    func remembered(_ entity: EntityRef, _ member: Int, in memo: MemberMemo) -> Value? {
        memo.value(member: member, kind: entity.kind, serial: store.serial(of: entity.index))
    }

    /// Remembers `value` as computed member `member` of `entity` in `memo`.
    func remember(_ value: Value, as member: Int, of entity: EntityRef, in memo: inout MemberMemo) {
        memo.store(value, member: member, kind: entity.kind, serial: store.serial(of: entity.index),
                   kindCount: store.addedCount(of: entity.kind))
    }

    /// The kind's field slots and member tables `entity` was made with.
    @inline(__always)
    func schema(of entity: EntityRef) -> KindSchema { schemas.schema(of: entity.kind) }

    /// Records the fields `entity`'s declaration gives, once it is resolved.
    func setGivenFields(_ given: consuming DeclarationSite.GivenFields, of entity: EntityRef) {
        store.setGivenFields(given, of: entity.index)
    }

    /// Puts `site` and `title` in place of `entity`'s (the recheck swaps an edited file's in and back).
    func replaceHeader(of entity: EntityRef, site: DeclarationSite, title: String?) {
        store.replaceHeader(of: entity.index, site: site, title: title)
    }

    // MARK: Field values

    /// The evaluated value of `field` of `entity` (a copy's own, else the store's), with no
    /// programme default and no evaluation.
    @inline(__always)
    subscript(entity: EntityRef, field: FieldRow) -> Value? {
        assert(field.kind == entity.kind, "`\(field.name)` is a field of \(field.kind), not of \(entity.kind)")
        return value(of: entity, at: field.slot)
    }

    /// The evaluated value in `slot` of `entity`.
    @inline(__always)
    func value(of entity: EntityRef, at slot: Int) -> Value? {
        if let copy = entity.copy { return copy.value(at: slot) }
        return fields.value(of: entity.index.offset, at: slot)
    }

    /// Stores what resolving gave the fields of `entity`, just declared: literal values
    /// checked against the schema, and expressions to evaluate on first use. One call an
    /// entity: each reach into the stores of this class is an exclusivity check, and a call
    /// a field made those a seventh of applying a file's resolution.
    func storeResolvedFields(_ resolved: [FileResolution.Field], of entity: EntityRef) {
        precondition(!entity.isCopy, "a `with` copy's values are fixed when it is made")
        fields.storeResolved(resolved, of: entity.index.offset)
    }

    /// Stores `value` in `slot` of a declared entity, or clears the slot for nil.
    func setValue(_ value: Value?, of entity: EntityRef, at slot: Int) {
        precondition(!entity.isCopy, "a `with` copy's values are fixed when it is made")
        fields.setValue(value, of: entity.index.offset, at: slot)
    }

    /// Records that `file` gives a field whose expression reads values (`filesWithComputedFields`).
    func noteComputedFields(in file: FileID) {
        filesWithComputedFields.insert(file)
    }

    /// The files declaring a field whose expression reads values (a member, a call, a `let`):
    /// its stored value may depend on another declaration's, so `Engine.recheck` of another
    /// file cannot keep it.
    private(set) var filesWithComputedFields: Set<FileID> = []

    /// Everything `entity` holds in the store, to put back with `replaceFields`.
    func fieldContents(of entity: EntityRef) -> (stored: [StoredField], pending: [PendingField]) {
        fields.contents(of: entity.index.offset)
    }

    /// Puts `contents` in place of what declared `entity` holds in the store.
    func replaceFields(of entity: EntityRef, with contents: (stored: [StoredField], pending: [PendingField])) {
        precondition(!entity.isCopy, "a `with` copy's values are fixed when it is made")
        fields.replaceContents(of: entity.index.offset, with: contents)
    }

    /// Forgets the expression waiting in `slot` of `entity`.
    func removePending(of entity: EntityRef, at slot: Int) {
        fields.removePending(of: entity.index.offset, at: slot)
    }

    /// The expression waiting in `slot` of `entity`, if any (never for a copy: copies are made
    /// of evaluated fields).
    @inline(__always)
    func pendingField(of entity: EntityRef, at slot: Int) -> PendingField? {
        entity.isCopy ? nil : fields.pendingField(of: entity.index.offset, at: slot)
    }

    /// The slots of `entity` still waiting, in field-name order.
    func pendingSlotsByName(of entity: EntityRef) -> [Int] {
        guard !entity.isCopy, fields.hasPending(entity.index.offset) else { return [] }
        return fields.pendingSlotsByName(of: entity.index.offset, schema: schema(of: entity))
    }

    /// The slot of `entity` still waiting whose field name comes first, if any: the elaborator
    /// evaluates an entity's fields by taking the first until none is left, with no list of
    /// them to build and sort for each entity.
    func firstPendingSlotByName(of entity: EntityRef) -> Int? {
        guard !entity.isCopy, fields.hasPending(entity.index.offset) else { return nil }
        return fields.firstPendingSlotByName(of: entity.index.offset, schema: schema(of: entity))
    }

    /// Marks `slot` of `entity` as being evaluated; false when it already is (the field depends on itself).
    func beginEvaluating(_ entity: EntityRef, slot: Int) -> Bool {
        fields.beginEvaluating(of: entity.index.offset, at: slot)
    }

    /// Ends `beginEvaluating` of `slot` of `entity`.
    func endEvaluating(_ entity: EntityRef, slot: Int) {
        fields.endEvaluating(of: entity.index.offset, at: slot)
    }
}
