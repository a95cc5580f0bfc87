#if canImport(Glibc)
import Glibc
#endif
import MentorDiagnostics
import MentorRuntime

/// The `.mentor` files under the paths a user named, in sorted order.
struct SourceDiscovery {
    /// A path that could not be read or walked.
    struct Problem {
        let path: String
        let reason: String
        /// True for a directory link loop (a warning), false for an I/O error.
        let isLoop: Bool
    }

    private(set) var files: [String] = []
    private(set) var problems: [Problem] = []
    private var visitedDirectories = Set<String>()

    /// Walks `paths`: files are taken as given; directories are searched recursively for `*.mentor`,
    /// skipping names that begin with `.`, following directory links once.
    static func discover(_ paths: [String]) -> SourceDiscovery {
        var discovery = SourceDiscovery()
        for path in paths { discovery.visit(path, named: true) }
        return discovery
    }

    /// Discovers and reads the sources under `paths` into `engine`, reporting problems on
    /// standard error (a link loop as a warning); `ioFailed` is true when any path could not be read.
    static func readSources(_ paths: [String], into engine: Engine, context: CLIContext) -> (files: [SourceFile], ioFailed: Bool) {
        let discovery = discover(paths)
        var ioFailed = false
        for problem in discovery.problems {
            let path = DisplayText.escapeControls(problem.path)
            if problem.isLoop {
                context.writeErr("mentor: warning: '\(path)': \(problem.reason)\n")
            } else {
                context.writeErr("mentor: cannot read '\(path)': \(problem.reason)\n")
                ioFailed = true
            }
        }
        var files: [SourceFile] = []
        for path in discovery.files {
            guard let bytes = readUserFile(path, context: context) else {
                ioFailed = true
                continue
            }
            files.append(engine.addSource(path: path, bytes: bytes))
        }
        return (files, ioFailed)
    }

    /// A file name's bytes with each byte that is not UTF-8 written as `\x{FF}`.
    static func displayName(_ bytes: [UInt8]) -> String {
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
