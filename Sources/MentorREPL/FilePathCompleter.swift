#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Completes a file path by listing its directory.
enum FilePathCompleter {
    /// Paths that extend `partial`: directories (with a trailing `/`) and the files `acceptsFile`
    /// allows by name; hidden entries only when `partial`'s last component starts with a dot.
    static func candidates(for partial: String, acceptsFile: (String) -> Bool = { _ in true }) -> [String] {
        let directoryPart: String
        let namePrefix: String
        if let slash = partial.lastIndex(of: "/") {
            directoryPart = String(partial[...slash])
            namePrefix = String(partial[partial.index(after: slash)...])
        } else {
            directoryPart = ""
            namePrefix = partial
        }
        guard let directory = opendir(directoryPart.isEmpty ? "." : directoryPart) else { return [] }
        defer { closedir(directory) }
        var found: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) {
                    String(cString: $0)
                }
            }
            guard name != ".", name != "..", name.hasPrefix(namePrefix) else { continue }
            if name.hasPrefix("."), !namePrefix.hasPrefix(".") { continue }
            let path = directoryPart + name
            if isDirectory(path) {
                found.append(path + "/")
            } else if acceptsFile(name) {
                found.append(path)
            }
        }
        return found.sorted()
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return (status.st_mode & S_IFMT) == S_IFDIR
    }
}
