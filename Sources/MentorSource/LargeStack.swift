#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread with a 512 MiB stack (reserved lazily by the OS), so the recursive
/// stages (parser, resolver, interpreter, formatter, exporters) have room for the deepest tree
/// the parser accepts, in unoptimised builds too. A call from a thread this made reuses it:
/// a command runs on one such thread, and the engine's calls inside it start no more.
public enum LargeStack {
    /// The stack size of the threads `run` starts.
    public static let size = 512 << 20

    /// Marks the threads `run` started; its value there is non-nil.
    private static let marker: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// True on a thread `run` started.
    public static var isCurrentThreadLarge: Bool { pthread_getspecific(marker) != nil }

    /// True on a thread `run` started when more than half its stack is in use. Recursion the
    /// language allows (calls, `let`s and fields evaluated on demand) stops there with a
    /// diagnostic: one level can hold an expression thousands of levels deep, so a count of
    /// levels alone does not bound the stack. Elsewhere false: the depth limits must do.
    public static var isStackLow: Bool {
        // The thread's value is the address of a local in its first frame.
        guard let base = pthread_getspecific(marker) else { return false }
        var here: UInt8 = 0
        let address = withUnsafeMutablePointer(to: &here) { UInt(bitPattern: $0) }
        let start = UInt(bitPattern: base)
        return address < start && start - address > UInt(size / 2)
    }

    /// Work handed to the thread; the caller waits for it with `pthread_join`.
    private final class Job: @unchecked Sendable {
        // Run exactly once on the worker thread; the thread that started it joins it before
        // returning, so nothing the work captured outlives the call that started it.
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// Runs `body` on a large-stack thread (the current one when it is one) and returns its
    /// result. If no thread can be started, runs it here.
    public static func run<T>(_ body: () -> T) -> T {
        if isCurrentThreadLarge { return body() }
        return runIfPossible(body) ?? body()
    }

    /// Runs `body` on a large-stack thread (the current one when it is one), or returns nil
    /// without running it when no thread can be started.
    public static func runIfPossible<T>(_ body: () -> T) -> T? {
        if isCurrentThreadLarge { return body() }
        var result: T?
        let started = withoutActuallyEscaping(body) { escapable in
            startAndJoin(Job { result = escapable() })
        }
        return started ? result : nil
    }

    /// Runs the job on a new big-stack thread and waits; false if no thread could be made.
    private static func startAndJoin(_ job: Job) -> Bool {
        guard let thread = start(job) else { return false }
        pthread_join(thread, nil)
        return true
    }

    /// Runs `helper(0)`, …, `helper(helpers - 1)` on large-stack threads of their own while
    /// `main` runs on a large-stack thread (the current one when it is one), and returns when
    /// all have finished. A helper whose thread cannot be started runs after `main`, here, so
    /// every helper runs exactly once whatever the system allows.
    public static func runConcurrently(helpers: Int, _ helper: @escaping @Sendable (Int) -> Void, whileHere main: () -> Void) {
        var started: [pthread_t] = []
        var notStarted: [Int] = []
        for index in 0..<max(helpers, 0) {
            if let thread = start(Job { helper(index) }) { started.append(thread) } else { notStarted.append(index) }
        }
        run { main() }
        for index in notStarted { run { helper(index) } }
        for thread in started { pthread_join(thread, nil) }
    }

    /// Starts the job on a new big-stack thread without waiting; nil if no thread could be made.
    private static func start(_ job: Job) -> pthread_t? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        let context = Unmanaged.passRetained(job).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            LargeStack.startWork(Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue())
            return nil
        }, context)
        #else
        var thread: pthread_t?
        let status = pthread_create(&thread, &attributes, { raw in
            LargeStack.startWork(Unmanaged<Job>.fromOpaque(raw).takeRetainedValue())
            return nil
        }, context)
        #endif
        guard status == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return nil
        }
        #if canImport(Glibc)
        return thread
        #else
        return thread!
        #endif
    }

    /// The first frame of a large-stack thread: marks the thread with the address of its
    /// stack's top, then runs the job.
    private static func startWork(_ job: Job) {
        var top: UInt8 = 0
        // Only the address is kept, never read through.
        _ = withUnsafeMutablePointer(to: &top) { pthread_setspecific(marker, UnsafeRawPointer($0)) }
        job.work()
        pthread_setspecific(marker, nil)
    }
}
