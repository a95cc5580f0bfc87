import Foundation
import MentorRuntime
import Testing

@testable import MentorREPL

@Suite("History file format")
struct HistoryFileFormatTests {
    @Test(
        "escaping keeps each entry on one line and round-trips",
        arguments: [
            ("1 + 2", "1 + 2"),
            ("[1,\n2,\n3]", "[1,\\n2,\\n3]"),
            ("a \\ b", "a \\\\ b"),
            ("\"\\n\" is an escape", "\"\\\\n\" is an escape"),
            ("ends with \\", "ends with \\\\"),
            ("carriage\r\nreturn", "carriage\\r\\nreturn"),
            ("\"Inês\" and 日本", "\"Inês\" and 日本"),
        ])
    func escapeRoundTrip(entry: String, line: String) {
        #expect(HistoryFileFormat.escape(entry) == line)
        #expect(!HistoryFileFormat.escape(entry).contains("\n"))
        #expect(HistoryFileFormat.unescape(Substring(line)) == entry)
    }

    @Test("unknown escapes and a trailing backslash are read as written")
    func lenientUnescape() {
        #expect(HistoryFileFormat.unescape("a\\tb") == "a\\tb")
        #expect(HistoryFileFormat.unescape("ends\\") == "ends\\")
    }

    @Test("a whole file reads back as its entries, skipping blank lines")
    func wholeFile() {
        let entries = ["one", "two\nlines", "back\\slash"]
        let contents = HistoryFileFormat.contents(of: entries)
        #expect(HistoryFileFormat.entries(in: contents) == entries)
        #expect(HistoryFileFormat.entries(in: "a\n\n\nb\r\n") == ["a", "b"])
    }
}

@Suite("REPL history")
struct REPLHistoryTests {
    @Test("creates missing directories and a file only its owner can read")
    func createsPrivateFile() throws {
        let directory = try TemporaryDirectory()
        let history = try REPLHistory(path: directory.file("state/mentor/history"))
        try history.append("1 + 2")
        #expect(try directory.permissions(of: "state/mentor/history") == 0o600)
        #expect(try directory.read("state/mentor/history") == "1 + 2\n")
    }

    @Test("tightens the permissions of an existing file")
    func tightensPermissions() throws {
        let directory = try TemporaryDirectory()
        try directory.write("old\n", to: "history")
        chmod(directory.file("history"), 0o644)
        let history = try REPLHistory(path: directory.file("history"))
        #expect(history.entries == ["old"])
        #expect(try directory.permissions(of: "history") == 0o600)
    }

    @Test("each entry reaches the file when appended, multi-line entries as one line")
    func appendsImmediately() throws {
        let directory = try TemporaryDirectory()
        let history = try REPLHistory(path: directory.file("history"))
        try history.append("[1,\n2,\n3]")
        try history.append("\"Inês\"")
        // Read while the first instance is still open, as after a `kill -9`.
        #expect(try directory.read("history") == "[1,\\n2,\\n3]\n\"Inês\"\n")
        let reopened = try REPLHistory(path: directory.file("history"))
        #expect(reopened.entries == ["[1,\n2,\n3]", "\"Inês\""])
    }

    @Test("a repeat of the newest entry and blank entries are not stored")
    func skipsDuplicatesAndBlanks() throws {
        let directory = try TemporaryDirectory()
        let history = try REPLHistory(path: directory.file("history"))
        #expect(try history.append("a"))
        #expect(try !history.append("a"))
        #expect(try !history.append("   "))
        #expect(try history.append("b"))
        #expect(try history.append("a"))
        #expect(history.entries == ["a", "b", "a"])
        #expect(try directory.read("history") == "a\nb\na\n")
        let reopened = try REPLHistory(path: directory.file("history"))
        #expect(try !reopened.append("a"))
    }

    @Test("a file over the limit is trimmed to the newest entries on load, atomically and privately")
    func trimsOnLoad() throws {
        let directory = try TemporaryDirectory()
        let lines = (1...25).map { "entry \($0)" }
        try directory.write(lines.joined(separator: "\n") + "\n", to: "history")
        let history = try REPLHistory(path: directory.file("history"), limit: 10)
        #expect(history.entries == Array(lines.suffix(10)))
        #expect(try directory.read("history") == lines.suffix(10).map { $0 + "\n" }.joined())
        #expect(try directory.permissions(of: "history") == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["history"])
        // Appends go to the rewritten file, not the replaced one.
        try history.append("entry 26")
        #expect(try directory.read("history").hasSuffix("entry 25\nentry 26\n"))
        #expect(history.entries.count == 10)
        #expect(history.entries.first == "entry 17")
    }

    @Test("an unusable path is reported, not ignored")
    func reportsFailure() throws {
        let directory = try TemporaryDirectory()
        try directory.write("", to: "plain-file")
        #expect(throws: FileError.self) { try REPLHistory(path: directory.file("plain-file/history")) }
    }

    @Test("a FIFO is refused before it is opened: no hang, no chmod")
    func refusesFIFO() throws {
        let directory = try TemporaryDirectory()
        #expect(mkfifo(directory.file("fifo"), 0o644) == 0)
        #expect(throws: FileError(path: directory.file("fifo"), operation: "use", refusal: "not a regular file")) {
            try REPLHistory(path: directory.file("fifo"))
        }
        #expect(try directory.permissions(of: "fifo") == 0o644)
    }

    // A character device of its own (the same as /dev/null), so a regression cannot chmod the real one.
    @Test("a device is never chmod-ed or read", .enabled(if: geteuid() == 0, "mknod needs root"))
    func refusesDevice() throws {
        let directory = try TemporaryDirectory()
        #expect(mknod(directory.file("null"), S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
        chmod(directory.file("null"), 0o666)
        #expect(throws: FileError(path: directory.file("null"), operation: "use", refusal: "not a regular file")) {
            try REPLHistory(path: directory.file("null"))
        }
        #expect(try directory.permissions(of: "null") == 0o666)
    }

    @Test("another user's file is not used", .enabled(if: geteuid() == 0, "chown needs root"))
    func refusesOtherUsersFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("theirs\n", to: "history")
        chmod(directory.file("history"), 0o644)
        #expect(chown(directory.file("history"), 4321, 4321) == 0)
        #expect(throws: FileError(path: directory.file("history"), operation: "use", refusal: "the file belongs to another user")) {
            try REPLHistory(path: directory.file("history"))
        }
        #expect(try directory.permissions(of: "history") == 0o644)
        #expect(try directory.read("history") == "theirs\n")
    }

    @Test("a history file behind a symbolic link is trimmed through the link, which stays")
    func trimsThroughLink() throws {
        let directory = try TemporaryDirectory()
        try directory.write((1...5).map { "entry \($0)\n" }.joined(), to: "real")
        #expect(symlink("real", directory.file("history")) == 0)
        let history = try REPLHistory(path: directory.file("history"), limit: 2)
        #expect(history.entries == ["entry 4", "entry 5"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.file("history")) == "real")
        try history.append("entry 6")
        #expect(try directory.read("real") == "entry 4\nentry 5\nentry 6\n")
    }

    @Test("a history file with other hard links is read but not trimmed")
    func doesNotTrimHardLinks() throws {
        let directory = try TemporaryDirectory()
        let text = (1...5).map { "entry \($0)\n" }.joined()
        try directory.write(text, to: "history")
        #expect(link(directory.file("history"), directory.file("other")) == 0)
        let history = try REPLHistory(path: directory.file("history"), limit: 2)
        #expect(history.entries == ["entry 4", "entry 5"])
        try history.append("entry 6")
        #expect(try directory.read("other") == text + "entry 6\n")
    }

    @Test(
        "the file location follows MENTOR_HISTORY, then XDG_STATE_HOME, then HOME",
        arguments: [
            (["MENTOR_HISTORY": "/tmp/h", "XDG_STATE_HOME": "/s", "HOME": "/home/u"], "/tmp/h"),
            (["MENTOR_HISTORY": "", "HOME": "/home/u"], nil),
            (["XDG_STATE_HOME": "/s", "HOME": "/home/u"], "/s/mentor/history"),
            (["XDG_STATE_HOME": "relative", "HOME": "/home/u"], "/home/u/.local/state/mentor/history"),
            (["HOME": "/home/u"], "/home/u/.local/state/mentor/history"),
            ([:], nil),
        ] as [([String: String], String?)])
    func location(environment: [String: String], expected: String?) {
        #expect(REPLHistory.defaultPath(environment: { environment[$0] }) == expected)
    }
}
