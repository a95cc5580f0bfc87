import Foundation
@testable import MentorCLI
import Testing

/// The escaping rules of the line-oriented formats, which the goldens show only for the
/// characters their programmes happen to contain.
@Suite("GitHub annotations and TAP escaping")
struct ReportFormatTests {
    @Test func gitHubMessagesEncodePercentAndLineBreaks() {
        #expect(GitHubAnnotations.escapeData("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b")
    }

    @Test func gitHubPropertiesAlsoEncodeColonAndComma() {
        #expect(GitHubAnnotations.escapeProperty("M0520 a:b,c%\n") == "M0520 a%3Ab%2Cc%25%0A")
    }

    @Test func tapDescriptionsEscapeHashBackslashAndControls() {
        #expect(TAPWriter.escapeDescription("a # b \\ c\nd\u{1B}") == "a \\# b \\\\ c\\u{0A}d\\u{1B}")
    }

    @Test func yamlStringsAreDoubleQuotedWithEscapes() {
        #expect(TAPWriter.quoted("say \"hi\"\\\n\t\u{1B}\u{FFFE}é") == "\"say \\\"hi\\\"\\\\\\n\\t\\u001B\\uFFFEé\"")
    }

    @Test func aTestPointWithYAMLIsIndentedAndClosed() {
        var tap = TAPWriter()
        tap.plan(1)
        tap.point(ok: false, "x", yaml: [("message", .string("m")), ("list", .list([.map([("a", .int(1)), ("b", .bool(true))])])),
                                         ("empty", .list([]))])
        #expect(tap.output == """
            TAP version 14
            1..1
            not ok 1 - x
              ---
              message: "m"
              list:
                - a: 1
                  b: true
              empty: []
              ...

            """)
    }
}

/// `mentor run -` and `mentor check` on paths that cannot be read.
@Suite("run from standard input, unreadable paths")
struct StandardInputRunTests {
    @Test func runDashRunsStandardInput() {
        let result = runMentor(["run", "-"], stdin: "print(1 + 2)\n")
        #expect(result.status == 0)
        #expect(result.stdout == "3\n")
    }

    @Test func runDashNamesStandardInputInDiagnostics() {
        let result = runMentor(["run", "-"], stdin: "print(1 +)\n")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("<stdin>:1:10: error:"), "\(result.stderr)")
    }

    @Test(arguments: ["text", "json", "sarif", "junit", "github", "tap"])
    func checkOfNothingReadablePrintsOnlyTheIOError(format: String) {
        let result = runMentor(["check", "--format", format, "/nonexistent/mentor-path"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr == "mentor: cannot read '/nonexistent/mentor-path': No such file or directory\n")
    }
}

/// `--watch`'s loop, run in-process for a bounded number of runs.
@Suite("watch", .serialized)
struct WatchLoopTests {
    private func makeFolder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mentor-watch-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "person ana \"Ana\"\n".write(to: root.appendingPathComponent("people.mentor"), atomically: true, encoding: .utf8)
        return root
    }

    @Test("an imported file edited as soon as the report shows starts the next run")
    func anEditRightAfterTheReportIsSeen() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // Outside the watched folder, as an import of `../shared/people.mentor` is: the loop
        // learns of it only from what the run read.
        let shared = try makeFolder()
        defer { try? FileManager.default.removeItem(at: shared) }
        let imported = shared.appendingPathComponent("people.mentor")
        final class Log: @unchecked Sendable { var text = ""; var pauses = 0 }
        let log = Log()
        let context = CLIContext(writeOut: { log.text += $0 }, writeErr: { log.text += $0 }, readStdin: { [] },
                                 stdinIsTerminal: false, stdoutIsTerminal: false, stderrIsTerminal: false, environment: [:])
        var runs = 0
        let status = WatchLoop(command: "check", paths: [root.path]).run(context: context, maxRuns: 2, pause: {
            log.pauses += 1
            // Not seen by the third pause: change the file again so the loop ends and the
            // expectation below reports the miss instead of the test hanging.
            if log.pauses == 3 { try? "person ana \"Ana again\"\n".write(to: imported, atomically: false, encoding: .utf8) }
        }) { noteRead in
            runs += 1
            noteRead([imported.path])
            // The user saves the moment the report shows, before the loop looks again.
            if runs == 1 { try? "person ana \"Ana Ruiz, edited\"\n".write(to: imported, atomically: false, encoding: .utf8) }
            return (0, [imported.path])
        }
        #expect(runs == 2)
        #expect(status == 0)
        #expect(log.pauses == 1, "the edit was seen only after \(log.pauses) pauses")
    }

    @Test func anEditStartsTheNextRun() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        final class Log: @unchecked Sendable { var text = ""; var pauses = 0 }
        let log = Log()
        let context = CLIContext(writeOut: { log.text += $0 }, writeErr: { log.text += $0 }, readStdin: { [] },
                                 stdinIsTerminal: false, stdoutIsTerminal: false, stderrIsTerminal: false, environment: [:])
        var runs = 0
        let status = WatchLoop(command: "check", paths: [root.path]).run(context: context, maxRuns: 2, pause: {
            log.pauses += 1
            // A size change shows whatever the file system's time resolution.
            if log.pauses == 2 { try? "person ana \"Ana Ruiz\"\n".write(to: root.appendingPathComponent("people.mentor"), atomically: false, encoding: .utf8) }
        }) { _ in
            runs += 1
            return (runs == 1 ? 0 : 1, [root.appendingPathComponent("people.mentor").path])
        }
        #expect(runs == 2)
        #expect(status == 1)
        // The first pause sees no change; the edit made in the second is seen at once.
        #expect(log.pauses == 2)
        #expect(log.text.components(separatedBy: "=== mentor check: ").count == 3, "\(log.text)")
    }

    @Test func aNewFileInAWatchedFolderIsAChange() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = WatchedFiles(paths: [root.path], read: [])
        #expect(WatchedFiles(paths: [root.path], read: []) == before)
        try "person dave \"Dave\"\n".write(to: root.appendingPathComponent("more.mentor"), atomically: true, encoding: .utf8)
        #expect(WatchedFiles(paths: [root.path], read: []) != before)
    }

    @Test func anImportedFileOutsideTheNamedPathsIsWatched() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("shared/other.txt")
        try FileManager.default.createDirectory(at: outside.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "a".write(to: outside, atomically: true, encoding: .utf8)
        let named = root.appendingPathComponent("people.mentor").path
        let before = WatchedFiles(paths: [named], read: [outside.path])
        try "ab".write(to: outside, atomically: false, encoding: .utf8)
        #expect(WatchedFiles(paths: [named], read: [outside.path]) != before)
    }
}
