import Foundation
import MentorFuzzing
import Testing

/// One saved fuzz finding: `Tests/Regressions/<target>/NAME.mentor` (or `.bin`) beside
/// `NAME.expected`, the summary of what the fixed toolchain does with it.
struct Regression: CustomTestStringConvertible, Sendable {
    let target: FuzzTarget
    let path: String

    var testDescription: String { "\(target.rawValue)/\((path as NSString).lastPathComponent)" }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Regressions")

    static func all() -> [Regression] {
        FuzzTarget.allCases.flatMap { target in
            let folder = root.appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0.hasSuffix(".mentor") || $0.hasSuffix(".bin") }.sorted()
                .map { Regression(target: target, path: folder.appendingPathComponent($0).path) }
        }
    }

    var expectedPath: String { (path as NSString).deletingPathExtension + ".expected" }
}

/// Replays every saved fuzz finding through the path of the target that found it: every
/// property must hold, and the outcome must be the one the fix intended (`NAME.expected`;
/// `MENTOR_UPDATE_GOLDEN=1` rewrites them, to be read like code).
@Suite("Fuzz regressions")
struct RegressionTests {
    @Test(arguments: Regression.all())
    func replay(_ regression: Regression) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: regression.path)))
        let outcome = regression.target.run(bytes)
        #expect(outcome.violations == [])
        if ProcessInfo.processInfo.environment["MENTOR_UPDATE_GOLDEN"] == "1" {
            try outcome.summary.write(toFile: regression.expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: regression.expectedPath, encoding: .utf8)
        #expect(outcome.summary == expected)
    }

    /// The folders exist and hold only reproducers with their expectations, so a misnamed
    /// file cannot silently drop out of the replay.
    @Test func everyFileIsAReproducerOrItsExpectation() throws {
        for target in FuzzTarget.allCases {
            let folder = Regression.root.appendingPathComponent(target.rawValue)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != ".gitkeep" {
                let stem = (name as NSString).deletingPathExtension
                let known = [".mentor", ".bin", ".expected"].contains { name.hasSuffix($0) }
                #expect(known, "unexpected file \(target.rawValue)/\(name)")
                if name.hasSuffix(".expected") {
                    let hasInput = FileManager.default.fileExists(atPath: folder.appendingPathComponent(stem + ".mentor").path)
                        || FileManager.default.fileExists(atPath: folder.appendingPathComponent(stem + ".bin").path)
                    #expect(hasInput, "\(target.rawValue)/\(name) has no reproducer")
                }
            }
        }
    }
}
