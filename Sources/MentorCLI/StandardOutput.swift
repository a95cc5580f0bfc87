import MentorDiagnostics
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorSource

/// Standard output written with write(2). A closed pipe (`mentor … | head`) ends the process
/// quietly with status 0; any other failure (`> /dev/full`, `>&-`) is reported once on
/// standard error, later output is dropped, and the process exits 2 (`CLIContext.exitStatus`).
final class StandardOutput: Sendable {
    /// The process's standard output, reporting on its standard error.
    static let process = StandardOutput(descriptor: 1, report: { _ = StandardOutput.write($0, to: 2) })

    private let descriptor: Int32
    private let report: @Sendable (String) -> Void
    private enum State { case writable, closedAtStart, failed }
    private let state = Mutex(State.writable)

    /// Output to `descriptor`, reporting its first failure to `report`.
    init(descriptor: Int32, report: @escaping @Sendable (String) -> Void) {
        self.descriptor = descriptor
        self.report = report
    }

    /// True once a write failed (and was reported).
    var hasFailed: Bool { state.withLock { $0 == .failed } }

    /// Marks the stream as closed when the process started (`>&-`): the descriptor now holds a
    /// placeholder, and the first write fails with EBADF as it would have.
    func closedAtStart() {
        state.withLock { if $0 == .writable { $0 = .closedAtStart } }
    }

    /// Writes `text`; the first failure is reported, and nothing is written after it.
    func write(_ text: String) {
        // Under the lock: concurrent writers must not interleave, nor both report.
        let failure: Int32? = state.withLock { state in
            switch state {
            case .failed:
                return nil
            case .closedAtStart:
                state = .failed
                return EBADF
            case .writable:
                let error = StandardOutput.write(text, to: descriptor)
                if error == 0 { return nil }
                if error == EPIPE { exit(MentorExit.success) }
                state = .failed
                return error
            }
        }
        if let failure { report(Self.message(failure)) }
    }

    /// `mentor: error: cannot write standard output: REASON [M0605]`, with a newline.
    static func message(_ code: Int32) -> String {
        "mentor: error: cannot write standard output: \(String(cString: strerror(code))) [\(DiagnosticCode.standardOutputWriteFailed)]\n"
    }

    /// Writes all of `text` to `descriptor`, retrying short and interrupted writes; 0 or the `errno`.
    static func write(_ text: String, to descriptor: Int32) -> Int32 {
        var bytes = Array(text.utf8)
        defer { bytes.removeAll() }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { SystemCall.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }
}

extension DiagnosticCode {
    /// Standard output could not be written (a full disk, a closed descriptor); the run exits 2.
    static let standardOutputWriteFailed = DiagnosticCode(605)
}
