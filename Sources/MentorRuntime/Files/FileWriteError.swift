/// Why `AtomicFileWriter` did not write a file; in every case the file is as it was.
public enum FileWriteError: Error, Equatable, CustomStringConvertible {
    /// A system call failed (`create`, `write`, `sync`, `replace`, …).
    case system(FileError)
    /// The file changed (was written, appended to or replaced) since it was read.
    case changedSinceRead(path: String)
    /// The file has other hard links, which replacing it would silently detach.
    case hardLinked(path: String, links: Int)

    /// The reason alone, without the path ("it has 2 hard links; …").
    public var reason: String {
        switch self {
        case .system(let error): error.reason
        case .changedSinceRead: "it changed since it was read"
        case .hardLinked(_, let links): "it has \(links) hard links, which replacing it would break"
        }
    }

    /// "cannot write PATH: REASON".
    public var description: String {
        switch self {
        case .system(let error): error.description
        case .changedSinceRead(let path), .hardLinked(let path, _): "cannot write \(path): \(reason)"
        }
    }
}
