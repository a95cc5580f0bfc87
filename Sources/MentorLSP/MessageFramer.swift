/// One unit read from the client's byte stream.
public enum FramedInput: Sendable, Equatable {
    /// A message body, as the `Content-Length` header announced it.
    case body([UInt8])
    /// A header block that could not be used; the stream goes on after it.
    case malformedHeader(String)
}

/// Splits the LSP base protocol's byte stream (`Content-Length: N\r\n\r\n` then N bytes) into
/// message bodies. Fed bytes as they arrive; a bad header is reported and skipped, so one
/// broken message never stops the server.
public struct MessageFramer: Sendable {
    /// The largest body accepted; a bigger one is skipped unread.
    public static let maxBodyBytes = 64 << 20
    /// The longest header block accepted before giving up on finding its end.
    public static let maxHeaderBytes = 8 << 10

    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of an oversized body still to be thrown away.
    private var skipping = 0

    /// Creates an empty framer.
    public init() {}

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete unit, or nil when more bytes are needed.
    public mutating func next() -> FramedInput? {
        while true {
            if skipping > 0 {
                let dropped = min(skipping, buffer.count - start)
                start += dropped
                skipping -= dropped
                compact()
                if skipping > 0 { return nil }
            }
            guard let headerEnd = findHeaderEnd() else {
                if buffer.count - start > MessageFramer.maxHeaderBytes {
                    start = buffer.count
                    compact()
                    return .malformedHeader("no end of header within \(MessageFramer.maxHeaderBytes) bytes")
                }
                return nil
            }
            let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
            let bodyStart = headerEnd + 4
            switch MessageFramer.contentLength(in: header) {
            case .failure(let problem):
                start = bodyStart
                compact()
                return .malformedHeader(problem.reason)
            case .success(let length) where length > MessageFramer.maxBodyBytes:
                start = bodyStart
                skipping = length
                return .malformedHeader("Content-Length \(length) is larger than \(MessageFramer.maxBodyBytes) bytes")
            case .success(let length):
                guard buffer.count - bodyStart >= length else { return nil }
                let body = Array(buffer[bodyStart..<bodyStart + length])
                start = bodyStart + length
                compact()
                return .body(body)
            }
        }
    }

    /// Frames `body` for writing.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    private struct HeaderProblem: Error { let reason: String }

    private static func contentLength(in header: String) -> Result<Int, HeaderProblem> {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(HeaderProblem(reason: "header line without `:`"))
            }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingPrefix(" ")
            if name == "content-length" {
                guard let number = Int(value.trimmingSuffix(" ")), number >= 0 else {
                    return .failure(HeaderProblem(reason: "Content-Length is not a number"))
                }
                length = number
            }
        }
        guard let length else { return .failure(HeaderProblem(reason: "header without Content-Length")) }
        return .success(length)
    }

    private func findHeaderEnd() -> Int? {
        guard buffer.count - start >= 4 else { return nil }
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Drops consumed bytes once they are most of the buffer, so it does not grow for ever.
    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 1 << 16, start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ character: Character) -> Substring {
        var result = self
        while result.last == character { result = result.dropLast() }
        return result
    }
}
