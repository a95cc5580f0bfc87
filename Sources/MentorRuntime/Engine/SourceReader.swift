#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read.
public struct ReadError: Error, Sendable {
    /// The system's explanation (`No such file or directory`).
    public let reason: String
    /// True when the path is a directory.
    public let isDirectory: Bool

    /// Creates a read error.
    public init(reason: String, isDirectory: Bool = false) {
        self.reason = reason
        self.isDirectory = isDirectory
    }
}

/// How the engine reads imported files: the only file access evaluation has.
public protocol SourceReader: Sendable {
    /// The bytes of the file at `path`.
    func read(_ path: String) -> Result<[UInt8], ReadError>
    /// A canonical form of `path` (symlinks resolved), used to load each file once.
    func canonicalPath(_ path: String) -> String
}

/// Reads files with POSIX calls; no Foundation.
public struct FileSystemReader: SourceReader {
    /// The largest source file accepted (documented in docs/robustness.md).
    public static let maxFileSize = 64 << 20

    /// Creates a reader.
    public init() {}

    public func read(_ path: String) -> Result<[UInt8], ReadError> {
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(ReadError(reason: "Is a directory", isDirectory: true))
        }
        let descriptor = open(path, O_RDONLY)
        if descriptor < 0 { return .failure(ReadError(reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(reason: String(cString: strerror(errno))))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > FileSystemReader.maxFileSize {
                return .failure(ReadError(reason: "file larger than \(FileSystemReader.maxFileSize >> 20) MiB"))
            }
        }
        return .success(bytes)
    }

    public func canonicalPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
