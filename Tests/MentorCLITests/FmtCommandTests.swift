import Foundation
import Testing

@testable import MentorRuntime

@testable import MentorCLI

/// A fresh directory for one test, removed afterwards.
private final class Scratch {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/mentor-fmt-tests-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: created)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ text: String, _ name: String, mode: Int = 0o644) throws {
        try text.write(toFile: file(name), atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file(name))
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: file(name), encoding: .utf8) }

    func attributes(_ name: String) throws -> [FileAttributeKey: Any] {
        try FileManager.default.attributesOfItem(atPath: file(name))
    }
}

@Suite("mentor fmt")
struct FmtCommandTests {
    static let untidy = "let   x=[1,2]\n"
    static let tidy = "let x = [1, 2]\n"

    @Test("without flags the formatted text of standard input goes to standard output")
    func standardInput() {
        let result = runMentor(["fmt"], stdin: Self.untidy)
        #expect(result == (Self.tidy, "", 0))
    }

    @Test("syntax errors on standard input are reported as <stdin>")
    func standardInputErrors() {
        let result = runMentor(["fmt"], stdin: "let x = (1 +\n")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("<stdin>:"))
    }

    @Test("-w rewrites changed files keeping their permissions, and leaves tidy files alone")
    func writeInPlace() throws {
        let scratch = try Scratch()
        try scratch.write(Self.untidy, "untidy.mentor", mode: 0o640)
        try scratch.write(Self.tidy, "tidy.mentor", mode: 0o600)
        let tidyBefore = try scratch.attributes("tidy.mentor")
        let untidyBefore = try scratch.attributes("untidy.mentor")
        Thread.sleep(forTimeInterval: 0.01)
        let result = runMentor(["fmt", "-w", scratch.path])
        #expect(result == ("", "", 0))
        #expect(try scratch.read("untidy.mentor") == Self.tidy)
        let untidyAfter = try scratch.attributes("untidy.mentor")
        #expect((untidyAfter[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        // A new file was renamed into place; the tidy file is the very same file, untouched.
        #expect(untidyAfter[.systemFileNumber] as? NSNumber != untidyBefore[.systemFileNumber] as? NSNumber)
        let tidyAfter = try scratch.attributes("tidy.mentor")
        #expect(tidyAfter[.systemFileNumber] as? NSNumber == tidyBefore[.systemFileNumber] as? NSNumber)
        #expect(tidyAfter[.modificationDate] as? Date == tidyBefore[.modificationDate] as? Date)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["tidy.mentor", "untidy.mentor"])
    }

    @Test("--check lists the files that would change and exits 1; nothing is written")
    func check() throws {
        let scratch = try Scratch()
        try scratch.write(Self.untidy, "b.mentor")
        try scratch.write(Self.tidy, "a.mentor")
        let result = runMentor(["fmt", "--check", scratch.path])
        #expect(result == (scratch.file("b.mentor") + "\n", "", 1))
        #expect(try scratch.read("b.mentor") == Self.untidy)
        #expect(runMentor(["fmt", "--check", scratch.file("a.mentor")]) == ("", "", 0))
    }

    @Test("-w leaves a file with syntax errors untouched and exits 1")
    func syntaxErrorsUntouched() throws {
        let scratch = try Scratch()
        let broken = "let   x = (1 +\nlet y = 2\n"
        try scratch.write(broken, "broken.mentor")
        try scratch.write(Self.untidy, "fine.mentor")
        let result = runMentor(["fmt", "-w", scratch.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.mentor:4:1: error:") || result.stderr.contains("broken.mentor:2:1: error:"))
        #expect(try scratch.read("broken.mentor") == broken)
        #expect(try scratch.read("fine.mentor") == Self.tidy)
    }

    // Works as root too: entries standing at every name the temporary file may take make
    // creating it fail whatever the permissions, like a read-only folder does.
    @Test("-w that cannot replace a file reports M0602, exits 2 and leaves the original intact")
    func replaceFails() throws {
        let scratch = try Scratch()
        try scratch.write(Self.untidy, "locked.mentor")
        try FileManager.default.createDirectory(atPath: scratch.file(".locked.mentor.tmp-taken"), withIntermediateDirectories: false)
        let (run, err) = Self.writeRun { path, bytes, read throws(FileWriteError) in
            try AtomicFileWriter(randomSuffix: { "taken" }).write(bytes, to: path, unchangedSince: read)
        }
        var writing = run
        #expect(writing.perform(paths: [scratch.file("locked.mentor")]) == 2)
        #expect(err.text == "\(scratch.file("locked.mentor")): error: cannot write: create \(scratch.file(".locked.mentor.tmp-*")) failed: File exists; the file is unchanged [M0602]\n")
        #expect(try scratch.read("locked.mentor") == Self.untidy)
    }

    final class Buffer: @unchecked Sendable { var text = "" }

    /// A `-w` run whose replacement is `replace`, with its standard error.
    static func writeRun(_ replace: @escaping FmtRun.Replace) -> (FmtRun, Buffer) {
        let err = Buffer()
        let context = CLIContext(writeOut: { _ in }, writeErr: { err.text += $0 }, readStdin: { [] },
                                 stdinIsTerminal: false, stdoutIsTerminal: false, stderrIsTerminal: false, environment: [:])
        var run = FmtRun(mode: .write, context: context, useColor: false, cap: DiagnosticCap(limit: 0))
        run.replace = replace
        return (run, err)
    }

    @Test("-w on a full disk: the failed write is M0602 and the original stays intact")
    func fullDisk() throws {
        let scratch = try Scratch()
        try scratch.write(Self.untidy, "full.mentor")
        var (run, err) = Self.writeRun { path, _, _ throws(FileWriteError) in
            throw .system(FileError(path: path + ".tmp-1", operation: "write", code: ENOSPC))
        }
        #expect(run.perform(paths: [scratch.file("full.mentor")]) == 2)
        #expect(err.text == "\(scratch.file("full.mentor")): error: cannot write: write \(scratch.file("full.mentor")).tmp-1 failed: No space left on device; the file is unchanged [M0602]\n")
        #expect(try scratch.read("full.mentor") == Self.untidy)
    }

    @Test("-w on a file appended to while it is formatted refuses with M0603 and keeps the append")
    func changedWhileFormatting() throws {
        let scratch = try Scratch()
        try scratch.write(Self.untidy, "busy.mentor")
        var (run, err) = Self.writeRun { path, bytes, read throws(FileWriteError) in
            // Another program appends between fmt's read and its rename.
            let handle = FileHandle(forWritingAtPath: path)!
            handle.seekToEndOfFile()
            handle.write(Data("let added = 1\n".utf8))
            handle.closeFile()
            try AtomicFileWriter().write(bytes, to: path, unchangedSince: read)
        }
        #expect(run.perform(paths: [scratch.file("busy.mentor")]) == 2)
        #expect(err.text == "\(scratch.file("busy.mentor")): error: the file changed while it was being formatted; it was not rewritten, run fmt again [M0603]\n")
        #expect(try scratch.read("busy.mentor") == Self.untidy + "let added = 1\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["busy.mentor"])
    }

    @Test("-w on a symbolic link rewrites its target and keeps the link")
    func writesThroughSymlink() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("real"), withIntermediateDirectories: false)
        try scratch.write(Self.untidy, "real/programme.mentor", mode: 0o640)
        #expect(symlink("real/programme.mentor", scratch.file("link.mentor")) == 0)
        let result = runMentor(["fmt", "-w", scratch.file("link.mentor")])
        #expect(result == ("", "", 0))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.file("link.mentor")) == "real/programme.mentor")
        #expect(try scratch.read("real/programme.mentor") == Self.tidy)
        #expect((try scratch.attributes("real/programme.mentor")[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.file("real")) == ["programme.mentor"])
    }

    @Test("-w refuses a file with other hard links with M0604; both names keep the old text")
    func refusesHardLinks() throws {
        let scratch = try Scratch()
        try scratch.write(Self.untidy, "a.mentor")
        #expect(link(scratch.file("a.mentor"), scratch.file("b.txt")) == 0)
        let result = runMentor(["fmt", "-w", scratch.file("a.mentor")])
        #expect(result == ("", "\(scratch.file("a.mentor")): error: the file has 2 hard links, which rewriting it would break; it was not rewritten [M0604]\n", 2))
        #expect(try scratch.read("a.mentor") == Self.untidy)
        #expect(try scratch.read("b.txt") == Self.untidy)
    }

    // CI runs as root, where a replaced file would silently become root's.
    @Test("-w keeps the owner and group of the file", .enabled(if: geteuid() == 0, "chown needs root"))
    func keepsOwnerAndGroup() throws {
        let scratch = try Scratch()
        try scratch.write(Self.untidy, "theirs.mentor", mode: 0o664)
        #expect(chown(scratch.file("theirs.mentor"), 4321, 8765) == 0)
        #expect(runMentor(["fmt", "-w", scratch.file("theirs.mentor")]) == ("", "", 0))
        var info = stat()
        #expect(stat(scratch.file("theirs.mentor"), &info) == 0)
        #expect((info.st_uid, info.st_gid, info.st_mode & 0o7777) == (4321, 8765, 0o664))
        #expect(try scratch.read("theirs.mentor") == Self.tidy)
    }

    @Test("standard input over the file size limit is refused as a file is, M0601")
    func standardInputOverTheLimit() {
        let tooLarge = String(repeating: " ", count: FileSystemReader.maxFileSize + 1)
        #expect(runMentor(["fmt"], stdin: tooLarge) == ("", "<stdin>: error: cannot read: file larger than 64 MiB [M0601]\n", 2))
    }

    @Test("an unreadable path is M0601 and exit 2, the other files are still formatted")
    func unreadable() throws {
        let scratch = try Scratch()
        try scratch.write(Self.untidy, "ok.mentor")
        let result = runMentor(["fmt", scratch.file("missing.mentor"), scratch.file("ok.mentor")])
        #expect(result.status == 2)
        #expect(result.stdout == Self.tidy)
        #expect(result.stderr == "\(scratch.file("missing.mentor")): error: cannot read: No such file or directory [M0601]\n")
    }
}
