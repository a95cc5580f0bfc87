import Foundation
import MentorFuzzing
import Testing

/// Text cut short is what an editor sends while a line is being typed: every example file is
/// truncated at every 7th byte, in its programme, and run down the `queries` fuzz target's
/// path (`QueryProperties`): built as the language server builds it, past the syntax error,
/// and asked every position query. Nothing may crash, every span answered must lie in its
/// file, and the diagnostics must be exactly the commands'.
@Suite("Fuzz: the examples truncated at every 7th byte, queried")
struct TruncatedExampleTests {
    /// The example programmes: each folder of `Examples/` (its files, recursively, by path) and
    /// each file standing alone in it.
    static func programmes() throws -> [(name: String, files: [QueryProperties.File])] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples")
        let manager = FileManager.default
        var programmes: [(name: String, files: [QueryProperties.File])] = []
        for entry in try manager.contentsOfDirectory(atPath: root.path).sorted() {
            let url = root.appendingPathComponent(entry)
            if entry.hasSuffix(".mentor") {
                programmes.append((entry, [(entry, Array(try Data(contentsOf: url)))]))
                continue
            }
            guard let paths = manager.enumerator(atPath: url.path) else { continue }
            let files = try paths.compactMap { $0 as? String }.filter { $0.hasSuffix(".mentor") }.sorted().map { path in
                (path: path, bytes: Array(try Data(contentsOf: url.appendingPathComponent(path))))
            }
            programmes.append((entry, files))
        }
        return programmes
    }

    @Test("every truncation of every example: the properties of the `queries` target hold")
    func truncations() throws {
        var builds = 0
        var recovered = 0
        for programme in try Self.programmes() {
            for (position, whole) in programme.files.enumerated() {
                for cut in stride(from: 0, through: whole.bytes.count, by: 7) {
                    var files = programme.files
                    files[position].bytes = Array(whole.bytes[..<cut])
                    // The truncated file, and the next one, whose names the cut may have left undeclared.
                    let outcome = QueryProperties.check(files, asking: [position, (position + 1) % files.count])
                    #expect(outcome.violations == [], "\(programme.name)/\(whole.path) cut at \(cut)")
                    builds += 1
                    if outcome.summary.hasPrefix("recovered") { recovered += 1 }
                }
            }
        }
        // The cuts must reach the case this is about: most land inside a declaration or a string.
        #expect(builds > 1_500)
        #expect(recovered * 3 > builds * 2)
    }
}
