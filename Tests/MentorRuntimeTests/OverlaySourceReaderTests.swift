import Foundation
@testable import MentorRuntime
import Testing

/// Building a programme from texts held in memory: an editor's unsaved buffers stand in for
/// the files on disk, for the named files and for what they import.
@Suite("Loading from in-memory sources")
struct OverlaySourceReaderTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/credential-program").path

    @Test("paths are normalised by their text", arguments: [
        ("/a/./b/../c.mentor", "/a/c.mentor"), ("/a//b/", "/a/b"), ("/../x", "/x"), ("a/../../b", "../b"), ("./", "."),
    ])
    func lexicalPaths(path: String, expected: String) {
        #expect(LexicalPath.normalized(path) == expected)
    }

    @Test("a folder holds its own paths but not a sibling that shares its prefix")
    func inside() {
        #expect(LexicalPath.isInside("/w/a.mentor", folder: "/w"))
        #expect(!LexicalPath.isInside("/wx/a.mentor", folder: "/w"))
        #expect(LexicalPath.isInside("/w/a.mentor", folder: "/"))
    }

    @Test("an overlay wins over the disk, under any spelling of its path; other paths read the disk")
    func overlayFirst() throws {
        let people = Self.fixture + "/people.mentor"
        let reader = OverlaySourceReader(overlays: [people: Array("person x".utf8)])
        #expect(try reader.read(Self.fixture + "/agreements/../people.mentor").get() == Array("person x".utf8))
        let program = try reader.read(Self.fixture + "/program.mentor").get()
        #expect(program == Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture + "/program.mentor"))))
        #expect(reader.canonicalPath("/nowhere/a/../b.mentor") == "/nowhere/b.mentor")
    }

    @Test("an import reads the unsaved buffer, and check reports what the buffer says")
    func importReadsTheBuffer() throws {
        let people = Self.fixture + "/people.mentor"
        // Never saved: the file does not exist on disk.
        let agreementPath = Self.fixture + "/extra.mentor"
        let overlays: [String: [UInt8]] = [
            agreementPath: Array("import \"people.mentor\"\nperson zed \"Zed\" { supervisor: noone }\n".utf8),
            people: Array("person lee \"Lee Park\"\n".utf8),
        ]
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!),
                            reader: OverlaySourceReader(overlays: overlays), output: { _ in })
        let file = engine.addSource(path: agreementPath, bytes: overlays[agreementPath]!)
        let checked = engine.loadAndCheck([file])
        #expect(!checked.elaborated)
        #expect(checked.diagnostics.map(\.message).contains { $0.contains("noone") })
        #expect(engine.userFiles.count == 2)
        #expect(!FileManager.default.fileExists(atPath: agreementPath))
    }

    @Test("loadAndCheck reports what check reports: rule violations once the programme resolves")
    func loadAndCheckRunsRules() throws {
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { _ in })
        let files = try ["program.mentor", "people.mentor", "agreements/ana_dave.mentor", "agreements/ana_ines.mentor"].map {
            engine.addSource(path: $0, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture + "/" + $0))))
        }
        var asked = 0
        let checked = engine.loadAndCheck(files) { asked += 1; return false }
        #expect(checked.elaborated)
        #expect(asked == 2)
        #expect(checked.diagnostics.contains { $0.rule == "no_supervisor" })
        #expect(!checked.rules.isEmpty)
    }

    @Test("a caller that stops after loading gets no rule results")
    func stopsBetweenPhases() throws {
        let engine = Engine(options: EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!), output: { _ in })
        let files = try ["program.mentor", "people.mentor", "agreements/ana_dave.mentor", "agreements/ana_ines.mentor"].map {
            engine.addSource(path: $0, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture + "/" + $0))))
        }
        let checked = engine.loadAndCheck(files) { true }
        #expect(checked.rules.isEmpty)
        #expect(!checked.diagnostics.contains { $0.rule != nil })
    }
}
