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
    /// Bytes of `buffered` already handed out as lines.
    private var consumed = 0
    /// Bytes of `buffered` known to hold no line break after `consumed`, so a long line is
    /// searched once, not again after every read.
    private var searched = 0
    private var reachedEnd = false
    /// Bytes of one line after which it is handed on unfinished.
    private let lineLimit: Int

    /// True when the descriptor is a terminal.
    public let isInteractive: Bool

    /// Reads from `descriptor` (standard input by default), printing prompts through `writer`
    /// when it is a terminal.
    public convenience init(descriptor: Int32 = STDIN_FILENO, writer: any REPLWriter = StandardStreamsWriter()) {
        self.init(descriptor: descriptor, writer: writer, interruptTrap: nil)
    }

    /// A reader that SIGINT caught by `interruptTrap` interrupts while it waits.
    init(descriptor: Int32, writer: any REPLWriter, interruptTrap: InterruptTrap?,
         lineLimit: Int = REPLSession.maximumEntryBytes) {
        self.lineLimit = lineLimit
        self.descriptor = descriptor
        self.writer = writer
        self.interruptTrap = interruptTrap
        self.isInteractive = isatty(descriptor) == 1
    }

    /// Reads one line; SIGINT while waiting (with the REPL's trap installed) interrupts it.
    public func readLine(prompt: String) -> LineEditor.Input {
        if isInteractive { writer.write(prompt, to: .standardOutput) }
        while true {
            if let newline = buffered[max(consumed, searched)...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = LineEditor.line(from: buffered[consumed..<newline])
                consumed = newline + 1
                return line
            }
            searched = buffered.count
            // A line past the entry limit is handed on as it is, for the session to refuse,
            // rather than held in memory while it never ends (`cat /dev/zero | mentor repl`).
            if buffered.count - consumed > lineLimit {
                defer { discardBuffered() }
                return LineEditor.line(from: buffered[consumed...])
            }
            if reachedEnd {
                guard consumed < buffered.count else {
                    // Ctrl-D leaves the cursor after the prompt; the shell's prompt belongs on a fresh line.
                    if isInteractive { writer.write("\n", to: .standardOutput) }
                    return .endOfFile
                }
                defer { discardBuffered() }
                return LineEditor.line(from: buffered[consumed...])
            }
            // A Ctrl-C that came just before read(2) blocked would otherwise wait for the next line.
            if interruptTrap?.takePending() == true { return interrupted() }
            // Lines already handed out go before more is read, so each byte is moved at most once.
            buffered.removeFirst(consumed)
            searched -= consumed
            consumed = 0
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
        let discarded = LineEditor.removingFinalNewline(String(decoding: buffered[consumed...], as: UTF8.self))
        discardBuffered()
        if isInteractive { writer.write("\n", to: .standardOutput) }
        return .interrupted(discarded: discarded)
    }

    private func discardBuffered() {
        buffered.removeAll()
        consumed = 0
        searched = 0
    }

    /// Piped input has no history to browse.
    public func remember(_ entry: String) {}
}
