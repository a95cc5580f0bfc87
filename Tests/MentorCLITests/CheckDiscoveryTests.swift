import Foundation
import Testing

/// `mentor check` on a folder: hidden entries skipped, link loops survived, unreadable files reported.
@Suite("check discovery", .serialized)
struct CheckDiscoveryTests {
    private func makeTree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mentor-discovery-\(UInt32.random(in: 0...UInt32.max))")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("agreements/.drafts"), withIntermediateDirectories: true)
        try "person ana \"Ana\"\nperson dave \"Dave\"\n".write(to: root.appendingPathComponent("people.mentor"), atomically: true, encoding: .utf8)
        try "agreement ana_dave { mentor: ana, mentee: dave, start: 2026-01-12 }\n"
            .write(to: root.appendingPathComponent("agreements/ana_dave.mentor"), atomically: true, encoding: .utf8)
        // A hidden draft with an error that must not be read.
        try "agreement broken {\n".write(to: root.appendingPathComponent("agreements/.drafts/broken.mentor"), atomically: true, encoding: .utf8)
        try "agreement hidden {\n".write(to: root.appendingPathComponent(".hidden.mentor"), atomically: true, encoding: .utf8)
        // A directory link back to the root: a loop.
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("agreements/loop").path, withDestinationPath: root.path)
        return root
    }

    @Test func hiddenEntriesAreSkippedAndLoopsReportedOnce() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = runMentor(["check", "--today", "2026-06-01", root.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("no problems in 2 files\n"), "\(result.stdout)")
        #expect(result.stderr.components(separatedBy: "directory link loop").count == 2, "\(result.stderr)")
    }

    @Test func anUnreadableFileIsAnIOErrorAndTheRestIsChecked() throws {
        // A dangling link cannot be read even by root (CI runs as root, so permissions would not do).
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let dangling = root.appendingPathComponent("gone.mentor")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: root.appendingPathComponent("missing-target").path)
        let result = runMentor(["check", "--today", "2026-06-01", root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read '\(dangling.path)'"), "\(result.stderr)")
        #expect(result.stdout.hasSuffix("no problems in 2 files\n"))
    }

    @Test func aMissingPathIsAnIOErrorAndTheRestIsChecked() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = runMentor(["check", "--today", "2026-06-01", root.path, root.appendingPathComponent("nope").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("No such file or directory"))
        #expect(result.stdout.hasSuffix("no problems in 2 files\n"))
    }
}
