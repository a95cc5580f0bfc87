/// An entity's place in its programme's `EntityStore`: the order it was declared in, so
/// comparing two IDs compares declaration order. Four bytes, so a value naming an entity
/// stays small and copying it counts no reference.
public struct EntityID: Hashable, Comparable, Sendable {
    /// The position in the store's columns.
    let rawValue: Int32

    init(_ offset: Int) {
        rawValue = Int32(offset)
    }

    /// The position as an array index.
    @inline(__always)
    var offset: Int { Int(rawValue) }

    /// Declaration order.
    public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }
}
