import MentorDiagnostics
import MentorRuntime
import MentorSource

/// One build of the workspace's programme, as `check` would make it from the folders, with
/// the editor's open buffers in place of the files on disk.
public final class WorkspaceBuild: @unchecked Sendable {
    // Made on a worker thread and handed whole to the server's thread once finished; from
    // then on only that thread reads it (the engine is not thread-safe, but is never shared).

    /// The checked programme this build indexes: its engine, files and diagnostics.
    public let checked: CheckedWorkspace
    /// Answers position questions (hover, definition…) about the built programme.
    public let queries: ProgramQueries

    /// The engine that holds the built programme (queries run against it).
    public var engine: Engine { checked.engine }
    /// The programme's files (named and imported), by lexically normalised path.
    public var files: [String: SourceFile] { checked.files }
    /// What `check` reports, by the normalised path of the file each diagnostic is in.
    public var diagnostics: [String: [Diagnostic]] { checked.diagnostics }
    /// Diagnostics that point at no file of the programme (a size limit, the standard library).
    public var unplaced: [Diagnostic] { checked.unplaced }
    /// Lines about paths that could not be read, as `check` prints them.
    public var problems: [String] { checked.problems }
    /// The edit generation the build saw; stale once the documents changed again.
    public var generation: Int { checked.generation }

    /// Indexes a checked programme for position queries. Done after the diagnostics are sent,
    /// since on a large workspace indexing costs about an eighth of a build.
    public init(indexing checked: CheckedWorkspace) {
        self.checked = checked
        queries = ProgramQueries(engine: checked.engine)
    }

    /// The normalised path of the file `id` names in this build, if it is one of the programme's.
    public func path(of id: FileID) -> String? {
        guard let file = engine.sources.file(id), file.path != Engine.standardLibraryPath else { return nil }
        return LexicalPath.normalized(file.path)
    }

    /// Builds and indexes the programme `check(…)` describes.
    public static func build(folders: [String], overlays: [String: [UInt8]], options: EngineOptions, generation: Int,
                             shouldStop: () -> Bool = { false }, started: (Engine) -> Void = { _ in }) -> WorkspaceBuild {
        WorkspaceBuild(indexing: check(folders: folders, overlays: overlays, options: options, generation: generation,
                                       shouldStop: shouldStop, started: started))
    }

    /// Builds and checks the programme of `folders` (absolute, normalised) with `overlays` (open
    /// buffers by normalised path) standing in for the files on disk. Buffers outside every
    /// folder take no part unless there are no folders, when the buffers alone are the programme.
    /// `shouldStop` is asked between phases; a stopped build is incomplete and must be dropped.
    public static func check(folders: [String], overlays: [String: [UInt8]], options: EngineOptions, generation: Int,
                             shouldStop: () -> Bool = { false }, started: (Engine) -> Void = { _ in }) -> CheckedWorkspace {
        let reader = OverlaySourceReader(overlays: overlays)
        let engine = Engine(options: options, reader: reader, output: { _ in })
        started(engine)
        var problems: [String] = []
        var named: [SourceFile] = []
        var seen: Set<String> = []
        SourceDiscovery.forEachSource(folders, reader: reader) { event in
            switch event {
            case .linkLoop(let path, let reason):
                problems.append("warning: '\(path)': \(reason)")
            case .unreadable(let path, let reason):
                problems.append(SourceDiscovery.cannotRead(path, reason).dropLast().description)
            case .file(let path, let bytes, _):
                let normalized = LexicalPath.normalized(path)
                seen.insert(normalized)
                named.append(engine.addSource(path: normalized, bytes: bytes))
            }
        }
        // A buffer not yet saved is part of the programme as soon as it is open.
        let unsaved = overlays.keys.filter { path in
            guard !seen.contains(path) else { return false }
            if folders.isEmpty { return true }
            return path.hasSuffix(".mentor") && folders.contains { isDiscoverable(path, in: $0) }
        }
        for path in unsaved.sorted() { named.append(engine.addSource(path: path, bytes: overlays[path]!)) }

        let checked = engine.loadAndCheck(named, shouldStop: shouldStop)
        var files: [String: SourceFile] = [:]
        for id in engine.userFiles {
            if let file = engine.sources.file(id) { files[LexicalPath.normalized(file.path)] = file }
        }
        var byFile: [String: [Diagnostic]] = [:]
        var unplaced: [Diagnostic] = []
        for diagnostic in checked.diagnostics {
            if let file = engine.sources.file(diagnostic.span.file), file.path != Engine.standardLibraryPath {
                byFile[LexicalPath.normalized(file.path), default: []].append(diagnostic)
            } else {
                unplaced.append(diagnostic)
            }
        }
        return CheckedWorkspace(engine: engine, files: files, diagnostics: byFile, unplaced: unplaced, problems: problems,
                                generation: generation, baseline: RecheckBaseline(checked, sources: engine.sources))
    }

    /// True when discovery under `folder` would find `path`: inside it, and no folder or file on
    /// the way has a name beginning with `.`.
    static func isDiscoverable(_ path: String, in folder: String) -> Bool {
        guard LexicalPath.isInside(path, folder: folder), path != folder else { return false }
        let relative = path.dropFirst(folder == "/" ? 1 : folder.count + 1)
        return !relative.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}
