import MentorSource
import Testing

/// `ParallelMap.forEach` hands on every item's result exactly once, in the items' order,
/// however many workers share the items.
@Suite("ParallelMap")
struct ParallelMapTests {
    @Test("results come in the items' order, each once", arguments: [1, 2, 8])
    func resultsInOrder(workers: Int) {
        let items = Array(0..<2_000)
        var seen: [Int] = []
        ParallelMap.forEach(items, workers: workers, { item in
            // Uneven work, so workers finish out of order.
            var total = 0
            for step in 0..<((item * 7_919) % 500) { total &+= step }
            return item * 3 + (total == -1 ? 1 : 0)
        }, inOrder: { seen.append($0) })
        #expect(seen == items.map { $0 * 3 })
    }

    @Test("no items: nothing is handed on")
    func noItems() {
        var calls = 0
        ParallelMap.forEach([Int](), workers: 4, { $0 }, inOrder: { _ in calls += 1 })
        #expect(calls == 0)
    }
}
