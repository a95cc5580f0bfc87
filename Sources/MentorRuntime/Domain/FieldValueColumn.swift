/// The evaluated field values of every entity, by entity index, in one column cut into
/// chunks: an entity's values lie side by side in one chunk, where its `Extent` says. An
/// array an entity cost 32 bytes of header and an allocation of its own beside its values,
/// and the field store is the largest thing held while a load resolves (docs/performance.md,
/// "Peak memory: the field store").
struct FieldValueColumn {
    /// Entries a chunk is made for (160 KB of 40-byte entries): the last chunk's unused room
    /// stays small, and the column never copies more than a chunk to grow. An entity given
    /// more fields than this gets a chunk of its own.
    static let chunkSize = 4096

    /// Where an entity's values lie: `count` entries from `start` of chunk `chunk`, with
    /// room for `capacity` there.
    private struct Extent {
        var chunk: UInt32 = 0
        var start: UInt32 = 0
        var count: UInt32 = 0
        var capacity: UInt32 = 0
    }

    private var chunks: [[StoredField]] = []
    private var extents: [Extent] = []

    /// How many entities have a place in the column.
    var count: Int { extents.count }

    /// Makes room for `total` entities' extents.
    mutating func reserveEntities(_ total: Int) { extents.reserveCapacity(total) }

    /// Makes a place, empty, for the next entity.
    mutating func appendEntity() { extents.append(Extent()) }

    /// The values of entity `index`, in the order they were stored.
    @inline(__always)
    func withValues<Result>(of index: Int, _ body: (ArraySlice<StoredField>) -> Result) -> Result {
        let extent = extents[index]
        // An empty extent names chunk 0, which does not exist while no entity holds a value
        // (a programme of rules and tests only).
        guard extent.count > 0 else { return body([]) }
        let start = Int(extent.start)
        return body(chunks[Int(extent.chunk)][start ..< start + Int(extent.count)])
    }

    /// The value in `slot` of entity `index`, if stored.
    @inline(__always)
    func value(of index: Int, at slot: Int) -> Value? {
        let extent = extents[index]
        guard extent.count > 0 else { return nil }
        return Self.value(at: slot, in: chunks[Int(extent.chunk)], from: Int(extent.start), count: Int(extent.count))
    }

    /// The value in `slot` among `count` entries of `chunk` from `start`: the chunk is
    /// borrowed once, not looked up again for each entry.
    @inline(__always)
    private static func value(at slot: Int, in chunk: [StoredField], from start: Int, count: Int) -> Value? {
        for position in start ..< start + count where chunk[position].slot == slot { return chunk[position].value }
        return nil
    }

    /// Makes room for `capacity` values of entity `index`, which holds none yet.
    mutating func reserve(_ capacity: Int, for index: Int) {
        guard extents[index].count == 0, capacity > extents[index].capacity else { return }
        extents[index] = place(capacity: capacity, count: 0)
    }

    /// Stores `value` in `slot` of entity `index`, replacing the slot's value or after the
    /// others. Not an optional to clear with: copying and destroying a `Value?` cost more
    /// than the rest of storing a field.
    mutating func setValue(_ value: consuming Value, of index: Int, at slot: Int) {
        var extent = extents[index]
        let start = Int(extent.start)
        let end = start + Int(extent.count)
        var position = start
        while position < end, chunks[Int(extent.chunk)][position].slot != slot { position += 1 }
        if position < end {
            chunks[Int(extent.chunk)][position].value = value
            return
        }
        if extent.count == extent.capacity {
            // Moved whole to a larger place; the old one stays unused (stores are sized for
            // their fields first, so this is rare).
            let moved = place(capacity: max(2 * Int(extent.capacity), 2), count: Int(extent.count))
            for offset in 0 ..< Int(extent.count) {
                chunks[Int(moved.chunk)][Int(moved.start) + offset] = chunks[Int(extent.chunk)][start + offset]
                chunks[Int(extent.chunk)][start + offset] = Self.vacant
            }
            extent = moved
        }
        chunks[Int(extent.chunk)][Int(extent.start + extent.count)] = StoredField(slot: slot, value: value)
        extent.count += 1
        extents[index] = extent
    }

    /// Clears `slot` of entity `index`; the values after it move up, keeping their order.
    mutating func clear(_ slot: Int, of index: Int) {
        var extent = extents[index]
        let chunk = Int(extent.chunk)
        let start = Int(extent.start)
        let end = start + Int(extent.count)
        guard let position = (start ..< end).first(where: { chunks[chunk][$0].slot == slot }) else { return }
        for next in position + 1 ..< end { chunks[chunk][next - 1] = chunks[chunk][next] }
        chunks[chunk][end - 1] = Self.vacant
        extent.count -= 1
        extents[index] = extent
    }

    /// Every value of entity `index`, as a list of its own.
    func values(of index: Int) -> [StoredField] { withValues(of: index) { Array($0) } }

    /// Puts `values` in place of what entity `index` holds.
    mutating func replaceValues(of index: Int, with values: [StoredField]) {
        var extent = extents[index]
        for offset in 0 ..< Int(extent.count) { chunks[Int(extent.chunk)][Int(extent.start) + offset] = Self.vacant }
        if values.count > extent.capacity { extent = place(capacity: values.count, count: 0) }
        let chunk = Int(extent.chunk)
        let start = Int(extent.start)
        for (offset, field) in values.enumerated() { chunks[chunk][start + offset] = field }
        extent.count = UInt32(values.count)
        extents[index] = extent
    }

    /// What fills a place no value holds: made, not copied from a stored one (copying a
    /// `Value` goes through its outlined copy, and every place of a new extent is filled).
    @inline(__always)
    private static var vacant: StoredField { StoredField(slot: 0, value: .none) }

    /// A new place for `capacity` values, at the end of the last chunk or in a new one.
    private mutating func place(capacity: Int, count: Int) -> Extent {
        if chunks.isEmpty || chunks[chunks.count - 1].count + capacity > chunks[chunks.count - 1].capacity {
            var chunk: [StoredField] = []
            chunk.reserveCapacity(max(Self.chunkSize, capacity))
            chunks.append(chunk)
        }
        let last = chunks.count - 1
        let start = chunks[last].count
        for _ in 0 ..< capacity { chunks[last].append(Self.vacant) }
        return Extent(chunk: UInt32(last), start: UInt32(start), count: UInt32(count), capacity: UInt32(capacity))
    }
}
