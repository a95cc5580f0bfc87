/// The field values of a programme's declared entities, by entity index and slot: values
/// evaluated and type-checked, and expressions still waiting to be evaluated on first use (so
/// declarations may refer to each other in any order). Plain arrays beside the entities, so
/// a value naming an entity never makes the entity hold it back.
struct EntityFieldStore {
    /// Evaluated values of each entity: a short run of the column rather than a table by
    /// name, since an entity gives a handful of fields and finding a slot is a few integer
    /// compares.
    private var stored = FieldValueColumn()
    /// Expressions not evaluated yet, of each entity.
    private var pending: [[PendingField]] = []
    /// How many entities have pending fields: zero once a programme is elaborated, so reads
    /// skip the pending lists entirely.
    private(set) var entitiesWithPendingFields = 0
    /// The fields being evaluated right now (`key(entity, slot)`), to report a field that
    /// depends on itself; a set, since a chain of fields naming each other can be long.
    var inProgress: Set<Int> = []

    /// One number for a slot of an entity (a kind has far fewer than 256 slots).
    static func key(_ entity: Int, _ slot: Int) -> Int { entity &* 256 &+ slot }

    /// Makes room for `additional` more entities, as `EntityStore.reserveCapacity` does: grown
    /// entity by entity, the two lists held up to twice their entries at the heap's peak.
    mutating func reserveCapacity(forAdding additional: Int) {
        guard additional > stored.count else { return }
        stored.reserveEntities(stored.count + additional)
        pending.reserveCapacity(stored.count + additional)
    }

    /// Makes room for the entity with `index` (the next one).
    mutating func append(entity index: Int) {
        precondition(index == stored.count, "entities are stored in index order")
        stored.appendEntity()
        pending.append([])
    }

    /// The value in `slot` of entity `index`, if evaluated and present.
    @inline(__always)
    func value(of index: Int, at slot: Int) -> Value? { stored.value(of: index, at: slot) }

    /// Every evaluated value of entity `index`.
    func values(of index: Int) -> [StoredField] { stored.values(of: index) }

    /// Stores the fields resolving gave entity `index`'s declaration: literal values, and
    /// expressions to evaluate on first use. The list of values is sized first for every field
    /// given, evaluated or not, since each ends up a stored value: grown by `append`, the lists
    /// of 100,000 agreements kept up to half again as much room as they used (171 MB in all).
    mutating func storeResolved(_ resolved: [FileResolution.Field], of index: Int) {
        guard !resolved.isEmpty else { return }
        stored.reserve(resolved.count, for: index)
        // And the pending list for its expressions: grown by `append`, two of them copied it.
        let expressions = resolved.count { if case .pending = $0 { true } else { false } }
        if expressions > 1, pending[index].isEmpty { pending[index].reserveCapacity(expressions) }
        for field in resolved {
            switch field {
            case .pending(let pending): addPending(pending, of: index)
            case .value(let slot, let value): stored.setValue(value, of: index, at: slot)
            }
        }
    }

    /// Stores `value` in `slot` of entity `index`, or clears the slot for nil.
    mutating func setValue(_ value: Value?, of index: Int, at slot: Int) {
        if let value { stored.setValue(value, of: index, at: slot) } else { stored.clear(slot, of: index) }
    }

    /// The expression waiting in `slot` of entity `index`, if any.
    @inline(__always)
    func pendingField(of index: Int, at slot: Int) -> PendingField? {
        guard entitiesWithPendingFields > 0 else { return nil }
        for field in pending[index] where field.slot == slot { return field }
        return nil
    }

    /// True when entity `index` has fields waiting.
    func hasPending(_ index: Int) -> Bool { entitiesWithPendingFields > 0 && !pending[index].isEmpty }

    /// Records `field`'s expression to evaluate on first use.
    mutating func addPending(_ field: PendingField, of index: Int) {
        if let position = pending[index].firstIndex(where: { $0.slot == field.slot }) {
            pending[index][position] = field
        } else {
            if pending[index].isEmpty { entitiesWithPendingFields += 1 }
            pending[index].append(field)
        }
    }

    /// Forgets the expression waiting in `slot` of entity `index`; the list's storage goes with its last entry.
    mutating func removePending(of index: Int, at slot: Int) {
        guard let position = pending[index].firstIndex(where: { $0.slot == slot }) else { return }
        if pending[index].count == 1 {
            pending[index] = []
            entitiesWithPendingFields -= 1
        } else {
            pending[index].remove(at: position)
        }
    }

    /// Everything entity `index` holds: its values and its expressions still waiting.
    func contents(of index: Int) -> (stored: [StoredField], pending: [PendingField]) { (stored.values(of: index), pending[index]) }

    /// Puts `contents` in place of what entity `index` holds (`Engine.recheck` evaluates an
    /// edited file's fields in place and puts the built ones back).
    mutating func replaceContents(of index: Int, with contents: (stored: [StoredField], pending: [PendingField])) {
        entitiesWithPendingFields += (contents.pending.isEmpty ? 0 : 1) - (pending[index].isEmpty ? 0 : 1)
        stored.replaceValues(of: index, with: contents.stored)
        pending[index] = contents.pending
    }

    /// The slots of entity `index` still waiting, in field-name order.
    func pendingSlotsByName(of index: Int, schema: KindSchema) -> [Int] {
        pending[index].map(\.slot).sorted { schema.nameRank[$0] < schema.nameRank[$1] }
    }
}
