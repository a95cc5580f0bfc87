import Dispatch
import MentorSyntax
import MentorDiagnostics

/// Parses files on every core: files are independent until resolution.
enum ParallelParsing {
    private final class Results: @unchecked Sendable {
        // Each index is written by exactly one worker, and read after all have finished.
        var values: [ParseResult?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
    }

    static func parse(_ files: [SourceFile]) -> [ParseResult] {
        if files.count < 2 { return files.map { Parser.parse($0) } }
        let results = Results(count: files.count)
        results.values.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots[index] = Parser.parse(files[index])
            }
        }
        return results.values.map { $0! }
    }
}
