#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands the terminal from the REPL's evaluation (canonical mode) to libedit without losing a key.
///
/// In canonical mode the kernel stores Ctrl-D on an empty line as a marked zero byte; switching
/// to character mode drops the mark, so libedit would read a plain NUL (Ctrl-@) and the key the
/// user typed to leave would vanish. That happens to a Ctrl-D typed while the REPL evaluates,
/// and to one typed right after the prompt appears, because libedit writes the prompt before it
/// leaves canonical mode (seen with strace: `write("mentor> ")` precedes `TCSETSW`).
enum TerminalHandover {
    /// True when the next thing waiting on `descriptor` is an end-of-file key typed ahead; it is
    /// consumed. While the terminal is canonical, a readable descriptor with no bytes to read
    /// holds exactly that marker. Typed-ahead lines are left for the line editor.
    static func consumeTypedAheadEndOfFile(on descriptor: Int32 = STDIN_FILENO) -> Bool {
        guard let settings = currentSettings(descriptor), settings.c_lflag & tcflag_t(ICANON) != 0 else { return false }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, 0) == 1, request.revents & Int16(POLLIN) != 0 else { return false }
        var waitingBytes: Int32 = 0
        guard ioctl(descriptor, UInt(FIONREAD), &waitingBytes) == 0, waitingBytes == 0 else { return false }
        var byte: UInt8 = 0
        return read(descriptor, &byte, 1) == 0
    }

    /// Leaves canonical mode before libedit draws its prompt, so every key typed once the prompt
    /// shows arrives as the byte that was typed. libedit then sets its own editing mode, and
    /// restores the canonical settings it saved at start-up when the line is done.
    static func leaveCanonicalMode(on descriptor: Int32 = STDIN_FILENO) {
        guard var settings = currentSettings(descriptor), settings.c_lflag & tcflag_t(ICANON) != 0 else { return }
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &settings.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        _ = tcsetattr(descriptor, TCSADRAIN, &settings)
    }

    private static func currentSettings(_ descriptor: Int32) -> termios? {
        var settings = termios()
        return tcgetattr(descriptor, &settings) == 0 ? settings : nil
    }
}
