#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The REPL on the process's own terminal or standard input: the one call the `mentor` command makes.
public enum REPL {
    /// Runs the REPL with `backend` until the user leaves or input ends; returns the exit status.
    ///
    /// On a terminal it edits lines with libedit, keeps history in `REPLHistory.defaultPath()` and
    /// prints `banner` first; otherwise it reads standard input line by line without prompts.
    public static func run(backend: any REPLBackend, banner: String? = nil) -> Int32 {
        let writer = StandardStreamsWriter()
        let interruptTrap = InterruptTrap(backend: backend)
        let session: REPLSession
        let editor = LineEditor { reason in
            writer.write("note: line editing is off: libedit cannot be opened (\(reason)); install it "
                + "(Debian: apt-get install libedit2) or set MENTOR_LIBEDIT to its path\n", to: .standardError)
        }
        if let editor {
            let history = openHistory(reportingTo: writer)
            editor.loadHistory(history?.entries ?? [])
            session = REPLSession(
                backend: backend, input: editor, writer: writer, history: history, interruptTrap: interruptTrap)
            editor.completer = { [unowned session] line in session.complete(line) }
            if let banner { writer.write(banner.hasSuffix("\n") ? banner : banner + "\n", to: .standardOutput) }
        } else {
            let reader = PlainLineReader(descriptor: STDIN_FILENO, writer: writer, interruptTrap: interruptTrap)
            session = REPLSession(
                backend: backend, input: reader, writer: writer, history: nil, interruptTrap: interruptTrap)
            if let banner, reader.isInteractive {
                writer.write(banner.hasSuffix("\n") ? banner : banner + "\n", to: .standardOutput)
            }
        }
        interruptTrap.install()
        defer { interruptTrap.uninstall() }
        return session.run()
    }

    private static func openHistory(reportingTo writer: any REPLWriter) -> REPLHistory? {
        guard let path = REPLHistory.defaultPath() else { return nil }
        do {
            return try REPLHistory(path: path)
        } catch {
            writer.write("warning: \(error); history is not saved in this session\n", to: .standardError)
            return nil
        }
    }
}
