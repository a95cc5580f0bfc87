#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorDiagnostics
import MentorSource

/// The sources found under the paths a user named, read into an engine.
public struct SourcesRead {
    /// The files read, in discovery order.
    public var files: [SourceFile]
    /// Paths that could not be read or walked (a link loop is only a warning and is not here).
    public var unreadable: [String]

    /// True when some path could not be read: an I/O error, exit 2, after the rest is checked.
    public var ioFailed: Bool { !unreadable.isEmpty }
}

extension SourceDiscovery {
    /// `mentor: cannot read 'PATH': REASON`, the one-line form of an I/O error, with a newline.
    public static func cannotRead(_ path: String, _ reason: String) -> String {
        "mentor: cannot read '\(DisplayText.escapeControls(path))': \(reason)\n"
    }

    /// Discovers the sources under `paths` (as `check` does) and reads them into `engine`,
    /// handing each problem to `report` as one line (a link loop as a warning). Shared by the
    /// commands and the REPL's `:load`, so both find and report the same files.
    ///
    /// The files are read on every core the engine may use: read one after another, they were
    /// a serial stretch before parsing began (about 5 % of a `check` of 10,000 agreements,
    /// the other core waiting). Each file is registered with the engine in discovery order,
    /// as its read comes in, so the files, their ids and the lines reported are as before.
    public static func readSources(_ paths: [String], into engine: Engine, report: (String) -> Void) -> SourcesRead {
        var read = SourcesRead(files: [], unreadable: [])
        forEachSource(paths, reader: FileSystemReader(acceptsSpecialFiles: true), workers: engine.options.workers) { event in
            switch event {
            case .linkLoop(let path, let reason):
                report("mentor: warning: '\(DisplayText.escapeControls(path))': \(reason)\n")
            case .unreadable(let path, let reason):
                report(cannotRead(path, reason))
                read.unreadable.append(path)
            case .file(let path, let bytes, _):
                read.files.append(engine.addSource(path: path, bytes: bytes))
            }
        }
        return read
    }

    /// Discovers the sources under `paths` and reads them with `reader`, handing `visit` the
    /// walk's problems, then each file in discovery order. With one worker (the default) the
    /// files are read one at a time, and a file's bytes are the caller's to keep or drop, so
    /// `fmt` holds one file at a time however large the tree; with more, each worker reads a
    /// file while `visit` takes the earlier ones in order.
    public static func forEachSource(_ paths: [String], reader: some SourceReader, workers: Int = 1, _ visit: (SourceEvent) -> Void) {
        let discovery = discover(paths)
        for problem in discovery.problems {
            visit(problem.isLoop ? .linkLoop(path: problem.path, reason: problem.reason)
                                 : .unreadable(path: problem.path, reason: problem.reason))
        }
        ParallelMap.forEach(discovery.files, workers: workers, { path in readEvent(path, reader: reader) }, inOrder: visit)
    }

    /// The file at `path` read with `reader`, or why it could not be (a path gone since the
    /// walk is reported with `stat`'s reason).
    private static func readEvent(_ path: String, reader: some SourceReader) -> SourceEvent {
        var info = stat()
        guard stat(path, &info) == 0 else { return .unreadable(path: path, reason: String(cString: strerror(errno))) }
        // Taken before the read: any change from here on shows as a different identity.
        let identity = FileIdentity(info)
        switch reader.read(path) {
        case .success(let bytes): return .file(path: path, bytes: bytes, identity: identity)
        case .failure(let error): return .unreadable(path: path, reason: error.reason)
        }
    }
}

/// One step of walking the sources under the paths a user named.
public enum SourceEvent: Sendable {
    /// A directory link that leads back into the walk: a warning, the walk goes on.
    case linkLoop(path: String, reason: String)
    /// A path that could not be walked or read, with the system's reason.
    case unreadable(path: String, reason: String)
    /// A file read whole, with its identity from just before the read.
    case file(path: String, bytes: [UInt8], identity: FileIdentity)
}
