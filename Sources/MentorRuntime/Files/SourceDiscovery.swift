#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorDiagnostics

/// The `.mentor` files under the paths a user named, in sorted order (`check`, `fmt`, the REPL's `:load`).
public struct SourceDiscovery {
    /// A path that could not be read or walked.
    public struct Problem: Sendable {
        /// The path as the user would recognise it.
        public let path: String
        /// The system's reason, or what is wrong with the entry.
        public let reason: String
        /// True for a directory link loop (a warning), false for an I/O error.
        public let isLoop: Bool
    }

    /// The files found, in order.
    public private(set) var files: [String] = []
    /// The paths that could not be read or walked.
    public private(set) var problems: [Problem] = []
    private var visitedDirectories = Set<String>()

    /// Walks `paths`: files are taken as given; directories are searched recursively for `*.mentor`,
    /// skipping names that begin with `.`, following directory links once.
    public static func discover(_ paths: [String]) -> SourceDiscovery {
        var discovery = SourceDiscovery()
        for path in paths { discovery.visit(path, named: true) }
        return discovery
    }

    /// A file name's bytes with each byte that is not UTF-8 written as `\x{FF}`.
    public static func displayName(_ bytes: [UInt8]) -> String {
        var result = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                result.unicodeScalars.append(UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] { result += DisplayText.escape(invalidByte: byte) }
                offset += length
            case .emptyInput:
                return result
            }
        }
    }

    private mutating func visit(_ path: String, named: Bool) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            problems.append(Problem(path: path, reason: String(cString: strerror(errno)), isLoop: false))
            return
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            let canonical = FileSystemReader().canonicalPath(path)
            guard visitedDirectories.insert(canonical).inserted else {
                problems.append(Problem(path: path, reason: "directory link loop; not followed", isLoop: true))
                return
            }
            guard let directory = opendir(path) else {
                problems.append(Problem(path: path, reason: String(cString: strerror(errno)), isLoop: false))
                return
            }
            var names: [String] = []
            while let entry = readdir(directory) {
                let bytes = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: UInt8.self, capacity: 256) { Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)))) }
                }
                guard let name = String(validating: bytes, as: UTF8.self) else {
                    // Paths are Strings, which cannot hold such a name: it could not be opened.
                    let display = SourceDiscovery.displayName(bytes)
                    if display.hasSuffix(".mentor") || entry.pointee.d_type == UInt8(DT_DIR) {
                        let shown = path.hasSuffix("/") ? path + display : path + "/" + display
                        problems.append(Problem(path: shown, reason: "file name is not valid UTF-8; not read", isLoop: false))
                    }
                    continue
                }
                if name.hasPrefix(".") { continue }
                names.append(name)
            }
            closedir(directory)
            for name in names.sorted() {
                let child = path.hasSuffix("/") ? path + name : path + "/" + name
                var childInfo = stat()
                if stat(child, &childInfo) != 0 {
                    // A dangling link or an entry removed meanwhile.
                    if lstat(child, &childInfo) == 0, name.hasSuffix(".mentor") {
                        problems.append(Problem(path: child, reason: String(cString: strerror(errno)), isLoop: false))
                    }
                    continue
                }
                if (childInfo.st_mode & S_IFMT) == S_IFDIR {
                    visit(child, named: false)
                } else if name.hasSuffix(".mentor") {
                    // Reading a FIFO would wait for a writer for ever; a device could be endless.
                    if (childInfo.st_mode & S_IFMT) == S_IFREG {
                        files.append(child)
                    } else {
                        problems.append(Problem(path: child, reason: "not a regular file", isLoop: false))
                    }
                }
            }
        } else if named || path.hasSuffix(".mentor") {
            files.append(path)
        }
    }
}
