import Foundation
import Testing

@testable import MentorREPL

/// Runs `body` with SIGINT deliverable to the current thread: the test runner's worker threads
/// block it, so a signal raised there would stay pending instead of reaching the trap.
private func withInterruptsDeliverable<Result>(_ body: () throws -> Result) rethrows -> Result {
    var interrupt = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    var previous = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &interrupt, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return try body()
}

/// These install a real SIGINT handler in the test process, so they run one at a time.
@Suite("Interrupting with SIGINT", .serialized)
struct InterruptTests {
    @Test("SIGINT during an evaluation asks the backend to stop, and the loop goes on")
    func duringEvaluation() {
        let backend = RecordingBackend()
        backend.onEvaluate = { source in
            if source == "long" { raise(SIGINT) }
        }
        let input = ScriptedInput(lines: ["long", "1"])
        let writer = CapturingWriter()
        let trap = InterruptTrap(backend: backend)
        trap.install()
        defer { trap.uninstall() }
        let status = withInterruptsDeliverable {
            REPLSession(backend: backend, input: input, writer: writer, history: nil, interruptTrap: trap).run()
        }
        #expect(backend.interruptRequests == 1)
        #expect(backend.evaluated == ["long", "1"])
        #expect(status == 0)
        // The terminal echoed ^C mid-line; the result starts on the next one.
        #expect(writer.standardOutput == "\nvalue of long\nvalue of 1\n")
        #expect(!trap.takePending())
    }

    @Test("SIGINT between evaluations does not reach the backend")
    func betweenEvaluations() {
        let backend = RecordingBackend()
        let trap = InterruptTrap(backend: backend)
        trap.install()
        defer { trap.uninstall() }
        withInterruptsDeliverable { _ = raise(SIGINT) }
        #expect(backend.interruptRequests == 0)
        #expect(trap.takePending())
        #expect(!trap.takePending())
    }

    @Test("SIGINT while waiting for a plain line interrupts it and drops the partial line")
    func duringPlainRead() throws {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        defer { close(pipeEnds[0]); close(pipeEnds[1]) }
        let trap = InterruptTrap(backend: RecordingBackend())
        trap.install()
        defer { trap.uninstall() }
        let reader = PlainLineReader(descriptor: pipeEnds[0], writer: CapturingWriter(), interruptTrap: trap)
        _ = "partial".withCString { write(pipeEnds[1], $0, 7) }
        let readingThread = pthread_self()
        let sender = Thread {
            usleep(200_000)
            pthread_kill(readingThread, SIGINT)
        }
        sender.start()
        withInterruptsDeliverable {
            #expect(reader.readLine(prompt: "") == .interrupted(discarded: "partial"))
        }
        _ = "next\n".withCString { write(pipeEnds[1], $0, 5) }
        #expect(reader.readLine(prompt: "") == .line("next"))
    }
}

@Suite("Plain line reading")
struct PlainLineReaderTests {
    @Test("reads lines without their endings, then the last unterminated line, then the end")
    func lines() throws {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        defer { close(pipeEnds[0]) }
        let text = "1 + 2\r\n\"Inês\"\n\nlast"
        _ = text.withCString { write(pipeEnds[1], $0, strlen($0)) }
        close(pipeEnds[1])
        let writer = CapturingWriter()
        let reader = PlainLineReader(descriptor: pipeEnds[0], writer: writer)
        #expect(!reader.isInteractive)
        var got: [LineEditor.Input] = []
        for _ in 0..<6 { got.append(reader.readLine(prompt: Prompt.primary)) }
        #expect(got == [.line("1 + 2"), .line("\"Inês\""), .line(""), .line("last"), .endOfFile, .endOfFile])
        #expect(writer.standardOutput.isEmpty)
    }

    @Test("piped input runs through the loop, echoing results without prompts")
    func pipedSession() throws {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        defer { close(pipeEnds[0]) }
        _ = "1 + 2\n[1,\n2]\n".withCString { write(pipeEnds[1], $0, strlen($0)) }
        close(pipeEnds[1])
        let writer = CapturingWriter()
        let backend = RecordingBackend()
        backend.outputs["1 + 2"] = REPLOutput(stdout: "3")
        let reader = PlainLineReader(descriptor: pipeEnds[0], writer: writer)
        let status = REPLSession(backend: backend, input: reader, writer: writer).run()
        #expect(status == 0)
        #expect(backend.evaluated == ["1 + 2", "[1,\n2]"])
        #expect(writer.standardOutput == "3\nvalue of [1,\n2]\n")
    }

    @Test("piped input over the entry limit, one endless line or an open entry, is refused with exit status 2")
    func pipedEntryOverTheLimit() throws {
        for text in ["1 + 2\n" + String(repeating: "x", count: 100), "1 + 2\n[\n1,\n2,\n3,\n4,\n5,\n6,\n]\n4\n"] {
            var pipeEnds: [Int32] = [0, 0]
            #expect(pipe(&pipeEnds) == 0)
            defer { close(pipeEnds[0]) }
            _ = text.withCString { write(pipeEnds[1], $0, strlen($0)) }
            close(pipeEnds[1])
            let writer = CapturingWriter()
            let backend = RecordingBackend()
            let reader = PlainLineReader(descriptor: pipeEnds[0], writer: writer, interruptTrap: nil, lineLimit: 10)
            let session = REPLSession(backend: backend, input: reader, writer: writer, history: nil,
                                      interruptTrap: InterruptTrap(backend: backend), entryLimit: 10)
            #expect(session.run() == 2)
            #expect(backend.evaluated == ["1 + 2"])
            #expect(writer.standardError == "mentor: cannot read '<stdin>': entry larger than 0 MiB\n")
        }
    }

}
