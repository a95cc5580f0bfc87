#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread with a 512 MiB stack (reserved lazily by the OS), so deep but
/// bounded recursion in the evaluator cannot overflow the caller's stack.
enum LargeStack {
    static let size = 512 << 20

    /// Work handed to the thread; the caller waits for it with `pthread_join`.
    private final class Job: @unchecked Sendable {
        // Run exactly once on the worker thread while the caller is blocked in pthread_join.
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    static func run<T>(_ body: () -> T) -> T {
        var result: T?
        withoutActuallyEscaping(body) { escapable in
            let job = Job { result = escapable() }
            if !startAndJoin(job) { job.work() }
        }
        return result!
    }

    /// Runs the job on a new big-stack thread and waits; false if no thread could be made.
    private static func startAndJoin(_ job: Job) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        let context = Unmanaged.passRetained(job).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
            job.work()
            return nil
        }, context)
        if status != 0 {
            Unmanaged<Job>.fromOpaque(context).release()
            return false
        }
        pthread_join(thread, nil)
        return true
    }
}
