import Foundation
@testable import MentorCLI
import MentorRuntime
import Testing

/// `DIR/...`: which arguments are patterns, which entries of the folder are programmes, and how
/// `check` and `test` tell a pattern from plain paths. The goldens in `Tests/Golden/programmes/`
/// show the reports; these cover the cases a fixture in git cannot hold (an empty folder, a
/// programme appearing while watched).
@Suite("programme patterns")
struct ProgrammePatternTests {
    private func makeFolder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mentor-pattern-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    private func write(_ text: String, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func onlyATrailingThreeDotPartIsAPattern() {
        #expect(ProgrammePattern("Examples/...")?.folder == "Examples")
        #expect(ProgrammePattern("Examples//...")?.folder == "Examples/")
        #expect(ProgrammePattern("...")?.folder == ".")
        #expect(ProgrammePattern("/...")?.folder == "/")
        #expect(ProgrammePattern("Examples/.../") == nil)
        #expect(ProgrammePattern("Examples...") == nil)
        #expect(ProgrammePattern("Examples/.../x") == nil)
        #expect(ProgrammePattern("Examples/") == nil)
    }

    @Test("the programmes are the folder's entries that hold .mentor files, sorted, hidden ones skipped")
    func programmesOfAFolder() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("let a = 1\n", to: "zeta/deep/inside/a.mentor", in: root)
        try write("let b = 1\n", to: "alpha/b.mentor", in: root)
        try write("let c = 1\n", to: "single.mentor", in: root)
        try write("notes\n", to: "pictures/readme.txt", in: root)
        try write("notes\n", to: "notes.txt", in: root)
        try write("let d = 1\n", to: ".drafts/d.mentor", in: root)
        try write("let e = 1\n", to: ".hidden.mentor", in: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let found = try ProgrammePattern(root.path + "/...")?.programmes().get()
        #expect(found == ["alpha", "single.mentor", "zeta"].map { root.path + "/" + $0 })
    }

    @Test func aFolderWithoutProgrammesNamesNone() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try ProgrammePattern(root.path + "/...")?.programmes().get() == [])
    }

    @Test func aFileOrAMissingFolderCannotBeListed() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("let c = 1\n", to: "single.mentor", in: root)
        for path in [root.path + "/single.mentor/...", root.path + "/missing/..."] {
            guard case .failure(let problem) = ProgrammePattern(path)?.programmes() else {
                Issue.record("\(path) was listed")
                continue
            }
            #expect(problem.path == String(path.dropLast(4)))
        }
    }

    @Test func patternsAndPlainPathsDoNotMix() {
        #expect(ProgrammeSelection.select(["a", "b.mentor"], command: "check") == .one(["a", "b.mentor"]))
        #expect(ProgrammeSelection.select(["a/...", "b/..."], command: "check")
                == .each([ProgrammePattern("a/...")!, ProgrammePattern("b/...")!]))
        guard case .invalid(let problem) = ProgrammeSelection.select(["a/...", "b.mentor"], command: "test") else {
            Issue.record("a pattern with a plain path was accepted")
            return
        }
        #expect(problem.code == .patternWithPlainPaths)
        #expect(problem.message.contains("`a/...` tests each programme"))
    }

    @Test("a programme added to a watched pattern's folder starts a run and is then checked")
    func aNewProgrammeIsWatched() throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try write("let a = 1\n", to: "first/a.mentor", in: root)
        let patterns = [ProgrammePattern(root.path + "/...")!]
        let before = WatchedFiles(paths: ProgrammeSelection.watchedFolders(patterns), read: [])
        try write("let b = 1\n", to: "second/b.mentor", in: root)
        #expect(WatchedFiles(paths: ProgrammeSelection.watchedFolders(patterns), read: []) != before)
        let context = CLIContext(writeOut: { _ in }, writeErr: { _ in }, readStdin: { [] },
                                 stdinIsTerminal: false, stdoutIsTerminal: false, stderrIsTerminal: false, environment: [:])
        #expect(ProgrammeSelection.programmes(patterns, context: context).programmes == [root.path + "/first", root.path + "/second"])
    }
}
