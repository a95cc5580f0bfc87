import MentorRuntime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--watch` of `check` and `test`: run the command, then run it again each time a file of
/// the programme changes. Changes are found by polling `stat` (size, modification time to the
/// nanosecond, inode), which needs no terminal, no file-system notification API and works on
/// any file system. Ctrl-C ends the loop with SIGINT's default action (status 130 in a shell):
/// nothing is left to clean up, and a script that runs `mentor` then sees the interrupt.
struct WatchLoop {
    /// How long to wait between two looks at the files.
    static let pollMicroseconds: UInt32 = 300_000

    /// The command's name, shown in the separator line.
    let command: String
    /// The paths the user named (files and folders searched as `check` searches them).
    let paths: [String]

    /// Runs `once` (which returns its exit status and the paths of the files its programme
    /// read, imports included), then again after every change, until standard output fails
    /// (status 2) or, for tests, `maxRuns` runs have been made (the last run's status).
    func run(context: CLIContext, maxRuns: Int? = nil, pause: () -> Void = { usleep(WatchLoop.pollMicroseconds) },
             once: (_ noteRead: ([String]) -> Void) -> (status: Int32, files: [String])) -> Int32 {
        var read: [String] = []
        var runs = 0
        while true {
            // Taken before the run, so an edit saved while it runs starts the next one.
            let before = WatchedFiles(paths: paths, read: read)
            context.writeOut(separator())
            // The files a run read (its imports) are looked at as soon as they are read, before
            // its report is written: looked at after it, an edit made on seeing the report
            // would be taken for the state the run saw, and never start the next run.
            var settled: WatchedFiles?
            let outcome = once { files in settled = before.adding(files) }
            runs += 1
            if context.exitStatus(after: MentorExit.success) != MentorExit.success { return MentorExit.usageOrIO }
            if let maxRuns, runs >= maxRuns { return outcome.status }
            read = outcome.files
            let baseline = settled ?? before.adding(read)
            repeat { pause() } while WatchedFiles(paths: paths, read: read) == baseline
        }
    }

    /// `=== mentor check: 2026-06-01 14:03:27 ===`, the local time the run starts.
    func separator() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let date = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
        let time = "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        return "=== mentor \(command): \(date) \(time) ===\n"
    }
}

/// The state of every file a watched programme consists of: the paths named, the `.mentor`
/// files found under them now (so a new file counts as a change), and the files the last
/// run read (its imports too). A path that cannot be stated is recorded as missing.
struct WatchedFiles: Equatable {
    private var identities: [String: FileIdentity?] = [:]

    /// Looks at every file under `paths` and every path in `read`.
    init(paths: [String], read: [String]) {
        for path in paths + SourceDiscovery.discover(paths).files + read where identities[path] == nil {
            identities[path] = .some(FileIdentity(path: path))
        }
    }

    /// These files and those of `read` not yet among them, looked at now.
    func adding(_ read: [String]) -> WatchedFiles {
        var copy = self
        for path in read where copy.identities[path] == nil { copy.identities[path] = .some(FileIdentity(path: path)) }
        return copy
    }
}
