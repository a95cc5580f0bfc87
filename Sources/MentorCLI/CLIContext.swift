#if canImport(Glibc)
import Glibc
#endif

/// Where a command reads and writes; the real process streams, or buffers in tests.
public final class CLIContext: @unchecked Sendable {
    // Used by one command at a time on one thread.
    /// Receives standard-output text.
    public let writeOut: (String) -> Void
    /// Receives standard-error text.
    public let writeErr: (String) -> Void
    /// Reads all of standard input.
    public let readStdin: () -> [UInt8]
    /// True when standard input is a terminal.
    public let stdinIsTerminal: Bool
    /// True when standard output is a terminal.
    public let stdoutIsTerminal: Bool
    /// True when standard error is a terminal.
    public let stderrIsTerminal: Bool
    /// The process environment.
    public let environment: [String: String]
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

    /// Creates a context.
    public init(writeOut: @escaping (String) -> Void, writeErr: @escaping (String) -> Void, readStdin: @escaping () -> [UInt8],
                stdinIsTerminal: Bool, stdoutIsTerminal: Bool, stderrIsTerminal: Bool, environment: [String: String]) {
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.readStdin = readStdin
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.environment = environment
    }

    /// The real process: file descriptors 0, 1 and 2.
    public static func process() -> CLIContext {
        var environment: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        let context = CLIContext(
            writeOut: { writeAll(1, $0) }, writeErr: { writeAll(2, $0) },
            readStdin: { readAll(0) },
            stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1, stderrIsTerminal: isatty(2) == 1,
            environment: environment)
        context.exitsAfterCommand = true
        return context
    }
}

/// Writes all of `text` to a descriptor; a closed pipe (`mentor … | head`) ends the process quietly.
func writeAll(_ descriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
        if written < 0 {
            if errno == EINTR { continue }
            if errno == EPIPE { exit(0) }
            return
        }
        offset += written
    }
    bytes.removeAll()
}

/// Reads a descriptor to its end.
func readAll(_ descriptor: Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        if count <= 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
}
