import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stream a piece of REPL output goes to.
public enum REPLStream: Sendable {
    /// Values, descriptions, help.
    case standardOutput
    /// Diagnostics and warnings.
    case standardError
}

/// Where the REPL prints; tests capture it.
public protocol REPLWriter: AnyObject {
    /// Prints `text` as it is.
    func write(_ text: String, to stream: REPLStream)
}

/// Prints to the process's standard output and error through C stdio, the same buffers
/// libedit draws through, flushing at once so prompts and results keep their order.
public final class StandardStreamsWriter: REPLWriter {
    /// Creates the writer.
    public init() {}

    /// Prints `text` and flushes.
    public func write(_ text: String, to stream: REPLStream) {
        let file = stream == .standardOutput ? cel_stdout() : cel_stderr()
        fputs(text, file)
        fflush(file)
    }
}
