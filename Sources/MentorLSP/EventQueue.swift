#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server loop's inbox: the reader and the build worker post events, the loop waits for
/// the next one (or a deadline). Also holds the ids of requests the client cancelled, so a
/// request still queued is answered as cancelled instead of being worked on.
final class EventQueue: @unchecked Sendable {
    // Every field is read and written only with `mutex` held.
    private var events: [ServerEvent] = []
    private var head = 0
    private var cancelled: Set<JSONValue> = []
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    /// Adds an event and wakes the loop.
    func post(_ event: ServerEvent) {
        pthread_mutex_lock(mutex)
        events.append(event)
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Notes that the client cancelled request `id`.
    func cancel(_ id: JSONValue) {
        pthread_mutex_lock(mutex)
        cancelled.insert(id)
        pthread_mutex_unlock(mutex)
    }

    /// True (once) when request `id` was cancelled.
    func takeCancellation(_ id: JSONValue) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return cancelled.remove(id) != nil
    }

    /// The next event, waiting for at most `timeout` seconds (for ever when nil); nil when the time ran out.
    func next(timeout: Double?) -> ServerEvent? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let timeout {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let nanoseconds = Int(now.tv_nsec) + Int(max(0, timeout) * 1e9)
            var deadline = timespec(tv_sec: now.tv_sec + nanoseconds / 1_000_000_000, tv_nsec: nanoseconds % 1_000_000_000)
            while head == events.count {
                if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT { break }
            }
        } else {
            while head == events.count { pthread_cond_wait(condition, mutex) }
        }
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
