import Foundation
import MentorRuntime
import Testing

/// Broken and hostile things under a checked folder: each is reported, and the rest is still checked.
@Suite("hostile input", .serialized)
struct HostileInputTests {
    /// A folder holding a valid two-file programme (people and one agreement).
    private func makeProgramme() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mentor-hostile-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "person ana \"Ana\"\nperson dave \"Dave\"\n".write(to: root.appendingPathComponent("people.mentor"), atomically: true, encoding: .utf8)
        try "agreement ana_dave { mentor: ana, mentee: dave, start: 2026-01-12 }\n"
            .write(to: root.appendingPathComponent("agreement.mentor"), atomically: true, encoding: .utf8)
        return root
    }

    private func check(_ root: URL) -> (stdout: String, stderr: String, status: Int32) {
        runMentor(["check", "--today", "2026-06-01", root.path])
    }

    @Test func aFIFONamedLikeASourceIsReportedNotWaitedOn() throws {
        // Opening a FIFO for reading blocks until a writer comes: this test would hang without the check.
        let root = try makeProgramme()
        defer { try? FileManager.default.removeItem(at: root) }
        let fifo = root.appendingPathComponent("pipe.mentor").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = check(root)
        #expect(result.status == 2)
        #expect(result.stderr == "mentor: cannot read '\(fifo)': not a regular file\n")
        #expect(result.stdout == "no problems in 2 files\n")
    }

    @Test func anImportOfAFIFOIsRefused() throws {
        let root = try makeProgramme()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(mkfifo(root.appendingPathComponent("pipe.mentor").path, 0o644) == 0)
        try "import \"pipe.mentor\"\n".write(to: root.appendingPathComponent("main.mentor"), atomically: true, encoding: .utf8)
        let result = runMentor(["run", root.appendingPathComponent("main.mentor").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot import `pipe.mentor`: not a regular file [M0530]"), "\(result.stderr)")
    }

    @Test func aFolderNamedLikeASourceIsSearched() throws {
        let root = try makeProgramme()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("more.mentor")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "person bo \"Bo\"\n".write(to: folder.appendingPathComponent("bo.mentor"), atomically: true, encoding: .utf8)
        let result = check(root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "no problems in 3 files\n")
    }

    @Test func aFileWithoutReadPermissionIsAnIOError() throws {
        let root = try makeProgramme()
        defer { try? FileManager.default.removeItem(at: root) }
        let locked = root.appendingPathComponent("locked.mentor")
        try "person lee \"Lee\"\n".write(to: locked, atomically: true, encoding: .utf8)
        #expect(chmod(locked.path, 0) == 0)
        // Root reads it anyway (CI runs as root); the dangling link and FIFO tests cover unreadable files there.
        if access(locked.path, R_OK) == 0 { return }
        let result = check(root)
        #expect(result.status == 2)
        #expect(result.stderr == "mentor: cannot read '\(locked.path)': Permission denied\n")
        #expect(result.stdout == "no problems in 2 files\n")
    }

    @Test func aFileNameThatIsNotUTF8IsReportedWithItsBytesEscaped() throws {
        let root = try makeProgramme()
        defer { try? FileManager.default.removeItem(at: root) }
        // Written with raw bytes: a Swift String cannot hold the name.
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".mentor".utf8)
        let path = Array(root.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
        #expect(descriptor >= 0)
        close(descriptor)
        let result = check(root)
        #expect(result.status == 2)
        #expect(result.stderr == "mentor: cannot read '\(root.path)/caf\\x{E9}.mentor': file name is not valid UTF-8; not read\n")
        #expect(result.stdout == "no problems in 2 files\n")
    }

    @Test func terminalEscapesInAFileNameAreEscapedInEveryMessage() throws {
        let root = try makeProgramme()
        defer { try? FileManager.default.removeItem(at: root) }
        let name = "x\u{1B}]8;;evil.example\u{7}\u{1B}[31m\u{202E}\u{9B}.mentor"
        #expect(FileManager.default.createFile(atPath: root.path + "/" + name, contents: Data("let a = nothing\n".utf8)))
        let escaped = "x\\u{1B}]8;;evil.example\\u{07}\\u{1B}[31m\\u{202E}\\u{9B}.mentor"
        for format in ["text", "json", "sarif", "junit"] {
            let result = runMentor(["check", "--format", format, root.path])
            #expect(result.status == 1)
            let output = result.stdout + result.stderr
            #expect(!output.unicodeScalars.contains { [0x1B, 0x07, 0x9B, 0x202E].contains($0.value) }, "\(format): \(output)")
            if format == "text" { #expect(output.contains("\(root.path)/\(escaped):1:9: error"), "\(output)") }
        }
        // A file that cannot be read, named the same way, goes through the I/O message.
        #expect(symlink("/nonexistent/target", root.path + "/gone\u{1B}[2J.mentor") == 0)
        let result = check(root)
        #expect(result.stderr.contains("gone\\u{1B}[2J.mentor"), "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func aSymlinkLoopOfFilesIsAnIOErrorNotAHang() throws {
        // a.mentor -> b.mentor -> a.mentor: stat fails with ELOOP.
        let root = try makeProgramme()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("a.mentor").path, withDestinationPath: "b.mentor")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("b.mentor").path, withDestinationPath: "a.mentor")
        let result = check(root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("a.mentor': Too many levels of symbolic links"), "\(result.stderr)")
        #expect(result.stdout == "no problems in 2 files\n")
    }

    @Test func binaryContentIsToldFromTextWithAFewBadBytes() {
        #expect(BinaryContent.reason(Array("let a = 1\n".utf8)) == nil)
        // One NUL byte or a few Latin-1 letters: text, so the lexer points at each (M0101, M0102).
        #expect(BinaryContent.reason(Array("let a = 1 // \0\n".utf8)) == nil)
        #expect(BinaryContent.reason(Array("// caf".utf8) + [0xE9, 0x20, 0xE0, 0x20, 0xE8] + Array(" au lait, déjà\n".utf8)) == nil)
        // UTF-16, an executable's header, random bytes: binary.
        #expect(BinaryContent.reason([0xFF, 0xFE] + Array("person ana".utf8).flatMap { [$0, 0] }) != nil)
        #expect(BinaryContent.reason([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1] + [UInt8](repeating: 0, count: 57)) != nil)
        // Only the first 8,000 bytes count.
        #expect(BinaryContent.reason(Array(repeating: UInt8(ascii: "a"), count: 8_000) + [UInt8](repeating: 0, count: 8_000)) == nil)
    }
}
