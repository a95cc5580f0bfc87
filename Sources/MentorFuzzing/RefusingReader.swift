import MentorRuntime

/// A reader that refuses every import, so a fuzz input naming `/dev/zero` or a real file can
/// never make the fuzzer read, block on or depend on the machine's files.
struct RefusingReader: SourceReader {
    func read(_ path: String) -> Result<[UInt8], ReadError> {
        .failure(ReadError(reason: "imports are not followed while fuzzing"))
    }

    func canonicalPath(_ path: String) -> String { path }
}
