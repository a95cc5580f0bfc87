import Foundation
import MentorRuntime
import Testing

@testable import MentorCLI

/// What a `StandardOutput` reported.
private final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

@Suite("Standard output")
struct StandardOutputTests {
    @Test("a full device is reported once, as M0605, and the stream counts as failed")
    func fullDevice() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let reports = Reports()
        let output = StandardOutput(descriptor: descriptor, report: reports.add)
        #expect(!output.hasFailed)
        output.write("first\n")
        output.write("second\n")
        #expect(reports.all == ["mentor: error: cannot write standard output: No space left on device [M0605]\n"])
        #expect(output.hasFailed)
    }

    @Test("a standard output closed at start fails at the first write with Bad file descriptor")
    func closedAtStart() throws {
        let descriptor = open("/dev/null", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let reports = Reports()
        let output = StandardOutput(descriptor: descriptor, report: reports.add)
        output.closedAtStart()
        #expect(!output.hasFailed)
        output.write("lost\n")
        output.write("lost too\n")
        #expect(reports.all == ["mentor: error: cannot write standard output: Bad file descriptor [M0605]\n"])
        #expect(output.hasFailed)
    }

    @Test("writes that succeed report nothing")
    func succeeding() throws {
        let descriptor = open("/dev/null", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let reports = Reports()
        let output = StandardOutput(descriptor: descriptor, report: reports.add)
        output.write(String(repeating: "x", count: 1 << 20))
        #expect(reports.all.isEmpty)
        #expect(!output.hasFailed)
    }
}

@Suite("Standard input")
struct StandardInputTests {
    @Test("reading stops at the limit, however much more the pipe holds")
    func stopsAtTheLimit() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        defer { close(ends[0]) }
        let bytes = [UInt8](repeating: 7, count: 1000)
        #expect(write(ends[1], bytes, bytes.count) == 1000)
        close(ends[1])
        let read = StandardInput.read(ends[0], limit: 100)
        #expect((try? read.get())?.count == 100)
    }

    @Test("a read error is reported, not taken for the end of input")
    func readError() throws {
        let descriptor = open(NSTemporaryDirectory(), O_RDONLY | O_DIRECTORY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        guard case .failure(let error) = StandardInput.read(descriptor, limit: 100) else {
            Issue.record("reading a folder succeeded")
            return
        }
        #expect(error.reason == "Is a directory")
    }

    @Test("a script on standard input over the file size limit is refused like a file")
    func runRefusesTooMuchInput() {
        let tooLarge = String(repeating: " ", count: FileSystemReader.maxFileSize + 1)
        #expect(runMentor([], stdin: tooLarge) == ("", "mentor: cannot read '<stdin>': file larger than 64 MiB\n", 2))
    }
}
