import MentorSyntax
import MentorSource

/// Parses files on every core: files are independent until resolution.
enum ParallelParsing {
    /// Parses `files` in their order, on `ParallelMap`'s threads. Not on Dispatch's: its
    /// workers stay alive, idle, after the parse, and the trees they built are freed by the
    /// threads that resolve them, which leaves the freed memory in pages the allocator
    /// (mimalloc) only takes back when their owning thread allocates again. A thread of
    /// `ParallelMap` ends with the parse, and the allocator then reuses its pages elsewhere.
    static func parse(_ files: [SourceFile]) -> [ParseResult] {
        if files.count < 2 { return files.map { Parser.parse($0) } }
        var results: [ParseResult] = []
        results.reserveCapacity(files.count)
        ParallelMap.forEach(files, { Parser.parse($0) }, inOrder: { results.append($0) })
        return results
    }
}
