#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorSource
import Synchronization

/// The server's two byte streams: a reader thread that frames and parses what the client
/// sends, and the writer the server loop answers through.
final class MessageChannel: Sendable {
    let input: Int32
    let output: Int32
    private let broken = Atomic<Bool>(false)

    init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    /// Starts reading `input` on a thread of its own, posting each message (or problem) to
    /// `queue`, and `.endOfInput` when the stream ends. `$/cancelRequest` is taken here, so a
    /// queued request can be seen to be cancelled before it is worked on.
    func startReading(into queue: EventQueue) -> Bool {
        let input = self.input
        return DetachedThread.start {
            var framer = MessageFramer()
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { SystemCall.read(input, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                framer.append(chunk[0..<count])
                while let unit = framer.next() {
                    switch unit {
                    case .malformedHeader(let reason):
                        queue.post(.unreadable("malformed header: " + reason))
                    case .body(let bytes):
                        do throws(JSONParseError) {
                            let message = try JSONParser.parse(bytes)
                            if message["method"]?.stringValue == "$/cancelRequest", message["id"] == nil,
                               let id = message["params"]?["id"] {
                                queue.cancel(id)
                            } else {
                                queue.post(.message(message))
                            }
                        } catch {
                            queue.post(.unreadable("message is not JSON: \(error.reason) at byte \(error.offset)"))
                        }
                    }
                }
            }
            queue.post(.endOfInput)
        }
    }

    /// Writes one message; false once the client can no longer be written to.
    @discardableResult
    func send(_ message: JSONValue) -> Bool {
        if broken.load(ordering: .relaxed) { return false }
        let bytes = MessageFramer.frame(Array(message.serialized.utf8))
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { SystemCall.write(output, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                broken.store(true, ordering: .relaxed)
                return false
            }
            written += count
        }
        return true
    }
}
