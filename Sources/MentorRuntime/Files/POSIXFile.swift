#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call on a file, with the path and the C library's reason.
public struct FileError: Error, Equatable, CustomStringConvertible {
    /// The file or directory concerned.
    public var path: String
    /// What was being done, such as "open" or "rename".
    public var operation: String
    /// The `errno` value.
    public var code: Int32

    /// Creates the error for `operation` on `path` failing with `code`.
    public init(path: String, operation: String, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    /// "cannot open PATH: REASON".
    public var description: String {
        "cannot \(operation) \(path): \(String(cString: strerror(code)))"
    }
}

/// The few POSIX file operations the tool needs (history, `:save`, `fmt -w`, `export -o`), without Foundation.
public enum POSIXFile {
    /// Creates `path` and its missing parents with `mode`; existing directories are fine.
    public static func makeDirectories(_ path: String, mode: mode_t = 0o700) throws(FileError) {
        guard !path.isEmpty else { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, mode) != 0, errno != EEXIST {
                throw FileError(path: prefix, operation: "create directory", code: errno)
            }
            prefix += "/"
        }
    }

    /// The directory part of `path` ("" when it has none).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Everything readable from `descriptor`, from its current offset to the end.
    public static func readAll(_ descriptor: Int32, path: String) throws(FileError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, operation: "read", code: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Writes all of `bytes`, retrying short writes.
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, operation: "write", code: errno)
            }
            offset += count
        }
    }

    /// Replaces `path` by a file holding `bytes` with `mode`, so a reader (or a crash) sees the
    /// old file or the new one, never half of either.
    public static func replaceAtomically(_ path: String, with bytes: [UInt8], mode: mode_t) throws(FileError) {
        let temporary = "\(path).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw FileError(path: temporary, operation: "create", code: errno) }
        do throws(FileError) {
            _ = fchmod(descriptor, mode)
            try writeAll(descriptor, bytes, path: temporary)
            guard fsync(descriptor) == 0 else { throw FileError(path: temporary, operation: "sync", code: errno) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let failure = FileError(path: path, operation: "replace", code: errno)
            unlink(temporary)
            throw failure
        }
    }
}
