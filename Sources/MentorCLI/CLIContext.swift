import MentorDiagnostics
import MentorRuntime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command reads and writes; the real process streams, or buffers in tests.
public final class CLIContext: @unchecked Sendable {
    // Used by one command at a time on one thread.
    /// Receives standard-output text.
    public let writeOut: (String) -> Void
    /// Receives standard-error text.
    public let writeErr: (String) -> Void
    /// Reads standard input, at most one byte past the file size limit (which it then fails).
    private let readInput: () -> Result<[UInt8], ReadError>
    /// True when standard input is a terminal.
    public let stdinIsTerminal: Bool
    /// True when standard output is a terminal.
    public let stdoutIsTerminal: Bool
    /// True when standard error is a terminal.
    public let stderrIsTerminal: Bool
    /// The process environment, read when first asked for: most commands never ask, and
    /// building the dictionary is part of every cold start otherwise.
    public private(set) lazy var environment: [String: String] = readEnvironment()
    /// Reads the environment for `environment`.
    private let readEnvironment: () -> [String: String]
    /// True when the process exits right after the command (not in-process tests): large
    /// object graphs may then be left to the exit instead of being freed one object at a time.
    public private(set) var exitsAfterCommand = false
    /// Objects kept alive until the process exits (see `exitsAfterCommand`).
    private var keptUntilExit: [AnyObject] = []

    /// Keeps `object` alive until exit when the process ends after this command; freeing a
    /// loaded programme of 10,000 agreements object by object costs more than checking part of it.
    public func keepUntilExit(_ object: AnyObject) {
        if exitsAfterCommand { keptUntilExit.append(object) }
    }

    /// The failure writing standard output, when this is the process's context.
    private var standardOutput: StandardOutput?

    /// Creates a context whose standard input is `readStdin`'s bytes.
    public convenience init(writeOut: @escaping (String) -> Void, writeErr: @escaping (String) -> Void, readStdin: @escaping () -> [UInt8],
                            stdinIsTerminal: Bool, stdoutIsTerminal: Bool, stderrIsTerminal: Bool, environment: [String: String]) {
        self.init(writeOut: writeOut, writeErr: writeErr, readInput: { .success(readStdin()) }, stdinIsTerminal: stdinIsTerminal,
                  stdoutIsTerminal: stdoutIsTerminal, stderrIsTerminal: stderrIsTerminal, readEnvironment: { environment })
    }

    private init(writeOut: @escaping (String) -> Void, writeErr: @escaping (String) -> Void,
                 readInput: @escaping () -> Result<[UInt8], ReadError>,
                 stdinIsTerminal: Bool, stdoutIsTerminal: Bool, stderrIsTerminal: Bool,
                 readEnvironment: @escaping () -> [String: String]) {
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.readInput = readInput
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.readEnvironment = readEnvironment
    }

    /// All of standard input, or why it cannot be had: a read error, or more than the file
    /// size limit (`file larger than 64 MiB`, as for a file; reading stops there).
    public func readStandardInput() -> Result<[UInt8], ReadError> {
        readInput().flatMap { bytes in
            bytes.count > FileSystemReader.maxFileSize ? .failure(StandardInput.tooLarge) : .success(bytes)
        }
    }

    /// `status`, or 2 when writing standard output failed (already reported on standard error).
    public func exitStatus(after status: Int32) -> Int32 {
        standardOutput?.hasFailed == true ? MentorExit.usageOrIO : status
    }

    /// The process's environment variables.
    private static func processEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return environment
    }

    /// The real process: file descriptors 0, 1 and 2.
    public static func process() -> CLIContext {
        let closed = StandardStreams.reserveClosedDescriptors()
        let output = StandardOutput.process
        if closed.contains(1) { output.closedAtStart() }
        let context = CLIContext(
            writeOut: { writeAll(1, $0) }, writeErr: { writeAll(2, $0) },
            readInput: { closed.contains(0) ? .failure(ReadError(reason: String(cString: strerror(EBADF))))
                : StandardInput.read(0, limit: FileSystemReader.maxFileSize + 1) },
            stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1, stderrIsTerminal: isatty(2) == 1,
            readEnvironment: processEnvironment)
        context.standardOutput = output
        context.exitsAfterCommand = true
        return context
    }
}

/// Writes all of `text` to a descriptor: standard output through `StandardOutput.process`, which
/// reports a failure; a failure on standard error cannot be reported anywhere.
func writeAll(_ descriptor: Int32, _ text: String) {
    if descriptor == 1 {
        StandardOutput.process.write(text)
    } else {
        _ = StandardOutput.write(text, to: descriptor)
    }
}
