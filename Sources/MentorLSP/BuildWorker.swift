#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorSource

/// The one thread every build runs on, for the server's whole life. A thread per build (and
/// the engine's large-stack thread inside each) gave every build a fresh malloc arena, so each
/// programme built was left as free but unreturned pages in another arena: resident memory
/// grew with the edits. One long-lived large-stack thread keeps the builds in one arena,
/// where a programme's memory is reused by the next one.
final class BuildWorker: @unchecked Sendable {
    // `pending` and `started` are read and written only with `mutex` held.
    private var pending: (@Sendable () -> Void)?
    private var started = false
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    // Runs only for a worker whose thread never started: a started thread holds its worker.
    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    /// Runs `work` on the worker thread once the work before it finished; false when the
    /// thread could not be started (the caller then runs the work itself).
    func submit(_ work: @escaping @Sendable () -> Void) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if !started {
            // The engine's phases need a large stack: running the loop on one means they start no thread of their own.
            guard DetachedThread.start({ LargeStack.run { self.serve() } }) else { return false }
            started = true
        }
        pending = work
        pthread_cond_signal(condition)
        return true
    }

    /// The worker's loop: waits for work and runs it, for ever (the process ends it).
    private func serve() {
        while true {
            pthread_mutex_lock(mutex)
            while pending == nil { pthread_cond_wait(condition, mutex) }
            let work = pending!
            pending = nil
            pthread_mutex_unlock(mutex)
            work()
        }
    }
}
