import Foundation
import Testing

/// Input that is merely long (chains of 100,000 links, 100,000 `let`s or fields needing each
/// other, a `for` with 300,000 bindings) ends in a diagnostic or a result, never a stack overflow.
@Suite("deep input", .serialized)
struct DeepInputTests {
    private static let links = 100_000

    private func withSource(_ source: String, _ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentor-deep-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.mentor").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        try body(path)
    }

    private static func count(of code: String, in text: String) -> Int {
        text.components(separatedBy: "[\(code)]").count - 1
    }

    /// A chain of `links` copies of `operand` joined by `separator`.
    private static func chain(_ operand: String, _ separator: String) -> String {
        Array(repeating: operand, count: links).joined(separator: separator)
    }

    private static let chains: [(String, String)] = [
        ("+", "print(" + chain("1", " + ") + ")"),
        ("-", "print(" + chain("1", " - ") + ")"),
        ("*", "print(" + chain("1", " * ") + ")"),
        ("/", "print(" + chain("1", " / ") + ")"),
        ("and", "print(" + chain("true", " and ") + ")"),
        ("or", "print(" + chain("false", " or ") + ")"),
        ("string +", "print(" + chain("\"a\"", " + ") + ")"),
        ("list +", "print(" + chain("[1]", " + ") + ")"),
        ("member", "let r = { a: 1 }\nprint(r" + chain(".a", "") + ")"),
        ("call", "fn f(x) = f\nprint(f" + chain("(1)", "") + ")"),
        ("with", "let r = { a: 1 }\nprint(r" + chain(" with { a: 2 }", "") + ")"),
        ("lines", "let total = 1\n" + chain("  + 1\n", "")),
    ]

    /// Each kind of chain at 100,000 links: one M0209, exit 1.
    @Test(arguments: chains)
    func aChainPastTheLimitIsOneDiagnostic(kind: String, source: String) throws {
        try withSource(source) { path in
            let result = runMentor(["check", path])
            #expect(result.status == 1, "\(kind)")
            #expect(Self.count(of: "M0209", in: result.stdout) == 1, "\(kind): \(result.stdout.prefix(1_000))")
            #expect(result.stdout.hasSuffix("1 error in 1 file\n"), "\(kind): \(result.stdout.suffix(500))")
        }
    }

    /// Every command refuses a 100,000-term sum with the same diagnostic.
    @Test(arguments: [["run"], ["fmt"], ["test"], ["export", "--format", "json"]])
    func everyCommandRefusesALongChain(command: [String]) throws {
        try withSource("let x = " + Array(repeating: "1", count: Self.links).joined(separator: " + ") + "\n") { path in
            let result = runMentor(command + [path])
            #expect(result.status == 1, "\(command)")
            #expect(Self.count(of: "M0209", in: result.stdout + result.stderr) == 1, "\(command): \(result.stderr.prefix(1_000))")
        }
    }

    /// A chain just inside the limit runs and formats: every stage walks it on a large stack.
    @Test func aChainInsideTheLimitRunsAndFormats() throws {
        let sum = Array(repeating: "1", count: 4_000).joined(separator: " + ")
        let update = "r" + String(repeating: " with { a: r.a + 1 }", count: 2_000)
        try withSource("let r = { a: 1 }\nprint(\(sum))\nprint((\(update)).a)\n") { path in
            let run = runMentor(["run", path])
            #expect(run.status == 0, "\(run.stderr.prefix(1_000))")
            #expect(run.stdout == "4000\n2\n")
            let check = runMentor(["check", path])
            #expect(check.status == 0, "\(check.stdout.prefix(1_000))")
            let format = runMentor(["fmt", path])
            #expect(format.status == 0, "\(format.stderr.prefix(1_000))")
        }
    }

    /// 100,000 `let`s each reading the next count as nested evaluation: M0407.
    @Test func aLongChainOfLetsIsTheDepthLimit() throws {
        let lets = (0..<Self.links).map { "let a\($0) = a\($0 + 1)\n" }.joined()
        try withSource(lets + "let a\(Self.links) = 1\nprint(a0)\n") { path in
            let result = runMentor(["run", path])
            #expect(result.status == 1)
            #expect(Self.count(of: "M0407", in: result.stderr) == 1, "\(result.stderr.prefix(1_000))")
        }
    }

    /// Fields reading the next entity's field count like calls; each field on a too-deep chain
    /// fails once, so the whole chain is not retried from every field (10 diagnostics, not 18,000).
    @Test func aLongChainOfFieldsIsTheDepthLimit() throws {
        let count = 20_000
        let fields = (0..<count).map { "competency c\($0) { description: c\($0 + 1).description }\n" }.joined()
        try withSource(fields + "competency c\(count) { description: \"end\" }\n") { path in
            let result = runMentor(["check", path])
            #expect(result.status == 1)
            let failures = Self.count(of: "M0407", in: result.stdout)
            #expect(failures >= 1 && failures <= count / 2_000, "\(result.stdout.suffix(1_000))")
        }
    }

    /// A `for` with 300,000 bindings runs its body: the bindings are walked without recursion.
    @Test func aForWithManyBindingsRuns() throws {
        let bindings = (0..<300_000).map { "x\($0) in [\($0)]" }.joined(separator: ", ")
        try withSource("for \(bindings) {\n  print(x0 + x299999)\n}\n") { path in
            let result = runMentor(["run", path])
            #expect(result.status == 0, "\(result.stderr.prefix(1_000))")
            #expect(result.stdout == "299999\n")
        }
    }

    /// Values nested as deep as evaluation can build them print and compare.
    @Test func aDeepValuePrintsAndCompares() throws {
        let depth = 100
        let source = "fn f(n) = if n == 0 then [] else " + String(repeating: "[", count: 200) + "f(n - 1)"
            + String(repeating: "]", count: 200) + "\nlet v = f(\(depth))\nprint(v == f(\(depth)))\nprint(v.count)\n"
        try withSource(source) { path in
            let result = runMentor(["run", path])
            #expect(result.status == 0, "\(result.stderr.prefix(1_000))")
            #expect(result.stdout == "true\n1\n")
        }
    }
}
