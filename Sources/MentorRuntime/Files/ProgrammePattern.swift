#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path argument `DIR/...` (or `...` for the current folder): every programme in `DIR`, each
/// checked or tested on its own. A programme is an entry directly in `DIR` — a folder holding
/// at least one `*.mentor` file below it, or a `*.mentor` file — so a folder of programmes
/// works as Go's `./...` does for packages, while a plain folder stays one programme.
public struct ProgrammePattern: Equatable, Sendable {
    /// The folder whose entries are the programmes, as the user wrote it (`.` for `...`).
    public let folder: String

    /// The pattern `path` stands for, or nil when it is a plain path.
    public init?(_ path: String) {
        if path == "..." {
            folder = "."
        } else if path.hasSuffix("/...") {
            let base = String(path.dropLast(4))
            folder = base.isEmpty ? "/" : base
        } else {
            return nil
        }
    }

    /// Why the pattern's folder cannot be listed.
    public struct Unreadable: Error, Sendable {
        /// The folder, as the user wrote it.
        public let path: String
        /// The system's reason, or what is wrong with the entry.
        public let reason: String
    }

    /// The programmes the pattern names, in sorted order, or why the folder cannot be listed.
    /// Names beginning with `.` are skipped, as `check` skips them; a folder with no `*.mentor`
    /// file below it is not a programme (a folder of pictures next to the programmes is fine).
    public func programmes() -> Result<[String], Unreadable> {
        var info = stat()
        guard stat(folder, &info) == 0 else {
            return .failure(Unreadable(path: folder, reason: String(cString: strerror(errno))))
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            return .failure(Unreadable(path: folder, reason: "not a folder, so `/...` names no programmes in it"))
        }
        guard let directory = opendir(folder) else {
            return .failure(Unreadable(path: folder, reason: String(cString: strerror(errno))))
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(validatingCString: $0) }
            }
            // A name that is not UTF-8 cannot be a path here; `check` of the folder reports it.
            guard let name, !name.hasPrefix(".") else { continue }
            names.append(name)
        }
        closedir(directory)
        var found: [String] = []
        for name in names.sorted() {
            let child = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var childInfo = stat()
            guard stat(child, &childInfo) == 0 else { continue }
            if (childInfo.st_mode & S_IFMT) == S_IFDIR {
                let discovery = SourceDiscovery.discover([child])
                // A folder that cannot be walked is kept, so its check reports why.
                if !discovery.files.isEmpty || discovery.problems.contains(where: { !$0.isLoop }) { found.append(child) }
            } else if name.hasSuffix(".mentor") {
                found.append(child)
            }
        }
        return .success(found)
    }
}
