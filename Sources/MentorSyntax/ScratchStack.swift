/// A stack the parser collects a list's elements on (the members of a body, the elements of a
/// list literal), so that each list the tree keeps is allocated once at its exact length when
/// the list closes. A nested list pushes above its parent's elements and is moved out before
/// the parent goes on, so one stack serves every level. Trees are held until every file is
/// declared: arrays grown by `append` (or reserved for a typical length) kept their unused
/// room, and copying them to their length afterwards cost a second pass over the tree.
///
/// The storage is managed by hand, not an `Array`: moving the top elements out into a new
/// array must leave the stack shorter without copying them (a retain of every part) and
/// destroying the originals. The owner calls `deallocate()` once, when the parse is over.
struct ScratchStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// How many elements are on the stack.
    private(set) var count = 0

    /// An empty stack with room for `capacity` elements.
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        self.base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    /// Pushes `element`.
    @inline(__always)
    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(never)
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// Moves the elements from `start` to the top into an array of exactly their number, and
    /// leaves `start` elements on the stack.
    /// Not `Array(unsafeUninitializedCapacity:)`: it allocates through the standard library's
    /// unspecialised code, which looks up the array's type metadata in the runtime's table on
    /// every call (about 300 instructions a list); `reserveCapacity` and `append(contentsOf:)`
    /// are specialised here, and the elements are moved in by the sequence handing them out.
    mutating func popArray(from start: Int) -> [Element] {
        let length = count - start
        guard length > 0 else { return [] }
        var result: [Element] = []
        result.reserveCapacity(length)
        result.append(contentsOf: MovingElements(position: base + start, end: base + count))
        count = start
        return result
    }

    /// Hands out the elements between two addresses by moving each out of its place: each
    /// address is left uninitialised, and each element is read exactly once.
    private struct MovingElements: Sequence, IteratorProtocol {
        var position: UnsafeMutablePointer<Element>
        let end: UnsafeMutablePointer<Element>

        var underestimatedCount: Int { end - position }

        mutating func next() -> Element? {
            guard position < end else { return nil }
            defer { position += 1 }
            return position.move()
        }
    }

    /// Destroys the elements from `start` to the top (a list abandoned after an error).
    mutating func discard(from start: Int) {
        guard count > start else { return }
        (base + start).deinitialize(count: count - start)
        count = start
    }

    /// Destroys what is left and frees the storage; the stack is not used afterwards.
    mutating func deallocate() {
        base.deinitialize(count: count)
        count = 0
        base.deallocate()
    }
}
