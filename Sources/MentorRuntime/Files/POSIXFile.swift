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
    /// The `errno` value (0 when the refusal is the tool's own, see `refusal`).
    public var code: Int32
    /// Why the tool itself refused the file ("not a regular file"), when no system call failed.
    public var refusal: String?

    /// Creates the error for `operation` on `path` failing with `code`.
    public init(path: String, operation: String, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    /// Creates the error for the tool refusing `operation` on `path` because of `reason`.
    public init(path: String, operation: String, refusal reason: String) {
        self.init(path: path, operation: operation, code: 0)
        refusal = reason
    }

    /// The system's reason ("Permission denied") or the tool's refusal.
    public var reason: String { refusal ?? String(cString: strerror(code)) }

    /// "cannot open PATH: REASON".
    public var description: String {
        "cannot \(operation) \(path): \(reason)"
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

    /// What is readable from `descriptor`, from its current offset to the end or to `limit`
    /// bytes, whichever comes first: a pipe or device may never end.
    public static func readAll(_ descriptor: Int32, path: String, limit: Int) throws(FileError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, operation: "read", code: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
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
}
