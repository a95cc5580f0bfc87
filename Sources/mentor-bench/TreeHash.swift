import MentorSource
import MentorSyntax

/// `mentor-bench treehash FILE…`: one hash a file of everything the parser returns (the whole
/// syntax tree, every diagnostic, whether the input ended early), so a change to the parser's
/// insides can be shown to leave its output alone: run two builds over the same files with
/// `SWIFT_DETERMINISTIC_HASHING=1` (Swift seeds its hashing per process otherwise) and compare.
enum TreeHash {
    /// One line per file, in argument order: the hash as a decimal integer.
    static func lines(for files: [SourceFile]) -> [String] {
        files.map { file in
            let result = Parser.parse(file)
            var hasher = Hasher()
            hasher.combine(result.syntax)
            hasher.combine(result.diagnostics.count)
            // Diagnostics are not Hashable; their description names every part.
            for diagnostic in result.diagnostics { hasher.combine(String(describing: diagnostic)) }
            hasher.combine(result.isIncomplete)
            return String(hasher.finalize())
        }
    }
}
