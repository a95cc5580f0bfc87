import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary files of replacements in progress when SIGINT, SIGTERM or SIGHUP
/// ends the process, so an interrupted `fmt -w` or `export -o` leaves no half-written file.
///
/// A signal handler may only make async-signal-safe calls and must not allocate or lock, so
/// each temporary file is recorded up front in a fixed slot (its folder's descriptor and its
/// name as C bytes), armed by an atomic store; the handler `unlinkat`s the armed slots and
/// re-raises the signal with its default action. Only signals whose action was the default
/// are caught: a handler someone else installed (the REPL's Ctrl-C) or an ignored signal
/// (`nohup`) keeps its meaning, and the process then lives on to finish or undo the write.
enum TemporaryFileCleanup {
    /// A registered temporary file, to pass back to `unregister`.
    struct Registration {
        fileprivate let slot: Int
    }

    private static let slotCount = 16
    /// NAME_MAX plus the terminating NUL: a slot holds a name, not a path.
    private static let nameCapacity = 256
    private static let free = 0, filling = 1, armed = 2

    // Allocated once and never freed: the handler may read them at any moment.
    nonisolated(unsafe) private static let states: UnsafeMutablePointer<Atomic<Int>> = {
        let states = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: slotCount)
        for slot in 0..<slotCount { (states + slot).initialize(to: Atomic(free)) }
        return states
    }()
    nonisolated(unsafe) private static let directories = UnsafeMutablePointer<Int32>.allocate(capacity: slotCount)
    nonisolated(unsafe) private static let names = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * nameCapacity)
    private static let installation = Mutex(false)

    /// The signals whose default action ends the process and which a user sends to stop it.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Records `name` in the folder open as `directory` for removal if a signal ends the
    /// process; nil when every slot is taken (the file is then only removed on errors).
    static func register(directory: Int32, name: String) -> Registration? {
        installHandlers()
        let bytes = Array(name.utf8)
        guard bytes.count < nameCapacity else { return nil }
        for slot in 0..<slotCount {
            guard states[slot].compareExchange(expected: free, desired: filling, ordering: .acquiring).exchanged else {
                continue
            }
            let start = names + slot * nameCapacity
            for (offset, byte) in bytes.enumerated() { start[offset] = CChar(bitPattern: byte) }
            start[bytes.count] = 0
            directories[slot] = directory
            states[slot].store(armed, ordering: .releasing)
            return Registration(slot: slot)
        }
        return nil
    }

    /// Forgets a temporary file that was renamed into place or removed.
    static func unregister(_ registration: Registration?) {
        guard let registration else { return }
        states[registration.slot].store(free, ordering: .releasing)
    }

    /// Runs in the signal handler: nothing here allocates, locks or calls an unsafe function.
    fileprivate static func removeArmed() {
        for slot in 0..<slotCount where states[slot].load(ordering: .acquiring) == armed {
            _ = unlinkat(directories[slot], names + slot * nameCapacity, 0)
        }
    }

    private static func installHandlers() {
        installation.withLock { installed in
            guard !installed else { return }
            installed = true
            // Touch the storage now: the handler must never be the first to initialise it.
            _ = states
            _ = directories
            _ = names
            for signal in signals { installIfDefault(signal) }
        }
    }

    private static func installIfDefault(_ signal: Int32) {
        var current = sigaction()
        guard sigaction(signal, nil, &current) == 0, hasDefaultAction(current) else { return }
        var action = sigaction()
        #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = temporaryFileSignalHandler
        #else
        action.__sigaction_handler.sa_handler = temporaryFileSignalHandler
        #endif
        sigemptyset(&action.sa_mask)
        // Reset to the default on entry and do not block the signal, so the `raise` in the
        // handler ends the process at once with the status the signal would have given.
        action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND)) | Int32(SA_NODEFER)
        _ = sigaction(signal, &action, nil)
    }

    private static func hasDefaultAction(_ action: sigaction) -> Bool {
        #if canImport(Darwin)
        let handler = unsafeBitCast(action.__sigaction_u, to: Int.self)
        #else
        let handler = unsafeBitCast(action.__sigaction_handler, to: Int.self)
        #endif
        return handler == 0  // SIG_DFL
    }
}

/// The handler itself, a C function: remove what was armed, then die of the signal.
private func temporaryFileSignalHandler(_ signal: Int32) {
    TemporaryFileCleanup.removeArmed()
    _ = raise(signal)
}
