#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server loop's inbox: the reader and the build worker post events, the loop waits for
/// the next one (or a deadline). Also holds the ids of requests the client cancelled, so a
/// request still queued is answered as cancelled instead of being worked on.
final class EventQueue: @unchecked Sendable {
    // Every field is read and written only inside `lock.locked`.
    private var events: [ServerEvent] = []
    private var head = 0
    private var cancelled: Set<JSONValue> = []
    private let lock = MutexCondition()

    /// Adds an event and wakes the loop.
    func post(_ event: ServerEvent) {
        lock.locked {
            events.append(event)
            lock.signal()
        }
    }

    /// Notes that the client cancelled request `id`.
    func cancel(_ id: JSONValue) {
        _ = lock.locked { cancelled.insert(id) }
    }

    /// True (once) when request `id` was cancelled.
    func takeCancellation(_ id: JSONValue) -> Bool {
        lock.locked { cancelled.remove(id) != nil }
    }

    /// The next event, waiting for at most `timeout` seconds (for ever when nil); nil when the time ran out.
    func next(timeout: Double?) -> ServerEvent? {
        lock.locked {
            if let timeout {
                _ = lock.wait(seconds: timeout) { head < events.count }
            } else {
                lock.wait { head < events.count }
            }
            return takeNext()
        }
    }

    /// The event at the head, if any; called with the lock held.
    private func takeNext() -> ServerEvent? {
        guard head < events.count else { return nil }
        let event = events[head]
        head += 1
        if head == events.count {
            events.removeAll(keepingCapacity: true)
            head = 0
        }
        return event
    }
}
