import struct MentorRuntime.FileSystemReader
import struct MentorSyntax.PendingEntry

/// The read–evaluate–print loop: gathers lines into entries (continuing while the backend's
/// parser says an entry is incomplete), runs meta-commands, records history and prints results.
public final class REPLSession {
    /// What Ctrl-C on an empty prompt prints.
    public static let leaveHint = "(To leave, press Ctrl-D or type :quit)"

    private let backend: any REPLBackend
    private let input: any REPLLineSource
    private let writer: any REPLWriter
    private let history: REPLHistory?
    private let interruptTrap: InterruptTrap
    /// The lines of the entry being typed.
    private var pending = PendingEntry()
    /// The most bytes one entry may hold: the file size limit, since an entry is source too.
    public static let maximumEntryBytes = FileSystemReader.maxFileSize
    private let entryLimit: Int
    /// What `run` returns: 1 once a piped entry or command failed, 2 once piped input was refused.
    private var exitStatus: Int32 = 0
    private var lastRemembered: String?
    private var historyBroken = false

    /// A loop reading from `input`, evaluating with `backend`, printing through `writer` and
    /// appending accepted entries to `history`.
    public convenience init(
        backend: any REPLBackend, input: any REPLLineSource, writer: any REPLWriter, history: REPLHistory? = nil
    ) {
        self.init(
            backend: backend, input: input, writer: writer, history: history,
            interruptTrap: InterruptTrap(backend: backend))
    }

    /// A loop whose evaluations `interruptTrap` (once installed) lets SIGINT stop.
    init(
        backend: any REPLBackend, input: any REPLLineSource, writer: any REPLWriter, history: REPLHistory?,
        interruptTrap: InterruptTrap, entryLimit: Int = REPLSession.maximumEntryBytes
    ) {
        self.entryLimit = entryLimit
        self.backend = backend
        self.input = input
        self.writer = writer
        self.history = history
        self.interruptTrap = interruptTrap
        lastRemembered = history?.entries.last
    }

    /// Runs until the input ends or the user leaves; returns the exit status: 0; 1 when
    /// input that is not interactive had an entry or command that failed (as `run` exits 1 on
    /// a script's error, so a script of entries can be checked); 2 when piped input held an
    /// entry over the size limit.
    public func run() -> Int32 {
        while true {
            let prompt = pending.isEmpty ? Prompt.primary : Prompt.continuation
            switch input.readLine(prompt: prompt) {
            case .line(let line):
                if accept(line) { return exitStatus }
            case .undecodableLine(let bytes):
                if accept(bytes) { return exitStatus }
            case .interrupted(let discarded):
                let wasEmpty = pending.isEmpty && discarded.trimmingBlanks().isEmpty
                pending = PendingEntry()
                if wasEmpty, input.isInteractive { print(Self.leaveHint, to: .standardOutput) }
            case .endOfFile:
                // Piped input that stops inside a construct: let the parser say what is missing.
                if !pending.isEmpty, !input.isInteractive {
                    let source = pending.bytes
                    pending = PendingEntry()
                    show(evaluating { backend.evaluate(source) })
                }
                return exitStatus
            }
        }
    }

    /// Tab's answer for the line being edited: meta-command names after a leading colon, file
    /// paths after `:load` and `:save`, the backend's candidates otherwise.
    public func complete(_ lineBeforeCursor: String) -> Completion {
        guard pending.isEmpty, let colon = Self.leadingColon(in: lineBeforeCursor) else {
            return backend.completions(for: lineBeforeCursor)
        }
        let afterColon = lineBeforeCursor[lineBeforeCursor.index(after: colon)...]
        guard let blank = afterColon.firstIndex(where: \.isWhitespace) else {
            let matches = metaCommandNames.filter { $0.hasPrefix(afterColon) }.map { ":" + $0 }
            // A lone match gets the blank its argument needs, as shells do after a command name.
            let candidates = matches.count == 1 ? [matches[0] + " "] : matches
            return Completion(replacingFrom: colon, in: lineBeforeCursor, candidates: candidates)
        }
        let name = String(afterColon[..<blank])
        guard name == "load" || name == "save" || name == "save!" else { return backend.completions(for: lineBeforeCursor) }
        let wordStart = lineBeforeCursor.lastIndex(where: \.isWhitespace).map { lineBeforeCursor.index(after: $0) }
            ?? lineBeforeCursor.endIndex
        let partial = String(lineBeforeCursor[wordStart...])
        let candidates = FilePathCompleter.candidates(for: partial) { file in
            name != "load" || file.hasSuffix(".mentor")
        }
        return Completion(replacingFrom: wordStart, in: lineBeforeCursor, candidates: candidates)
    }

    /// Takes one line; true when the session should end.
    private func accept(_ line: String) -> Bool {
        if pending.isEmpty {
            if line.trimmingBlanks().isEmpty { return false }
            if let command = MetaCommandLine(line) {
                remember(line.trimmingBlanks())
                return run(command)
            }
        }
        return accept(line.utf8)
    }

    /// Takes one line of code as read; true when the session should end. An entry waits while
    /// the lexer sees something open, then while the parser says it stopped in the middle.
    private func accept<Line: Collection<UInt8>>(_ line: Line) -> Bool {
        // Measured before the line is lexed, so an endless line costs nothing more.
        if pending.bytes.count + line.count + (pending.isEmpty ? 0 : 1) > entryLimit {
            // As for a file or standard input over the limit: refused, not read on without end.
            pending = PendingEntry()
            let what = input.isInteractive ? "this entry" : "'<stdin>'"
            print("mentor: cannot read \(what): entry larger than \(entryLimit >> 20) MiB", to: .standardError)
            if input.isInteractive { return false }
            exitStatus = 2
            return true
        }
        pending.append(line: line)
        if pending.isOpen || backend.isIncomplete(pending.bytes) { return false }
        let source = pending.bytes
        pending = PendingEntry()
        // Recorded before evaluating, so an entry that never finishes is still in the history.
        remember(String(decoding: source, as: UTF8.self))
        let output = evaluating { backend.evaluate(source) }
        show(output)
        return output.shouldQuit
    }

    private func run(_ command: MetaCommandLine) -> Bool {
        // `:save! FILE` is `:save` allowed to overwrite; the `!` is not part of the name.
        let typed = command.name.hasSuffix("!") ? String(command.name.dropLast()) : command.name
        let bang = command.name.hasSuffix("!") ? "!" : ""
        switch MetaCommandResolution(typed, among: metaCommandNames) {
        case .command("quit") where bang.isEmpty:
            return true
        case .command("help") where bang.isEmpty:
            print(helpText, to: .standardOutput)
            return false
        case .command(let name) where name == "help" || name == "quit":
            failed("error: `:\(name)` takes no `!`")
            return false
        case .command(let name):
            let output = evaluating { backend.runMetaCommand(name + bang, argument: command.argument) }
            show(output)
            return output.shouldQuit
        case .ambiguous(let names):
            let listed = names.map { "`:\($0)`" }
            failed("error: `:\(command.name)` could mean \(listed.joined(separator: ", ")); type more of the name")
            return false
        case .unknown(let suggestions):
            let advice = suggestions.first.map { "did you mean `:\($0)`?" } ?? "type `:help` for the list of commands"
            failed("error: unknown command `:\(command.name)`; \(advice)")
            return false
        }
    }

    /// Reports an error of the REPL's own, which fails a piped session as an entry's error does.
    private func failed(_ message: String) {
        show(REPLOutput(stderr: message, failed: true))
    }

    /// Every meta-command name: the REPL's own `help` first and `quit` last, the backend's between.
    private var metaCommandNames: [String] {
        ["help"] + backendMetaCommands.map(\.name) + ["quit"]
    }

    private var backendMetaCommands: [(name: String, summary: String)] {
        var seen: Set<String> = ["help", "quit"]
        return backend.metaCommands.filter { seen.insert($0.name).inserted }
    }

    private var helpText: String {
        let commands = [("help", "Show this help")] + backendMetaCommands.map { ($0.name, $0.summary) }
            + [("quit", "Leave the REPL")]
        let width = (commands.map(\.0.count).max() ?? 0) + 3
        let rows = commands.map { name, summary in
            "  :" + name + String(repeating: " ", count: width - name.count) + summary
        }
        return """
            Type an expression to see its value, or a declaration to add it to the session.
            An entry goes on at the `...>` prompt while a bracket is open or a line ends mid-expression.

            Commands (a unique prefix is enough, as in `:q`):
            \(rows.joined(separator: "\n"))

            Keys: Tab completes. Up and Down recall earlier entries; Ctrl-R searches them.
            Ctrl-C clears the input, or stops a running evaluation. Ctrl-D on an empty line leaves.
            """
    }

    private func remember(_ entry: String) {
        guard entry != lastRemembered else { return }
        lastRemembered = entry
        input.remember(entry)
        guard let history, !historyBroken else { return }
        do {
            try history.append(entry)
        } catch {
            historyBroken = true
            print("warning: \(error); history is not saved for the rest of this session", to: .standardError)
        }
    }

    /// Runs an evaluation that Ctrl-C (SIGINT) can stop.
    private func evaluating(_ evaluation: () -> REPLOutput) -> REPLOutput {
        let (output, wasInterrupted) = interruptTrap.evaluating(evaluation)
        // The terminal echoed `^C` where the cursor was; the message belongs on its own line.
        if wasInterrupted, input.isInteractive { writer.write("\n", to: .standardOutput) }
        return output
    }

    private func show(_ output: REPLOutput) {
        print(output.stdout, to: .standardOutput)
        print(output.stderr, to: .standardError)
        // At a terminal the user sees the error and goes on; a script of entries must fail.
        if output.failed, !input.isInteractive, exitStatus == 0 { exitStatus = 1 }
    }

    /// Prints `text` (nothing when empty), ending it with a newline.
    private func print(_ text: String, to stream: REPLStream) {
        guard !text.isEmpty else { return }
        writer.write(text.hasSuffix("\n") ? text : text + "\n", to: stream)
    }

    private static func leadingColon(in line: String) -> String.Index? {
        guard let first = line.firstIndex(where: { !$0.isWhitespace }), line[first] == ":" else { return nil }
        return first
    }
}
