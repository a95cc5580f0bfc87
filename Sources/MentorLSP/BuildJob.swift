import MentorRuntime
import MentorSource

/// A build running on the worker thread, which the server can abandon when a newer edit
/// makes its answer stale: the engine's interrupt stops the rules it is running, and the
/// build stops between phases.
final class BuildJob: @unchecked Sendable {
    // `stale` and `interrupt` are only touched with `lock` held.
    private let lock = Lock()
    private var stale = false
    private var byOtherChange = false
    private var interrupt: InterruptFlag?
    /// The edit generation the build started from.
    let generation: Int

    init(generation: Int) {
        self.generation = generation
    }

    /// Called by the worker once its engine exists, so `abandon` can reach it.
    func attach(_ flag: InterruptFlag) {
        lock.withLock {
            interrupt = flag
            if stale { flag.request() }
        }
    }

    /// Marks the build stale and stops its evaluation; `byEdit` when only an open buffer was
    /// edited, so a build whose check had finished is still a base to recheck edits against.
    func abandon(byEdit: Bool = false) {
        lock.withLock {
            stale = true
            if !byEdit { byOtherChange = true }
            interrupt?.request()
        }
    }

    /// True once abandoned.
    var isStale: Bool { lock.withLock { stale } }

    /// True unless abandoned for a change other than an edit of an open buffer (an open, a
    /// save, a file on disk), which makes the build's view of the other files stale too.
    var isBaseForEdits: Bool { lock.withLock { !byOtherChange } }
}
