import Dispatch
import MentorSyntax
import MentorDiagnostics
import MentorSource

/// Parses files on every core: files are independent until resolution.
enum ParallelParsing {
    private final class Results: @unchecked Sendable {
        // Each index is written by exactly one worker, and read after all have finished.
        var values: [ParseResult?]
        private let lock = Lock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func store(_ result: ParseResult, at index: Int) { lock.withLock { values[index] = result } }
    }

    static func parse(_ files: [SourceFile]) -> [ParseResult] {
        if files.count < 2 { return files.map { parseCompact($0) } }
        let results = Results(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result = parseCompact(files[index])
            results.store(result, at: index)
        }
        return results.values.map { $0! }
    }

    /// Parses one file and compacts its tree (see `SyntaxCompaction`).
    static func parseCompact(_ file: SourceFile) -> ParseResult {
        var result = Parser.parse(file)
        SyntaxCompaction.compact(&result.syntax)
        return result
    }
}
