import Foundation
import MentorRuntime
import MentorSource

/// A programme loaded with name uses recorded, and ways to name positions in it by text.
struct QueryFixture {
    let engine: Engine
    let queries: ProgramQueries
    let files: [String: SourceFile]

    static let today = CivilDate(year: 2026, month: 6, day: 1)!

    init(_ sources: [(path: String, text: String)], today: CivilDate = QueryFixture.today) {
        var options = EngineOptions(today: today)
        options.recordsNameUses = true
        let engine = Engine(options: options, output: { _ in })
        let added = sources.map { engine.addSource(path: $0.path, bytes: Array($0.text.utf8)) }
        loadDiagnostics = engine.load(added).diagnostics.map(\.message)
        files = Dictionary(uniqueKeysWithValues: added.map { ($0.path, $0) })
        queries = ProgramQueries(engine: engine)
        self.engine = engine
    }

    /// Queries over an engine the test loaded itself.
    init(engine: Engine, files: [SourceFile]) {
        self.engine = engine
        self.files = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        queries = ProgramQueries(engine: engine)
        loadDiagnostics = []
    }

    /// The messages of the diagnostics loading reported.
    let loadDiagnostics: [String]

    /// The credential example of `Examples/`, as the user sees it.
    static func credentialExample() throws -> QueryFixture {
        QueryFixture(try credentialExampleSources())
    }

    /// The files of the credential example, by path relative to its folder.
    static func credentialExampleSources() throws -> [(path: String, text: String)] {
        let paths = ["program.mentor", "people.mentor", "agreements/ana_dave.mentor", "agreements/ana_ines.mentor"]
        let root = examplesFolder.appendingPathComponent("credential-program")
        return try paths.map { (path: $0, text: try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The package's `Examples/` folder.
    static let examplesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples")

    /// The file at `path`.
    func file(_ path: String) -> SourceFile { files[path]! }

    /// The offset of the `occurrence`-th (from 0) `needle` in `path`, plus `shift` bytes.
    func offset(of needle: String, in path: String, occurrence: Int = 0, shift: Int = 0) -> UInt32 {
        let bytes = file(path).bytes
        let wanted = Array(needle.utf8)
        var seen = 0
        for start in 0...(bytes.count - wanted.count) where Array(bytes[start..<start + wanted.count]) == wanted {
            if seen == occurrence { return UInt32(start + shift) }
            seen += 1
        }
        fatalError("`\(needle)` occurs fewer than \(occurrence + 1) times in \(path)")
    }

    /// The span of the `occurrence`-th `needle` in `path`.
    func span(of needle: String, in path: String, occurrence: Int = 0) -> Span {
        let start = offset(of: needle, in: path, occurrence: occurrence)
        return Span(file: file(path).id, start: start, end: start + UInt32(needle.utf8.count))
    }

    /// `path:line:column` of a span, for readable expectations.
    func place(_ span: Span) -> String {
        let file = engine.sources.file(span.file)!
        let location = file.location(of: span.start)
        return "\(file.path):\(location.line):\(location.column)"
    }

    /// The text a span covers.
    func text(_ span: Span) -> String { engine.sources.file(span.file)!.text(span) }
}
