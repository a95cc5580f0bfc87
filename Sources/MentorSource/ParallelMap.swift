#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps items to results on every core, each worker on a large-stack thread (the recursive
/// stages need it), and hands the results on in the items' order. Each item is handed to exactly one worker
/// and dropped by the map once taken, so whatever an item alone holds (a file's syntax
/// tree) is freed as soon as its worker is done with it, not when the whole map is.
public enum ParallelMap {
    /// The processors online; at least 1.
    public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// The items still to take and the results not yet handed on. Every access holds `lock`;
    /// a worker owns an item from `take` on, and a result from `takeResult` on.
    private final class Slots<Item: Sendable, Result: Sendable>: @unchecked Sendable {
        private var items: [Item?]
        private var results: [Result?]
        private var next = 0
        private let lock = Lock()

        init(_ items: consuming [Item]) {
            results = Array(repeating: nil, count: items.count)
            self.items = items.map { Optional($0) }
        }

        /// The next item not yet taken, with its position; nil once all are taken.
        func take() -> (Int, Item)? {
            lock.withLock {
                guard next < items.count else { return nil }
                let index = next
                next += 1
                let item = items[index]!
                items[index] = nil
                return (index, item)
            }
        }

        func store(_ result: Result, at index: Int) { lock.withLock { results[index] = result } }

        /// The result at `index` if it is ready, which the map then no longer holds.
        func takeResult(at index: Int) -> Result? {
            lock.withLock {
                let result = results[index]
                results[index] = nil
                return result
            }
        }
    }

    /// Hands `transform` of each item to `consume`, in the items' order, on the calling
    /// thread's side: up to `workers` threads transform items at once (the caller's among
    /// them), and the caller consumes each result as soon as it and every one before it are
    /// ready, between items of its own. So the serial part (`consume`) overlaps the other
    /// workers' transforms, and results do not pile up. One worker runs everything in turn.
    public static func forEach<Item: Sendable, Result: Sendable>(
        _ items: consuming [Item], workers: Int = processorCount,
        _ transform: @escaping @Sendable (consuming Item) -> Result,
        inOrder consume: (consuming Result) -> Void
    ) {
        let count = items.count
        // `consume`: the items are the slots' alone, so each is freed once its worker is done
        // (a parameter otherwise lives to the end of the call, holding every item).
        let slots = Slots<Item, Result>(consume items)
        var consumed = 0
        let helpers = max(0, min(workers, count) - 1)
        LargeStack.runConcurrently(helpers: helpers, { _ in
            // `consume`: the loop's binding would otherwise keep a second reference to the item
            // while it is transformed, so nothing it alone holds could be released early.
            while let (index, item) = slots.take() { slots.store(transform(consume item), at: index) }
        }, whileHere: {
            while let (index, item) = slots.take() {
                slots.store(transform(consume item), at: index)
                while consumed < count, let result = slots.takeResult(at: consumed) {
                    consume(result)
                    consumed += 1
                }
            }
        })
        // Every worker has finished: what is left is ready.
        while consumed < count {
            consume(slots.takeResult(at: consumed)!)
            consumed += 1
        }
    }
}
