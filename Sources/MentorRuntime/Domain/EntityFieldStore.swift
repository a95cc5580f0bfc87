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

    /// Marks the expression waiting in `slot` of entity `index` as being evaluated; false when
    /// it already is (the field depends on itself). The mark is kept with the expression, not
    /// in a set of all the fields being evaluated: hashing a key into the set and out again
    /// cost more than evaluating most fields.
    mutating func beginEvaluating(of index: Int, at slot: Int) -> Bool {
        guard let position = pending[index].firstIndex(where: { $0.slot == slot }) else { return true }
        if pending[index][position].isEvaluating { return false }
        pending[index][position].isEvaluating = true
        return true
    }

    /// Ends `beginEvaluating` of `slot` of entity `index`, if its expression still waits.
    mutating func endEvaluating(of index: Int, at slot: Int) {
        guard let position = pending[index].firstIndex(where: { $0.slot == slot }) else { return }
        pending[index][position].isEvaluating = false
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

    /// The slot of entity `index` still waiting whose field name comes first, if any.
    func firstPendingSlotByName(of index: Int, schema: KindSchema) -> Int? {
        guard entitiesWithPendingFields > 0 else { return nil }
        var first: (slot: Int, rank: Int)?
        for field in pending[index] {
            let rank = schema.nameRank[field.slot]
            if first.map({ rank < $0.rank }) ?? true { first = (field.slot, rank) }
        }
        return first?.slot
    }

    /// The slots of entity `index` still waiting, in field-name order.
    func pendingSlotsByName(of index: Int, schema: KindSchema) -> [Int] {
        // Sorted by inserting each in place: an entity has a handful of fields waiting, most
        // often given in name order already, and `sorted(by:)` with its closure cost about
        // 600 instructions an entity.
        let rank = schema.nameRank
        var slots: [Int] = []
        slots.reserveCapacity(pending[index].count)
        for field in pending[index] {
            var position = slots.count
            while position > 0, rank[slots[position - 1]] > rank[field.slot] { position -= 1 }
            slots.insert(field.slot, at: position)
        }
        return slots
    }
}
