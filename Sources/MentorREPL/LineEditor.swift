import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line editing, history browsing and Tab completion on a terminal, through libedit.
///
/// Ctrl-C is an editor key here, not a signal: the terminal's ISIG is off while a line is edited,
/// so Ctrl-C discards the input and `readLine` reports `.interrupted`. Signals work as usual
/// between lines, while the REPL evaluates.
public final class LineEditor: REPLLineSource {
    /// What one call of `readLine` got.
    public enum Input: Equatable, Sendable {
        /// A line the user accepted with Return, without the newline.
        case line(String)
        /// A line, without the newline, that is not valid UTF-8: kept as read, so the lexer
        /// can report the byte where decoding fails, as it does in a file.
        case undecodableLine([UInt8])
        /// Ctrl-C: the input (`discarded`, possibly empty) was thrown away.
        case interrupted(discarded: String)
        /// Ctrl-D on an empty line, or the end of input.
        case endOfFile
    }

    /// Answers Tab for the text before the cursor.
    public typealias Completer = (_ lineBeforeCursor: String) -> Completion

    /// Answers Tab; without one, Tab beeps.
    public var completer: Completer?

    private let editor: OpaquePointer
    private let historyList: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    /// libedit's prompt callback returns this pointer, so it lives as long as the editor does.
    private var promptText: UnsafeMutablePointer<CChar>
    private var prompt = ""
    private var interruptedLine: String?

    /// Starts editing on the process's terminal; nil when standard input or output is not a
    /// terminal, or `TERM` is unset or `dumb`, where the caller reads plain lines instead, and
    /// nil after calling `libraryUnavailable` with the reason when libedit cannot be opened.
    /// libedit is opened here, not linked, so no other command loads it; `MENTOR_LIBEDIT` names
    /// the library (a path or a file name) where it is not under one of the usual names.
    public init?(programName: String = "mentor", historySize: Int = REPLHistory.defaultLimit,
                 libraryUnavailable: (String) -> Void = { _ in }) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, term != "dumb" else { return nil }
        guard cel_load_libedit(getenv("MENTOR_LIBEDIT")) == 0 else {
            libraryUnavailable(String(cString: cel_libedit_error()))
            return nil
        }
        UTF8Locale.adopt()
        guard let editor = cel_el_init(programName, cel_stdin(), cel_stdout(), cel_stderr()) else { return nil }
        guard let historyList = cel_history_init() else {
            cel_el_end(editor)
            return nil
        }
        self.editor = editor
        self.historyList = historyList
        self.output = cel_stdout()
        self.promptText = strdup("")
        configure(historySize: historySize)
    }

    deinit {
        cel_el_end(editor)
        cel_history_end(historyList)
        free(promptText)
    }

    /// True: a person is typing.
    public var isInteractive: Bool { true }

    /// Shows `prompt` and edits one line until Return, Ctrl-C or Ctrl-D. Terminal escapes in the
    /// prompt (colours) go between two `\u{1}` characters, so libedit does not count them as columns.
    public func readLine(prompt: String) -> Input {
        setPrompt(prompt)
        interruptedLine = nil
        if TerminalHandover.consumeTypedAheadEndOfFile() {
            // As if the key had reached the prompt: it is shown, then the session ends below it.
            write(prompt.filter { $0 != "\u{1}" } + "\n")
            return .endOfFile
        }
        TerminalHandover.leaveCanonicalMode()
        var count: Int32 = 0
        let text = cel_el_gets(editor, &count)
        let failure = errno
        if let discarded = interruptedLine {
            interruptedLine = nil
            return .interrupted(discarded: discarded)
        }
        guard let text, count > 0 else {
            // Both leave the cursor on the edited line; the next output belongs on a fresh one.
            write("\n")
            if count < 0, failure == EINTR { return .interrupted(discarded: "") }
            return .endOfFile
        }
        return Self.line(from: UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text)))
    }

    /// Adds an entry to the list Up, Down and Ctrl-R browse.
    public func remember(_ entry: String) {
        _ = cel_history_enter(historyList, entry)
    }

    /// Replaces the browsable history by `entries`, oldest first.
    public func loadHistory(_ entries: [String]) {
        _ = cel_history_clear(historyList)
        for entry in entries { remember(entry) }
    }

    private func configure(historySize: Int) {
        _ = cel_history_set_size(historyList, Int32(clamping: historySize))
        _ = cel_set_history(editor, historyList)
        _ = cel_set_editor(editor, "emacs")
        // The user's ~/.editrc (or $EDITRC) may choose vi mode or other keys; ours come after it.
        _ = cel_el_source(editor, nil)
        _ = cel_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
        _ = cel_set_prompt(editor, { editor in LineEditor.owning(editor)?.promptText }, 1)
        _ = cel_add_function(editor, "mentor-complete", "Complete the word before the cursor") { editor, _ in
            guard let lineEditor = LineEditor.owning(editor) else { return UInt8(CC_ERROR) }
            return lineEditor.complete()
        }
        _ = cel_add_function(editor, "mentor-interrupt", "Discard the input") { editor, _ in
            guard let lineEditor = LineEditor.owning(editor) else { return UInt8(CC_ERROR) }
            return lineEditor.interrupt()
        }
        for alternateMap in [Int32(0), 1] {
            _ = cel_bind(editor, "^I", "mentor-complete", alternateMap)
            _ = cel_bind(editor, "^C", "mentor-interrupt", alternateMap)
        }
        _ = cel_bind(editor, "^R", "em-inc-search-prev", 0)
        // With ISIG on, Ctrl-C would raise SIGINT mid-edit instead of reaching the binding above.
        _ = cel_setty(editor, "-d", "-isig")
    }

    private static func owning(_ editor: OpaquePointer?) -> LineEditor? {
        guard let editor, let data = cel_client_data(editor) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    private func setPrompt(_ newPrompt: String) {
        guard newPrompt != prompt, let copy = strdup(newPrompt) else { return }
        free(promptText)
        promptText = copy
        prompt = newPrompt
    }

    /// The edited line split at the cursor.
    private func currentLine() -> (beforeCursor: String, afterCursor: String) {
        guard let info = cel_el_line(editor)?.pointee, let buffer = info.buffer else { return ("", "") }
        let start = UnsafeRawPointer(buffer)
        let cursor = info.cursor.map(UnsafeRawPointer.init) ?? start
        let end = info.lastchar.map(UnsafeRawPointer.init) ?? cursor
        func text(_ from: UnsafeRawPointer, _ to: UnsafeRawPointer) -> String {
            let bytes = UnsafeRawBufferPointer(start: from, count: max(0, to - from))
            return String(decoding: bytes, as: UTF8.self)
        }
        return (text(start, cursor), text(cursor, end))
    }

    /// Ctrl-C: remember the line as discarded, mark it `^C` on screen, and end the edit through
    /// libedit's own newline command, which moves below a line that wraps over several rows.
    private func interrupt() -> UInt8 {
        let (before, after) = currentLine()
        interruptedLine = before + after
        _ = cel_el_cursor(editor, Int32(clamping: after.unicodeScalars.count))
        _ = cel_el_insertstr(editor, "^C")
        cel_el_push(editor, "\n")
        return UInt8(CC_REFRESH)
    }

    /// Tab: one candidate completes in place; several insert their common prefix and are listed.
    private func complete() -> UInt8 {
        guard let completer else { return UInt8(CC_REFRESH_BEEP) }
        let (before, after) = currentLine()
        guard let plan = completer(before).plan(for: before) else { return UInt8(CC_REFRESH_BEEP) }
        if plan.replacement != plan.word {
            cel_el_deletestr(editor, Int32(clamping: plan.word.unicodeScalars.count))
            if !plan.replacement.isEmpty, cel_el_insertstr(editor, plan.replacement) != 0 {
                _ = cel_el_insertstr(editor, plan.word)
                return UInt8(CC_REFRESH_BEEP)
            }
        }
        guard !plan.listing.isEmpty else { return UInt8(CC_REFRESH) }
        let columns = Int(cel_terminal_columns(editor))
        let width = columns > 0 ? columns : 80
        let rowsBelow = TerminalRows.below(
            prompt: prompt, beforeCursor: before, afterCursor: after, width: width)
        let lines = CompletionListing.lines(for: plan.listing, width: width)
        write(String(repeating: "\n", count: rowsBelow + 1) + lines.joined(separator: "\n") + "\n")
        // Redraws prompt and line from the fresh row under the list (CC_REDISPLAY would first
        // move up over the list to clear the old rows).
        _ = cel_refresh(editor)
        return UInt8(CC_REFRESH)
    }

    private func write(_ text: String) {
        fputs(text, output)
        fflush(output)
    }

    static func removingFinalNewline(_ text: String) -> String {
        String(decoding: withoutFinalNewline(Array(text.utf8)), as: UTF8.self)
    }

    /// `bytes` without a final `\n` or `\r\n`.
    static func withoutFinalNewline<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bytes.SubSequence where Bytes.SubSequence == Bytes.SubSequence.SubSequence {
        var line = bytes[...]
        if line.last == UInt8(ascii: "\n") { line.removeLast() }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return line
    }

    /// One line as read (its final line break removed): text when it is valid UTF-8, the bytes otherwise.
    static func line<Bytes: BidirectionalCollection<UInt8>>(from bytes: Bytes) -> Input where Bytes.SubSequence == Bytes.SubSequence.SubSequence {
        let line = withoutFinalNewline(bytes)
        if let text = String(validating: line, as: UTF8.self) { return .line(text) }
        return .undecodableLine(Array(line))
    }
}
