import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGINT (Ctrl-C while the terminal is not being edited) into a request to stop the
/// running evaluation, or, between evaluations, into a note that plain line reading picks up.
///
/// The handler only reads and writes these flags and calls `requestInterrupt()`, which the
/// backend implements by setting a flag of its own.
enum InterruptTrap {
    nonisolated(unsafe) private static var target: (any REPLBackend)?
    nonisolated(unsafe) private static var isEvaluating = false
    nonisolated(unsafe) private static var isPending = false
    nonisolated(unsafe) private static var interruptedEvaluation = false
    nonisolated(unsafe) private static var isInstalled = false
    nonisolated(unsafe) private static var previousAction = sigaction()

    /// Catches SIGINT for `backend` until `uninstall()`.
    static func install(for backend: any REPLBackend) {
        target = backend
        isPending = false
        guard !isInstalled else { return }
        // No SA_RESTART: a read(2) waiting for a plain line returns EINTR, ending that line.
        let handler: @convention(c) (Int32) -> Void = { _ in
            if InterruptTrap.isEvaluating {
                InterruptTrap.interruptedEvaluation = true
                InterruptTrap.target?.requestInterrupt()
            } else {
                InterruptTrap.isPending = true
            }
        }
        if cel_install_signal_handler(SIGINT, handler, &previousAction) == 0 { isInstalled = true }
    }

    /// Restores the SIGINT action that was in place before `install`.
    static func uninstall() {
        if isInstalled { _ = sigaction(SIGINT, &previousAction, nil) }
        isInstalled = false
        target = nil
    }

    /// Runs `body` (an evaluation) so that SIGINT meanwhile asks the backend to stop; also says
    /// whether SIGINT arrived.
    static func evaluating<Result>(_ body: () -> Result) -> (result: Result, wasInterrupted: Bool) {
        isPending = false
        interruptedEvaluation = false
        isEvaluating = true
        let result = body()
        isEvaluating = false
        return (result, interruptedEvaluation)
    }

    /// True, once, when SIGINT arrived outside an evaluation since the last call.
    static func takePending() -> Bool {
        defer { isPending = false }
        return isPending
    }
}
