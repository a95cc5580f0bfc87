import Foundation
import MentorDiagnostics
import MentorRuntime
import Testing

/// The limit on the total source of one programme (M0615), which keeps the memory `mentor`
/// needs within its budget however many files a programme spreads over.
@Suite("programme size limit", .serialized)
struct ProgrammeSizeLimitTests {
    /// Imports served from memory, so no test writes large files.
    private struct MemoryReader: SourceReader {
        let files: [String: String]
        func read(_ path: String) -> Result<[UInt8], ReadError> {
            files[path].map { .success(Array($0.utf8)) } ?? .failure(ReadError(reason: "No such file or directory"))
        }
        func canonicalPath(_ path: String) -> String { path }
    }

    private func engine(limit: Int, imports: [String: String] = [:]) -> Engine {
        var options = EngineOptions(today: CivilDate(iso: "2026-06-01")!)
        options.maxSourceBytes = limit
        return Engine(options: options, reader: MemoryReader(files: imports), output: { _ in })
    }

    @Test(arguments: ["check", "test", "export"])
    func namedFilesOverTheLimitTogetherAreRefusedBeforeParsing(command: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentor-programme-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two files under the file limit whose sum is over the programme's: text where the binary
        // check looks, then a sparse tail, so nothing large is written.
        for name in ["a.mentor", "b.mentor"] {
            let path = folder.appendingPathComponent(name).path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(String(repeating: "// big\n", count: 1_200).utf8)))
            #expect(truncate(path, off_t(40 << 20)) == 0)
        }
        let arguments = command == "export" ? ["export", "--format", "json", folder.path] : [command, folder.path]
        let result = runMentor(arguments)
        #expect(result.status == 1)
        let message = "error: the programme's source files total 80.0 MiB, more than the limit of 64 MiB [M0615]"
        #expect((result.stdout + result.stderr).contains(message))
        // Refused before parsing: 80 MiB of NUL bytes would otherwise be lexical errors.
        #expect(!(result.stdout + result.stderr).contains("M0102"))
    }

    @Test("--max-source sets the limit for the command")
    func maxSourceSetsTheLimit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentor-max-source-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.mentor").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(String(repeating: "// a line of comment\n", count: 60_000).utf8)))
        let refused = runMentor(["check", "--max-source", "1", path])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("error: the programme's source files total 1.3 MiB, more than the limit of 1 MiB [M0615]"), "\(refused.stdout)")
        #expect(refused.stdout.contains("raise the limit with `--max-source MiB`"))
        let accepted = runMentor(["check", "--max-source", "2", path])
        #expect(accepted.status == 0)
        #expect(accepted.stdout.contains("no problems in 1 file"), "\(accepted.stdout)")
    }

    @Test func filesUpToTheLimitAreLoaded() {
        let engine = engine(limit: 20)
        let first = engine.addSource(path: "a.mentor", bytes: Array("let a = 1\n".utf8))
        let second = engine.addSource(path: "b.mentor", bytes: Array("let b = 2\n".utf8))
        #expect(engine.load([first, second]).diagnostics.isEmpty)
    }

    @Test func aLoadOverTheLimitIsRefusedAndCountsForNothing() {
        let engine = engine(limit: 20)
        let big = engine.addSource(path: "big.mentor", bytes: Array("let a = 1\nlet b = 2\nlet c = 3\n".utf8))
        let refused = engine.load([big]).diagnostics
        #expect(refused.map(\.code) == [.programmeTooLarge])
        #expect(refused.first?.message == "the programme's source files total 0.1 MiB, more than the limit of 20 bytes")
        // As after a REPL `:load` of too much: what fits is still loaded afterwards.
        let small = engine.addSource(path: "small.mentor", bytes: Array("let d = 4\n".utf8))
        #expect(engine.load([small]).diagnostics.isEmpty)
    }

    @Test func anImportPastTheLimitIsRefusedAtTheImport() throws {
        let main = "import \"big.mentor\"\n"
        let engine = engine(limit: 30, imports: ["big.mentor": "let a = 1\nlet b = 2\n"])
        let file = engine.addSource(path: "main.mentor", bytes: Array(main.utf8))
        let diagnostics = engine.load([file]).diagnostics
        #expect(diagnostics.map(\.code) == [.programmeTooLarge])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message.hasPrefix("cannot import `big.mentor`: the programme's source files would total"))
        #expect(file.text(diagnostic.span) == "\"big.mentor\"")
    }
}
