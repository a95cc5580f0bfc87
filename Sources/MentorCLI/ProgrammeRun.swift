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
