#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor without editing: for piped input, and for terminals
/// libedit cannot drive (`TERM=dumb`), where prompts are still shown.
public final class PlainLineReader: REPLLineSource {
    private let descriptor: Int32
    private let writer: any REPLWriter
    private let interruptTrap: InterruptTrap?
    private var buffered: [UInt8] = []
    private var reachedEnd = false

    /// True when the descriptor is a terminal.
    public let isInteractive: Bool

    /// Reads from `descriptor` (standard input by default), printing prompts through `writer`
    /// when it is a terminal.
    public convenience init(descriptor: Int32 = STDIN_FILENO, writer: any REPLWriter = StandardStreamsWriter()) {
        self.init(descriptor: descriptor, writer: writer, interruptTrap: nil)
    }

    /// A reader that SIGINT caught by `interruptTrap` interrupts while it waits.
    init(descriptor: Int32, writer: any REPLWriter, interruptTrap: InterruptTrap?) {
        self.descriptor = descriptor
        self.writer = writer
        self.interruptTrap = interruptTrap
        self.isInteractive = isatty(descriptor) == 1
    }

    /// Reads one line; SIGINT while waiting (with the REPL's trap installed) interrupts it.
    public func readLine(prompt: String) -> LineEditor.Input {
        if isInteractive { writer.write(prompt, to: .standardOutput) }
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffered[..<newline])
                buffered.removeSubrange(...newline)
                return .line(Self.text(of: line))
            }
            if reachedEnd {
                guard !buffered.isEmpty else {
                    // Ctrl-D leaves the cursor after the prompt; the shell's prompt belongs on a fresh line.
                    if isInteractive { writer.write("\n", to: .standardOutput) }
                    return .endOfFile
                }
                defer { buffered.removeAll() }
                return .line(Self.text(of: buffered))
            }
            // A Ctrl-C that came just before read(2) blocked would otherwise wait for the next line.
            if interruptTrap?.takePending() == true { return interrupted() }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffered.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                reachedEnd = true
            } else if errno == EINTR {
                if interruptTrap?.takePending() == true { return interrupted() }
            } else {
                reachedEnd = true
            }
        }
    }

    private func interrupted() -> LineEditor.Input {
        let discarded = Self.text(of: buffered)
        buffered.removeAll()
        if isInteractive { writer.write("\n", to: .standardOutput) }
        return .interrupted(discarded: discarded)
    }

    /// Piped input has no history to browse.
    public func remember(_ entry: String) {}

    private static func text(of bytes: [UInt8]) -> String {
        LineEditor.removingFinalNewline(String(decoding: bytes, as: UTF8.self))
    }
}
