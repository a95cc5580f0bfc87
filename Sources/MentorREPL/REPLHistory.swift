import MentorRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The REPL's persistent history: one file, readable only by its owner, that every accepted
/// entry is appended to at once, so a session killed with `kill -9` loses nothing.
public final class REPLHistory {
    /// How many entries are kept unless told otherwise.
    public static let defaultLimit = 1000
    /// The permissions of the history file: entries may hold private data.
    static let fileMode: mode_t = 0o600

    /// The history file.
    public let path: String
    /// The most entries kept; the file is trimmed to this many when loaded.
    public let limit: Int
    /// The entries, oldest first.
    public private(set) var entries: [String]

    private var descriptor: Int32

    /// Opens (creating it and its directories when needed) the history file at `path`, reading
    /// its entries and trimming it to the newest `limit`.
    public init(path: String, limit: Int = REPLHistory.defaultLimit) throws(FileError) {
        self.path = path
        self.limit = max(1, limit)
        try POSIXFile.makeDirectories(POSIXFile.directory(of: path))
        descriptor = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, Self.fileMode)
        guard descriptor >= 0 else { throw FileError(path: path, operation: "open", code: errno) }
        entries = []
        do throws(FileError) {
            _ = fchmod(descriptor, Self.fileMode)
            // Two sessions that start together must not both rewrite the file.
            _ = flock(descriptor, LOCK_EX)
            defer { _ = flock(descriptor, LOCK_UN) }
            let bytes = try POSIXFile.readAll(descriptor, path: path)
            entries = HistoryFileFormat.entries(in: String(decoding: bytes, as: UTF8.self))
            if entries.count > self.limit {
                entries.removeFirst(entries.count - self.limit)
                try POSIXFile.replaceAtomically(
                    path, with: Array(HistoryFileFormat.contents(of: entries).utf8), mode: Self.fileMode)
                try reopen()
            }
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// Appends `entry` unless it is blank or the same as the newest entry; true when stored.
    @discardableResult
    public func append(_ entry: String) throws(FileError) -> Bool {
        guard entry.contains(where: { !$0.isWhitespace }), entry != entries.last else { return false }
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        // One write(2) per entry with O_APPEND: concurrent sessions interleave whole lines.
        try POSIXFile.writeAll(descriptor, Array((HistoryFileFormat.escape(entry) + "\n").utf8), path: path)
        return true
    }

    private func reopen() throws(FileError) {
        close(descriptor)
        descriptor = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, Self.fileMode)
        guard descriptor >= 0 else { throw FileError(path: path, operation: "open", code: errno) }
    }

    /// Where the history lives: `$MENTOR_HISTORY` (empty turns history off), else
    /// `$XDG_STATE_HOME/mentor/history`, else `~/.local/state/mentor/history`; nil when none applies.
    public static func defaultPath(environment: (String) -> String? = REPLHistory.processEnvironment) -> String? {
        if let explicit = environment("MENTOR_HISTORY") { return explicit.isEmpty ? nil : explicit }
        // The XDG spec says relative values are invalid and must be ignored.
        if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") {
            return state + "/mentor/history"
        }
        if let home = environment("HOME"), !home.isEmpty {
            return home + "/.local/state/mentor/history"
        }
        return nil
    }

    /// Reads a variable of this process's environment.
    public static func processEnvironment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
