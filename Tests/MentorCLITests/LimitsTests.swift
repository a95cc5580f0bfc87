import Foundation
import MentorRuntime
import Testing

/// Limits whose inputs are too big for a golden file: each ends in a diagnostic or an I/O error, never a crash.
@Suite("limits", .serialized)
struct LimitsTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mentor-limits-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: ["check", "run"])
    func aFileOverTheSizeLimitIsAnIOErrorBeforeItIsRead(command: String) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.mentor").path
        // Sparse: the size is refused from the file's metadata, so no test writes 65 MiB.
        #expect(FileManager.default.createFile(atPath: path, contents: Data("let a = 1\n".utf8)))
        #expect(truncate(path, off_t(FileSystemReader.maxFileSize + 1)) == 0)
        let result = runMentor([command, path])
        #expect(result.status == 2)
        #expect(result.stderr == "mentor: cannot read '\(path)': file larger than 64 MiB\n")
    }

    @Test func aFileOfExactlyTheSizeLimitIsRead() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.mentor").path
        // Text at the start (what the binary check inspects), then a sparse tail up to the limit.
        #expect(FileManager.default.createFile(atPath: path, contents: Data(String(repeating: "// big\n", count: 1_200).utf8)))
        #expect(truncate(path, off_t(FileSystemReader.maxFileSize)) == 0)
        let bytes = try FileSystemReader().read(path).get()
        #expect(bytes.count == FileSystemReader.maxFileSize)
    }

    /// Deep nesting of each kind: one M0203 diagnostic and exit 1, however deep.
    @Test(arguments: [
        ("brackets", "let x = " + String(repeating: "[", count: 100_000)),
        ("parentheses", "let x = " + String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)),
        ("records", "let x = " + String(repeating: "{ a: ", count: 20_000) + "1" + String(repeating: " }", count: 20_000)),
        ("unary minus", "let x = " + String(repeating: "-", count: 100_000) + "1"),
        ("not", "let x = " + String(repeating: "not ", count: 50_000) + "true"),
        ("blocks", (0..<300).map { String(repeating: "  ", count: $0) + "if true {" }.joined(separator: "\n") + "\n"),
    ])
    func nestingPastTheLimitIsOneDiagnostic(kind: String, source: String) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deep.mentor").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        let result = runMentor(["check", path])
        #expect(result.status == 1, "\(kind)")
        #expect(result.stdout.components(separatedBy: "[M0203]").count == 2, "\(kind): \(result.stdout.prefix(2_000))")
    }

    @Test func checkShowsTwoHundredDiagnosticsByDefaultAndCountsTheRest() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("many.mentor").path
        try (0..<250).map { "let v\($0) = missing\($0)" }.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let text = runMentor(["check", path])
        #expect(text.status == 1)
        #expect(text.stdout.components(separatedBy: "error: cannot find").count - 1 == 200)
        #expect(text.stdout.hasSuffix("… and 50 more errors not shown (`--max-diagnostics 0` shows all)\n250 errors in 1 file\n"))
        let all = runMentor(["check", "--max-diagnostics", "0", path])
        #expect(all.stdout.components(separatedBy: "error: cannot find").count - 1 == 250)
        #expect(!all.stdout.contains("not shown"))
        let json = runMentor(["check", "--format", "json", path])
        #expect(json.stdout.components(separatedBy: "\"code\": \"M0301\"").count - 1 == 250)
    }

    @Test func recursionDeeperThanTheLimitIsADiagnosticNotAStackOverflow() throws {
        // Mutual recursion through a lambda and a member call, not only a direct self-call.
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deep.mentor").path
        try """
            fn down(n) = [n].map(x => up(x + 1)).first
            fn up(n) = down(n)
            print(down(0))
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let deep = runMentor(["run", path])
        #expect(deep.status == 1)
        #expect(deep.stderr.contains("[M0407]"), "\(deep.stderr)")
    }
}
