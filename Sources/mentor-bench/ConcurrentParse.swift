#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import MentorDiagnostics
import MentorSyntax
import MentorSource

/// Parses independent files on several threads at once, each thread with a fixed share.
enum ConcurrentParse {
    /// Splits `files` into `threads` shares of about equal byte size, largest files first, so
    /// no thread waits on one holding all the big files.
    static func shares(of files: [SourceFile], threads: Int) -> [[SourceFile]] {
        var shares = [[SourceFile]](repeating: [], count: threads)
        var loads = [Int](repeating: 0, count: threads)
        for file in files.sorted(by: { $0.bytes.count > $1.bytes.count }) {
            let lightest = loads.indices.min { loads[$0] < loads[$1] }!
            shares[lightest].append(file)
            loads[lightest] += file.bytes.count
        }
        return shares
    }

    /// Parses every share on its own thread and returns the total count of top-level items and
    /// diagnostics, which keeps the optimiser from discarding the work.
    static func run(_ shares: [[SourceFile]]) -> Int {
        let jobs = shares.map(ParseJob.init)
        var threads: [pthread_t] = []
        for job in jobs {
            let context = Unmanaged.passRetained(job).toOpaque()
            #if canImport(Glibc)
            var thread = pthread_t()
            let status = pthread_create(&thread, nil, { context in
                Unmanaged<ParseJob>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, context)
            #else
            var created: pthread_t?
            let status = pthread_create(&created, nil, { context in
                Unmanaged<ParseJob>.fromOpaque(context).takeRetainedValue().run()
                return nil
            }, context)
            let thread = created!
            #endif
            if status != 0 {
                // No thread to be had: do this share here rather than measure less work.
                Unmanaged<ParseJob>.fromOpaque(context).takeRetainedValue().run()
            } else {
                threads.append(thread)
            }
        }
        for thread in threads { pthread_join(thread, nil) }
        return jobs.reduce(0) { $0 + $1.checksum }
    }
}

/// One thread's share of files, and what it found.
private final class ParseJob: @unchecked Sendable {
    // `checksum` is written by the job's thread and read only after `pthread_join`.
    let files: [SourceFile]
    var checksum = 0

    init(_ files: [SourceFile]) { self.files = files }

    func run() {
        for file in files { checksum += ParseChecksum.of(Parser.parse(file)) }
    }
}

/// A number that depends on a parse's whole result, so the parse cannot be optimised away.
enum ParseChecksum {
    /// Top-level items plus diagnostics.
    static func of(_ result: ParseResult) -> Int {
        result.syntax.items.count + result.diagnostics.count
    }
}
