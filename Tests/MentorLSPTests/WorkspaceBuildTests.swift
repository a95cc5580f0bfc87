import Foundation
@testable import MentorLSP
import MentorRuntime
import Testing

/// The programme an editor's workspace makes: the folder as `check` finds it, open buffers in
/// place of their files, diagnostics by file.
@Suite("Workspace build")
struct WorkspaceBuildTests {
    static let folder = LexicalPath.normalized(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/credential-program").path)
    static let options = EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!)
    static let agreement = folder + "/agreements/ana_ines.mentor"

    @Test("the folder's files are the programme; each rule violation is filed under its file")
    func diagnosticsByFile() {
        let build = WorkspaceBuild.build(folders: [Self.folder], overlays: [:], options: Self.options, generation: 1)
        #expect(build.files.count == 4)
        #expect(build.diagnostics[Self.agreement]?.compactMap(\.rule).sorted() == ["no_supervisor", "smart_goals"])
        #expect(build.unplaced.isEmpty)
    }

    @Test("an open buffer replaces its file, and an unsaved new file in the folder joins the programme")
    func overlays() throws {
        let people = Self.folder + "/people.mentor"
        var text = try String(contentsOfFile: people, encoding: .utf8)
        text = text.replacingOccurrences(of: "person ines \"Inês Duarte\" { supervisor: ana }", with: "person ines \"Inês Duarte\" { supervisor: lee }")
        let extra = Self.folder + "/agreements/extra.mentor"
        let hidden = Self.folder + "/.drafts/hidden.mentor"
        let build = WorkspaceBuild.build(folders: [Self.folder], overlays: [
            people: Array(text.utf8),
            extra: Array("person zed \"Zed\" { supervisor: lee }\n".utf8),
            hidden: Array("person y \"Y\" { supervisor: nobody }\n".utf8),
        ], options: Self.options, generation: 1)
        #expect(build.diagnostics[Self.agreement]?.compactMap(\.rule) == ["smart_goals"])
        #expect(build.files[extra] != nil)
        // Had the hidden buffer (which names an unknown person) been loaded, no rule would have run.
        #expect(build.files[hidden] == nil)
    }

    @Test("a build asked to stop after loading reports no rules")
    func stops() {
        let build = WorkspaceBuild.build(folders: [Self.folder], overlays: [:], options: Self.options, generation: 1, shouldStop: { true })
        #expect(build.diagnostics.values.joined().allSatisfy { $0.rule == nil })
    }

    @Test("with no folder, the open buffers alone are the programme")
    func noFolder() {
        let build = WorkspaceBuild.build(folders: [], overlays: ["/nowhere/a.mentor": Array("person a \"A\" { supervisor: b }\n".utf8)],
                                         options: Self.options, generation: 1)
        #expect(build.files.keys.sorted() == ["/nowhere/a.mentor"])
        #expect(build.diagnostics["/nowhere/a.mentor"]?.count == 1)
    }

    @Test("discovery's rules decide which unsaved paths belong to a folder")
    func discoverable() {
        #expect(WorkspaceBuild.isDiscoverable("/w/a/b.mentor", in: "/w"))
        #expect(!WorkspaceBuild.isDiscoverable("/w/.git/b.mentor", in: "/w"))
        #expect(!WorkspaceBuild.isDiscoverable("/wx/b.mentor", in: "/w"))
    }
}
