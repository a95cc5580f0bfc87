import MentorDiagnostics

/// One programme of `check DIR/...` or `test DIR/...`: its path as the pattern found it and its
/// run, or nil when no file of it could be read (its I/O errors are on standard error).
struct ProgrammeRun<Run> {
    /// The programme's folder or file, as the pattern's folder listing gave it.
    let path: String
    /// The check or test run; nil when nothing of the programme could be read.
    let run: Run?

    /// The path as the machine formats name it: a leading `./` dropped, as in their file paths.
    var name: String { path.hasPrefix("./") ? String(path.dropFirst(2)) : path }
}

extension JSONWriter {
    /// The `programmes` list of a `DIR/...` JSON report: each programme's path, then its own
    /// report (`writeReport`), or for one that could not be read a `null` summary and each of
    /// `emptyLists` empty.
    mutating func programmes<Run>(_ programmes: [ProgrammeRun<Run>], emptyLists: [String],
                                  writeReport: (Run, inout JSONWriter) -> Void) {
        array("programmes") { list in
            for programme in programmes {
                list.object { p in
                    p.field("path", programme.name)
                    if let run = programme.run {
                        writeReport(run, &p)
                    } else {
                        p.field("summary", nil as String?)
                        for name in emptyLists { p.array(name) { _ in } }
                    }
                }
            }
        }
    }
}
