import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGINT (Ctrl-C while the terminal is not being edited) into a request to stop the
/// running evaluation, or, between evaluations, into a note that plain line reading picks up.
///
/// The signal handler only sets flags of the installed trap and calls the backend's
/// `requestInterrupt()`, which sets a flag of its own. A trap that is not installed never sees
/// a signal, so sessions in tests each get one without touching the process's handlers.
final class InterruptTrap {
    nonisolated(unsafe) private static var installed: InterruptTrap?
    nonisolated(unsafe) private static var previousAction = sigaction()

    private let backend: any REPLBackend
    private var isEvaluating = false
    private var isPending = false
    private var interruptedEvaluation = false

    /// A trap that forwards interrupts to `backend` once installed.
    init(backend: any REPLBackend) {
        self.backend = backend
    }

    /// Catches SIGINT for this trap until `uninstall()`, replacing any trap installed before.
    func install() {
        let wasInstalled = Self.installed != nil
        isPending = false
        Self.installed = self
        guard !wasInstalled else { return }
        // No SA_RESTART: a read(2) waiting for a plain line returns EINTR, ending that line.
        let handler: @convention(c) (Int32) -> Void = { _ in InterruptTrap.installed?.signalArrived() }
        if cel_install_signal_handler(SIGINT, handler, &Self.previousAction) != 0 { Self.installed = nil }
    }

    /// Restores the SIGINT action that was in place before `install`.
    func uninstall() {
        guard Self.installed === self else { return }
        _ = sigaction(SIGINT, &Self.previousAction, nil)
        Self.installed = nil
    }

    /// Runs `body` (an evaluation) so that SIGINT meanwhile asks the backend to stop; also says
    /// whether SIGINT arrived.
    func evaluating<Result>(_ body: () -> Result) -> (result: Result, wasInterrupted: Bool) {
        isPending = false
        interruptedEvaluation = false
        isEvaluating = true
        let result = body()
        isEvaluating = false
        return (result, interruptedEvaluation)
    }

    /// True, once, when SIGINT arrived outside an evaluation since the last call.
    func takePending() -> Bool {
        defer { isPending = false }
        return isPending
    }

    private func signalArrived() {
        if isEvaluating {
            interruptedEvaluation = true
            backend.requestInterrupt()
        } else {
            isPending = true
        }
    }
}
