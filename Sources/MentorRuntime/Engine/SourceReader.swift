#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import enum MentorSource.SystemCall
import MentorSource

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
    /// True when pipes and devices may be read (a path the user named, such as `/dev/stdin`);
    /// false for imports, where opening a FIFO would wait for a writer for ever.
    public let acceptsSpecialFiles: Bool

    /// Creates a reader.
    public init(acceptsSpecialFiles: Bool = false) {
        self.acceptsSpecialFiles = acceptsSpecialFiles
    }

    /// The bytes of a source file: `readBytes`, refusing content that is not text.
    public func read(_ path: String) -> Result<[UInt8], ReadError> {
        readBytes(path).flatMap { bytes in
            if let reason = BinaryContent.reason(bytes) { return .failure(ReadError(reason: reason)) }
            return .success(bytes)
        }
    }

    /// The bytes of any file (a time zone file is binary), with the same size and file-type checks.
    public func readBytes(_ path: String) -> Result<[UInt8], ReadError> {
        var info = stat()
        if stat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { return .failure(ReadError(reason: "Is a directory", isDirectory: true)) }
            if type != S_IFREG, !acceptsSpecialFiles { return .failure(ReadError(reason: "not a regular file")) }
            if type == S_IFREG, info.st_size > FileSystemReader.maxFileSize { return .failure(FileSystemReader.tooLarge) }
        }
        // Non-blocking, so a FIFO swapped in after the check above cannot make the open wait.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (acceptsSpecialFiles ? 0 : O_NONBLOCK))
        if descriptor < 0 { return .failure(ReadError(reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        if !acceptsSpecialFiles, fstat(descriptor, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG {
            return .failure(ReadError(reason: "not a regular file"))
        }
        var bytes: [UInt8] = []
        // A regular file's size, from `stat` above, sizes the array once and is read straight
        // into it: grown chunk by chunk, each file was copied again at every doubling, and
        // read through a zeroed chunk it was written twice more. (A file that grew since reads on.)
        if (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 {
            let size = Int(info.st_size)
            var failure: Int32 = 0
            bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
                while filled < size {
                    let count = SystemCall.read(descriptor, buffer.baseAddress! + filled, size - filled)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if count == 0 { return }
                    filled += count
                }
            }
            if failure != 0 { return .failure(ReadError(reason: String(cString: strerror(failure)))) }
            // The file ended early (it shrank since `stat`): that is all of it.
            if bytes.count < size { return .success(bytes) }
        }
        let error: ReadError? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { chunk in
            while true {
                let count = SystemCall.read(descriptor, chunk.baseAddress, chunk.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    return ReadError(reason: String(cString: strerror(errno)))
                }
                if count == 0 { return nil }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<count]))
                // Pipes and devices have no size to check up front.
                if bytes.count > FileSystemReader.maxFileSize { return FileSystemReader.tooLarge }
            }
        }
        if let error { return .failure(error) }
        return .success(bytes)
    }

    private static let tooLarge = ReadError(reason: "file larger than \(maxFileSize >> 20) MiB")

    public func canonicalPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
