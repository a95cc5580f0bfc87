#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex with one condition variable: what the server's queues wait on (the event queue,
/// the build worker). The state it guards belongs to its owner, touched only inside `locked`.
final class MutexCondition: @unchecked Sendable {
    // Only the pthread objects live here; they are made for the object's life and used through it.
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

    /// Runs `body` with the mutex held.
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Wakes one waiter; called with the mutex held (inside `locked`).
    func signal() { pthread_cond_signal(condition) }

    /// Waits, with the mutex held (inside `locked`), until `isReady` is true.
    func wait(until isReady: () -> Bool) {
        while !isReady() { pthread_cond_wait(condition, mutex) }
    }

    /// Waits, with the mutex held (inside `locked`), until `isReady` is true or `seconds` have
    /// passed; false when the time ran out first.
    func wait(seconds: Double, until isReady: () -> Bool) -> Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nanoseconds = Int(now.tv_nsec) + Int(max(0, seconds) * 1e9)
        var deadline = timespec(tv_sec: now.tv_sec + nanoseconds / 1_000_000_000, tv_nsec: nanoseconds % 1_000_000_000)
        while !isReady() {
            if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT { return isReady() }
        }
        return true
    }
}
