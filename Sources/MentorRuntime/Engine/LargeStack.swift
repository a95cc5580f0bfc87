#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread with a 512 MiB stack (reserved lazily by the OS).
enum LargeStack {
    static let size = 512 << 20

    private final class Box<T>: @unchecked Sendable {
        // Written by the worker thread before it exits and read only after `pthread_join`.
        let body: () -> T
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
    }

    static func run<T>(_ body: () -> T) -> T {
        withoutActuallyEscaping(body) { escapable in
            let box = Box(escapable)
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, size)
            let context = Unmanaged.passRetained(box).toOpaque()
            #if canImport(Glibc)
            var thread = pthread_t()
            #else
            var thread: pthread_t?
            #endif
            let status = pthread_create(&thread, &attributes, { raw in
                let box = Unmanaged<Box<T>>.fromOpaque(raw!).takeRetainedValue()
                box.result = box.body()
                return nil
            }, context)
            if status != 0 {
                // No thread could be made: run here rather than fail.
                Unmanaged<Box<T>>.fromOpaque(context).release()
                return escapable()
            }
            #if canImport(Glibc)
            pthread_join(thread, nil)
            #else
            pthread_join(thread!, nil)
            #endif
            return box.result!
        }
    }
}
