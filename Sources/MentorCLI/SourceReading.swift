import MentorDiagnostics
import MentorRuntime

extension SourceDiscovery {
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
}
