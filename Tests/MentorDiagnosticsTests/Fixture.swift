import MentorDiagnostics
import MentorSource

/// A source map with one or more files, and spans found by searching their text.
struct Fixture {
    let sources = SourceMap()
    let file: SourceFile

    init(_ path: String = "test.mentor", _ text: String) {
        file = sources.add(path: path, text: text)
    }

    init(_ path: String = "test.mentor", bytes: [UInt8]) {
        file = sources.add(path: path, bytes: bytes)
    }

    /// The span of the `occurrence`-th (1-based) appearance of `needle` in `file`.
    func span(_ needle: String, occurrence: Int = 1, in file: SourceFile? = nil) -> Span {
        Self.span(of: Array(needle.utf8), occurrence: occurrence, in: file ?? self.file)
    }

    /// The span of `needle`'s bytes in `file`.
    static func span(of needle: [UInt8], occurrence: Int = 1, in file: SourceFile) -> Span {
        var seen = 0
        let bytes = file.bytes
        var start = 0
        while start + needle.count <= bytes.count {
            if Array(bytes[start..<start + needle.count]) == needle {
                seen += 1
                if seen == occurrence {
                    return Span(file: file.id, start: UInt32(start), end: UInt32(start + needle.count))
                }
            }
            start += 1
        }
        fatalError("needle not found in fixture")
    }

    /// An empty span at the end of the file.
    var endOfFile: Span {
        Span(file: file.id, start: UInt32(file.bytes.count), end: UInt32(file.bytes.count))
    }

    /// Renders without colour.
    func plain(_ diagnostic: Diagnostic) -> String {
        TextDiagnosticRenderer(sources: sources, useColor: false).render(diagnostic)
    }

    /// Renders with colour.
    func colored(_ diagnostic: Diagnostic) -> String {
        TextDiagnosticRenderer(sources: sources, useColor: true).render(diagnostic)
    }
}

/// Joins expected lines, each ending in a newline, as the renderer writes them.
func lines(_ lines: String...) -> String {
    lines.map { $0 + "\n" }.joined()
}
