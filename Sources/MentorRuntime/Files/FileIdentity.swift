#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file stands at a path and what state its contents are in, as far as `stat` tells:
/// two identities differ when the file was replaced, appended to or rewritten in between.
public struct FileIdentity: Equatable, Sendable {
    /// The device holding the file.
    public let device: UInt64
    /// The file's inode on that device.
    public let inode: UInt64
    /// The size in bytes.
    public let size: Int64
    /// The last modification, seconds since the epoch.
    public let modifiedSeconds: Int64
    /// The nanoseconds of the last modification: a write within the same second still shows.
    public let modifiedNanoseconds: Int64

    /// The identity `stat` (or `fstat`, `lstat`) reported in `info`.
    public init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        modifiedSeconds = Int64(info.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }

    /// The identity of the file `path` names, following links; nil when it cannot be stated.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}
