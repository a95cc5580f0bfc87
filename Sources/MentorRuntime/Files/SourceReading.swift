import MentorDiagnostics

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
    public static func readSources(_ paths: [String], into engine: Engine, report: (String) -> Void) -> SourcesRead {
        let discovery = discover(paths)
        var read = SourcesRead(files: [], unreadable: [])
        for problem in discovery.problems {
            if problem.isLoop {
                report("mentor: warning: '\(DisplayText.escapeControls(problem.path))': \(problem.reason)\n")
            } else {
                report(cannotRead(problem.path, problem.reason))
                read.unreadable.append(problem.path)
            }
        }
        for path in discovery.files {
            switch FileSystemReader(acceptsSpecialFiles: true).read(path) {
            case .success(let bytes):
                read.files.append(engine.addSource(path: path, bytes: bytes))
            case .failure(let error):
                report(cannotRead(path, error.reason))
                read.unreadable.append(path)
            }
        }
        return read
    }
}
