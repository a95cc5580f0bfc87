import Foundation
import MentorCLI
import Testing

/// One golden case: `NAME.mentor` beside `NAME.expected` (exact output and exit code).
/// The command defaults to `run FILE`; a first line `// mentor: ARGS` gives other arguments,
/// where `{file}` stands for the golden file's path and `{dir}` for its folder.
/// Set `MENTOR_UPDATE_GOLDEN=1` to rewrite the `.expected` files (then review the diff).
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let path: String

    var testDescription: String { path }

    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func all() -> [GoldenCase] {
        let golden = root.appendingPathComponent("Tests/Golden")
        guard let walker = FileManager.default.enumerator(atPath: golden.path) else { return [] }
        var cases: [GoldenCase] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".mentor") { cases.append(GoldenCase(path: "Tests/Golden/" + relative)) }
        }
        return cases.sorted { $0.path < $1.path }
    }

    func arguments(source: String) -> [String] {
        let directory = (path as NSString).deletingLastPathComponent
        if let first = source.split(separator: "\n", omittingEmptySubsequences: false).first, first.hasPrefix("// mentor:") {
            let words = first.dropFirst("// mentor:".count).split(separator: " ").map(String.init)
            return words.map { $0.replacingOccurrences(of: "{file}", with: path).replacingOccurrences(of: "{dir}", with: directory) }
        }
        return ["run", path]
    }
}

/// Runs `mentor` in-process with the repository root as the working directory's stand-in.
func runMentor(_ arguments: [String], stdin: String = "") -> (stdout: String, stderr: String, status: Int32) {
    final class Buffer: @unchecked Sendable {
        var text = ""
    }
    let out = Buffer()
    let err = Buffer()
    let context = CLIContext(writeOut: { out.text += $0 }, writeErr: { err.text += $0 }, readStdin: { Array(stdin.utf8) },
                             stdinIsTerminal: false, stdoutIsTerminal: false, stderrIsTerminal: false, environment: [:])
    let status = MentorCLI.run(arguments, context: context)
    return (out.text, err.text, status)
}

@Suite("Golden files", .serialized)
struct GoldenTests {
    init() {
        // Paths in golden files are relative to the repository root.
        _ = FileManager.default.changeCurrentDirectoryPath(GoldenCase.root.path)
    }

    @Test(arguments: GoldenCase.all())
    func golden(_ golden: GoldenCase) throws {
        let source = String(decoding: try Data(contentsOf: URL(fileURLWithPath: golden.path)), as: UTF8.self)
        let result = runMentor(golden.arguments(source: source))
        let actual = "exit: \(result.status)\n--- stdout\n\(result.stdout)--- stderr\n\(result.stderr)"
        let expectedPath = String(golden.path.dropLast(".mentor".count)) + ".expected"
        if ProcessInfo.processInfo.environment["MENTOR_UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(expected != nil, "missing \(expectedPath); run with MENTOR_UPDATE_GOLDEN=1 and review it")
        #expect(actual == expected, "output of \(golden.path) differs from \(expectedPath)")
    }
}
