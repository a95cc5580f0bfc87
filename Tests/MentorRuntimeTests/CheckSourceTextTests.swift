import Foundation
import MentorDiagnostics
@testable import MentorRuntime
import MentorSource
import Testing

/// `check` gives each file's text back once parsed (`EngineOptions.givesBackSourceText`) and
/// reads it again for its diagnostics: what it shows is what it showed holding the text, and a
/// file changed on disk since loses its snippet rather than showing lines it was not checked as.
@Suite("Check: source text given back and read again")
struct CheckSourceTextTests {
    private static let text = "let a = 1\nlet b = a + missing\n"

    /// Loads the folder's files (`check`'s reading) and checks them; the engine and what it found.
    private static func check(_ folder: String, givingBack: Bool) -> (Engine, [Diagnostic]) {
        var options = EngineOptions(today: CivilDate(year: 2026, month: 6, day: 1)!)
        options.givesBackSourceText = givingBack
        let engine = Engine(options: options, output: { _ in })
        let read = SourceDiscovery.readSources([folder], into: engine, report: { _ in })
        let checked = engine.loadAndCheck(read.files)
        return (engine, engine.sources.inReadingOrder(checked.diagnostics))
    }

    private static func rendered(_ engine: Engine, _ diagnostics: [Diagnostic]) -> String {
        TextDiagnosticRenderer(sources: engine.sources, useColor: false).render(diagnostics)
            + JSONDiagnosticRenderer.render(diagnostics, sources: engine.sources)
    }

    private static func folder() throws -> String {
        var template = Array((NSTemporaryDirectory() + "/mentor-source-text-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        let path = String(cString: created)
        try text.write(toFile: path + "/a.mentor", atomically: false, encoding: .utf8)
        return path
    }

    @Test("the report is the same with the text given back")
    func sameReport() throws {
        let path = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (held, heldDiagnostics) = Self.check(path, givingBack: false)
        let (given, givenDiagnostics) = Self.check(path, givingBack: true)
        #expect(!givenDiagnostics.isEmpty)
        #expect(givenDiagnostics == heldDiagnostics)
        #expect(Self.rendered(given, givenDiagnostics) == Self.rendered(held, heldDiagnostics))
        #expect(Self.rendered(given, givenDiagnostics).contains("2 | let b = a + missing"))
    }

    @Test("a file rewritten after the check keeps its place but shows no lines")
    func changedFile() throws {
        let path = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (held, heldDiagnostics) = Self.check(path, givingBack: false)
        let (given, givenDiagnostics) = Self.check(path, givingBack: true)
        try "let a = 1\nlet b = a + MISSING\n".write(toFile: path + "/a.mentor", atomically: false, encoding: .utf8)
        let heldText = TextDiagnosticRenderer(sources: held.sources, useColor: false).render(heldDiagnostics)
        let givenText = TextDiagnosticRenderer(sources: given.sources, useColor: false).render(givenDiagnostics)
        #expect(heldText.contains("2 | let b = a + missing"))
        #expect(!givenText.contains("2 |"))
        #expect(givenText.hasPrefix(heldText.prefix { $0 != "\n" } + "\n"))
    }
}
