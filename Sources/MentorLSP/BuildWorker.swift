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
    // `pending` and `started` are read and written only inside `lock.locked`.
    private var pending: (@Sendable () -> Void)?
    private var started = false
    private let lock = MutexCondition()

    /// Runs `work` on the worker thread once the work before it finished; false when the
    /// thread could not be started (the caller then runs the work itself).
    func submit(_ work: @escaping @Sendable () -> Void) -> Bool {
        lock.locked {
            if !started {
                // The engine's phases need a large stack: running the loop on one means they start no thread of their own.
                guard DetachedThread.start({ LargeStack.run { self.serve() } }) else { return false }
                started = true
            }
            pending = work
            lock.signal()
            return true
        }
    }

    /// The worker's loop: waits for work and runs it, for ever (the process ends it).
    private func serve() {
        while true {
            let work = lock.locked {
                lock.wait { pending != nil }
                defer { pending = nil }
                return pending!
            }
            work()
        }
    }
}
