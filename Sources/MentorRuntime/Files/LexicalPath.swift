/// Paths compared by their text: `.` and `..` segments and repeated slashes removed without
/// asking the file system, so a file an editor holds unsaved (which may not exist on disk)
/// and the same file reached through an import (`agreements/../people.mentor`) get one name.
public enum LexicalPath {
    /// `path` with `.`, `..` and empty segments resolved; `..` above the root of an absolute
    /// path stays at the root, above the start of a relative one it is kept.
    public static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                if let last = segments.last, last != ".." {
                    segments.removeLast()
                } else if !absolute {
                    segments.append(segment)
                }
            default: segments.append(segment)
            }
        }
        let joined = segments.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// True when `path` is `folder` or lies inside it (both normalised, absolute).
    public static func isInside(_ path: String, folder: String) -> Bool {
        if folder == "/" { return path.hasPrefix("/") }
        return path == folder || path.hasPrefix(folder + "/")
    }
}
