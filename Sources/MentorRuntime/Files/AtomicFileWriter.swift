#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file for `fmt -w`, `export -o`, the REPL's `:save` and the history trim, so
/// that a reader, a crash or a signal sees the old contents or the new ones, never a mix, and
/// nothing that is not the tool's is overwritten (docs/robustness.md, "Writing files").
///
/// - A symbolic link is written through: its final target is replaced, and the link stays.
/// - A regular file is replaced by a temporary file in its folder, created exclusively under a
///   random name without following links, given the old file's owner, group and mode, synced,
///   and renamed over it; on any failure, or a SIGINT, SIGTERM or SIGHUP, it is removed.
/// - A file with other hard links is refused: renaming over it would detach them.
/// - Anything else (`/dev/null`, a FIFO, a terminal) is written in place, never replaced.
public struct AtomicFileWriter: Sendable {
    /// How many random names are tried before giving up, when each is taken.
    static let attempts = 100
    /// Links followed from a path to its final target before `ELOOP`, as the kernel does.
    static let maxLinks = 40

    /// Makes the random part of a temporary file's name; tests substitute their own.
    let randomSuffix: @Sendable () -> String

    /// A writer with random temporary names.
    public init() {
        self.init(randomSuffix: AtomicFileWriter.randomSuffix)
    }

    init(randomSuffix: @escaping @Sendable () -> String) {
        self.randomSuffix = randomSuffix
    }

    /// Writes `bytes` to `path`. A new file gets `newFileMode` (less the umask); an existing
    /// one keeps its mode, owner and group. With `unchangedSince`, the file must still have
    /// that identity right before it is replaced, else nothing is written.
    public func write(_ bytes: [UInt8], to path: String, newFileMode: mode_t = 0o644,
                      unchangedSince expected: FileIdentity? = nil) throws(FileWriteError) {
        let target = try Self.finalTarget(of: path)
        var info = stat()
        let exists: Bool
        if lstat(target, &info) == 0 {
            exists = true
        } else if errno == ENOENT {
            exists = false
        } else {
            throw .system(FileError(path: target, operation: "inspect", code: errno))
        }
        if exists {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw .system(FileError(path: target, operation: "open", code: EISDIR))
            default:
                if let expected, FileIdentity(info) != expected { throw .changedSinceRead(path: target) }
                return try Self.writeInPlace(bytes, to: target)
            }
            if let expected, FileIdentity(info) != expected { throw .changedSinceRead(path: target) }
            if info.st_nlink > 1 { throw .hardLinked(path: target, links: Int(info.st_nlink)) }
        } else if expected != nil {
            throw .changedSinceRead(path: target)
        }
        try replace(target, with: bytes, keeping: exists ? info : nil, newFileMode: newFileMode, expected: expected)
    }

    /// The file `path` finally names: symbolic links in its last component are followed (the
    /// kernel resolves the folders); a dangling link gives the path it points to.
    static func finalTarget(of path: String) throws(FileWriteError) -> String {
        var current = path
        for _ in 0...maxLinks {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { throw .system(FileError(path: current, operation: "read link", code: errno)) }
            let link = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") {
                current = link
            } else {
                current = Self.path(link, in: POSIXFile.directory(of: current))
            }
        }
        throw .system(FileError(path: path, operation: "resolve", code: ELOOP))
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
        // No O_TRUNC or O_CREAT: a device or FIFO is used as it is, never created or cut.
        let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(FileError(path: path, operation: "open", code: errno)) }
        defer { close(descriptor) }
        do {
            try POSIXFile.writeAll(descriptor, bytes, path: path)
        } catch {
            throw .system(error)
        }
    }

    private func replace(_ target: String, with bytes: [UInt8], keeping original: stat?, newFileMode: mode_t,
                         expected: FileIdentity?) throws(FileWriteError) {
        let folder = POSIXFile.directory(of: target)
        let name = target.lastIndex(of: "/").map { String(target[target.index(after: $0)...]) } ?? target
        let directory = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw .system(FileError(path: folder.isEmpty ? "." : folder, operation: "open", code: errno)) }
        defer { close(directory) }
        let (temporary, descriptor, registration) = try createTemporary(
            in: directory, folder: folder, beside: name, mode: original == nil ? newFileMode : 0o600)
        defer { TemporaryFileCleanup.unregister(registration) }
        let shown = Self.path(temporary, in: folder)
        do throws(FileError) {
            if let original { try Self.copyOwnership(from: original, to: descriptor, path: shown) }
            try POSIXFile.writeAll(descriptor, bytes, path: shown)
            guard fsync(descriptor) == 0 else { throw FileError(path: shown, operation: "sync", code: errno) }
        } catch {
            close(descriptor)
            unlinkat(directory, temporary, 0)
            throw .system(error)
        }
        close(descriptor)
        if let expected {
            // The last look before the rename: an append or a replacement since the read shows here.
            var info = stat()
            guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0, FileIdentity(info) == expected else {
                unlinkat(directory, temporary, 0)
                throw .changedSinceRead(path: target)
            }
        }
        guard renameat(directory, temporary, directory, name) == 0 else {
            let failure = FileError(path: target, operation: "replace", code: errno)
            unlinkat(directory, temporary, 0)
            throw .system(failure)
        }
        // Makes the rename itself durable; the data already is, so a failure here loses nothing.
        _ = fsync(directory)
    }

    /// Creates `.NAME.tmp-RANDOM` beside `name`, never opening what is already there, and
    /// registers it for removal on a signal.
    private func createTemporary(in directory: Int32, folder: String, beside name: String, mode: mode_t)
        throws(FileWriteError) -> (String, Int32, TemporaryFileCleanup.Registration?) {
        var lastError = EEXIST
        for _ in 0..<Self.attempts {
            let temporary = Self.temporaryName(beside: name, suffix: randomSuffix())
            // Registered before it exists: a signal right after the open must find it (a signal
            // before merely fails to remove a name nobody has yet).
            let registration = TemporaryFileCleanup.register(directory: directory, name: temporary)
            // O_EXCL with O_CREAT fails on any existing entry, a symbolic link included, so a
            // link planted at the name is never followed; O_NOFOLLOW says so once more.
            let descriptor = openat(directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if descriptor >= 0 { return (temporary, descriptor, registration) }
            lastError = errno
            TemporaryFileCleanup.unregister(registration)
            if lastError != EEXIST { break }
        }
        let attempted = Self.temporaryName(beside: name, suffix: "*")
        throw .system(FileError(path: Self.path(attempted, in: folder), operation: "create", code: lastError))
    }

    /// `name` inside `folder` ("" for the current directory).
    static func path(_ name: String, in folder: String) -> String {
        folder.isEmpty ? name : folder == "/" ? "/" + name : folder + "/" + name
    }

    /// A hidden name (so `check` and `fmt` never take it for a source) that fits NAME_MAX.
    static func temporaryName(beside name: String, suffix: String) -> String {
        let tail = ".tmp-" + suffix
        var base = Substring(name)
        while 1 + base.utf8.count + tail.utf8.count > 255, !base.isEmpty { base = base.dropLast() }
        return "." + base + tail
    }

    /// Twelve characters from `[a-z0-9]`, about 62 bits, from the system's random source.
    @Sendable static func randomSuffix() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var generator = SystemRandomNumberGenerator()
        return String(decoding: (0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] },
                      as: UTF8.self)
    }

    private static func copyOwnership(from original: stat, to descriptor: Int32, path: String) throws(FileError) {
        var created = stat()
        guard fstat(descriptor, &created) == 0 else { throw FileError(path: path, operation: "inspect", code: errno) }
        // As root the new file would belong to root; as a user, a file of another owner must
        // not silently become ours, so a chown that is not allowed fails the write.
        if created.st_uid != original.st_uid || created.st_gid != original.st_gid {
            guard fchown(descriptor, original.st_uid, original.st_gid) == 0 else {
                throw FileError(path: path, operation: "keep the owner of", code: errno)
            }
        }
        // After the chown, which clears set-user-ID and set-group-ID bits.
        guard fchmod(descriptor, original.st_mode & 0o7777) == 0 else {
            throw FileError(path: path, operation: "keep the mode of", code: errno)
        }
    }
}
