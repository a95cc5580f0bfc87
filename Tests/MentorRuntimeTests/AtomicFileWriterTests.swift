import Foundation
import Testing

@testable import MentorRuntime

/// A fresh folder for one test, removed afterwards.
private final class Folder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/mentor-writer-tests-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: created)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ text: String, _ name: String) throws {
        try text.write(toFile: file(name), atomically: false, encoding: .utf8)
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: file(name), encoding: .utf8) }

    func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }

    func info(_ name: String) -> stat {
        var info = stat()
        _ = lstat(file(name), &info)
        return info
    }
}

/// Hands out the given suffixes in order, then random ones.
private final class Suffixes: @unchecked Sendable {
    private var pending: [String]
    private(set) var handedOut: [String] = []
    private let lock = NSLock()

    init(_ suffixes: [String]) { pending = suffixes }

    func next() -> String {
        lock.withLock {
            let suffix = pending.isEmpty ? AtomicFileWriter.randomSuffix() : pending.removeFirst()
            handedOut.append(suffix)
            return suffix
        }
    }
}

@Suite("Atomic file writer")
struct AtomicFileWriterTests {
    static let bytes = Array("new text\n".utf8)

    @Test("a symbolic link planted at the temporary name is neither followed nor replaced; the next name is used")
    func plantedLinkIsNotFollowed() throws {
        let folder = try Folder()
        try folder.write("old\n", "out.txt")
        try folder.write("precious\n", "victim")
        #expect(symlink(folder.file("victim"), folder.file(".out.txt.tmp-planted")) == 0)
        let suffixes = Suffixes(["planted", "free"])
        try AtomicFileWriter(randomSuffix: suffixes.next).write(Self.bytes, to: folder.file("out.txt"))
        #expect(try folder.read("out.txt") == "new text\n")
        #expect(try folder.read("victim") == "precious\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.file(".out.txt.tmp-planted")) == folder.file("victim"))
        #expect(suffixes.handedOut == ["planted", "free"])
        #expect(try folder.entries() == [".out.txt.tmp-planted", "out.txt", "victim"])
    }

    @Test("when every name is taken the write fails with File exists and changes nothing")
    func everyNameTaken() throws {
        let folder = try Folder()
        try folder.write("old\n", "out.txt")
        try folder.write("precious\n", "victim")
        #expect(symlink(folder.file("victim"), folder.file(".out.txt.tmp-same")) == 0)
        #expect(throws: FileWriteError.system(FileError(path: folder.file(".out.txt.tmp-*"), operation: "create", code: EEXIST))) {
            try AtomicFileWriter(randomSuffix: { "same" }).write(Self.bytes, to: folder.file("out.txt"))
        }
        #expect(try folder.read("out.txt") == "old\n")
        #expect(try folder.read("victim") == "precious\n")
    }

    @Test("random names are hidden, distinct and fit NAME_MAX")
    func temporaryNames() {
        let long = String(repeating: "é", count: 126) + ".mentor"
        let name = AtomicFileWriter.temporaryName(beside: long, suffix: AtomicFileWriter.randomSuffix())
        #expect(name.utf8.count <= 255)
        #expect(name.hasPrefix(".é"))
        #expect(AtomicFileWriter.randomSuffix() != AtomicFileWriter.randomSuffix())
        #expect(AtomicFileWriter.temporaryName(beside: "a.mentor", suffix: "x") == ".a.mentor.tmp-x")
    }

    @Test("a symbolic link is written through to its final target, and stays a link")
    func writesThroughLinks() throws {
        let folder = try Folder()
        try FileManager.default.createDirectory(atPath: folder.file("real"), withIntermediateDirectories: false)
        try folder.write("old\n", "real/target.txt")
        #expect(symlink("real/target.txt", folder.file("first")) == 0)
        #expect(symlink("first", folder.file("second")) == 0)
        try AtomicFileWriter().write(Self.bytes, to: folder.file("second"))
        #expect(try folder.read("real/target.txt") == "new text\n")
        #expect(folder.info("second").st_mode & S_IFMT == S_IFLNK)
        #expect(folder.info("first").st_mode & S_IFMT == S_IFLNK)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("real")) == ["target.txt"])
    }

    @Test("a dangling link creates its target; a link loop is an error")
    func danglingAndLoopingLinks() throws {
        let folder = try Folder()
        #expect(symlink("made.txt", folder.file("dangling")) == 0)
        try AtomicFileWriter().write(Self.bytes, to: folder.file("dangling"))
        #expect(try folder.read("made.txt") == "new text\n")
        #expect(symlink("loop-b", folder.file("loop-a")) == 0)
        #expect(symlink("loop-a", folder.file("loop-b")) == 0)
        #expect(throws: FileWriteError.system(FileError(path: folder.file("loop-a"), operation: "resolve", code: ELOOP))) {
            try AtomicFileWriter().write(Self.bytes, to: folder.file("loop-a"))
        }
    }

    @Test("a file with other hard links is refused and keeps its text under both names")
    func refusesHardLinks() throws {
        let folder = try Folder()
        try folder.write("old\n", "a")
        #expect(link(folder.file("a"), folder.file("b")) == 0)
        #expect(throws: FileWriteError.hardLinked(path: folder.file("a"), links: 2)) {
            try AtomicFileWriter().write(Self.bytes, to: folder.file("a"))
        }
        #expect(try folder.read("a") == "old\n")
        #expect(try folder.read("b") == "old\n")
        #expect(try folder.entries() == ["a", "b"])
    }

    @Test("a file that changed since it was read is not replaced, and no temporary file is left")
    func refusesChangedFiles() throws {
        let folder = try Folder()
        try folder.write("old\n", "a")
        let read = try #require(FileIdentity(path: folder.file("a")))
        try folder.write("old\nappended\n", "a")
        #expect(throws: FileWriteError.changedSinceRead(path: folder.file("a"))) {
            try AtomicFileWriter().write(Self.bytes, to: folder.file("a"), unchangedSince: read)
        }
        #expect(try folder.read("a") == "old\nappended\n")
        #expect(try folder.entries() == ["a"])
        // Unchanged, the same identity lets the write through.
        let again = try #require(FileIdentity(path: folder.file("a")))
        try AtomicFileWriter().write(Self.bytes, to: folder.file("a"), unchangedSince: again)
        #expect(try folder.read("a") == "new text\n")
    }

    @Test("a file replaced by another since it was read is not replaced")
    func refusesReplacedFiles() throws {
        let folder = try Folder()
        try folder.write("old\n", "a")
        let read = try #require(FileIdentity(path: folder.file("a")))
        try folder.write("old\n", "b")
        #expect(rename(folder.file("b"), folder.file("a")) == 0)
        #expect(throws: FileWriteError.changedSinceRead(path: folder.file("a"))) {
            try AtomicFileWriter().write(Self.bytes, to: folder.file("a"), unchangedSince: read)
        }
    }

    @Test("a replaced file keeps its owner, group and mode", .enabled(if: geteuid() == 0, "chown needs root"))
    func keepsOwnership() throws {
        let folder = try Folder()
        try folder.write("old\n", "theirs")
        #expect(chown(folder.file("theirs"), 1234, 5678) == 0)
        #expect(chmod(folder.file("theirs"), 0o640) == 0)
        try AtomicFileWriter().write(Self.bytes, to: folder.file("theirs"))
        let info = folder.info("theirs")
        #expect((info.st_uid, info.st_gid, info.st_mode & 0o7777) == (1234, 5678, 0o640))
        #expect(try folder.read("theirs") == "new text\n")
    }

    @Test("a new file gets the mode asked for, less the umask")
    func newFileMode() throws {
        let folder = try Folder()
        try AtomicFileWriter().write(Self.bytes, to: folder.file("new"), newFileMode: 0o600)
        #expect(folder.info("new").st_mode & 0o7777 == 0o600)
        #expect(folder.info("new").st_mode & S_IFMT == S_IFREG)
    }

    @Test("/dev/null is written in place and stays a device")
    func devNullInPlace() throws {
        let before = FileIdentity(path: "/dev/null")
        var info = stat()
        try AtomicFileWriter().write(Self.bytes, to: "/dev/null")
        #expect(stat("/dev/null", &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
        #expect(info.st_mode & 0o777 == 0o666)
        #expect(FileIdentity(path: "/dev/null")?.inode == before?.inode)
    }

    @Test("a FIFO is written into, not replaced")
    func fifoInPlace() throws {
        let folder = try Folder()
        #expect(mkfifo(folder.file("pipe"), 0o600) == 0)
        let (pipe, received) = (folder.file("pipe"), folder.file("received"))
        let reader = Thread {
            let descriptor = open(pipe, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = read(descriptor, &buffer, buffer.count)
            close(descriptor)
            // Atomically, so that `received` existing means it holds what was read.
            try? Data(buffer[0..<max(0, count)]).write(to: URL(fileURLWithPath: received), options: .atomic)
        }
        reader.start()
        try AtomicFileWriter().write(Self.bytes, to: folder.file("pipe"))
        while !FileManager.default.fileExists(atPath: folder.file("received")) { usleep(1000) }
        #expect(try folder.read("received") == "new text\n")
        #expect(folder.info("pipe").st_mode & S_IFMT == S_IFIFO)
    }

    @Test("a folder is refused as Is a directory")
    func folderRefused() throws {
        let folder = try Folder()
        #expect(throws: FileWriteError.system(FileError(path: folder.path, operation: "open", code: EISDIR))) {
            try AtomicFileWriter().write(Self.bytes, to: folder.path)
        }
    }
}
