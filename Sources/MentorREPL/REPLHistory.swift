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

    /// The most bytes read from the end of the file: a file grown without bound elsewhere
    /// must not grow this process with it (the source file limit).
    static let readLimit = FileSystemReader.maxFileSize

    /// Opens (creating it and its directories when needed) the history file at `path`, reading
    /// its entries and trimming it to the newest `limit`.
    ///
    /// Only a regular file is used, and only one this process's user owns (or creates now): a
    /// device, FIFO or another user's file is refused with an error, before it is read, trimmed
    /// or has its permissions changed, so `MENTOR_HISTORY=/dev/null` or a FIFO never blocks.
    public init(path: String, limit: Int = REPLHistory.defaultLimit) throws(FileError) {
        self.path = path
        self.limit = max(1, limit)
        try POSIXFile.makeDirectories(POSIXFile.directory(of: path))
        let (descriptor, info) = try Self.openRegularFile(path)
        self.descriptor = descriptor
        entries = []
        do throws(FileError) {
            if info.st_mode & 0o7777 != Self.fileMode { _ = fchmod(descriptor, Self.fileMode) }
            if try readEntries(size: Int(info.st_size)), try trim(unchangedSince: FileIdentity(info)) {
                // Appends go to the new file, not to the one the rename replaced.
                let (reopened, _) = try Self.openRegularFile(path)
                close(descriptor)
                self.descriptor = reopened
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

    /// Reads the entries, at most `readLimit` bytes from the end; true when the file holds
    /// more than it should and is to be trimmed.
    private func readEntries(size: Int) throws(FileError) -> Bool {
        // Two sessions that start together must not both rewrite the file.
        _ = flock(descriptor, LOCK_EX)
        defer { _ = flock(descriptor, LOCK_UN) }
        let cut = size > Self.readLimit
        if cut { _ = lseek(descriptor, off_t(size - Self.readLimit), SEEK_SET) }
        var bytes = try POSIXFile.readAll(descriptor, path: path, limit: Self.readLimit)
        // Read from the middle of the file, the first line is only a part of an entry.
        if cut, let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) { bytes.removeSubrange(...newline) }
        entries = HistoryFileFormat.entries(in: String(decoding: bytes, as: UTF8.self))
        guard entries.count > limit || cut else { return false }
        entries.removeFirst(max(0, entries.count - limit))
        return true
    }

    /// Rewrites the file with `entries` alone; false when it was left as it is: a file with
    /// other hard links, or one another session rewrote or appended to since it was read, is
    /// trimmed another time.
    private func trim(unchangedSince identity: FileIdentity) throws(FileError) -> Bool {
        let contents = Array(HistoryFileFormat.contents(of: entries).utf8)
        do {
            try AtomicFileWriter().write(contents, to: path, newFileMode: Self.fileMode, unchangedSince: identity)
            return true
        } catch {
            switch error {
            case .system(let failure): throw failure
            case .changedSinceRead, .hardLinked: return false
            }
        }
    }

    /// Opens `path` for appending, creating it if it is missing; refuses anything but a regular
    /// file of this user. Nothing that is not a regular file is ever opened: opening a device
    /// can have effects of its own.
    private static func openRegularFile(_ path: String) throws(FileError) -> (Int32, stat) {
        var info = stat()
        if stat(path, &info) == 0 {
            try checkUsable(info, path: path)
        } else if errno != ENOENT {
            throw FileError(path: path, operation: "open", code: errno)
        }
        // O_NONBLOCK: should a FIFO be swapped in after the check, the open must not wait.
        var descriptor = open(path, O_RDWR | O_APPEND | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        var created = false
        if descriptor < 0, errno == ENOENT {
            descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, fileMode)
            created = descriptor >= 0
        }
        guard descriptor >= 0 else { throw FileError(path: path, operation: "open", code: errno) }
        guard fstat(descriptor, &info) == 0 else {
            let failure = FileError(path: path, operation: "open", code: errno)
            close(descriptor)
            throw failure
        }
        if !created {
            do throws(FileError) {
                try checkUsable(info, path: path)
            } catch {
                close(descriptor)
                throw error
            }
        }
        return (descriptor, info)
    }

    private static func checkUsable(_ info: stat, path: String) throws(FileError) {
        if (info.st_mode & S_IFMT) != S_IFREG {
            throw FileError(path: path, operation: "use", refusal: "not a regular file")
        }
        if info.st_uid != geteuid() {
            throw FileError(path: path, operation: "use", refusal: "the file belongs to another user")
        }
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
